import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { StepError } from '../../../src/errors.js'
import { hadolintArgs, parseHadolintJson } from '../../../src/stages/lint/hadolint.js'
import { ROOT } from '../../support/env.js'

const sample = (name: string): string =>
  readFileSync(join(ROOT, '__tests__', 'fixtures', 'hadolint', name), 'utf8')

describe('parseHadolintJson', () => {
  it('reads hadolint output into findings on the linted file', () => {
    const findings = parseHadolintJson(sample('dockerfile-errors.json'), 'docker/Dockerfile')
    expect(findings.map(f => [f.ruleId, f.line, f.level])).toEqual([
      ['DL3006', 1, 'warning'],
      ['DL3008', 2, 'warning'],
      ['DL3015', 2, 'info'],
      ['DL3014', 2, 'warning'],
      ['DL3059', 3, 'info']
    ])
    expect(findings[0]).toEqual({
      engine: 'hadolint',
      ruleId: 'DL3006',
      level: 'warning',
      message: 'Always tag the version of an image explicitly',
      file: 'docker/Dockerfile',
      line: 1,
      helpUri: 'https://github.com/hadolint/hadolint/wiki/DL3006'
    })
  })

  it('reads the one-line form and links ShellCheck rules to the ShellCheck wiki', () => {
    const findings = parseHadolintJson(sample('one-line.json'), 'Dockerfile')
    expect(findings.map(f => `${f.ruleId}:${f.line}`)).toEqual([
      'DL3008:5',
      'DL3008:15',
      'DL3066:21',
      'DL3025:23'
    ])
    const sc = parseHadolintJson(
      '[{"code":"SC2086","column":1,"file":"Dockerfile","level":"style","line":4,"message":"x"}]',
      'D'
    )
    expect(sc[0]).toMatchObject({ level: 'style', helpUri: 'https://www.shellcheck.net/wiki/SC2086' })
  })

  it('reads no findings as none', () => {
    expect(parseHadolintJson('[]\n', 'Dockerfile')).toEqual([])
  })

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
  it('asks for JSON, passes the config and only hadolint IDs as --ignore', () => {
    expect(
      hadolintArgs({
        path: '/w/Dockerfile',
        config: '/w/.hadolint.yaml',
        ignore: ['DL3008', 'OP011', 'DS002', 'SC2086']
      })
    ).toEqual([
      '--format',
      'json',
      '--no-color',
      '--config',
      '/w/.hadolint.yaml',
      '--ignore',
      'DL3008',
      '--ignore',
      'SC2086',
      '/w/Dockerfile'
    ])
  })
})
