import { RunRecord, type RecordedConfig } from '../../src/pipeline/record.js'
import { countByLevel } from '../../src/findings.js'
import type { LintResult } from '../../src/stages/lint/index.js'
import { SIGN_NOT_YET, type StageName } from '../../src/stages/report/run-model.js'
import { evaluateGate } from '../../src/stages/scan/gate.js'
import type { ScanStageResult } from '../../src/stages/scan/index.js'
import { scanOf, vuln } from './scan/fixtures.js'

const config = (over: Partial<RecordedConfig> = {}): RecordedConfig => ({
  lint: { enabled: true },
  scan: { enabled: true },
  push: true,
  pushReason: 'push defaults to true',
  images: [{ name: 'reg/app' }],
  ...over
})

const lint = (failed: boolean): LintResult => {
  const findings = failed
    ? [
        {
          engine: 'checklist',
          ruleId: 'OP004',
          level: 'error' as const,
          message: 'USER root',
          file: 'Dockerfile',
          line: 3
        }
      ]
    : []
  return { findings, counts: countByLevel(findings), failed, engines: ['checklist', 'trivy 0.69.3'] }
}

const scanResult = (failing: boolean): ScanStageResult => {
  const scans = [scanOf(failing ? [vuln('CVE-1', 'CRITICAL', '1.1')] : [])]
  const gate = evaluateGate(scans, 'CRITICAL')
  return {
    scans,
    vulnerabilities: scans[0]!.vulnerabilities,
    counts: scans[0]!.counts,
    gate,
    paths: scans[0]!.paths,
    sboms: [],
    engine: 'trivy 0.69.3',
    reports: Promise.resolve()
  }
}

/** A clock that moves 100 ms each time it is read. */
const ticking = () => {
  let t = 0
  return () => (t += 100)
}

const states = (rec: RunRecord, c = config(), error?: unknown) => {
  const m = rec.model({ config: c, pushed: false, ...(error ? { error } : {}) })
  return Object.fromEntries(
    (Object.keys(m.stages) as StageName[]).map(s => [s, `${m.stages[s].state}: ${m.stages[s].reason ?? ''}`])
  )
}

describe('RunRecord', () => {
  it('times each stage from start to end, and names the engines once each', () => {
    const rec = new RunRecord(ticking())
    rec.start('lint')
    rec.lint(lint(false), 'error')
    const m = rec.model({ config: config(), pushed: false })
    expect(m.stages.lint).toMatchObject({ state: 'done', durationMs: 100 })
    expect(m.engines).toEqual(['checklist', 'trivy 0.69.3'])
  })

  it.each<[string, (rec: RunRecord) => void, Partial<RecordedConfig>, Record<string, string>]>([
    [
      'a failed lint',
      rec => {
        rec.lint(lint(true), 'error')
        rec.end('build', 'cancelled', { reason: 'the lint failed' })
      },
      {},
      {
        lint: 'failed: 1 finding at or above error',
        build: 'cancelled: the lint failed',
        scan: 'skipped: the lint failed',
        sign: `skipped: ${SIGN_NOT_YET}`,
        push: 'skipped: the lint failed'
      }
    ],
    [
      'stages turned off',
      rec => rec.end('build', 'done'),
      {
        lint: { enabled: false },
        scan: { enabled: false },
        push: false,
        pushReason: 'push is false (input)'
      },
      {
        lint: 'skipped: lint: false',
        build: 'done: ',
        scan: 'skipped: scan: false',
        sign: `skipped: ${SIGN_NOT_YET}`,
        push: 'skipped: push is false (input)'
      }
    ],
    [
      'a build that failed',
      rec => rec.fail('build', new Error('the build failed\nstep 3/4')),
      {},
      {
        lint: 'skipped: the build failed',
        build: 'failed: the build failed',
        scan: 'skipped: the build failed',
        sign: `skipped: ${SIGN_NOT_YET}`,
        push: 'skipped: the build failed'
      }
    ]
  ])('after %s, says why each stage did not run', (_, steps, over, expected) => {
    const rec = new RunRecord(ticking())
    steps(rec)
    expect(states(rec, config(over))).toEqual(expected)
  })

  it('records a failed gate with the result onScan gave, and skips the push for it', async () => {
    const rec = new RunRecord(ticking())
    const result = scanResult(true)
    const deps = rec.watch({ onScan: (_: ScanStageResult) => undefined })
    deps.onScan(result)
    await expect(rec.scanning(Promise.reject(new Error('scan: the gate failed')))).rejects.toThrow()
    const m = rec.model({ config: config(), pushed: false, error: new Error('scan: the gate failed') })
    expect(m.stages.scan).toMatchObject({
      state: 'failed',
      reason: '1 vulnerability with a fix at or above CRITICAL',
      durationMs: 100
    })
    expect(m.stages.scan.result?.gate.failed).toBe(true)
    expect(m.stages.push).toEqual({ state: 'skipped', reason: 'the scan gate failed' })
  })

  it('keeps what each SARIF upload answered', async () => {
    const rec = new RunRecord()
    const deps = rec.watch({
      uploadSarif: async (_path: string, category: string) => ({
        category,
        uploaded: false,
        message: 'no token'
      })
    })
    await deps.uploadSarif!('lint.sarif', 'oci-pipeline-lint')
    expect(rec.model({ config: config(), pushed: false }).sarif).toEqual([
      { category: 'oci-pipeline-lint', uploaded: false, message: 'no token' }
    ])
  })
})
