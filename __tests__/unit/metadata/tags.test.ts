import { parseFlavor } from '../../../src/stages/metadata/flavor.js'
import { computeTags, parseTagRules } from '../../../src/stages/metadata/tags.js'
import { CONTEXTS } from '../../support/contexts.js'

const NOW = new Date('2026-03-04T05:06:07Z')
const tags = (rules: string, ctx: keyof typeof CONTEXTS, flavor = '', version?: string): string[] =>
  computeTags(parseTagRules(rules), parseFlavor(flavor), CONTEXTS[ctx], { now: NOW, version }).values

describe('default rules (empty `tags`), as docker/metadata-action', () => {
  it.each([
    ['pushMain', ['main']],
    ['pushBranch', ['feature-Login_Page']],
    ['tag', ['v1.2.3', 'latest']],
    ['pr', ['pr-15']],
    ['schedule', ['nightly', 'main']],
    ['dispatch', ['dev']]
  ] as const)('%s → %j', (ctx, expected) => {
    expect(tags('', ctx)).toEqual(expected)
  })
})

describe('rules', () => {
  const semver =
    'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}'
  it.each([
    ['semver on v1.2.3', semver, 'tag', '', ['1.2.3', '1.2', '1', 'latest']],
    ['semver pre-release keeps only the full version, no latest', semver, 'tagPre', '', ['2.0.0-rc.1']],
    ['semver {{major}} is skipped for 0.x', semver, 'tagZero', '', ['0.4.1', '0.4', 'latest']],
    [
      'semver on a tag that is not semver gives nothing',
      'type=semver,pattern={{version}}',
      'tagNotSemver',
      '',
      []
    ],
    ['semver on a branch gives nothing', semver, 'pushMain', '', []],
    [
      'semver with value= on a branch',
      'type=semver,pattern={{major}}.{{minor}},value=3.4.5',
      'pushMain',
      '',
      ['3.4', 'latest']
    ],
    [
      'ref event=tag keeps the tag name',
      'type=ref,event=tag',
      'tagNotSemver',
      '',
      ['release-2024', 'latest']
    ],
    ['sha short', 'type=sha', 'pushMain', '', ['sha-860c190']],
    [
      'sha long with prefix',
      'type=sha,format=long,prefix=',
      'pushMain',
      '',
      ['860c1904a1ce19322e91ac35af1ab07466440c37']
    ],
    [
      'raw with expressions',
      "type=raw,value={{branch}}-{{date 'YYYYMMDD'}}",
      'pushMain',
      '',
      ['main-20260304']
    ],
    ['raw {{version}}', 'type=raw,value={{version}}-dev.c{{sha}}', 'pushMain', '', ['1.4.0-dev.c860c190']],
    ['edge on the default branch only', 'type=edge', 'pushMain', '', ['edge']],
    ['edge elsewhere', 'type=edge', 'pushBranch', '', []],
    [
      'enable=false drops a rule',
      'type=ref,event=branch,enable=false\ntype=sha',
      'pushMain',
      '',
      ['sha-860c190']
    ],
    [
      'enable by expression',
      'type=raw,value=stable,enable={{is_default_branch}}',
      'pushMain',
      '',
      ['stable']
    ],
    ['enable by expression, off', 'type=raw,value=stable,enable={{is_default_branch}}', 'pushBranch', '', []],
    [
      'priority decides the order (and the version)',
      'type=sha\ntype=raw,value=first,priority=2000',
      'pushMain',
      '',
      ['first', 'sha-860c190']
    ],
    [
      'flavor prefix and suffix',
      'type=ref,event=branch',
      'pushMain',
      'prefix=app-\nsuffix=-slim',
      ['app-main-slim']
    ],
    [
      'flavor latest=true on a branch',
      'type=ref,event=branch',
      'pushMain',
      'latest=true',
      ['main', 'latest']
    ],
    ['flavor latest=false on a tag', 'type=ref,event=tag', 'tag', 'latest=false', ['v1.2.3']],
    [
      'flavor prefix onlatest',
      'type=ref,event=tag',
      'tag',
      'prefix=x-,onlatest=true',
      ['x-v1.2.3', 'x-latest']
    ],
    ['match with a group', 'type=match,pattern=v(\\d+\\.\\d+),group=1', 'tag', '', ['1.2', 'latest']],
    ['a plain line is a raw tag', 'custom', 'pushMain', '', ['custom']],
    ['duplicates collapse', 'type=raw,value=main\ntype=ref,event=branch', 'pushMain', '', ['main']],
    [
      'schedule pattern with date',
      "type=schedule,pattern=nightly-{{date 'YYYYMMDD'}}",
      'schedule',
      '',
      ['nightly-20260304']
    ],
    ['pr number with custom prefix', 'type=ref,event=pr,prefix=mr-', 'pr', '', ['mr-15']]
  ] as const)('%s', (_what, rules, ctx, flavor, expected) => {
    expect(tags(rules, ctx, flavor, '1.4.0')).toEqual(expected)
  })

  it('the version is the highest-priority value', () => {
    const r = computeTags(
      parseTagRules('type=sha\ntype=semver,pattern={{version}}'),
      parseFlavor(''),
      CONTEXTS.tag,
      { now: NOW }
    )
    expect(r.version).toBe('1.2.3')
  })

  it('sanitises branch names into valid tags', () => {
    const ctx = { ...CONTEXTS.pushMain, ref: 'refs/heads/.hidden/ä#b' }
    expect(
      computeTags(parseTagRules('type=ref,event=branch'), parseFlavor(''), ctx, { now: NOW }).values
    ).toEqual(['hidden-b'])
  })

  it('truncates a long branch name to 128 characters', () => {
    const ctx = { ...CONTEXTS.pushMain, ref: `refs/heads/${'b'.repeat(300)}` }
    expect(computeTags(parseTagRules(''), parseFlavor(''), ctx, { now: NOW }).values[0]).toHaveLength(128)
  })
})

describe('bad tag rules and flavors name the input', () => {
  it.each([
    [
      'type=nightly,pattern={{version}}',
      'Input "tags": unknown rule type "nightly" in "type=nightly,pattern={{version}}" (known: schedule, semver, pep440, match, edge, ref, raw, sha)'
    ],
    ['type=ref', 'Input "tags": type=ref needs event=branch, event=tag or event=pr in "type=ref"'],
    ['type=ref,event=push', 'Input "tags": type=ref needs event=branch'],
    ['type=raw', 'Input "tags": type=raw needs a value in "type=raw"'],
    ['type=semver', 'Input "tags": type=semver needs a pattern'],
    ['type=sha,format=medium', 'Input "tags": format must be short or long'],
    ['type=sha,pattern=x', 'Input "tags": "pattern" is not an attribute of type=sha'],
    ['type=raw,value=a,value=b', 'Input "tags": "value" is given twice'],
    ['type=raw,value=x,enable=maybe', 'Input "tags": enable must be true, false or an expression'],
    ['type=raw,value=x,priority=high', 'Input "tags": priority must be a whole number'],
    ['type=raw,=x', 'Input "tags": "=x" in "type=raw,=x" is not of the form key=value'],
    [
      'type=raw,a,b',
      'Input "tags": "b" in "type=raw,a,b" is not of the form key=value (the value is given already)'
    ],
    ['type=raw,value={{nope}}', 'Input "tags": unknown expression {{nope}}']
  ])('%s', (rules, message) => {
    expect(() => computeTags(parseTagRules(rules), parseFlavor(''), CONTEXTS.pushMain, { now: NOW })).toThrow(
      message
    )
  })

  it.each([
    ['type=raw,value=has space', 'Input "tags": tag "has space" may only hold letters, digits'],
    ['type=raw,value=-leading', 'Input "tags": tag "-leading" may only hold'],
    [`type=raw,value=${'x'.repeat(129)}`, 'is 129 characters long; the limit is 128'],
    ['type=raw,value=a;rm -rf /', 'Input "tags": tag "a;rm -rf /" may only hold']
  ])('user-written tag %#', (rules, message) => {
    expect(() => computeTags(parseTagRules(rules), parseFlavor(''), CONTEXTS.pushMain, { now: NOW })).toThrow(
      message
    )
  })

  it.each([
    ['latest=sometimes', 'Input "flavor": latest must be auto, true or false, not "sometimes"'],
    ['colour=blue', 'Input "flavor": unknown key "colour"'],
    ['prefix=a b', 'Input "flavor": tag "a bx" may only hold'],
    ['prefix=a-,onlatest=maybe', 'Input "flavor": onlatest must be true or false']
  ])('flavor %s', (flavor, message) => {
    expect(() => parseFlavor(flavor)).toThrow(message)
  })
})
