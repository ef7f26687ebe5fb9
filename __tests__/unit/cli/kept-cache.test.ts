import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withKeptTrivyDb } from '../../../src/faces/cli/kept-cache.js'
import { quiet } from '../../support/quiet-reporter.js'

/** A project whose GitLab cache restored a DB at .oci-pipeline-cache/trivy-db, and a cache outside it. */
function setUp(): { workspace: string; cacheDir: string; kept: string } {
  const workspace = mkdtempSync(join(tmpdir(), 'oci-kept-ws-'))
  const kept = '.oci-pipeline-cache/trivy-db'
  mkdirSync(join(workspace, kept), { recursive: true })
  writeFileSync(join(workspace, kept, 'trivy.db'), 'restored')
  return { workspace, cacheDir: join(mkdtempSync(join(tmpdir(), 'oci-kept-cache-')), 'trivy'), kept }
}

describe('the Trivy DB GitLab caches in the project, kept out of the build context while a job runs', () => {
  it('is moved out of the project before the run, and copied back after it for GitLab to cache', async () => {
    const { workspace, cacheDir, kept } = setUp()
    const seen = await withKeptTrivyDb({ kept, cacheDir, workspace, reporter: quiet }, async () => {
      const during = {
        inProject: existsSync(join(workspace, kept)),
        db: readFileSync(join(cacheDir, 'db', 'trivy.db'), 'utf8')
      }
      writeFileSync(join(cacheDir, 'db', 'trivy.db'), 'updated')
      return during
    })
    expect(seen).toEqual({ inProject: false, db: 'restored' })
    expect(readFileSync(join(workspace, kept, 'trivy.db'), 'utf8')).toBe('updated')
  })

  it('is copied back even when the run fails', async () => {
    const { workspace, cacheDir, kept } = setUp()
    await expect(
      withKeptTrivyDb({ kept, cacheDir, workspace, reporter: quiet }, async () => {
        throw new Error('gate')
      })
    ).rejects.toThrow('gate')
    expect(readFileSync(join(workspace, kept, 'trivy.db'), 'utf8')).toBe('restored')
  })

  it('leaves a cache the user put inside the project where it is', async () => {
    const { workspace, kept } = setUp()
    const inside = join(workspace, '.trivy')
    await withKeptTrivyDb({ kept, cacheDir: inside, workspace, reporter: quiet }, async () => {
      expect(existsSync(join(workspace, kept, 'trivy.db'))).toBe(true)
    })
    expect(existsSync(join(inside, 'db'))).toBe(false)
  })

  it('refuses a DB the repository committed, before anything is moved', async () => {
    const { workspace, cacheDir, kept } = setUp()
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
        cwd: workspace
      })
    git('init', '-q')
    git('add', '-f', kept)
    git('commit', '-qm', 'a db')
    await expect(
      withKeptTrivyDb({ kept, cacheDir, workspace, reporter: quiet }, async () => 0)
    ).rejects.toThrow(/trivy\.db/)
    expect(existsSync(join(cacheDir, 'db'))).toBe(false)
  })
})
