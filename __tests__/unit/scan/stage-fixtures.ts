import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../../../src/infra/process.js'
import type { ArtifactUploader } from '../../../src/stages/scan/artifacts.js'
import { parseScanOptions, runScanStage, type ScanTarget } from '../../../src/stages/scan/index.js'
import type { Runner } from '../../../src/stages/scan/trivy.js'
import { RecordingReporter } from '../../support/scan-fixtures.js'
import { HELP_0_58 } from './trivy-help.js'

const ok = (stdout = ''): RunResult => ({ code: 0, stdout, stderr: '' })

/**
 * Trivy's JSON for an image with CVE-1 (CRITICAL, fixed) and, on arm64, CVE-2 (LOW); given an
 * ignore file, CVE-3 (CRITICAL) is what it hid; given `secrets`, an AWS key in /app/.env.
 */
export const report = (platform?: string, ignoreFile?: string, secrets = false) => ({
  ArtifactName: 'app:1',
  Metadata: {
    OS: { Family: 'debian', Name: '12.5' },
    ImageID: 'sha256:abc',
    DiffIDs: ['sha256:l1', 'sha256:l2']
  },
  Results: [
    {
      Target: 'app:1 (debian 12.5)',
      Packages: [{ Name: 'libfoo' }, { Name: 'libbar' }],
      Vulnerabilities: [
        {
          VulnerabilityID: 'CVE-1',
          PkgName: 'libfoo',
          InstalledVersion: '1.0',
          FixedVersion: '1.1',
          Severity: 'CRITICAL',
          Title: 'bad'
        },
        ...(platform === 'linux/arm64'
          ? [{ VulnerabilityID: 'CVE-2', PkgName: 'libbar', InstalledVersion: '2', Severity: 'LOW' }]
          : [])
      ],
      ...(ignoreFile
        ? {
            ExperimentalModifiedFindings: [
              {
                Type: 'vulnerability',
                Status: 'ignored',
                Statement: '',
                Source: ignoreFile,
                Finding: {
                  VulnerabilityID: 'CVE-3',
                  PkgName: 'libbaz',
                  InstalledVersion: '3',
                  Severity: 'CRITICAL'
                }
              }
            ]
          }
        : {})
    },
    ...(secrets
      ? [
          {
            Target: '/app/.env',
            Secrets: [
              { RuleID: 'aws-access-key-id', Severity: 'CRITICAL', Title: 'AWS Access Key ID', StartLine: 2 }
            ]
          }
        ]
      : [])
  ]
})

/** A Trivy of `version` (`dev` reads HELP_0_58 and has convert) that writes what it is asked to. */
export function fakeTrivy(version: string) {
  const calls: string[][] = []
  const runner: Runner = async (_cmd, args) => {
    calls.push([...args])
    if (args[0] === '--version') return ok(`Version: ${version}`)
    if (args.includes('--help'))
      return version === 'dev'
        ? ok(args[0] === 'convert' ? 'Usage:\n  trivy convert [flags] RESULT_JSON' : HELP_0_58)
        : ok('')
    const out = args[args.indexOf('--output') + 1]!
    const format = args[args.indexOf('--format') + 1]
    const platform = args.includes('--platform') ? args[args.indexOf('--platform') + 1] : undefined
    const ignoreFile = args.includes('--ignorefile') ? args[args.indexOf('--ignorefile') + 1] : undefined
    if (args.includes('reg/gone:1')) throw new Error('trivy image exited with code 1: MANIFEST_UNKNOWN')
    if (args[0] === 'image' && format === 'json')
      writeFileSync(out, JSON.stringify(report(platform, ignoreFile, args.includes('reg/secret:1'))))
    else writeFileSync(out, `${format} report`)
    return ok()
  }
  return { runner, calls }
}

/** A folder with a fresh-enough stand-in DB in `cache/`. */
export function stageWork(): string {
  const work = mkdtempSync(join(tmpdir(), 'scan-stage-'))
  mkdirSync(join(work, 'cache', 'db'), { recursive: true })
  writeFileSync(join(work, 'cache', 'db', 'trivy.db'), 'bolt')
  const nextUpdate = new Date(Date.now() + 3600_000).toISOString()
  const updatedAt = new Date(Date.now() - 20 * 3600_000).toISOString()
  writeFileSync(
    join(work, 'cache', 'db', 'metadata.json'),
    JSON.stringify({ Version: 2, NextUpdate: nextUpdate, UpdatedAt: updatedAt })
  )
  return work
}

/** The scan stage over `targets` with a stand-in Trivy of `version`; its checkout is `work`. */
export async function stage(
  work: string,
  version: string,
  targets: ScanTarget[],
  uploader?: ArtifactUploader,
  values: Record<string, string> = {},
  compare: { compareTo?: string; compareToSameLayers?: boolean } = {}
) {
  const reporter = new RecordingReporter()
  const trivy = fakeTrivy(version)
  const inputs: Record<string, string> = {
    'trivy-cache-dir': join(work, 'cache'),
    'sbom-format': 'both',
    ...values
  }
  const result = await runScanStage({
    targets,
    options: parseScanOptions(name => inputs[name] ?? '', work, {}),
    reporter,
    outDir: join(work, 'out'),
    trivyPath: '/bin/trivy',
    runner: trivy.runner,
    env: {},
    ...(uploader ? { uploader } : {}),
    ...compare
  })
  return { result, reporter, calls: trivy.calls }
}

/** The Trivy runs that read an image. */
export const reads = (calls: string[][]) => calls.filter(a => a[0] === 'image' && !a.includes('--help'))
