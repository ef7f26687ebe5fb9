import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCommandLine } from '../../../src/faces/cli/args.js'
import { optionsFor } from '../../../src/faces/cli/options.js'
import { cli } from '../../../src/faces/cli/cli.js'
import { parseScanReference, scanReference } from '../../../src/faces/cli/scan.js'
import { toolPath } from '../../../src/faces/cli/tools.js'
import { CONTEXTS } from '../../support/contexts.js'

const D = 'sha256:' + 'ab'.repeat(32)
const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

/** A GitLab job's variables (so no git is asked) in a scratch project directory. */
function gitlabJob(over: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'oci-cli-scan-'))
  writeFileSync(join(dir, '.release'), 'release=1.4.0\n')
  return {
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: dir,
    CI_COMMIT_SHA: '0123456789abcdef0123456789abcdef01234567',
    CI_COMMIT_BRANCH: 'main',
    CI_PROJECT_NAME: 'ska-demo',
    CI_PROJECT_NAMESPACE: 'ska-telescope',
    CI_PIPELINE_SOURCE: 'schedule',
    PATH: '/nonexistent',
    ...over
  }
}

async function run(argv: string[], env: Record<string, string>) {
  let stdout = ''
  let stderr = ''
  const code = await cli(argv, env, {
    stdout: t => void (stdout += t),
    stderr: t => void (stderr += t),
    cwd: env.CI_PROJECT_DIR ?? '/'
  })
  return { code, stdout, stderr }
}

describe('oci-pipeline scan', () => {
  it('takes the image, the scan inputs and the logins, not the build inputs', () => {
    const names = optionsFor('scan').map(o => o.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'image',
        'version',
        'release-image',
        'severity',
        'fail-on-severity',
        'ignore-unfixed',
        'trivyignores',
        'trivy-path',
        'trivy-cache-dir',
        'sbom-format',
        'report-dir',
        'registry',
        'username',
        'password',
        'release-username',
        'release-password',
        'dotenv',
        'json'
      ])
    )
    for (const n of ['build-args', 'tags', 'push', 'lint', 'linters', 'scan']) expect(names).not.toContain(n)
    const parsed = parseCommandLine([
      'scan',
      '--image',
      `r/x@${D}`,
      '--ignore-unfixed',
      '--fail-on-severity',
      'HIGH'
    ])
    expect(Object.fromEntries(parsed.values)).toEqual({
      image: `r/x@${D}`,
      'ignore-unfixed': 'true',
      'fail-on-severity': 'HIGH'
    })
  })

  it('scans the image given, else the latest release, else the first image at that version', () => {
    const ctx = CONTEXTS.schedule
    expect(scanReference(inputs({ image: 'r/x:2' }), ctx, '1.0.0')).toBe('r/x:2')
    expect(scanReference(inputs({ 'release-image': 'harbor.example.org/prod/demo' }), ctx, '1.0.0')).toBe(
      'harbor.example.org/prod/demo:1.0.0'
    )
    expect(scanReference(inputs({ images: 'ghcr.io/Example-Org/App\nquay.io/x/y' }), ctx, '1.0.0')).toBe(
      'ghcr.io/example-org/app:1.0.0'
    )
    expect(() => scanReference(inputs({}), ctx, '1.0.0')).toThrow(/Input "image": is empty/)
    expect(() => scanReference(inputs({ 'release-image': 'r/x' }), ctx, '')).toThrow(/Input "version"/)
  })

  it.each([
    ['r/x:1', { name: 'r/x', registry: 'docker.io', tag: '1', digest: undefined }],
    [`127.0.0.1:5001/g/x@${D}`, { name: '127.0.0.1:5001/g/x', registry: '127.0.0.1:5001', digest: D }],
    [`h.io/x:1@${D}`, { name: 'h.io/x', registry: 'h.io', tag: '1', digest: D }]
  ])('reads the reference %s', (ref, expected) => {
    expect(parseScanReference(ref)).toMatchObject(expected)
  })

  it.each([
    ['r/x@md5:abc', /not a sha256 digest/],
    ['r/-x:1', /Input "image"/]
  ])('refuses the reference %s', (ref, message) => {
    expect(() => parseScanReference(ref)).toThrow(message)
  })

  it('finds Trivy where it is named, else on PATH, else says how to name it', () => {
    expect(toolPath('trivy', inputs({ 'trivy-path': '/opt/trivy' }), { PATH: '' })).toBe('/opt/trivy')
    expect(() => toolPath('trivy', inputs({}), { PATH: '/nonexistent' })).toThrow(
      /trivy is not on PATH.*--trivy-path \(OCI_PIPELINE_TRIVY_PATH\)/
    )
  })

  it.each([
    [[], {}, /Input "image": is empty, and no release-image or images names one/],
    [[], { OCI_PIPELINE_FAIL_ON_SEVERITY: 'SEVERE' }, /Input "fail-on-severity": "SEVERE" is not one of/],
    [['--image', 'r/x:1'], { OCI_PIPELINE_SCAN_TIMEOUT: 'soon' }, /Input "scan-timeout"/],
    [['--image', 'r/x@sha256:12'], {}, /Input "image": "sha256:12" is not a sha256 digest/]
  ])('%j with %j: exit code 2 before anything runs', async (argv, env, message) => {
    const job = gitlabJob(env)
    const { code, stderr } = await run(['scan', ...argv], job)
    expect([code, stderr]).toEqual([2, expect.stringMatching(message)])
    expect(stderr).toMatch(/^oci-pipeline scan: gitlab, schedule refs\/heads\/main 01234567/)
  })

  it('in a GitLab job defaults to the release of .release, and fails clearly without Trivy', async () => {
    const job = gitlabJob({ CAR_OCI_REGISTRY_HOST: 'harbor.example.org/production' })
    const { code, stderr } = await run(['scan'], job)
    expect([code, stderr]).toEqual([1, expect.stringContaining('error: trivy is not on PATH')])
    // Nothing ran, so there is nothing to report: no empty reports that would look like a clean scan.
    expect(readdirSync(join(job.CI_PROJECT_DIR as string, '.oci-pipeline'))).toEqual([])
  })
})
