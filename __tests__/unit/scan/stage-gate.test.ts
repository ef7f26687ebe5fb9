import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ScanTarget } from '../../../src/stages/scan/index.js'
import { summaryOf } from '../../support/scan-fixtures.js'
import { reads, stage as runStage, stageWork } from './stage-fixtures.js'

// The gate's paths that used to fail open: fail-on-new without its baseline, findings a committed
// .trivyignore hid without a trace, secrets left in the image.
describe('runScanStage: what the gate no longer lets through unseen', () => {
  let work: string
  beforeEach(() => (work = stageWork()))
  afterEach(() => rmSync(work, { recursive: true, force: true }))
  const stage = (version: string, targets: ScanTarget[], values: Record<string, string> = {}) =>
    runStage(work, version, targets, undefined, values)

  it('fails the gate when fail-on-new cannot scan the image it compares with (it used to pass)', async () => {
    const { result, reporter } = await stage('dev', [{ image: 'app:1', source: { local: 'app:1' } }], {
      'fail-on-severity': 'none',
      'fail-on-new': 'true',
      'compare-to': 'reg/gone:1'
    })
    expect(result.gate.failed).toBe(true)
    expect(result.gate.reasons).toEqual([
      'fail-on-new: reg/gone:1 could not be scanned, so what is new cannot be told'
    ])
    expect(reporter.said('error')).toEqual(result.gate.reasons)
  })

  it('lists every finding the checkout’s .trivyignore hid, with the line that hid it, in the summary and a warning', async () => {
    writeFileSync(join(work, '.trivyignore'), '# accepted risks\nCVE-9 exp:2099-01-01\nCVE-3\n')
    const { result, reporter, calls } = await stage('0.69.3', [
      { image: 'app:1', source: { local: 'app:1' } }
    ])
    expect(reads(calls)[0]).toEqual(
      expect.arrayContaining(['--ignorefile', join(work, '.trivyignore'), '--show-suppressed'])
    )
    expect(result.scans[0]?.suppressed).toEqual([
      expect.objectContaining({
        id: 'CVE-3',
        severity: 'CRITICAL',
        source: '.trivyignore',
        line: 3
      })
    ])
    expect(reporter.said('warning')).toContain(
      'CVE-3 (CRITICAL, libbaz 3) in app:1 is hidden from the gate by .trivyignore:3'
    )
    expect(summaryOf(result)).toContain('| CVE-3 | CRITICAL | libbaz | 3 | ignored | – | `.trivyignore:3` |')
  })

  it('does not honour the checkout’s .trivyignore with a Trivy that cannot say what it hid', async () => {
    writeFileSync(join(work, '.trivyignore'), 'CVE-1\n')
    const { reporter, calls } = await stage('0.52.0', [{ image: 'app:1', source: { local: 'app:1' } }])
    expect(reads(calls)[0]).not.toContain('--ignorefile')
    expect(reporter.said('warning')).toContain(
      `${join(work, '.trivyignore')} is not honoured: Trivy 0.52.0 cannot report what it hides (0.55+); name it in trivyignores to use it anyway`
    )
  })

  it('fails the gate on a secret baked into the image at the gate’s severity', async () => {
    const { result } = await stage('dev', [{ image: 'reg/secret:1', source: { remote: 'reg/secret:1' } }], {
      'fail-on-severity': 'CRITICAL',
      severity: 'CRITICAL'
    })
    expect(result.gate.reasons).toContain(
      '1 secret at or above CRITICAL in reg/secret:1: aws-access-key-id in /app/.env:2'
    )
    expect(summaryOf(result)).toContain(
      '| aws-access-key-id | CRITICAL | `/app/.env:2` | AWS Access Key ID |'
    )
  })
})
