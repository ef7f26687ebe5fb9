import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding, Level } from '../../../src/findings.js'
import {
  dedupe,
  normaliseRuleId,
  SAME_AS,
  withoutIgnored,
  type MergeOptions
} from '../../../src/stages/lint/dedupe.js'
import { parseHadolintJson } from '../../../src/stages/lint/hadolint.js'
import { parseTrivyConfigJson, withoutRemoteAddAdvice } from '../../../src/stages/lint/trivy-config.js'
import { ROOT } from '../../support/env.js'
import { ALL_RULES, checklist, DOCKERFILES } from './fixtures.js'

const finding = (
  engine: string,
  ruleId: string,
  line: number,
  level: Level = 'warning',
  file = 'Dockerfile'
): Finding => ({
  engine,
  ruleId,
  level,
  message: `${ruleId} says so`,
  file,
  line
})

const all: MergeOptions = { ran: ['hadolint', 'trivy', 'checklist'], rules: ALL_RULES }
const brief = (findings: Finding[]): string[] =>
  findings.map(f => `${f.engine} ${f.ruleId} ${f.line} ${f.level}`)

describe('one finding per problem', () => {
  it('joins hadolint and Trivy twins to the checklist finding, and notes their IDs', () => {
    const ours = checklist('OP004.bad.Dockerfile').filter(f => f.ruleId === 'OP004')
    const hadolint = parseHadolintJson(
      '[{"code":"DL3002","column":1,"file":"-","level":"warning","line":5,"message":"Last USER should not be root"}]',
      'OP004.bad.Dockerfile'
    )
    // Trivy's DS-0002 has no line; it names the same problem for the whole file.
    const merged = dedupe(
      [
        ...ours,
        ...hadolint,
        finding('trivy', 'DS-0002', 1, 'error', 'OP004.bad.Dockerfile'),
        finding('hadolint', 'DL3008', 2, 'warning', 'OP004.bad.Dockerfile')
      ],
      all
    )
    expect(brief(merged)).toEqual(['hadolint DL3008 2 warning', 'checklist OP004 5 error'])
    expect(merged[1]?.message).toMatch(/\(also hadolint DL3002, trivy DS-0002\)$/)
    expect(ours[0]?.message).not.toContain('also')
  })

  it('drops a twin where the checklist rule, which knows the exceptions, found nothing', () => {
    // hadolint's DL3006 on a bake context, Trivy's DS-0002 on a distroless nonroot base.
    const merged = dedupe(
      [
        finding('hadolint', 'DL3006', 1),
        finding('trivy', 'DS-0002', 1, 'error'),
        finding('hadolint', 'DL3009', 3, 'info')
      ],
      all
    )
    expect(merged).toEqual([])
  })

  it('keeps a twin at the checklist rule’s level when the checklist did not run, and drops it when the rule is off', () => {
    const found = [
      finding('hadolint', 'DL3020', 4, 'error'),
      finding('trivy', 'DS-0002', 1, 'error'),
      finding('hadolint', 'DL3002', 9)
    ]
    expect(brief(dedupe(found, { ran: ['hadolint', 'trivy'], rules: ALL_RULES }))).toEqual([
      'trivy DS-0002 1 error',
      'hadolint DL3020 4 warning',
      'hadolint DL3002 9 error'
    ])
    const rules = new Map(ALL_RULES)
    rules.delete('OP004')
    rules.set('OP007', 'info')
    expect(brief(dedupe(found, { ran: ['hadolint', 'trivy'], rules }))).toEqual(['hadolint DL3020 4 info'])
  })

  it('joins a Trivy check to its hadolint pair, both at one level', () => {
    const pair = [
      finding('hadolint', 'DL3015', 5, 'info'),
      finding('trivy', 'DS-0029', 5, 'error'),
      finding('trivy', 'DS-0013', 8)
    ]
    const merged = dedupe(pair, all)
    expect(brief(merged)).toEqual(['hadolint DL3015 5 info', 'trivy DS-0013 8 warning'])
    expect(merged[0]?.message).toBe('DL3015 says so (also trivy DS-0029)')
    expect(
      brief(dedupe([finding('trivy', 'DS-0029', 5, 'error')], { ran: ['trivy'], rules: ALL_RULES }))
    ).toEqual(['trivy DS-0029 5 info'])
  })

  it('follows .hadolint.yaml for the Trivy pair of a rule it ignores or overrides', () => {
    const found = [finding('trivy', 'DS-0029', 5, 'error'), finding('trivy', 'DS-0021', 6, 'error')]
    const hadolintConfig = { ignored: new Set(['DL3015']), override: new Map([['DL3014', 'error' as Level]]) }
    expect(brief(dedupe(found, { ...all, hadolintConfig }))).toEqual(['trivy DS-0021 6 error'])
  })

  it('leaves DS026 (no HEALTHCHECK) out unless lint-rules asks for it, and gives Trivy-only checks lint levels', () => {
    const found = [
      finding('trivy', 'DS-0026', 1, 'info'),
      finding('trivy', 'DS-0017', 3, 'error'),
      finding('trivy', 'DS-0004', 9)
    ]
    expect(brief(dedupe(found, all))).toEqual(['trivy DS-0017 3 warning', 'trivy DS-0004 9 warning'])
    const external = new Map<string, Level | 'on' | 'off'>([
      ['DS026', 'on'],
      ['DS017', 'off'],
      ['DS004', 'info']
    ])
    expect(brief(dedupe(found, { ...all, external }))).toEqual([
      'trivy DS-0026 1 info',
      'trivy DS-0004 9 info'
    ])
  })

  it('maps every listed hadolint and Trivy ID to one checklist rule', () => {
    expect(Object.fromEntries(SAME_AS)).toEqual({
      DL3006: 'OP001',
      DL3007: 'OP001',
      DS001: 'OP001',
      DL3009: 'OP002',
      DL3019: 'OP002',
      DL3032: 'OP002',
      DL3036: 'OP002',
      DL3040: 'OP002',
      DL3042: 'OP002',
      DS015: 'OP002',
      DS019: 'OP002',
      DS020: 'OP002',
      DS025: 'OP002',
      DS027: 'OP002',
      DL3002: 'OP004',
      DS002: 'OP004',
      DL3020: 'OP007',
      DS005: 'OP007',
      DL3025: 'OP012',
      DS031: 'OP014'
    })
  })
})

describe('Trivy 0.69.3 on a commit-pinned ADD written through ARGs', () => {
  const file = 'OP007.git-arg.good.Dockerfile'
  const report = readFileSync(join(ROOT, '__tests__', 'fixtures', 'trivy', 'OP007.git-arg.good.json'), 'utf8')

  it('reads its DS-0005 and DS-0026, then drops the DS-0005 that tells the user to COPY a git URL', () => {
    const findings = parseTrivyConfigJson(report, file)
    expect(findings.map(f => [f.ruleId, f.line])).toEqual([
      ['DS-0026', 1],
      ['DS-0005', 4]
    ])
    const kept = withoutRemoteAddAdvice(findings, readFileSync(join(DOCKERFILES, file), 'utf8'))
    expect(kept.map(f => f.ruleId)).toEqual(['DS-0026'])
    expect(dedupe(kept, { ran: ['trivy'], rules: ALL_RULES })).toEqual([])
  })

  it('keeps DS-0005 on an ADD of local files', () => {
    const local = [finding('trivy', 'DS-0005', 2, 'info')]
    expect(withoutRemoteAddAdvice(local, 'FROM x\nADD app.py /app/\n')).toEqual(local)
  })
})

describe('lint-ignore', () => {
  it('drops rules of any engine, matching Trivy IDs in any of their forms', () => {
    const found = [
      finding('trivy', 'DS-0002', 1),
      finding('hadolint', 'DL3008', 2),
      finding('checklist', 'OP011', 3),
      finding('trivy', 'DS005', 4)
    ]
    expect(withoutIgnored(found, ['AVD-DS-0002', 'op011', 'DS-0005']).map(f => f.ruleId)).toEqual(['DL3008'])
    expect(['AVD-DS-0026', 'DS-0026', 'ds026', 'DS026'].map(normaliseRuleId)).toEqual([
      'DS026',
      'DS026',
      'DS026',
      'DS026'
    ])
    expect(normaliseRuleId('dl3008')).toBe('DL3008')
  })
})
