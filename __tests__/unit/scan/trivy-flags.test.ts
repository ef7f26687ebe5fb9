import { parseScanOptions } from '../../../src/stages/scan/options.js'
import {
  capabilitiesForVersion,
  capabilitiesFromHelp,
  classifyDbFailure,
  dbCacheKeys,
  dbDownloadArgs,
  dbRepositoryGroups,
  DEFAULT_DB_REPOSITORIES,
  parseTrivyVersion,
  scanArgs,
  type TrivyCapabilities
} from '../../../src/stages/scan/trivy-flags.js'
import { HELP_0_35, HELP_0_45, HELP_0_52, HELP_0_58, HELP_0_63 } from './trivy-help.js'

type Caps = Omit<TrivyCapabilities, 'version'>
const OLD: Caps = {
  scanners: false,
  misconfigScanner: false,
  pkgTypes: false,
  skipCheckUpdate: false,
  dbRepositoryList: false,
  dbRepositoryTagged: false,
  skipVersionCheck: false,
  imageSrc: false,
  convert: false,
  vex: false,
  showSuppressed: false
}
const NEW: Caps = {
  scanners: true,
  misconfigScanner: true,
  pkgTypes: true,
  skipCheckUpdate: true,
  dbRepositoryList: true,
  dbRepositoryTagged: true,
  skipVersionCheck: false,
  imageSrc: true,
  convert: true,
  vex: true,
  showSuppressed: true
}
const V0_45: Caps = { ...OLD, scanners: true, imageSrc: true, convert: true }
const V0_52: Caps = {
  ...V0_45,
  misconfigScanner: true,
  skipCheckUpdate: true,
  dbRepositoryTagged: true,
  vex: true,
  // The flag came in 0.50; what it shows reached the JSON in 0.55.
  showSuppressed: false
}

describe('Trivy capabilities', () => {
  it.each([
    ['Version: 0.58.1\nVulnerability DB:\n  Version: 2', '0.58.1'],
    ['Version: v0.45.0', '0.45.0'],
    ['Version: dev', 'dev'],
    ['trivy version unknown', 'dev']
  ])('reads the version of %j as %s', (output, version) => {
    expect(parseTrivyVersion(output)).toBe(version)
  })

  it.each<[string, Caps]>([
    ['0.35.0', OLD],
    ['0.37.0', { ...OLD, scanners: true }],
    ['0.45.0', V0_45],
    ['0.48.0', { ...V0_45, misconfigScanner: true }],
    ['0.52.0', V0_52],
    ['0.54.0', { ...V0_52, pkgTypes: true }],
    ['0.58.1', NEW],
    ['0.63.0', { ...NEW, skipVersionCheck: true }],
    ['dev', { ...NEW, skipVersionCheck: true }]
  ])('from the version alone, %s has %j', (version, caps) => {
    expect(capabilitiesForVersion(version)).toEqual({ version, ...caps })
  })

  it.each<[string, string, boolean, Caps]>([
    ['0.35', HELP_0_35, false, OLD],
    ['0.45', HELP_0_45, true, V0_45],
    // A dev build is asked only for the flag (0.50), not for what reaches the JSON (0.55).
    ['0.52', HELP_0_52, true, { ...V0_52, showSuppressed: true }],
    ['0.58', HELP_0_58, true, NEW],
    ['0.63', HELP_0_63, true, { ...NEW, skipVersionCheck: true }]
  ])('from the help of %s, a dev build has the same flags as that release', (_, help, convert, caps) => {
    expect(capabilitiesFromHelp('dev', help, convert)).toEqual({ version: 'dev', ...caps })
  })
})

describe('scanArgs', () => {
  const options = parseScanOptions(
    name =>
      ({
        'trivy-cache-dir': '/c',
        scanners: 'vuln,misconfig',
        severity: 'HIGH,CRITICAL',
        'fail-on-severity': 'HIGH',
        'ignore-unfixed': 'true',
        'scan-timeout': '5m'
      })[name] ?? ''
  )
  const args = (caps: Caps, source: Parameters<typeof scanArgs>[2]['source']) =>
    scanArgs(options, { version: 'x', ...caps }, { source, output: 'out.json', cacheDir: '/c' })

  it('writes an old Trivy (0.35) the flags it has', () => {
    const a = args(OLD, { local: 'app:1' })
    expect(a).toEqual([
      'image',
      '--format',
      'json',
      '--output',
      'out.json',
      '--list-all-pkgs',
      '--cache-dir',
      '/c',
      '--skip-db-update',
      '--no-progress',
      '--timeout',
      '300s',
      '--security-checks',
      'vuln,config',
      '--vuln-type',
      'os,library',
      '--severity',
      'CRITICAL,HIGH',
      '--ignore-unfixed',
      '--skip-policy-update',
      'app:1'
    ])
  })

  it.each<[string, Caps, string[], string[]]>([
    [
      '0.45',
      V0_45,
      ['--scanners', 'vuln,config', '--vuln-type', 'os,library', '--skip-policy-update'],
      ['--pkg-types', '--skip-check-update', '--skip-version-check', '--security-checks', '--show-suppressed']
    ],
    [
      '0.58',
      NEW,
      [
        '--scanners',
        'vuln,misconfig',
        '--pkg-types',
        'os,library',
        '--skip-check-update',
        '--show-suppressed'
      ],
      ['--vuln-type', '--skip-policy-update', '--skip-version-check', '--security-checks']
    ],
    [
      '0.63',
      { ...NEW, skipVersionCheck: true },
      ['--scanners', 'vuln,misconfig', '--pkg-types', '--skip-check-update', '--skip-version-check'],
      ['--vuln-type', '--skip-policy-update']
    ]
  ])('writes Trivy %s the flags it has and none it lacks', (_, caps, present, absent) => {
    const a = args(caps, { remote: 'reg/app@sha256:abc' })
    for (const flag of present) expect(a).toContain(flag)
    for (const flag of absent) expect(a).not.toContain(flag)
    expect(a[a.indexOf('--scanners') + 1]).toBe(present[1])
    expect(a.slice(-3)).toEqual(['--image-src', 'remote', 'reg/app@sha256:abc'])
  })

  it.each([
    [{ tar: '/w/image.tar' }, ['--input', '/w/image.tar']],
    [{ local: 'app:1' }, ['--image-src', 'docker', 'app:1']],
    [{ remote: 'reg/app:1' }, ['--image-src', 'remote', 'reg/app:1']]
  ])('reads the image from %j', (source, tail) => {
    const a = args(NEW, source)
    expect(a.slice(-tail.length)).toEqual(tail)
  })

  it('passes every VEX file as its own --vex', () => {
    const a = scanArgs(
      options,
      { version: '0.69.3', ...NEW },
      { source: { local: 'app:1' }, output: 'o.json', cacheDir: '/c', vexFiles: ['a.openvex.json', 'b.json'] }
    )
    expect(a.join(' ')).toContain('--vex a.openvex.json --vex b.json --show-suppressed')
  })

  it('lets a Trivy without convert write another format with the same scan flags', () => {
    const caps = { version: '0.35.0', ...OLD }
    const a = scanArgs(options, caps, {
      source: { tar: 'i.tar' },
      output: 'r.json',
      cacheDir: '/c',
      format: 'sarif',
      platform: 'linux/arm64',
      ignoreFile: '.trivyignore'
    })
    expect(a.slice(0, 5)).toEqual(['image', '--format', 'sarif', '--output', 'r.json'])
    expect(a).not.toContain('--list-all-pkgs')
    expect(a).toEqual(expect.arrayContaining(['--platform', 'linux/arm64', '--ignorefile', '.trivyignore']))
  })
})

describe('the DB download', () => {
  const mirrors = ['registry.example/trivy-db', 'ghcr.io/aquasecurity/trivy-db:2']

  it.each<[string, Caps, string[]]>([
    [
      '0.45 (one repository per attempt, tag added by Trivy)',
      V0_45,
      ['registry.example/trivy-db', 'ghcr.io/aquasecurity/trivy-db']
    ],
    [
      '0.52 (one per attempt, tagged)',
      V0_52,
      ['registry.example/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2']
    ],
    [
      '0.58 (the list, Trivy falls back)',
      NEW,
      ['registry.example/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2']
    ]
  ])('names the repositories the way Trivy %s wants them', (_, caps, groups) => {
    expect(dbRepositoryGroups(mirrors, { version: 'x', ...caps })).toEqual(groups)
  })

  it('keeps a port in the repository apart from the tag', () => {
    expect(dbRepositoryGroups(['127.0.0.1:5000/trivy-db'], { version: 'x', ...V0_52 })).toEqual([
      '127.0.0.1:5000/trivy-db:2'
    ])
    expect(dbRepositoryGroups(['127.0.0.1:5000/trivy-db'], { version: 'x', ...V0_45 })).toEqual([
      '127.0.0.1:5000/trivy-db'
    ])
  })

  it('downloads the mirror first, then ghcr.io, by default', () => {
    expect(DEFAULT_DB_REPOSITORIES).toEqual([
      'mirror.gcr.io/aquasec/trivy-db:2',
      'ghcr.io/aquasecurity/trivy-db:2'
    ])
    expect(dbDownloadArgs('r:2', '/c', { version: 'x', ...NEW })).toEqual([
      'image',
      '--download-db-only',
      '--no-progress',
      '--cache-dir',
      '/c',
      '--db-repository',
      'r:2'
    ])
  })

  it.each([
    [
      'GET https://ghcr.io/v2/aquasecurity/trivy-db/manifests/2: TOOMANYREQUESTS: retry later',
      'rate-limited'
    ],
    ['unexpected status code 429 Too Many Requests', 'rate-limited'],
    ['unexpected status code 503 Service Unavailable', 'server'],
    ['read: connection reset by peer', 'server'],
    ['MANIFEST_UNKNOWN: manifest unknown', 'permanent'],
    ['UNAUTHORIZED: authentication required', 'permanent'],
    ['dial tcp: lookup nowhere.invalid: no such host', 'permanent'],
    ['something odd', 'unknown']
  ])('classifies %j as %s', (stderr, kind) => {
    expect(classifyDbFailure(stderr)).toBe(kind)
  })

  it('caches the DB under a daily key and restores an older day by prefix', () => {
    const { key, restoreKeys } = dbCacheKeys(new Date('2026-11-22T23:59:00Z'), 'linux')
    expect(key).toBe('trivy-db-2-linux-2026-11-22')
    expect(restoreKeys).toEqual(['trivy-db-2-linux-'])
    expect(key.startsWith(restoreKeys[0]!)).toBe(true)
    expect(dbCacheKeys(new Date('2026-11-23T00:00:01Z'), 'linux').key).toBe('trivy-db-2-linux-2026-11-23')
  })
})
