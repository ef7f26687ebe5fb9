import { cli } from '../../../src/faces/cli/cli.js'
import { publishVersion } from '../../../src/faces/cli/commands.js'
import { dotenvText, dotenvVariables } from '../../../src/faces/cli/outputs.js'
import { CliReporter, formatDuration, sectionName } from '../../../src/faces/cli/reporter.js'
import { imagetoolsCreateArgs, planPublish } from '../../../src/pipeline/publish.js'
import { CONTEXTS } from '../../support/contexts.js'

const D = 'sha256:' + 'ab'.repeat(32)
const base = {
  sourceImage: `registry.gitlab.com/grp/demo/demo:1.2.3@${D}`,
  releaseImage: 'harbor.example.org/production/demo',
  version: '1.2.3'
}

describe('publish', () => {
  it('promotes the source by digest to <release>:<version>', () => {
    const plan = planPublish(base)
    expect(plan.target).toBe('harbor.example.org/production/demo:1.2.3')
    expect(plan.release.registry).toBe('harbor.example.org')
    expect(imagetoolsCreateArgs(plan, D)).toEqual([
      'buildx',
      'imagetools',
      'create',
      '--prefer-index=false',
      '--tag',
      'harbor.example.org/production/demo:1.2.3',
      `registry.gitlab.com/grp/demo/demo@${D}`
    ])
  })

  it.each([
    [{ version: 'latest' }, /never tagged "latest"/],
    [{ version: '' }, /Input "version": is empty/],
    [{ version: 'bad tag' }, /Input "version"/],
    [{ releaseImage: 'harbor.example.org/demo:1' }, /Input "release-image".*without a tag/],
    [{ sourceImage: '' }, /Input "source-image": is empty/],
    [{ sourceDigest: 'sha256:' + 'cd'.repeat(32) }, /Input "source-digest".*differs/],
    [{ sourceImage: 'r/x@md5:abc' }, /not a sha256 digest/]
  ])('refuses %j', (over, message) => {
    expect(() => planPublish({ ...base, ...over })).toThrow(message)
  })

  it('takes the version from the option, else the git tag, else .release', () => {
    expect(publishVersion('2.0.0', CONTEXTS.tag, 'release=1.0.0')).toBe('2.0.0')
    expect(publishVersion('', CONTEXTS.tag, 'release=1.0.0')).toBe('1.2.3')
    expect(publishVersion('', CONTEXTS.pushMain, 'release=1.0.0\ntag=1.0.0')).toBe('1.0.0')
    expect(publishVersion('', CONTEXTS.pushMain, undefined)).toBe('')
  })
})

describe('the CLI reporter', () => {
  it('masks every registered secret, in log lines and outputs alike', () => {
    let log = ''
    const r = new CliReporter({ write: t => void (log += t), gitlab: false })
    r.setSecret('hunter2-secret')
    r.setSecret('line-one\nline-two')
    r.info('login with hunter2-secret')
    r.warning('saw line-two', { file: 'Dockerfile', startLine: 3, title: 'OP001' })
    expect(log).toBe('login with ***\nwarning: saw *** (Dockerfile:3, OP001)\n')
    expect(r.mask('x line-one\nline-two y')).toBe('x *** y')
  })

  it('draws GitLab collapsible sections with the stage duration', async () => {
    let log = ''
    let t = 1_700_000_000_000
    const r = new CliReporter({ write: s => void (log += s), gitlab: true, now: () => (t += 2500) })
    await r.group('Build: image', async () => r.info('step'))
    expect(log).toBe(
      '\x1b[0Ksection_start:1700000002:oci_1_build_image[collapsed=true]\r\x1b[0K\x1b[1mBuild: image\x1b[0m\n' +
        'step\n' +
        '\x1b[0Ksection_end:1700000005:oci_1_build_image\r\x1b[0KBuild: image: done in 2.5s\n'
    )
  })

  it('shows plain headers off GitLab, and a failed stage as failed', async () => {
    let log = ''
    const r = new CliReporter({ write: s => void (log += s), gitlab: false, now: () => 0 })
    await expect(r.group('Push', async () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(log).toBe('==> Push\n<== Push: failed after 0ms\n')
    expect([formatDuration(999), formatDuration(61_000), sectionName(3, '  Lint: hadolint ')]).toEqual([
      '999ms',
      '1m01s',
      'oci_3_lint_hadolint'
    ])
  })
})

describe('the dotenv report', () => {
  it('names the image by tag and digest, in single lines', () => {
    const outputs = new Map([
      ['tags', 'r/x:1.2.3-dev.cabc\nr/x:extra'],
      ['digest', D],
      ['version', '1.2.3'],
      ['imageid', 'sha256:' + '0'.repeat(64)],
      ['labels', 'a=1\nb=2']
    ])
    expect(dotenvText(dotenvVariables(outputs))).toBe(
      `OCI_IMAGE_REF=r/x:1.2.3-dev.cabc@${D}\nOCI_IMAGE_DIGEST=${D}\nOCI_IMAGE_VERSION=1.2.3\nOCI_IMAGE_ID=sha256:${'0'.repeat(64)}\nOCI_IMAGE_TAGS=r/x:1.2.3-dev.cabc,r/x:extra\n`
    )
    expect(dotenvVariables(new Map([['tags', 'r/x:1']]))).toEqual({
      OCI_IMAGE_REF: 'r/x:1',
      OCI_IMAGE_TAGS: 'r/x:1'
    })
  })

  it.each([' ', ',', ';'])('reads the tags whatever sep-tags joined them with (%j)', sep => {
    const outputs = new Map([
      ['tags', ['r/x:1.2.3-dev.cabc', 'r/x:extra'].join(sep)],
      ['version', '1.2.3-dev.cabc'],
      ['project-version', '1.2.3']
    ])
    expect(dotenvVariables(outputs)).toEqual({
      OCI_IMAGE_REF: 'r/x:1.2.3-dev.cabc',
      OCI_IMAGE_TAGS: 'r/x:1.2.3-dev.cabc,r/x:extra',
      OCI_IMAGE_VERSION: '1.2.3'
    })
  })
  it.each([
    ['the scan passed its gate', 'passed', { OCI_IMAGE_SCANNED_DIGEST: D }],
    ['the scan failed its gate', 'failed', {}],
    ['there was no scan', undefined, {}]
  ])('names the scanned digest, for publish, only when %s', (_, gate, scanned) => {
    const outputs = new Map([
      ['tags', 'r/x:1'],
      ['digest', D],
      ...(gate ? [['scan-gate', gate] as [string, string]] : [])
    ])
    expect(dotenvVariables(outputs)).toEqual({
      OCI_IMAGE_REF: `r/x:1@${D}`,
      OCI_IMAGE_DIGEST: D,
      OCI_IMAGE_TAGS: 'r/x:1',
      ...scanned
    })
  })

  it.each([
    ['a tag alone', { sourceImage: 'registry.gitlab.com/grp/demo/demo:1.2.3' }],
    ['a name alone', { sourceImage: 'registry.gitlab.com/grp/demo/demo' }]
  ])('refuses to publish %s: only a digest that passed the scan, never what a tag names now', (_, over) => {
    expect(() => planPublish({ ...base, ...over })).toThrow(
      /Input "source-digest": is empty and source-image .* names no digest: publish takes the digest that passed the scan/
    )
  })
})

describe('publish on GitLab', () => {
  it('refuses to run without the digest the build job scanned, before any login or copy', async () => {
    let stderr = ''
    const code = await cli(
      ['publish'],
      {
        GITLAB_CI: 'true',
        CI_PROJECT_NAME: 'demo',
        CI_COMMIT_TAG: '1.2.3',
        CI_COMMIT_REF_NAME: '1.2.3',
        // An unscanned build still names its digest in OCI_IMAGE_REF and OCI_IMAGE_DIGEST.
        OCI_IMAGE_REF: `registry.gitlab.com/grp/demo/demo:1.2.3@${D}`,
        OCI_IMAGE_DIGEST: D,
        CAR_OCI_REGISTRY_HOST: 'harbor.example.org/production'
      },
      { stdout: () => undefined, stderr: t => void (stderr += t), cwd: '/' }
    )
    expect(code).toBe(2)
    expect(stderr).toContain(
      'Input "source-digest": is empty: publish takes OCI_IMAGE_SCANNED_DIGEST from the build job'
    )
    expect(stderr).not.toMatch(/Login to|Publish /)
  })
})
