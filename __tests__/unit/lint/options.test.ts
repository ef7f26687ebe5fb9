import { InputError } from '../../../src/errors.js'
import { RULES } from '../../../src/stages/lint/checklist/registry.js'
import { applyRuleItems, parseLintOptions, parseRuleSelection } from '../../../src/stages/lint/options.js'

const parse = (inputs: Record<string, string>) => parseLintOptions(name => inputs[name] ?? '')

describe('parseLintOptions', () => {
  it('defaults to every linter, every rule at its level, failing on errors', () => {
    const opts = parse({})
    expect(opts).toMatchObject({
      enabled: true,
      linters: ['hadolint', 'trivy', 'checklist'],
      threshold: 'error',
      ignore: []
    })
    expect([...opts.rules]).toEqual(RULES.map(r => [r.id, r.level]))
    expect(opts.dataSizeLimit).toBe(10 * 1024 * 1024)
    expect(opts.hadolintPath).toBeUndefined()
  })

  it('reads the inputs a workflow sets', () => {
    const opts = parse({
      lint: 'false',
      linters: 'checklist, trivy',
      'lint-failure-threshold': 'Warning',
      'lint-ignore': 'dl3008\nAVD-DS-0026, OP011',
      'lint-minimal-bases': 'registry.example/runtime/*',
      'lint-data-size-limit': '512k',
      'hadolint-path': '/opt/bin/hadolint',
      'trivy-path': 'trivy'
    })
    expect(opts).toMatchObject({
      enabled: false,
      linters: ['checklist', 'trivy'],
      threshold: 'warning',
      ignore: ['DL3008', 'AVD-DS-0026', 'OP011'],
      dataSizeLimit: 512 * 1024,
      hadolintPath: '/opt/bin/hadolint',
      trivyPath: 'trivy'
    })
    expect(opts.minimalBases).toContain('registry.example/runtime/*')
    expect(opts.minimalBases).toContain('gcr.io/distroless/*')
  })

  it.each([
    [{ linters: 'hadolint,dockle' }, 'linters', 'unknown linter "dockle"'],
    [{ linters: ' , ' }, 'linters', 'names no linter'],
    [
      { 'lint-failure-threshold': 'fatal' },
      'lint-failure-threshold',
      '"fatal" is not one of error, warning, info, style, none'
    ],
    [{ 'lint-ignore': 'OP099' }, 'lint-ignore', 'unknown checklist rule "OP099"'],
    [{ 'lint-ignore': 'no-root' }, 'lint-ignore', '"no-root" is not a rule ID'],
    [{ 'lint-rules': '-OP404' }, 'lint-rules', 'unknown checklist rule "OP404"'],
    [{ 'lint-rules': 'OP004=fatal' }, 'lint-rules', '"fatal" in "OP004=fatal" is not a level'],
    [{ 'lint-rules': 'image=runtime-ish' }, 'lint-rules', 'image is one of runtime, builder, base'],
    [{ 'lint-rules': '-DS026=info' }, 'lint-rules', 'disables a rule and sets its level'],
    [{ 'lint-data-size-limit': 'big' }, 'lint-data-size-limit', '"big" is not a size'],
    [{ lint: 'maybe' }, 'lint', 'is not a boolean']
  ])('refuses %j naming the input', (inputs, input, problem) => {
    const err = (() => {
      try {
        parse(inputs)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe(input)
    expect((err as Error).message).toContain(`Input "${input}"`)
    expect((err as Error).message).toContain(problem)
  })
})

describe('lint-rules', () => {
  const ids = (value: string) => [...parseRuleSelection(value).rules.keys()]

  it('disables with -, re-enables with +, and keeps the rest', () => {
    expect(ids('-OP011,-OP006')).toEqual(RULES.map(r => r.id).filter(id => id !== 'OP011' && id !== 'OP006'))
    expect(ids('none\n+OP004')).toEqual(['OP004'])
  })

  it('runs only the rules listed when one is named without a sign', () => {
    expect(ids('OP001, op004')).toEqual(['OP001', 'OP004'])
  })

  it('sets a level with =', () => {
    const { rules } = parseRuleSelection('OP006=error,+OP011=warning')
    expect(rules.get('OP006')).toBe('error')
    expect(rules.get('OP011')).toBe('warning')
    expect(rules.get('OP001')).toBe('error')
  })

  it('turns hadolint and Trivy rules on, off or to a level, in any form of their ID', () => {
    const { external, rules } = parseRuleSelection('+DS026, -DL3008, AVD-DS-0004=info, DS-0017=error, SC2086')
    expect([...external]).toEqual([
      ['DS026', 'on'],
      ['DL3008', 'off'],
      ['DS004', 'info'],
      ['DS017', 'error'],
      ['SC2086', 'on']
    ])
    expect([...rules.keys()]).toEqual(RULES.map(r => r.id))
  })

  it('declares what the Dockerfile builds with image=', () => {
    expect(parseRuleSelection('image=builder').image).toBe('builder')
    expect(parseRuleSelection('-OP011\nimage = base').image).toBe('base')
    expect(parseRuleSelection('').image).toBeUndefined()
    expect(parseLintOptions(name => (name === 'lint-rules' ? 'image=builder,-OP011' : '')).image).toBe(
      'builder'
    )
  })

  it('applies items on top of another selection (the repository file, then the input)', () => {
    const repo = applyRuleItems('.oci-pipeline.yaml', ['-OP011', 'OP006=info', 'image=base'])
    const run = applyRuleItems('lint-rules', ['+OP011'], repo)
    expect(run.rules.get('OP011')).toBe('style')
    expect(run.rules.get('OP006')).toBe('info')
    expect(run.image).toBe('base')
    expect(() => applyRuleItems('.oci-pipeline.yaml', ['OP404'])).toThrow(
      'Input ".oci-pipeline.yaml": unknown checklist rule "OP404"'
    )
  })
})
