import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError, StepError } from '../../src/errors.js'
import type { Reporter } from '../../src/reporter.js'
import { hadolintVersion, parseHadolintJson, runHadolint } from '../../src/stages/lint/hadolint.js'
import { parseLintOptions, runLint } from '../../src/stages/lint/index.js'
import { ROOT } from '../support/env.js'
import { describeWithLintTools } from './lint-tools.js'

const FIXTURES = join(ROOT, '__tests__', 'fixtures')
const DOCKERFILES = join(FIXTURES, 'dockerfiles')

const quiet = {
  group: (_: string, fn: () => Promise<unknown>) => fn(),
  info: () => undefined,
  warning: () => undefined,
  notice: () => undefined,
  error: () => undefined,
  setOutput: () => undefined,
  summary: () => undefined
} as unknown as Reporter

describeWithLintTools('hadolint 2.12.0, the real binary', tools => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hadolint-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const lint = (fixture: string, config?: string) =>
    runHadolint({
      binary: tools().hadolint,
      path: join(DOCKERFILES, fixture),
      file: fixture,
      workspace: dir,
      config
    })

  it('prints what the recorded sample says, so the unit tests read its real output', async () => {
    const recorded = parseHadolintJson(
      readFileSync(join(FIXTURES, 'hadolint', 'OP002.bad.json'), 'utf8'),
      'OP002.bad.Dockerfile'
    )
    expect(await lint('OP002.bad.Dockerfile')).toEqual(recorded)
  })

  it('reads BuildKit syntax it cannot parse as written (ADD --checksum, --keep-git-dir, here-documents) and points at the right lines', async () => {
    const found = await lint('corpus/bake-cloud/images/venv-builder/Dockerfile')
    expect(found.map(f => `${f.ruleId} ${f.line}`)).toEqual(['DL3006 2', 'DL3008 3'])
    for (const fixture of [
      'corpus/shell-heredoc-checksum.Dockerfile',
      'corpus/bake-cloud/images/compute/Dockerfile'
    ])
      expect((await lint(fixture)).map(f => f.ruleId)).not.toContain('DL1000')
  })

  it('keeps .hadolint.yaml’s ignored list (lint-ignore is applied after the run, not passed as --ignore)', async () => {
    writeFileSync(join(dir, '.hadolint.yaml'), 'ignored:\n  - DL3008\n')
    const found = await lint('OP002.bad.Dockerfile')
    expect(found.map(f => f.ruleId)).not.toContain('DL3008')
    expect(found.map(f => f.ruleId)).toContain('DL3009')
  })

  it('refuses a hadolint config it cannot read, which hadolint itself would skip with exit 0', async () => {
    writeFileSync(join(dir, 'hadolint.yaml'), 'ignored: DL3008\n')
    await expect(lint('OP002.bad.Dockerfile', 'hadolint.yaml')).rejects.toThrow(InputError)
    await expect(lint('OP002.bad.Dockerfile', 'hadolint.yaml')).rejects.toThrow(
      /Input "hadolint-config": hadolint cannot read .*hadolint\.yaml \(expected !!seq instead of !!str\)/
    )
  })

  it('is an error when the binary is missing', async () => {
    await expect(
      runHadolint({
        binary: join(dir, 'no-hadolint'),
        path: join(DOCKERFILES, 'OP002.bad.Dockerfile'),
        file: 'D',
        workspace: dir
      })
    ).rejects.toThrow(/no-hadolint was not found/)
  })

  it('is an error, not a pass, when hadolint fails', async () => {
    // A hadolint that cannot start: its own binary given a flag it does not know.
    const wrapper = join(dir, 'hadolint')
    writeFileSync(wrapper, `#!/bin/sh\nexec "${tools().hadolint}" --no-such-flag "$@"\n`, { mode: 0o755 })
    await expect(
      runHadolint({
        binary: wrapper,
        path: join(DOCKERFILES, 'OP002.bad.Dockerfile'),
        file: 'D',
        workspace: dir
      })
    ).rejects.toThrow(StepError)
  })

  it('honours a `# hadolint ignore=` line that names an OP rule, which hadolint alone would drop whole', async () => {
    copyFileSync(join(DOCKERFILES, 'corpus', 'pragmas-ignore.Dockerfile'), join(dir, 'Dockerfile'))
    const alone = await runHadolint({
      binary: tools().hadolint,
      path: join(dir, 'Dockerfile'),
      file: 'Dockerfile',
      workspace: dir
    })
    expect(alone.map(f => `${f.ruleId} ${f.line}`)).toContain('DL3008 5')
    const opts = parseLintOptions(name => ({ linters: 'hadolint,checklist' })[name] ?? '')
    const result = await runLint(
      { ...opts, file: 'Dockerfile', context: '.', labelSchemas: ['oci'], workspace: dir },
      { hadolint: tools().hadolint },
      quiet
    )
    expect(result.findings.map(f => f.ruleId)).not.toContain('DL3008')
    expect(result.findings.map(f => f.ruleId)).not.toContain('OP003')
  })
})

describe('hadolint missing', () => {
  it('names the other linters when hadolint is not available', async () => {
    const opts = parseLintOptions(() => '')
    await expect(
      runLint(
        { ...opts, file: 'OP002.bad.Dockerfile', context: '.', labelSchemas: [], workspace: DOCKERFILES },
        { trivy: '/usr/local/bin/trivy' },
        quiet
      )
    ).rejects.toThrow(
      'hadolint is not available on this runner: set hadolint-path to an installed hadolint, or leave it out: linters: trivy,checklist'
    )
  })
})

describe('hadolintVersion', () => {
  it.each([
    ['Haskell Dockerfile Linter 2.12.0', 0, '2.12.0'],
    ['Haskell Dockerfile Linter v2.13.1-no-git', 0, '2.13.1'],
    ['something else', 0, undefined],
    ['Haskell Dockerfile Linter 2.12.0', 3, undefined]
  ])('reads %j (exit %i) as %s, for the summary and SARIF', async (said, code, version) => {
    const dir = mkdtempSync(join(tmpdir(), 'hadolint-version-'))
    try {
      const path = join(dir, 'hadolint')
      writeFileSync(path, `#!/bin/sh\necho '${said}'\nexit ${code}\n`)
      chmodSync(path, 0o755)
      expect(await hadolintVersion(path)).toBe(version)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
