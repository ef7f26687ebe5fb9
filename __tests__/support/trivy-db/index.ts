import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeBolt, type BoltTree } from './bbolt.js'

/** The DB schema Trivy has read since v0.23 (trivy-db pkg/db.SchemaVersion). */
export const TRIVY_DB_SCHEMA = 2

export interface FixtureAdvisory {
  id: string
  /** Source package name (Debian advisories are keyed by source package). */
  pkg: string
  fixed?: string
  /** With no fixed version: why (default `affected`, no fix yet). */
  status?: keyof typeof STATUS
  severity: 'UNKNOWN' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'
  title: string
}

const SEVERITY_NUMBER = { UNKNOWN: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 }
// trivy-db types.Status, as Trivy 0.69.3 reads it back (it reports 5 as "will_not_fix").
const STATUS = { affected: 2, will_not_fix: 5, fix_deferred: 6, end_of_life: 7 } as const

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v))

/**
 * The bbolt file of a Trivy vulnerability DB holding `advisories` for one OS release bucket
 * (e.g. `debian 12`): <release> → <package> → <vuln ID> → advisory, `vulnerability` → <vuln ID>
 * → details, and `data-source` → <release> → where the advisories came from.
 */
export function trivyDbBytes(release: string, advisories: readonly FixtureAdvisory[]): Buffer {
  const family = release.split(' ')[0] ?? release
  const osBucket: BoltTree = new Map()
  const vulnerabilities: BoltTree = new Map()
  for (const a of advisories) {
    let pkg = osBucket.get(a.pkg) as BoltTree | undefined
    if (!pkg) osBucket.set(a.pkg, (pkg = new Map()))
    pkg.set(a.id, json(a.fixed ? { FixedVersion: a.fixed } : { Status: STATUS[a.status ?? 'affected'] }))
    vulnerabilities.set(
      a.id,
      json({
        Title: a.title,
        Description: `${a.title} (a vulnerability made up for tests)`,
        Severity: a.severity,
        VendorSeverity: { [family]: SEVERITY_NUMBER[a.severity] },
        References: [`https://example.invalid/${a.id}`]
      })
    )
  }
  const dataSource: BoltTree = new Map([
    [release, json({ ID: family, Name: 'Test advisories', URL: 'https://example.invalid/advisories' })]
  ])
  return writeBolt(
    new Map<string, BoltTree>([
      [release, osBucket],
      ['vulnerability', vulnerabilities],
      ['data-source', dataSource]
    ])
  )
}

export function metadataJson(now = new Date()): string {
  const nextUpdate = new Date(now.getTime() + 24 * 3600 * 1000)
  return JSON.stringify({
    Version: TRIVY_DB_SCHEMA,
    NextUpdate: nextUpdate.toISOString(),
    UpdatedAt: now.toISOString(),
    DownloadedAt: now.toISOString()
  })
}

/** Writes `<cacheDir>/db/trivy.db` and `metadata.json`, as `trivy image --download-db-only` leaves them. */
export function writeTrivyDb(
  cacheDir: string,
  release: string,
  advisories: readonly FixtureAdvisory[]
): void {
  const dir = join(cacheDir, 'db')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'trivy.db'), trivyDbBytes(release, advisories))
  writeFileSync(join(dir, 'metadata.json'), metadataJson())
}

/** The advisories every scan test expects: one fixable CRITICAL, one unfixed MEDIUM. */
export const TEST_ADVISORIES: FixtureAdvisory[] = [
  {
    id: 'CVE-2099-0001',
    pkg: 'oci-test-lib',
    fixed: '1.0.0-2',
    severity: 'CRITICAL',
    title: 'oci-test-lib: overflow in the test parser'
  },
  {
    id: 'CVE-2099-0002',
    pkg: 'oci-test-lib',
    severity: 'MEDIUM',
    title: 'oci-test-lib: leak in the test allocator'
  }
]

/**
 * Advisories for an image whose only CRITICAL will never be fixed (as zlib's CVE-2023-45853 on
 * Debian 12), beside the unfixed MEDIUM: the default gate lets it through, `ignore-unfixed: false`
 * does not.
 */
export const WILL_NOT_FIX_ADVISORIES: FixtureAdvisory[] = [
  {
    id: 'CVE-2099-0003',
    pkg: 'oci-test-lib',
    status: 'will_not_fix',
    severity: 'CRITICAL',
    title: 'oci-test-lib: overflow in the test archiver, which the distribution will not fix'
  },
  TEST_ADVISORIES[1]!
]
