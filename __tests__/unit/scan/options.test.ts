import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../../src/errors.js'
import { parseDuration, parseScanOptions } from '../../../src/stages/scan/options.js'

/** A checkout with the files the inputs below name. */
const WS = mkdtempSync(join(tmpdir(), 'scan-options-'))
mkdirSync(join(WS, 'ci'))
writeFileSync(join(WS, 'ci', 'trivy.yaml'), 'severity: [CRITICAL]\n')
writeFileSync(join(WS, 'ci', 'policy.rego'), 'package trivy\n')
const withRootIgnore = mkdtempSync(join(tmpdir(), 'scan-options-ignore-'))
writeFileSync(join(withRootIgnore, '.trivyignore'), 'CVE-2099-0001\n')

const parse = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, workspace = WS) =>
  parseScanOptions(name => inputs[name] ?? '', workspace, env)

describe('parseScanOptions', () => {
  it('defaults to a scan that reports everything, fails on CRITICAL and uploads a CycloneDX SBOM', () => {
    expect(parse({})).toEqual({
      enabled: true,
      workspace: WS,
      severities: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'],
      failOnSeverity: 'CRITICAL',
      ignoreUnfixed: false,
      gateUnfixed: false,
      trivyignores: [],
      skipDirs: [],
      skipFiles: [],
      vex: [],
      // What `trivy image` scans when not told.
      scanners: ['vuln', 'secret'],
      vulnTypes: ['os', 'library'],
      trivyVersion: '',
      trivyPath: '',
      cacheDir: join(homedir(), '.cache', 'trivy'),
      dbMaxAgeSeconds: 5 * 86400,
      timeoutSeconds: 600,
      sbomFormats: ['cyclonedx'],
      compareTo: '',
      failOnNew: false,
      sbomUpload: true
    })
  })

  it.each([
    [{}, { TRIVY_CACHE_DIR: '/srv/trivy' }, '/srv/trivy'],
    [{ 'trivy-cache-dir': '/tmp/t' }, { TRIVY_CACHE_DIR: '/srv/trivy' }, '/tmp/t'],
    // Trivy runs in a folder of its own: a relative cache is made absolute from the checkout.
    [{ 'trivy-cache-dir': '.oci-pipeline-cache/trivy' }, {}, join(WS, '.oci-pipeline-cache/trivy')],
    // On a runner: the job's own temporary folder, not a HOME other jobs share.
    [{}, { RUNNER_TEMP: '/runner/_temp' }, '/runner/_temp/oci-pipeline-trivy']
  ])('takes the cache directory %j with %j as %s', (inputs, env, dir) => {
    expect(parse(inputs, env).cacheDir).toBe(dir)
  })

  it('takes trivy-action’s trivy-config, skip-dirs, skip-files and ignore-policy, paths from the checkout', () => {
    expect(
      parse({
        'trivy-config': 'ci/trivy.yaml',
        'skip-dirs': '/usr/share/doc, /opt/cache',
        'skip-files': '/etc/ssl/private/*.pem',
        'ignore-policy': 'ci/policy.rego'
      })
    ).toMatchObject({
      trivyConfig: join(WS, 'ci', 'trivy.yaml'),
      skipDirs: ['/usr/share/doc', '/opt/cache'],
      skipFiles: ['/etc/ssl/private/*.pem'],
      ignorePolicy: join(WS, 'ci', 'policy.rego')
    })
  })

  it('honours the checkout’s own .trivyignore, as Trivy does, only when trivyignores names none', () => {
    expect(parse({}, {}, withRootIgnore).rootIgnore).toBe(join(withRootIgnore, '.trivyignore'))
    expect(parse({}, {}, WS).rootIgnore).toBeUndefined()
    const given = parse({ trivyignores: 'other.trivyignore' }, {}, withRootIgnore)
    expect([given.rootIgnore, given.trivyignores]).toEqual([
      undefined,
      [join(withRootIgnore, 'other.trivyignore')]
    ])
  })

  it.each([
    ['7d', 7 * 86400],
    ['36h', 36 * 3600],
    ['1d12h', 36 * 3600]
  ])('trivy-db-max-age %s is %d seconds', (value, seconds) => {
    expect(parse({ 'trivy-db-max-age': value }).dbMaxAgeSeconds).toBe(seconds)
  })

  it('reads the inputs a workflow sets, with the names of trivy-action', () => {
    const opts = parse({
      scan: 'false',
      severity: 'critical, high,MEDIUM',
      'fail-on-severity': 'high',
      'ignore-unfixed': 'true',
      trivyignores: '.trivyignore\nci/.trivyignore',
      vex: '.vex/app.openvex.json, .vex/base.cdx.json',
      scanners: 'vuln,secret,vuln',
      'vuln-type': 'os',
      'trivy-version': '0.58.1',
      'trivy-path': '/opt/trivy',
      'scan-timeout': '1h30m',
      'sbom-format': 'spdx,cyclonedx',
      'compare-to': 'ghcr.io/o/app:1.0',
      'fail-on-new': 'yes',
      'sbom-upload': 'off',
      'sbom-retention-days': '7'
    })
    expect(opts).toMatchObject({
      enabled: false,
      severities: ['CRITICAL', 'HIGH', 'MEDIUM'],
      failOnSeverity: 'HIGH',
      ignoreUnfixed: true,
      gateUnfixed: false,
      trivyignores: [join(WS, '.trivyignore'), join(WS, 'ci/.trivyignore')],
      vex: [join(WS, '.vex/app.openvex.json'), join(WS, '.vex/base.cdx.json')],
      scanners: ['vuln', 'secret'],
      vulnTypes: ['os'],
      trivyVersion: 'v0.58.1',
      trivyPath: '/opt/trivy',
      timeoutSeconds: 5400,
      sbomFormats: ['spdx-json', 'cyclonedx'],
      compareTo: 'ghcr.io/o/app:1.0',
      failOnNew: true,
      sbomUpload: false,
      sbomRetentionDays: 7
    })
  })

  it.each([
    ['none', 'none'],
    ['NONE', 'none'],
    ['low', 'LOW'],
    ['UNKNOWN', 'UNKNOWN']
  ])('fail-on-severity %s is %s', (value, expected) => {
    expect(parse({ 'fail-on-severity': value }).failOnSeverity).toBe(expected)
  })

  // Unset is ours (report, never gate); true and false keep trivy-action's meaning.
  it.each([
    ['', { ignoreUnfixed: false, gateUnfixed: false }],
    [' ', { ignoreUnfixed: false, gateUnfixed: false }],
    ['true', { ignoreUnfixed: true, gateUnfixed: false }],
    ['yes', { ignoreUnfixed: true, gateUnfixed: false }],
    ['false', { ignoreUnfixed: false, gateUnfixed: true }],
    ['off', { ignoreUnfixed: false, gateUnfixed: true }]
  ])('ignore-unfixed %j: %j', (value, expected) => {
    expect(parse({ 'ignore-unfixed': value })).toMatchObject(expected)
  })

  it.each([
    ['both', ['cyclonedx', 'spdx-json']],
    ['spdx-json', ['spdx-json']],
    ['CycloneDX', ['cyclonedx']],
    ['spdx,spdx-json', ['spdx-json']]
  ])('sbom-format %s writes %j', (value, expected) => {
    expect(parse({ 'sbom-format': value }).sbomFormats).toEqual(expected)
  })

  it.each([
    [{ severity: 'HIGH,SEVERE' }, 'severity', '"SEVERE" is not one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN'],
    [{ severity: ' , ' }, 'severity', 'names no severity'],
    [{ 'fail-on-severity': 'urgent' }, 'fail-on-severity', '"urgent" is not one of CRITICAL'],
    [
      { severity: 'HIGH,CRITICAL', 'fail-on-severity': 'MEDIUM' },
      'fail-on-severity',
      'MEDIUM needs MEDIUM to be reported, but "severity" is CRITICAL,HIGH'
    ],
    [{ scanners: 'vuln,sast' }, 'scanners', '"sast" is not one of vuln, secret, misconfig, license'],
    [{ scanners: ',' }, 'scanners', 'names no scanner'],
    [{ 'vuln-type': 'os,kernel' }, 'vuln-type', '"kernel" is not one of os, library'],
    [{ 'vuln-type': ' ,' }, 'vuln-type', 'names no type'],
    [{ 'sbom-format': 'syft' }, 'sbom-format', '"syft" is not one of cyclonedx, spdx-json, spdx'],
    [{ 'trivy-version': 'latest' }, 'trivy-version', '"latest" is not a release version such as v0.58.1'],
    [{ 'trivy-version': '0.58' }, 'trivy-version', 'is not a release version'],
    [{ 'sbom-retention-days': '0' }, 'sbom-retention-days', '"0" is not a whole number of days from 1 to 90'],
    [{ 'sbom-retention-days': '91' }, 'sbom-retention-days', 'from 1 to 90'],
    [{ 'sbom-retention-days': '1.5' }, 'sbom-retention-days', 'from 1 to 90'],
    [{ 'scan-timeout': 'soon' }, 'scan-timeout', '"soon" is not a duration such as 300s, 10m, 1h30m or 5d'],
    [{ 'trivy-db-max-age': 'forever' }, 'trivy-db-max-age', 'is not a duration'],
    [{ 'trivy-db-max-age': '0d' }, 'trivy-db-max-age', 'is not a duration'],
    [{ 'compare-to': '--severity=LOW' }, 'compare-to', 'is not an image reference (it starts with "-")'],
    [{ 'trivy-config': 'ci/missing.yaml' }, 'trivy-config', 'ci/missing.yaml is not a file'],
    [{ 'trivy-config': 'ci' }, 'trivy-config', 'ci is not a file'],
    [{ 'ignore-policy': 'nope.rego' }, 'ignore-policy', 'nope.rego is not a file'],
    [{ 'scan-timeout': '0' }, 'scan-timeout', 'is not a duration'],
    [{ 'scan-timeout': '0s' }, 'scan-timeout', 'is not a duration'],
    [{ 'scan-timeout': '10m5' }, 'scan-timeout', 'is not a duration'],
    [{ scan: 'maybe' }, 'scan', 'is not a boolean'],
    [{ 'ignore-unfixed': 'sometimes' }, 'ignore-unfixed', 'is not a boolean'],
    [{ 'fail-on-new': '2' }, 'fail-on-new', 'is not a boolean'],
    [{ 'sbom-upload': 'y' }, 'sbom-upload', 'is not a boolean']
  ])('refuses %j naming the input', (inputs, input, problem) => {
    let err: unknown
    try {
      parse(inputs)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe(input)
    expect((err as Error).message).toContain(`Input "${input}"`)
    expect((err as Error).message).toContain(problem)
  })
})

describe('parseDuration', () => {
  it.each([
    ['300', 300],
    ['90s', 90],
    ['10m', 600],
    ['1h30m', 5400],
    ['5m0s', 300],
    ['1.5s', 2],
    [' 2m ', 120]
  ])('%j is %d seconds', (value, seconds) => {
    expect(parseDuration('scan-timeout', value)).toBe(seconds)
  })
})
