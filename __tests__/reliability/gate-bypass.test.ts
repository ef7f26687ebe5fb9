import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines, runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { freshActionBundle } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

// The bypass the security review reproduced, end to end through the action: a trivy.yaml committed
// to the repository (severity LOW, skip-dirs /var/lib/dpkg) let an image with a CRITICAL
// vulnerability through the gate and into the registry. The same with the job's TRIVY_* variables.
// Here the gate must hold: exit 1, nothing pushed.

describeWithEnv('the scan gate against the repository’s and the job’s Trivy settings', env => {
  let e: TestEnv
  let registry: RegistryClient
  let trivyCache: string
  let action: string
  beforeAll(() => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-bypass-trivy-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    action = freshActionBundle()
  }, 300_000)

  const gate = async (name: string, files: Record<string, string>, extraEnv: Record<string, string> = {}) => {
    const repo = `rel-${RUN}/${name}`
    const run = await runAction({
      node: e.node24,
      entry: action,
      workspace: workspace(`FROM ${pinnedRef(e.baseImages.debianVuln)}\nUSER nobody\n`, files),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=1.0',
        username: e.username,
        password: e.password,
        linters: 'checklist',
        'lint-failure-threshold': 'none',
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache
      },
      event: push('refs/heads/main'),
      env: { TRIVY_SKIP_DB_UPDATE: 'true', ...extraEnv }
    })
    return { run, tags: await registry.tags(repo) }
  }

  it('a committed trivy.yaml (severity LOW, skip-dirs /var/lib/dpkg) lets nothing through', async () => {
    const { run, tags } = await gate('trivy-yaml', {
      'trivy.yaml': 'severity:\n  - LOW\nscan:\n  skip-dirs:\n    - /var/lib/dpkg\n',
      'trivy-secret.yaml': 'disable-rules:\n  - aws-access-key-id\n'
    })
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout).join('\n')).toContain('CVE-2099-0001 in oci-test-lib 1.0.0-1')
    expect(tags).toEqual([])
  })

  it('the job’s TRIVY_SEVERITY and TRIVY_SKIP_DIRS let nothing through, and are named as ignored', async () => {
    const { run, tags } = await gate(
      'trivy-env',
      {},
      { TRIVY_SEVERITY: 'LOW', TRIVY_SKIP_DIRS: '/var/lib/dpkg' }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::warning::TRIVY_SEVERITY is ignored: set the "severity" input instead')
    expect(tags).toEqual([])
  })

  it('a committed .trivyignore is honoured, and every finding it hides is listed with its line', async () => {
    const { run, tags } = await gate('trivyignore', { '.trivyignore': '# triaged\nCVE-2099-0001\n' })
    expect(run.code).toBe(0)
    expect(tags).toEqual(['1.0'])
    expect(run.stdout).toMatch(
      /::warning file=\.trivyignore,line=2::CVE-2099-0001 \(CRITICAL, oci-test-lib 1\.0\.0-1\)/
    )
    expect(run.summary).toMatch(
      /\| CVE-2099-0001 \| CRITICAL \| oci-test-lib \| 1\.0\.0-1 \| ignored \| – \| `\.trivyignore:2` \|/
    )
  })
})
