import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cli } from '../../../src/faces/cli/cli.js'
import { manifestText, sha256 } from '../../../src/faces/gitlab/manifest.js'

const D = 'sha256:' + 'ab'.repeat(32)

/** A GitLab job's workspace holding `files`, and the job's predefined variables. */
function job(files: Record<string, string>, more: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oci-gitlab-images-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  const env = {
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: dir,
    CI_PROJECT_NAME: 'ska-demo',
    CI_PROJECT_NAMESPACE: 'ska-telescope',
    CI_COMMIT_SHA: '0123456789abcdef0123456789abcdef01234567',
    CI_COMMIT_SHORT_SHA: '01234567',
    CI_COMMIT_TAG: '1.0.0',
    CI_COMMIT_REF_NAME: '1.0.0',
    CI_PIPELINE_SOURCE: 'push',
    CI_REGISTRY: 'registry.example.org',
    CI_REGISTRY_IMAGE: 'registry.example.org/ska-telescope/ska-demo',
    CAR_OCI_REGISTRY_HOST: 'harbor.example.org/production',
    PATH: process.env.PATH,
    ...more
  }
  return { dir, env }
}

async function run(args: string[], j: ReturnType<typeof job>) {
  let stderr = ''
  let stdout = ''
  const code = await cli(args, j.env, {
    cwd: j.dir,
    stdout: t => void (stdout += t),
    stderr: t => void (stderr += t)
  })
  return { code, stdout, stderr }
}

const two = {
  'images/base/Dockerfile': 'FROM scratch\n',
  'images/app/Dockerfile': 'FROM harbor.example.org/production/base:1.0.0\n'
}

describe('the CLI in a GitLab job with several images', () => {
  it('refuses an OCI_BUILD_ADDITIONAL_ARGS flag it cannot pass on, before anything runs (exit 2)', async () => {
    const r = await run(['build'], job(two, { OCI_BUILD_ADDITIONAL_ARGS: '--build-arg A=1 --push' }))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'Input "OCI_BUILD_ADDITIONAL_ARGS": --push is not taken here: the image is pushed only once it passed the lint and the scan'
    )
  })

  it('refuses an option that names one image when several are built', async () => {
    const r = await run(['build', '--file', 'images/app/Dockerfile'], job(two))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /Input "file": names one image, but 2 are built here \(app, base, from OCI_IMAGE_ROOT_DIR\)/
    )
  })

  it('publishes nothing without the build job’s manifest digest', async () => {
    const r = await run(['publish'], job(two))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'Input "OCI_IMAGES_MANIFEST_SHA256": is empty: publish takes the images the build job built and scanned'
    )
  })

  it('publishes nothing from a manifest that is not the one the build job reported', async () => {
    const text = manifestText({
      images: [
        {
          name: 'app',
          repository: 'registry.example.org/ska-telescope/ska-demo/app',
          version: '1.0.0',
          tags: ['1.0.0'],
          digest: D,
          scannedDigest: D
        }
      ]
    })
    const r = await run(
      ['publish'],
      job(
        { ...two, '.oci-pipeline/oci-images.json': text },
        { OCI_IMAGES_MANIFEST_SHA256: sha256(text.replace('1.0.0', '1.0.1')) }
      )
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /oci-images\.json has SHA-256 [0-9a-f]{64}, not the [0-9a-f]{64} the build job reported/
    )
  })

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'an image OCI_IMAGES_TO_PUBLISH names that was not built',
      { OCI_IMAGES_TO_PUBLISH: 'base' },
      /base is not among the images the build job built \(app\)/
    ],
    [
      'an image built without a scanned digest',
      { OCI_IMAGES_TO_PUBLISH: 'app' },
      /app was built, but no scan passed for its digest/
    ]
  ])('publishes nothing when %s', async (_, more, message) => {
    const text = manifestText({
      images: [
        {
          name: 'app',
          repository: 'registry.example.org/ska-telescope/ska-demo/app',
          version: '1.0.0',
          tags: ['1.0.0'],
          digest: D
        }
      ]
    })
    const r = await run(
      ['publish'],
      job(
        { ...two, '.oci-pipeline/oci-images.json': text },
        { OCI_IMAGES_MANIFEST_SHA256: sha256(text), ...more }
      )
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('publishes nothing, and says so, when OCI_IMAGES_TO_PUBLISH is empty', async () => {
    const r = await run(['publish'], job(two, { OCI_IMAGES_TO_PUBLISH: '' }))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('notice: OCI_IMAGES_TO_PUBLISH names no image: nothing is published')
  })

  it('prints the metadata of the first image, 0.0.0 without any version source', async () => {
    const r = await run(
      ['metadata'],
      job(two, { CI_COMMIT_TAG: '', CI_COMMIT_REF_NAME: 'main', CI_COMMIT_BRANCH: 'main' })
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      version: '0.0.0-dev.c01234567',
      tags: ['registry.example.org/ska-telescope/ska-demo/base:0.0.0-dev.c01234567']
    })
    expect(r.stderr).toContain(
      'base: no version (no .release, git tag or *_VERSION in the Dockerfile), so {{version}} is 0.0.0'
    )
  })
})
