import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KeptAnswers } from '../../../src/infra/kept-answers.js'
import { keptAnswersDir } from '../../../src/pipeline/lint.js'
import { trivyConfigKey } from '../../../src/stages/lint/trivy-config.js'

describe('answers kept between runs', () => {
  let work: string
  beforeEach(() => (work = mkdtempSync(join(tmpdir(), 'kept-answers-'))))
  afterEach(() => rmSync(work, { recursive: true, force: true }))

  it('gives back what was kept under a key, in a folder only this user can write', () => {
    const dir = join(work, 'kept')
    const kept = new KeptAnswers(dir)
    const key = KeptAnswers.key(['a'])
    expect(kept.get(key)).toBeUndefined()
    kept.put(key, '{"Results":[]}')
    expect(new KeptAnswers(dir).get(key)).toBe('{"Results":[]}')
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(readdirSync(dir)).toEqual([`${key}.json`])
  })

  it('neither reads nor writes in a folder others can write in', () => {
    const dir = join(work, 'kept')
    const kept = new KeptAnswers(dir)
    const key = KeptAnswers.key(['a'])
    kept.put(key, 'x')
    chmodSync(dir, 0o777)
    expect(kept.get(key)).toBeUndefined()
    kept.put(KeptAnswers.key(['b']), 'y')
    expect(readdirSync(dir)).toEqual([`${key}.json`])
  })

  it('keeps at most its limit, dropping the answers used longest ago', () => {
    const dir = join(work, 'kept')
    const kept = new KeptAnswers(dir, 2)
    const [a, b, c] = ['a', 'b', 'c'].map(x => KeptAnswers.key([x])) as [string, string, string]
    kept.put(a, 'A')
    kept.put(b, 'B')
    const old = new Date(Date.now() - 60_000)
    utimesSync(join(dir, `${a}.json`), old, old)
    utimesSync(join(dir, `${b}.json`), old, old)
    expect(kept.get(a)).toBe('A') // used now: b is the oldest
    kept.put(c, 'C')
    expect([kept.get(a), kept.get(b), kept.get(c)]).toEqual(['A', undefined, 'C'])
  })

  it('keeps the lint’s answers only where the job’s own steps write: RUNNER_TEMP, or outside CI', () => {
    const uid = process.getuid?.() ?? 'user'
    expect(keptAnswersDir({ CI: 'true', RUNNER_TEMP: work })).toBe(join(work, `oci-pipeline-lint-${uid}`))
    expect(keptAnswersDir({})).toBe(join(tmpdir(), `oci-pipeline-lint-${uid}`))
    // A CI machine's shared /tmp (a GitLab shell runner: every project's jobs, one user).
    expect(keptAnswersDir({ CI: 'true', GITLAB_CI: 'true' })).toBeUndefined()
    expect(keptAnswersDir({ CI: 'true', RUNNER_TEMP: join(work, 'gone') })).toBeUndefined()
  })

  it('tells the parts of a key apart', () => {
    expect(KeptAnswers.key(['ab', 'c'])).not.toBe(KeptAnswers.key(['a', 'bc']))
  })

  it('keys a trivy config answer on the binary, its release, the flags and the Dockerfile bytes', () => {
    const base = ['/t/trivy:1:2:3', '0.69.3', ['config', '/w/Dockerfile'], Buffer.from('FROM a\n')] as const
    const key = trivyConfigKey(...base)
    expect(trivyConfigKey(...base)).toBe(key)
    const changed = [
      trivyConfigKey('/t/trivy:1:2:4', base[1], base[2], base[3]),
      trivyConfigKey(base[0], '0.69.2', base[2], base[3]),
      trivyConfigKey(base[0], base[1], ['config', '--quiet', '/w/Dockerfile'], base[3]),
      trivyConfigKey(base[0], base[1], base[2], Buffer.from('FROM a\n\n'))
    ]
    for (const k of changed) expect(k).not.toBe(key)
  })
})
