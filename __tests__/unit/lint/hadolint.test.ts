import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError, StepError } from '../../../src/errors.js'
import {
  hadolintArgs,
  parseHadolintJson,
  readHadolintConfig,
  withoutShellCheckOnWindows
} from '../../../src/stages/lint/hadolint.js'
import { hadolintInput } from '../../../src/stages/lint/hadolint-input.js'
import { ROOT } from '../../support/env.js'
import { DOCKERFILES } from './fixtures.js'

const sample = (name: string): string =>
  readFileSync(join(ROOT, '__tests__', 'fixtures', 'hadolint', name), 'utf8')

describe('parseHadolintJson', () => {
  it('reads hadolint 2.12.0 output into findings on the linted file', () => {
    const findings = parseHadolintJson(sample('OP002.bad.json'), 'docker/Dockerfile')
    expect(findings.map(f => [f.ruleId, f.line, f.level])).toEqual([
      ['DL3008', 2, 'warning'],
      ['DL3009', 2, 'info'],
      ['DL3019', 6, 'info'],
      ['DL3018', 6, 'warning'],
      ['DL3042', 7, 'warning'],
      ['DL3013', 7, 'warning'],
      ['DL3059', 7, 'info'],
      ['DL3041', 8, 'warning'],
      ['DL3059', 8, 'info'],
      ['DL3040', 8, 'warning'],
      ['DL3059', 9, 'info']
    ])
    expect(findings[1]).toEqual({
      engine: 'hadolint',
      ruleId: 'DL3009',
      level: 'info',
      message: 'Delete the apt-get lists after installing something',
      file: 'docker/Dockerfile',
      line: 2,
      helpUri: 'https://github.com/hadolint/hadolint/wiki/DL3009'
    })
  })

  it('takes line numbers back through the line map, and links ShellCheck rules to its wiki', () => {
    const sc = parseHadolintJson(
      '[{"code":"SC2086","column":1,"file":"-","level":"info","line":4,"message":"Double quote"}]',
      'D',
      [1, 2, 3, 3, 4]
    )
    expect(sc[0]).toMatchObject({ line: 3, level: 'info', helpUri: 'https://www.shellcheck.net/wiki/SC2086' })
  })

  it('turns DL1000 (syntax hadolint 2.12 cannot parse) into a warning that says its checks did not run', () => {
    const [finding] = parseHadolintJson(sample('heredoc-checksum.raw.json'), 'Dockerfile')
    expect(finding).toMatchObject({ ruleId: 'DL1000', level: 'warning', line: 6 })
    expect(finding?.message).toBe(
      "hadolint cannot parse line 6 (invalid flag: --checksum), so its DL and SC checks did not run on this file; the checklist and Trivy did. If docker buildx builds the file, the syntax is newer than hadolint's."
    )
  })

  it('reads no findings as none', () => expect(parseHadolintJson('[]', 'Dockerfile')).toEqual([]))

  it.each([
    ['hadolint: <stdin>:1:1 unexpected end of input', 'not JSON'],
    ['{"code":"DL3006"}', 'not a list of findings'],
    ['', 'not a list of findings']
  ])('refuses output that is not its JSON: %j', (stdout, why) => {
    expect(() => parseHadolintJson(stdout, 'Dockerfile')).toThrow(StepError)
    expect(() => parseHadolintJson(stdout, 'Dockerfile')).toThrow(why)
  })
})

describe('hadolintArgs', () => {
  it('asks for JSON on the Dockerfile from stdin, exit 0 on findings, and passes the config', () => {
    expect(hadolintArgs({ config: '/w/.hadolint.yaml' })).toEqual([
      '--format',
      'json',
      '--no-color',
      '--no-fail',
      '--config',
      '/w/.hadolint.yaml',
      '-'
    ])
    expect(hadolintArgs({})).toEqual(['--format', 'json', '--no-color', '--no-fail', '-'])
  })
})

describe('hadolintInput: a copy hadolint 2.12 can parse, lines kept', () => {
  it('blanks the flags it does not know, in place', () => {
    const text =
      'FROM x\nADD --checksum=sha256:ab --chmod=644 https://e.org/t /t\nCOPY --exclude=*.md --link . /s\n'
    const input = hadolintInput(text)
    expect(input.text.split('\n')).toEqual([
      'FROM x',
      `ADD ${' '.repeat('--checksum=sha256:ab'.length)} --chmod=644 https://e.org/t /t`,
      `COPY ${' '.repeat('--exclude=*.md'.length)} --link . /s`,
      ''
    ])
    expect(input.lineMap).toEqual([1, 2, 3, 4])
  })

  it('puts a blank line after a here-document and maps the lines after it back', () => {
    const text = 'FROM x\nRUN <<EOF bash\napt-get update\nEOF\nUSER 1\n'
    const input = hadolintInput(text)
    expect(input.text).toBe('FROM x\nRUN <<EOF bash\napt-get update\nEOF\n\nUSER 1\n')
    expect(input.lineMap).toEqual([1, 2, 3, 4, 4, 5, 6])
  })

  it('takes the tabs `<<-` strips, and leaves one blank line after several here-documents', () => {
    const text = 'FROM x\nRUN <<-EOT sh\n\tcd /tmp\n\tEOT\nCOPY <<A <<B /x/\na\nA\nb\nB\nUSER 1'
    expect(hadolintInput(text).text).toBe(
      'FROM x\nRUN <<-EOT sh\ncd /tmp\nEOT\n\nCOPY <<A <<B /x/\na\nA\nb\nB\n\nUSER 1'
    )
  })

  it('leaves a Dockerfile without such syntax as it is', () => {
    const text = readFileSync(join(DOCKERFILES, 'OP002.bad.Dockerfile'), 'utf8')
    expect(hadolintInput(text).text).toBe(text)
  })
})

describe('withoutShellCheckOnWindows', () => {
  it('drops SC findings on the RUNs of a Windows stage, not on a Linux one', () => {
    const text =
      'FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022 AS build\nRUN dotnet publish -o C:\\out\nFROM alpine:3.20\nRUN echo $x\n'
    const sc = (line: number) => ({
      engine: 'hadolint',
      ruleId: 'SC1001',
      level: 'info' as const,
      message: 'm',
      file: 'D',
      line
    })
    expect(withoutShellCheckOnWindows([sc(2), sc(4)], text).map(f => f.line)).toEqual([4])
  })
})

describe('readHadolintConfig', () => {
  it('reads what .hadolint.yaml ignores and overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hadolint-config-'))
    try {
      const path = join(dir, '.hadolint.yaml')
      writeFileSync(path, 'ignored:\n  - DL3008\noverride:\n  info:\n    - DL3015\n  error: [DL3014]\n')
      const config = readHadolintConfig(path)
      expect([...config.ignored]).toEqual(['DL3008'])
      expect([...config.override]).toEqual([
        ['DL3014', 'error'],
        ['DL3015', 'info']
      ])
      writeFileSync(path, 'ignored: [\n')
      expect(() => readHadolintConfig(path)).toThrow(InputError)
      expect(readHadolintConfig(undefined).ignored.size).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
