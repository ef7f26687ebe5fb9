import { compareScans } from '../../../src/stages/scan/delta.js'
import { evaluateGate, gateFailureMessage, type GateOptions } from '../../../src/stages/scan/gate.js'
import type { Severity } from '../../../src/stages/scan/model.js'
import { scanOf, vuln } from './fixtures.js'

const MIXED = [
  vuln('CVE-1', 'CRITICAL', '1.1'),
  { ...vuln('CVE-6', 'CRITICAL'), status: 'will_not_fix' },
  vuln('CVE-2', 'HIGH'),
  vuln('CVE-3', 'MEDIUM', '1.2'),
  vuln('CVE-4', 'LOW'),
  vuln('CVE-5', 'UNKNOWN')
]

describe('evaluateGate', () => {
  // [threshold, ignore-unfixed: false (gate the unfixed too)?, failing, unfixed at the threshold]
  it.each<[Severity | 'none', boolean, string[], string[]]>([
    ['CRITICAL', false, ['CVE-1'], ['CVE-6']],
    ['CRITICAL', true, ['CVE-1', 'CVE-6'], ['CVE-6']],
    ['HIGH', false, ['CVE-1'], ['CVE-6', 'CVE-2']],
    ['HIGH', true, ['CVE-1', 'CVE-6', 'CVE-2'], ['CVE-6', 'CVE-2']],
    ['MEDIUM', false, ['CVE-1', 'CVE-3'], ['CVE-6', 'CVE-2']],
    ['MEDIUM', true, ['CVE-1', 'CVE-6', 'CVE-2', 'CVE-3'], ['CVE-6', 'CVE-2']],
    ['LOW', false, ['CVE-1', 'CVE-3'], ['CVE-6', 'CVE-2', 'CVE-4']],
    ['LOW', true, ['CVE-1', 'CVE-6', 'CVE-2', 'CVE-3', 'CVE-4'], ['CVE-6', 'CVE-2', 'CVE-4']],
    ['UNKNOWN', false, ['CVE-1', 'CVE-3'], ['CVE-6', 'CVE-2', 'CVE-4', 'CVE-5']],
    [
      'UNKNOWN',
      true,
      ['CVE-1', 'CVE-6', 'CVE-2', 'CVE-3', 'CVE-4', 'CVE-5'],
      ['CVE-6', 'CVE-2', 'CVE-4', 'CVE-5']
    ],
    ['none', false, [], []],
    ['none', true, [], []]
  ])(
    'at %s (unfixed gate %s) fails on %j and reports %j with no fix',
    (threshold, gateUnfixed, failing, unfixed) => {
      const verdict = evaluateGate([scanOf(MIXED)], threshold, { gateUnfixed })
      expect(verdict.failed).toBe(failing.length > 0)
      expect(verdict.failing.map(v => v.id)).toEqual(failing)
      expect(verdict.fixable.map(v => v.id)).toEqual(failing.filter(id => id === 'CVE-1' || id === 'CVE-3'))
      expect(verdict.unfixed.map(v => v.id)).toEqual(unfixed)
    }
  )

  it('passes an image whose only CRITICAL will not be fixed, and still lists it', () => {
    const zlib = { ...vuln('CVE-2023-45853', 'CRITICAL', undefined, 'zlib1g'), status: 'will_not_fix' }
    const verdict = evaluateGate([scanOf([zlib])], 'CRITICAL')
    expect(verdict).toMatchObject({ failed: false, reasons: [], failing: [], gateUnfixed: false })
    expect(verdict.unfixed).toEqual([expect.objectContaining({ id: 'CVE-2023-45853', image: 'app:1' })])
    const strict = evaluateGate([scanOf([zlib])], 'CRITICAL', { gateUnfixed: true })
    expect(strict.reasons).toEqual([
      '1 vulnerability at or above CRITICAL in app:1: CVE-2023-45853 in zlib1g 1.0 (no fix: will_not_fix)'
    ])
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
      '1 vulnerability with a fix at or above HIGH in app:1 (linux/arm64): CVE-7 in libfoo 1.0 (fixed in 2.0)'
    ])
  })

  it('lists at most five per image in a reason', () => {
    const many = Array.from({ length: 7 }, (_, i) => vuln(`CVE-${10 + i}`, 'CRITICAL', '2'))
    const [reason] = evaluateGate([scanOf(many)], 'CRITICAL').reasons
    expect(reason).toMatch(
      /^7 vulnerabilities with a fix at or above CRITICAL in app:1: CVE-10 .*CVE-14 in libfoo 1\.0 \(fixed in 2\), …$/
    )
  })

  it.each<[Severity | 'none', boolean, boolean]>([
    ['CRITICAL', false, true],
    ['none', false, false],
    ['none', true, true]
  ])(
    'with vulnerabilities unchecked (no DB), at %s with fail-on-new %s, fails closed: %s',
    (threshold, failOnNew, failed) => {
      const verdict = evaluateGate([scanOf([])], threshold, { unchecked: 'no vulnerability DB', failOnNew })
      expect(verdict.failed).toBe(failed)
      expect(verdict.unchecked).toBe('no vulnerability DB')
      expect(verdict.reasons).toEqual(failed ? ['vulnerabilities were not checked: no vulnerability DB'] : [])
    }
  )

  describe('fail-on-new', () => {
    const before = [vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-3', 'MEDIUM', '3')]
    const after = [
      vuln('CVE-3', 'MEDIUM', '3'),
      vuln('CVE-8', 'MEDIUM', '8'),
      vuln('CVE-9', 'LOW', '9'),
      vuln('CVE-10', 'LOW')
    ]
    const delta = compareScans(before, after, 'ghcr.io/o/app:1.0')

    it.each<[Severity | 'none', boolean, boolean, string[]]>([
      ['MEDIUM', false, true, ['CVE-8']],
      ['LOW', false, true, ['CVE-8', 'CVE-9']],
      ['LOW', true, true, ['CVE-8', 'CVE-10', 'CVE-9']],
      ['HIGH', false, false, []],
      ['none', false, true, ['CVE-8', 'CVE-9']],
      ['none', true, true, ['CVE-8', 'CVE-10', 'CVE-9']]
    ])(
      'at %s (unfixed gate %s) fails %s on the new ones at the threshold %j',
      (threshold, gateUnfixed, failOnNewFails, added) => {
        const verdict = evaluateGate([scanOf(after)], threshold, { failOnNew: true, delta, gateUnfixed })
        expect(verdict.added.map(v => v.id)).toEqual(added)
        if (added.length > 0)
          expect(verdict.reasons.at(-1)).toContain(
            `${added.length} new vulnerabilit${added.length === 1 ? 'y' : 'ies'}${threshold === 'none' ? '' : ` at or above ${threshold}`} compared with ghcr.io/o/app:1.0: CVE-`
          )
        expect(verdict.failed).toBe(failOnNewFails || verdict.failing.length > 0)
      }
    )

    it('ignores the delta without fail-on-new', () => {
      const verdict = evaluateGate([scanOf(after)], 'HIGH', { delta })
      expect(verdict).toMatchObject({ failed: false, added: [] })
    })
  })
})

describe('gateFailureMessage', () => {
  const zlib = { ...vuln('CVE-2023-45853', 'CRITICAL', undefined, 'zlib1g'), status: 'will_not_fix' }
  const delta = compareScans([], [vuln('CVE-8', 'HIGH', '8')], 'app:0')

  it.each<[string, GateOptions, Severity | 'none', RegExp[]]>([
    [
      'a fixable CRITICAL',
      {},
      'CRITICAL',
      [
        /^scan: 1 vulnerability with a fix at or above CRITICAL, so nothing was pushed\./,
        /upgrade the packages to their fixed versions/,
        /fail-on-severity \(now CRITICAL; none turns it off\)/,
        /trivyignores/,
        /vex/
      ]
    ],
    [
      'an unfixable CRITICAL with ignore-unfixed: false',
      { gateUnfixed: true },
      'CRITICAL',
      [
        /^scan: 2 vulnerabilities at or above CRITICAL, so nothing was pushed\./,
        /leave ignore-unfixed unset to report vulnerabilities with no fix without gating on them \(it is false now\)/
      ]
    ],
    [
      'a new one',
      { failOnNew: true, delta },
      'none',
      [
        /^scan: 1 new vulnerability since the previous image, so nothing was pushed/,
        /fail-on-new \(now true\)/
      ]
    ],
    [
      'no DB',
      { unchecked: 'no vulnerability DB could be downloaded' },
      'HIGH',
      [
        /^scan: vulnerabilities were not checked \(no vulnerability DB could be downloaded\)/,
        /TRIVY_DB_REPOSITORY/,
        /set fail-on-severity: none to push without a vulnerability check/
      ]
    ]
  ])('for %s names what failed and the inputs that change it', (_, opts, threshold, expected) => {
    const scans = opts.unchecked
      ? [scanOf([])]
      : opts.delta
        ? [scanOf([vuln('CVE-8', 'HIGH', '8')])]
        : [scanOf([vuln('CVE-1', 'CRITICAL', '1.1'), zlib])]
    const message = gateFailureMessage(evaluateGate(scans, threshold, opts))
    for (const e of expected) expect(message).toMatch(e)
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
