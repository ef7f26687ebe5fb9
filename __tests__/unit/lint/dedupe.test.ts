import type { Finding } from '../../../src/findings.js'
import { dedupe, normaliseRuleId, SAME_AS, withoutIgnored } from '../../../src/stages/lint/dedupe.js'
import { parseHadolintJson } from '../../../src/stages/lint/hadolint.js'
import { checklist } from './fixtures.js'

const finding = (engine: string, ruleId: string, line: number, file = 'OP004.bad.Dockerfile'): Finding => ({
  engine,
  ruleId,
  level: 'warning',
  message: `${ruleId} says so`,
  file,
  line
})

describe('dedupe', () => {
  it('keeps the checklist finding and notes the hadolint and Trivy IDs that said the same', () => {
    const ours = checklist('OP004.bad.Dockerfile').filter(f => f.ruleId === 'OP004')
    const hadolint = parseHadolintJson(
      '[{"code":"DL3002","column":1,"file":"x","level":"warning","line":5,"message":"Last USER should not be root"}]',
      'OP004.bad.Dockerfile'
    )
    // Trivy's DS002 has no line when it fires; it still names the same problem.
    const merged = dedupe([
      ...ours,
      ...hadolint,
      finding('trivy', 'DS002', 1),
      finding('hadolint', 'DL3008', 2)
    ])
    expect(merged.map(f => `${f.engine} ${f.ruleId} ${f.line}`)).toEqual([
      'hadolint DL3008 2',
      'checklist OP004 5'
    ])
    expect(merged[1]?.message).toMatch(/\(also hadolint DL3002, trivy DS002\)$/)
    expect(ours[0]?.message).not.toContain('also')
  })

  it('keeps the other engine’s finding when no checklist finding is on that line or file', () => {
    const ours = [finding('checklist', 'OP001', 2)]
    const others = [finding('hadolint', 'DL3007', 3), finding('trivy', 'DS001', 2, 'other/Dockerfile')]
    expect(dedupe([...ours, ...others])).toHaveLength(3)
  })

  it('maps every listed hadolint and Trivy ID to one checklist rule', () => {
    expect(SAME_AS.get('DL3002')).toBe('OP004')
    expect(SAME_AS.get('DS002')).toBe('OP004')
    expect(SAME_AS.get('DL3020')).toBe('OP007')
    expect(SAME_AS.get('DL3042')).toBe('OP002')
    expect(SAME_AS.get('DL3025')).toBe('OP012')
    expect(SAME_AS.get('DL3008')).toBeUndefined()
  })
})

describe('lint-ignore', () => {
  it('drops rules of any engine, matching Trivy IDs in either form', () => {
    const all = [
      finding('trivy', 'DS002', 1),
      finding('hadolint', 'DL3008', 2),
      finding('checklist', 'OP011', 3)
    ]
    expect(withoutIgnored(all, ['AVD-DS-0002', 'op011']).map(f => f.ruleId)).toEqual(['DL3008'])
    expect(normaliseRuleId('AVD-DS-0026')).toBe('DS026')
  })
})
