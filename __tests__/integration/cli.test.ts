import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { commandHelp } from '../../src/faces/cli/args.js'
import { COMMANDS } from '../../src/faces/cli/options.js'
import { freshCliBundle, runProcess, type ProcessRun } from '../support/cli-runner.js'
import { describeWithEnv, type TestEnv } from '../support/env.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json

describeWithEnv('the bundled CLI, as a user runs it on Node 24', env => {
  let e: TestEnv
  let cli: string
  let work: string
  let trivyCache: string

  beforeAll(() => {
    e = env()
    cli = freshCliBundle()
    work = mkdtempSync(join(tmpdir(), 'oci-cli-it-'))
    trivyCache = join(work, 'trivy-cache')
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
  }, 180_000)

  /** The CLI outside any CI (no CI variables), in `cwd`, with its own docker config. */
  const oci = (args: string[], vars: Record<string, string> = {}, cwd = work): Promise<ProcessRun> =>
    runProcess(e.node24, [cli, ...args], {
      cwd,
      env: { DOCKER_CONFIG: join(work, 'docker-config'), ...vars }
    })

  it.each(COMMANDS)('%s --help prints its options and exits 0', async command => {
    const run = await oci([command, '--help'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toBe(commandHelp(command))
  })

  it.each([
    [['build', '--bogus'], /Unknown option '--bogus'/],
    [['scan', '--tags', 'x'], /Unknown option '--tags'/],
    [['publish', '--source-image'], /Option '--source-image <value>' argument missing/],
    [['deploy'], /unknown command "deploy"/]
  ])('%j: one clear error on stderr and exit code 2', async (argv, message) => {
    const run = await oci(argv)
    expect([run.code, run.stdout]).toEqual([2, ''])
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(2)
  })

  it('scans an image in a registry by digest: the gate fails, every report is written', async () => {
    const base = e.baseImages.debianVuln
    const scanEnv = {
      OCI_PIPELINE_USERNAME: e.username,
      OCI_PIPELINE_PASSWORD: e.password,
      OCI_PIPELINE_TRIVY_PATH: e.trivy,
      TRIVY_SKIP_DB_UPDATE: 'true'
    }
    const args = ['scan', '--image', `${base.name}:${base.tag}`, '--trivy-cache-dir', trivyCache]
    const run = await oci([...args, '--report-dir', 'failed', '--json'], scanEnv)
    expect([run.code, run.stderr]).toEqual([
      1,
      expect.stringContaining('CVE-2099-0001 in oci-test-lib 1.0.0-1')
    ])
    expect(run.stderr).not.toContain(e.password)
    expect(JSON.parse(run.stdout)).toMatchObject({
      digest: base.digest,
      image: `${base.name}@${base.digest}`,
      tags: `${base.name}:${base.tag}`,
      vulnerabilities: JSON.stringify({ CRITICAL: 1, HIGH: 0, MEDIUM: 1, LOW: 0, UNKNOWN: 0, total: 2 })
    })
    const out = join(work, 'failed')
    const gl = readJson(join(out, 'gl-container-scanning-report.json'))
    expect(gl.scan.type).toBe('container_scanning')
    expect(gl.vulnerabilities.map((v: Json) => [v.identifiers[0].value, v.severity])).toEqual([
      ['CVE-2099-0001', 'Critical'],
      ['CVE-2099-0002', 'Medium']
    ])
    expect(readJson(join(out, 'gl-sbom-debian-vuln.cdx.json')).bomFormat).toBe('CycloneDX')
    expect(readFileSync(join(out, 'scan.env'), 'utf8')).toBe(
      `OCI_IMAGE_REF=${base.name}:${base.tag}@${base.digest}\nOCI_IMAGE_DIGEST=${base.digest}\nOCI_IMAGE_TAGS=${base.name}:${base.tag}\n`
    )

    // The gate from the environment, and the image by digest: it passes.
    const byDigest = ['scan', '--image', `${base.name}@${base.digest}`, '--trivy-cache-dir', trivyCache]
    const pass = await oci([...byDigest, '--report-dir', 'passed'], {
      ...scanEnv,
      OCI_PIPELINE_FAIL_ON_SEVERITY: 'none'
    })
    expect([pass.code, pass.stderr]).toEqual([0, expect.stringContaining('passed the gate (none)')])
    expect(readJson(join(work, 'passed', 'gl-container-scanning-report.json')).vulnerabilities).toHaveLength(
      2
    )
  })

  it('lints a Dockerfile: SARIF and the GitLab code-quality report agree; the threshold sets the exit code', async () => {
    const dir = join(work, 'project')
    mkdirSync(dir)
    const debian = `docker.io/library/debian:12@sha256:${'0123456789abcdef'.repeat(4)}`
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${debian}\nRUN apt-get update && apt-get install -y curl\n`)
    const lint = (more: string[], vars: Record<string, string> = {}) =>
      oci(['lint', '--linters', 'checklist', '--report-dir', 'reports', ...more], vars, dir)
    const failed = await lint(['--lint-failure-threshold', 'warning'])
    expect([failed.code, failed.stderr]).toEqual([
      1,
      expect.stringMatching(/error: lint: findings at or above/)
    ])
    const codequality = readJson(join(dir, 'reports', 'gl-code-quality-report.json')) as Json[]
    const sarif = readJson(join(dir, 'reports', 'lint.sarif'))
    expect(codequality.map(i => i.check_name).sort()).toEqual(
      sarif.runs.flatMap((r: Json) => r.results.map((x: Json) => x.ruleId)).sort()
    )
    expect(codequality.map(i => i.check_name)).toContain('OP004')
    expect(new Set(codequality.map(i => i.severity))).toEqual(new Set(['minor']))
    const passed = await lint([], { OCI_PIPELINE_LINT_FAILURE_THRESHOLD: 'error' })
    expect(passed.code).toBe(0)

    // --format: what stdout carries; the exit code still follows the threshold.
    const text = await lint(['--format', 'text'])
    expect(text.stdout).toMatch(/^Dockerfile:1: warning OP004 \(checklist\) /m)
    expect(text.stdout.trim().split('\n')).toHaveLength(codequality.length)
    const json = await lint(['--format', 'json', '--lint-failure-threshold', 'warning'])
    expect(json.code).toBe(1)
    const printed = JSON.parse(json.stdout) as Json
    expect(printed.failed).toBe(true)
    expect(printed.findings.map((f: Json) => f.ruleId).sort()).toEqual(
      codequality.map(i => i.check_name).sort()
    )
    const asSarif = await lint(['--format', 'sarif'])
    expect(asSarif.stdout).toBe(readFileSync(join(dir, 'reports', 'lint.sarif'), 'utf8'))
    const asCq = await lint(['--format', 'codequality'])
    expect(JSON.parse(asCq.stdout)).toEqual(readJson(join(dir, 'reports', 'gl-code-quality-report.json')))
    const bad = await lint(['--format', 'yaml'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Input "format": "yaml" is not one of text, json, sarif, codequality')
  })
})
