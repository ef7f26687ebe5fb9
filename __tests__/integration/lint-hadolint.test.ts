import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError, StepError } from '../../src/errors.js'
import { hadolintVersion, runHadolint } from '../../src/stages/lint/hadolint.js'
import { parseLintOptions, runLint } from '../../src/stages/lint/index.js'
import type { Reporter } from '../../src/reporter.js'

describe('runHadolint with a stand-in executable', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hadolint-'))
    writeFileSync(join(dir, 'Dockerfile'), 'FROM ubuntu\nRUN apt-get install curl\n')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** A script that records its arguments and acts as told. */
  const fake = (body: string): string => {
    const path = join(dir, 'hadolint')
    writeFileSync(path, `#!/bin/sh\necho "$@" > "${dir}/args"\n${body}\n`)
    chmodSync(path, 0o755)
    return path
  }
  const lint = (binary: string, extra: { config?: string; ignore?: string[] } = {}) =>
    runHadolint({
      binary,
      path: join(dir, 'Dockerfile'),
      file: 'Dockerfile',
      workspace: dir,
      ignore: extra.ignore ?? [],
      config: extra.config
    })

  it('reads findings when hadolint exits 1 for them, with .hadolint.yaml and lint-ignore passed on', async () => {
    writeFileSync(join(dir, '.hadolint.yaml'), 'ignored: []\n')
    const bin = fake(
      `echo '[{"code":"DL3006","column":1,"file":"Dockerfile","level":"warning","line":1,"message":"Always tag the version of an image explicitly"}]'\nexit 1`
    )
    const findings = await lint(bin, { ignore: ['DL3008', 'OP011'] })
    expect(findings.map(f => [f.ruleId, f.line])).toEqual([['DL3006', 1]])
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(join(dir, 'args'), 'utf8').trim()).toBe(
      `--format json --no-color --config ${join(dir, '.hadolint.yaml')} --ignore DL3008 ${join(dir, 'Dockerfile')}`
    )
  })

  it('is an error, not a pass, when hadolint fails', async () => {
    const bin = fake('echo "hadolint: openFile: does not exist" >&2\nexit 2')
    await expect(lint(bin)).rejects.toThrow(StepError)
    await expect(lint(bin)).rejects.toThrow(/hadolint exited with code 2\nhadolint: openFile: does not exist/)
  })

  it('is an error when hadolint prints no JSON', async () => {
    await expect(lint(fake('echo "Segmentation fault"'))).rejects.toThrow(
      'hadolint printed something that is not JSON'
    )
    await expect(lint(fake('exit 1'))).rejects.toThrow('hadolint failed without printing findings')
  })

  it('is an error when the binary is missing', async () => {
    await expect(lint(join(dir, 'no-such-hadolint'))).rejects.toThrow(/no-such-hadolint was not found/)
  })

  it('refuses a hadolint-config that does not exist', async () => {
    await expect(lint(fake('echo []'), { config: 'lint/hadolint.yaml' })).rejects.toThrow(InputError)
  })

  it('names the other linters when hadolint is not available', async () => {
    const reporter = { group: (_: string, fn: () => Promise<unknown>) => fn() } as unknown as Reporter
    const opts = parseLintOptions(() => '')
    await expect(
      runLint(
        { ...opts, file: 'Dockerfile', context: '.', labelSchemas: [], workspace: dir },
        { trivy: '/bin/trivy' },
        reporter
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
