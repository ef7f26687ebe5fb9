import { compareScans } from '../../../src/stages/scan/delta.js'
import { evaluateGate } from '../../../src/stages/scan/gate.js'
import type { Severity } from '../../../src/stages/scan/model.js'
import { scanOf, vuln } from './fixtures.js'

const MIXED = [
  vuln('CVE-1', 'CRITICAL', '1.1'),
  vuln('CVE-2', 'HIGH'),
  vuln('CVE-3', 'MEDIUM', '1.2'),
  vuln('CVE-4', 'LOW'),
  vuln('CVE-5', 'UNKNOWN')
]

describe('evaluateGate', () => {
  it.each<[Severity | 'none', string[]]>([
    ['CRITICAL', ['CVE-1']],
    ['HIGH', ['CVE-1', 'CVE-2']],
    ['MEDIUM', ['CVE-1', 'CVE-2', 'CVE-3']],
    ['LOW', ['CVE-1', 'CVE-2', 'CVE-3', 'CVE-4']],
    ['UNKNOWN', ['CVE-1', 'CVE-2', 'CVE-3', 'CVE-4', 'CVE-5']],
    ['none', []]
  ])('at %s fails on %j (at or above the threshold)', (threshold, failing) => {
    const verdict = evaluateGate([scanOf(MIXED)], threshold)
    expect(verdict.failed).toBe(failing.length > 0)
    expect(verdict.failing.map(v => v.id)).toEqual(failing)
    expect(verdict.fixable.map(v => v.id)).toEqual(failing.filter(id => id === 'CVE-1' || id === 'CVE-3'))
  })

  it('passes an image with nothing at the threshold', () => {
    const verdict = evaluateGate([scanOf([vuln('CVE-9', 'HIGH', '2')])], 'CRITICAL')
    expect(verdict).toMatchObject({ failed: false, reasons: [], failing: [], fixable: [], added: [] })
  })

  it('covers every platform and says where each one was found', () => {
    const verdict = evaluateGate(
      [
        scanOf([vuln('CVE-1', 'LOW')], 'linux/amd64'),
        scanOf([vuln('CVE-7', 'CRITICAL', '2.0')], 'linux/arm64')
      ],
      'HIGH'
    )
    expect(verdict.failed).toBe(true)
    expect(verdict.failing).toEqual([
      expect.objectContaining({ id: 'CVE-7', image: 'app:1', platform: 'linux/arm64' })
    ])
    expect(verdict.reasons).toEqual([
      '1 vulnerability at or above HIGH in app:1 (linux/arm64): CVE-7 in libfoo 1.0 (fixed in 2.0)'
    ])
  })

  it('lists at most five per image in a reason', () => {
    const many = Array.from({ length: 7 }, (_, i) => vuln(`CVE-${10 + i}`, 'CRITICAL'))
    const [reason] = evaluateGate([scanOf(many)], 'CRITICAL').reasons
    expect(reason).toMatch(
      /^7 vulnerabilities at or above CRITICAL in app:1: CVE-10 .*CVE-14 in libfoo 1\.0, …$/
    )
  })

  describe('fail-on-new', () => {
    const before = [vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-3', 'MEDIUM')]
    const after = [vuln('CVE-3', 'MEDIUM'), vuln('CVE-8', 'MEDIUM'), vuln('CVE-9', 'LOW')]
    const delta = compareScans(before, after, 'ghcr.io/o/app:1.0')

    it.each<[Severity | 'none', boolean, string[]]>([
      ['MEDIUM', true, ['CVE-8']],
      ['LOW', true, ['CVE-8', 'CVE-9']],
      ['HIGH', false, []],
      ['none', true, ['CVE-8', 'CVE-9']]
    ])('at %s fails %s on the new ones at the threshold %j', (threshold, failOnNewFails, added) => {
      const verdict = evaluateGate([scanOf(after)], threshold, { failOnNew: true, delta })
      expect(verdict.added.map(v => v.id)).toEqual(added)
      if (added.length > 0)
        expect(verdict.reasons.at(-1)).toContain(
          `${added.length} new vulnerabilit${added.length === 1 ? 'y' : 'ies'}${threshold === 'none' ? '' : ` at or above ${threshold}`} compared with ghcr.io/o/app:1.0: CVE-8`
        )
      expect(verdict.failed).toBe(failOnNewFails || verdict.failing.length > 0)
    })

    it('ignores the delta without fail-on-new', () => {
      const verdict = evaluateGate([scanOf(after)], 'HIGH', { delta })
      expect(verdict).toMatchObject({ failed: false, added: [] })
    })
  })
})

describe('compareScans', () => {
  it('counts before and after and lists what came and went', () => {
    const delta = compareScans(
      [vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-2', 'HIGH'), vuln('CVE-2', 'HIGH', undefined, 'libbar')],
      [vuln('CVE-2', 'HIGH'), vuln('CVE-3', 'LOW'), vuln('CVE-2', 'HIGH', undefined, 'libbar')],
      'app:0'
    )
    expect(delta.baseline).toBe('app:0')
    expect(delta.before).toEqual({ CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0 })
    expect(delta.after).toEqual({ CRITICAL: 0, HIGH: 2, MEDIUM: 0, LOW: 1, UNKNOWN: 0 })
    expect(delta.added.map(v => v.id)).toEqual(['CVE-3'])
    expect(delta.removed.map(v => v.id)).toEqual(['CVE-1'])
  })

  it('takes the same ID in the same package as the same vulnerability across versions and platforms', () => {
    const amd = { ...vuln('CVE-2', 'HIGH'), target: 'app:1 (debian 12.5)' }
    const arm = { ...vuln('CVE-2', 'HIGH'), target: 'app:2 (debian 12.6)', installed: '1.0-1' }
    const delta = compareScans([amd], [amd, arm])
    expect(delta).toMatchObject({ added: [], removed: [], after: { HIGH: 1 } })
    expect(delta.baseline).toBeUndefined()
  })
})
