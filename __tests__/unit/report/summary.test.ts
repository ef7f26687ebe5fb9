import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../../src/findings.js'
import { countByLevel } from '../../../src/findings.js'
import { compareScans } from '../../../src/stages/scan/delta.js'
import { evaluateGate, gateFailureMessage } from '../../../src/stages/scan/gate.js'
import { countBySeverity, type ImageScan, type Vulnerability } from '../../../src/stages/scan/model.js'
import { SIGN_NOT_YET, type RunModel, type ScanOutcome } from '../../../src/stages/report/run-model.js'
import { renderSummary } from '../../../src/stages/report/summary.js'
import { SUMMARY_ROWS } from '../../../src/stages/report/summary-details.js'
import { ROOT } from '../../support/env.js'
import { scanOf, vuln } from '../scan/fixtures.js'

/** `UPDATE_GOLDEN=1` rewrites the files; read them before committing. */
function golden(name: string, markdown: string): void {
  const path = join(ROOT, '__tests__', 'fixtures', 'summary', `${name}.md`)
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, markdown)
  expect(markdown).toBe(readFileSync(path, 'utf8'))
}

const IMAGE = 'ghcr.io/example-org/demo-app'
const DIGEST = 'sha256:4f1c2b0e9d8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b'
const IMAGE_ID = 'sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9'

const warnings: Finding[] = [
  {
    engine: 'hadolint',
    ruleId: 'DL3008',
    level: 'warning',
    message:
      'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
    file: 'Dockerfile',
    line: 4,
    helpUri: 'https://github.com/hadolint/hadolint/wiki/DL3008'
  },
  {
    engine: 'checklist',
    ruleId: 'OP013',
    level: 'info',
    message: 'the image has no org.opencontainers.image.description label | set one',
    file: 'Dockerfile',
    line: 1,
    helpUri: 'https://github.com/oci-pipeline/oci-pipeline/blob/v1/docs/rules/OP013.md'
  }
]
const rootUser: Finding = {
  engine: 'checklist',
  ruleId: 'OP004',
  level: 'error',
  message: 'USER root on line 6 makes the container run as root: end with a non-root USER',
  file: 'Dockerfile',
  line: 6,
  helpUri: 'https://github.com/oci-pipeline/oci-pipeline/blob/v1/docs/rules/OP004.md'
}

const zlib = {
  ...vuln('CVE-2023-45853', 'CRITICAL', undefined, 'zlib1g'),
  installed: '1:1.2.13.dfsg-1',
  status: 'will_not_fix',
  title: 'zlib: integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_6',
  url: 'https://avd.aquasec.com/nvd/cve-2023-45853'
}
const openssl = {
  ...vuln('CVE-2024-5535', 'HIGH', '3.0.14-1~deb12u1', 'libssl3'),
  installed: '3.0.11-1~deb12u2',
  status: 'fixed',
  title: 'openssl: SSL_select_next_proto buffer overread'
}
const critical = {
  ...vuln('CVE-2024-45491', 'CRITICAL', '2.5.0-1+deb12u1', 'libexpat1'),
  installed: '2.5.0-1'
}

const scanned = (vulns: Vulnerability[] = [zlib, openssl]): ImageScan => ({
  ...scanOf(vulns, undefined, `${IMAGE}:1.4.0`),
  packages: 87,
  sizeBytes: 78_643_200,
  layers: 3,
  paths: {
    json: 'j',
    table: 't',
    sarif: 's',
    gitlab: 'g',
    cyclonedx: '/runner/_temp/oci-pipeline/scan/sbom.cdx.json'
  },
  suppressed: [
    {
      type: 'vulnerability',
      id: 'CVE-2023-4039',
      pkg: 'libgcc-s1',
      installed: '12.2.0-14',
      severity: 'MEDIUM',
      status: 'not_affected',
      statement: 'vulnerable_code_not_in_execute_path',
      source: '.vex/demo-app.openvex.json'
    }
  ]
})

const scanOutcome = (scans: ImageScan[], gate: ScanOutcome['gate'], extra: Partial<ScanOutcome> = {}) => ({
  scans,
  counts: countBySeverity(scans.flatMap(s => s.vulnerabilities)),
  gate,
  sboms: [
    {
      image: `${IMAGE}:1.4.0`,
      path: '/runner/_temp/oci-pipeline/scan/sbom.cdx.json',
      artifact: {
        name: 'sbom-ghcr.io-example-org-demo-app-1.4.0',
        url: 'https://github.com/example-org/demo-app/actions/runs/42/artifacts/1234'
      }
    }
  ],
  ...extra
})

const base = (): RunModel => ({
  image: `${IMAGE}:1.4.0`,
  tags: [`${IMAGE}:1.4.0`, `${IMAGE}:1.4`],
  version: '1.4.0',
  versionFrom: 'git tag',
  base: 'docker.io/library/debian:12-slim@sha256:2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8',
  labels: {
    'org.opencontainers.image.version': '1.4.0',
    'org.opencontainers.image.revision': '0123456789abcdef0123456789abcdef01234567'
  },
  pushed: true,
  pushReason: 'push defaults to true',
  stages: {
    lint: {
      state: 'done',
      durationMs: 1840,
      result: { findings: warnings, counts: countByLevel(warnings), threshold: 'error', failed: false }
    },
    build: { state: 'done', durationMs: 41_250, result: { imageId: IMAGE_ID, platforms: ['linux/amd64'] } },
    scan: {
      state: 'done',
      durationMs: 3120,
      result: scanOutcome([scanned()], evaluateGate([scanned()], 'CRITICAL'))
    },
    sign: { state: 'skipped', reason: SIGN_NOT_YET },
    push: {
      state: 'done',
      durationMs: 2730,
      result: { digest: DIGEST, tags: [`${IMAGE}:1.4.0`, `${IMAGE}:1.4`], reference: `${IMAGE}@${DIGEST}` }
    }
  },
  engines: ['hadolint 2.12.0', 'trivy 0.69.3', 'checklist'],
  sarif: [
    { category: 'oci-pipeline-lint', uploaded: true, message: 'uploaded to code scanning' },
    {
      category: 'oci-pipeline-scan',
      uploaded: false,
      message: 'the token may not write security events (grant `permissions: security-events: write`)'
    }
  ]
})

describe('renderSummary (golden files in __tests__/fixtures/summary)', () => {
  it('a pushed run: verdict and image, pull command, SBOM link, one row per stage, details collapsed', () => {
    const md = renderSummary(base())
    expect(md.split('\n')[0]).toBe(`## ✅ Pushed \`${IMAGE}:1.4.0\``)
    expect(md).toContain(`docker pull ${IMAGE}@${DIGEST}`)
    golden('pushed', md)
  })

  it('a signed run: the Sign row says how, how many images, the signature and the attestations', () => {
    const m = base()
    m.stages.sign = {
      state: 'done',
      durationMs: 4100,
      result: { signature: DIGEST, by: 'keyless', attestations: ['sbom', 'vuln', 'provenance'], images: 1 }
    }
    expect(renderSummary(m).split('\n')).toContain(
      '| Sign | ✅ done | keyless, 1 image, signature `sha256:4f1c2b0e9d8a`; attested sbom, vuln, provenance | 4.1 s |'
    )
  })

  it('a run the scan gate stopped: the error names the inputs, push skipped with the reason', () => {
    const scans = [scanned([critical, zlib, openssl])]
    const delta = compareScans([zlib], scans[0]!.vulnerabilities, `${IMAGE}:1.3.2`)
    const gate = evaluateGate(scans, 'CRITICAL', { delta })
    const m = base()
    m.pushed = false
    m.error = gateFailureMessage(gate)
    m.stages.scan = {
      state: 'failed',
      durationMs: 2980,
      reason: '1 vulnerability with a fix at or above CRITICAL',
      result: scanOutcome(scans, gate, {
        delta,
        sboms: [{ image: `${IMAGE}:1.4.0`, path: '/tmp/r/sbom.cdx.json' }]
      })
    }
    m.stages.push = { state: 'skipped', reason: 'the scan gate failed' }
    m.sarif = []
    const md = renderSummary(m)
    expect(md.split('\n')[0]).toBe(
      `## ❌ Not pushed: \`${IMAGE}:1.4.0\` — scan failed: 1 vulnerability with a fix at or above CRITICAL`
    )
    expect(md).not.toContain('docker pull')
    golden('gated', md)
  })

  it('a lint failure: the build cancelled, scan and push skipped, each with its reason', () => {
    const findings = [rootUser, ...warnings]
    const m = base()
    m.pushed = false
    m.error =
      'lint: 1 finding at or above "error" (1 error, 1 warning, 1 info), so nothing was pushed. To change the decision: fix it; or set lint-failure-threshold (now error; none never fails), lint-ignore or lint-rules'
    m.stages.lint = {
      state: 'failed',
      durationMs: 910,
      reason: '1 finding at or above error',
      result: { findings, counts: countByLevel(findings), threshold: 'error', failed: true }
    }
    m.stages.build = { state: 'cancelled', durationMs: 1020, reason: 'the lint failed' }
    m.stages.scan = { state: 'skipped', reason: 'the lint failed' }
    m.stages.push = { state: 'skipped', reason: 'the lint failed' }
    m.sarif = [m.sarif[0]!]
    golden('lint-failed', renderSummary(m))
  })

  it('a run with stages turned off: every skipped stage named with its reason', () => {
    const m = base()
    m.pushed = false
    m.pushReason = 'a pull request from a fork: built, not pushed (its token cannot write packages)'
    m.stages.lint = { state: 'skipped', reason: 'lint: false' }
    m.stages.scan = { state: 'skipped', reason: 'scan: false' }
    m.stages.push = { state: 'skipped', reason: m.pushReason }
    m.engines = []
    m.sarif = []
    const md = renderSummary(m)
    expect(md.split('\n')[0]).toBe(
      `## ☑️ Built, not pushed: \`${IMAGE}:1.4.0\` — a pull request from a fork: built, not pushed (its token cannot write packages)`
    )
    golden('skipped', md)
  })

  it('a run with no vulnerability DB: says so in its first lines, and where the SBOM is', () => {
    const scan = { ...scanned([]), suppressed: [] }
    const unchecked =
      'The Trivy vulnerability DB could not be downloaded from mirror.gcr.io/aquasec/trivy-db:2.'
    const m = base()
    m.stages.scan = {
      state: 'done',
      durationMs: 1450,
      result: scanOutcome([scan], evaluateGate([scan], 'none', { unchecked }), { unchecked })
    }
    const md = renderSummary(m)
    expect(md.split('\n').slice(2, 4)).toEqual([
      '> [!WARNING]',
      `> **Vulnerabilities were not checked**: ${unchecked}`
    ])
    golden('no-db', md)
  })
})

describe('renderSummary, piece by piece', () => {
  const withScan = (scans: ImageScan[], gate: ScanOutcome['gate']): string => {
    const m = base()
    m.stages.scan = { state: 'done', durationMs: 1000, result: scanOutcome(scans, gate) }
    return renderSummary(m)
  }
  const AMD = scanOf([vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-2', 'MEDIUM')], 'linux/amd64')
  const ARM = scanOf(
    [vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-3', 'LOW', '1.3', 'lib|pipe')],
    'linux/arm64'
  )

  it.each<[string, ImageScan[]]>([
    ['one image', [AMD]],
    ['two platforms', [AMD, ARM]],
    ['a clean image', [scanOf([])]]
  ])('gives each image its own row of counts, for %s', (_, scans) => {
    const rows = withScan(scans, evaluateGate(scans, 'CRITICAL'))
      .split('\n')
      .filter(l => l.startsWith('| `app:1`'))
      .map(l => l.split(' | ').slice(2, 7).map(Number))
    expect(rows).toEqual(
      scans.map(s => [s.counts.CRITICAL, s.counts.HIGH, s.counts.MEDIUM, s.counts.LOW, s.counts.UNKNOWN])
    )
  })

  it('lists a vulnerability once across platforms, worst first, cells escaped', () => {
    const md = withScan([AMD, ARM], evaluateGate([AMD, ARM], 'HIGH'))
    const table = md.slice(md.indexOf('| ID | Severity |'))
    expect(table.match(/\| CVE-1 \|/g)).toHaveLength(1)
    expect(table).toContain('| CVE-3 | LOW | lib\\|pipe | 1.0 | 1.3 | CVE-3 title |')
    expect(table).toContain('| CVE-2 | MEDIUM | libfoo | 1.0 | no fix | CVE-2 title |')
    expect(table.indexOf('CVE-1')).toBeLessThan(table.indexOf('CVE-2'))
    expect(md).toContain(
      '- 1 vulnerability with a fix at or above HIGH in app:1 (linux/amd64): CVE-1 in libfoo 1.0 (fixed in 1.1)'
    )
  })

  it.each<[string, ReturnType<typeof evaluateGate>, string]>([
    ['off', evaluateGate([AMD], 'none'), '**Gate:** off (`fail-on-severity: none`).'],
    ['passed', evaluateGate([scanOf([])], 'HIGH'), '**Gate: passed** — nothing with a fix at or above HIGH.'],
    [
      'passed, unfixed gating too',
      evaluateGate([scanOf([])], 'HIGH', { gateUnfixed: true }),
      '**Gate: passed** — nothing at or above HIGH.'
    ],
    ['failed', evaluateGate([AMD], 'CRITICAL'), '**Gate: failed** — the image was not pushed.']
  ])('says the gate is %s', (_, gate, said) => {
    expect(withScan(gate.failing.length ? [AMD] : [scanOf([])], gate)).toContain(said)
  })

  it('caps long tables and says where the rest is', () => {
    const many = Array.from({ length: SUMMARY_ROWS + 3 }, (_, i) => ({ ...warnings[0]!, line: i + 1 }))
    const m = base()
    m.stages.lint.result = { findings: many, counts: countByLevel(many), threshold: 'error', failed: false }
    const md = renderSummary(m)
    expect(md.match(/\| 🟠 warning \|/g)).toHaveLength(SUMMARY_ROWS)
    expect(md).toContain('… and 3 more in the lint SARIF report.')
  })

  it('shows before and after by severity when compared with the previous image', () => {
    const delta = compareScans(
      [vuln('CVE-1', 'CRITICAL', '1.1')],
      AMD.vulnerabilities.concat(vuln('CVE-4', 'HIGH')),
      'app:0'
    )
    const m = base()
    m.stages.scan.result = { ...scanOutcome([AMD], evaluateGate([AMD], 'CRITICAL')), delta }
    const md = renderSummary(m)
    expect(md).toContain('<summary>Compared with `app:0`: 2 new, 0 gone</summary>')
    expect(md).toContain('| Before | 1 | 0 | 0 | 0 | 0 |\n| After | 1 | 1 | 1 | 0 | 0 |')
    expect(md).toContain('New: CVE-4 (HIGH, libfoo), CVE-2 (MEDIUM, libfoo)')
  })
})
