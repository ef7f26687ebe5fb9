import { join } from 'node:path'
import type { RawInputs } from '../../config/inputs.js'
import { errorMessage, InputError } from '../../errors.js'
import { publish, type PublishResult } from '../../pipeline/publish.js'
import { parseImageName, splitReference } from '../../stages/metadata/reference.js'
import { releaseFileVersion } from '../../stages/metadata/version.js'
import type { SkaoImage } from '../gitlab/images.js'
import { IMAGES_MANIFEST, readImagesManifest, type BuiltImageRecord } from '../gitlab/manifest.js'
import type { CommandDeps, ImageSet, StageResults } from './command-deps.js'
import { loginOf } from '../../config/config.js'
import { publishCommand, publishVersion } from './publish.js'
import { scanCommand } from './scan.js'
import { ScopedReporter } from './scoped-reporter.js'

const over =
  (raw: RawInputs, values: Record<string, string>): RawInputs =>
  name =>
    values[name] ?? raw(name)

/** The release an image has: the `version` option, its own `.release`, the git tag, the project's `.release`. */
function releaseOf(image: SkaoImage, raw: RawInputs, d: CommandDeps): string {
  const own = image.releaseFile ? releaseFileVersion(d.readFile(image.releaseFile)) : undefined
  return raw('version') || own || publishVersion('', d.ctx, d.readFile('.release'))
}

const imageNamed = (set: ImageSet, name: string): SkaoImage =>
  set.plan.images.find(i => i.name === name) as SkaoImage

/** Every image to publish, checked before the first is published: built here, and its scan passed. */
function toPublish(
  set: ImageSet,
  built: BuiltImageRecord[]
): Array<BuiltImageRecord & { scannedDigest: string }> {
  return set.plan.publish.map(name => {
    const record = built.find(b => b.name === name)
    if (!record)
      throw new InputError(
        'OCI_IMAGES_TO_PUBLISH',
        `${name} is not among the images the build job built (${built.map(b => b.name).join(', ') || 'none'})`
      )
    if (!record.scannedDigest)
      throw new InputError(
        'OCI_IMAGES_TO_PUBLISH',
        `${name} was built, but no scan passed for its digest (was the scan off, or the push skipped?): publish takes only a scanned digest`
      )
    return record as BuiltImageRecord & { scannedDigest: string }
  })
}

/**
 * `publish` of the images OCI_IMAGES_TO_PUBLISH names, each by the digest the build job scanned,
 * to `$CAR_OCI_REGISTRY_HOST/<name>:<its version>`; a version already there is left as it is.
 * With one image, the single-image publish (the digest from OCI_IMAGE_SCANNED_DIGEST).
 */
export async function publishImages(d: CommandDeps, set: ImageSet): Promise<number> {
  if (set.plan.publish.length === 0) {
    d.reporter.notice('OCI_IMAGES_TO_PUBLISH names no image: nothing is published')
    return 0
  }
  if (set.plan.images.length === 1) {
    const image = set.plan.images[0] as SkaoImage
    const raw = set.inputsFor(image)
    return publishCommand({ ...d, raw: over(raw, { version: releaseOf(image, raw, d) }) })
  }
  const manifest = readImagesManifest(
    d.readFile(join(d.reportDir, IMAGES_MANIFEST)),
    d.env.OCI_IMAGES_MANIFEST_SHA256
  )
  const records = toPublish(set, manifest.images)
  const results: Array<PublishResult & { name: string }> = []
  for (const record of records) {
    const raw = set.inputsFor(imageNamed(set, record.name))
    const releaseImage = raw('release-image')
    const releaseHost =
      raw('release-registry') || (releaseImage ? parseImageName('release-image', releaseImage).registry : '')
    const sourceHost =
      raw('registry') || parseImageName('source-image', splitReference(record.repository).name).registry
    const reporter = new ScopedReporter(d.reporter, record.name)
    try {
      const result = await publish(
        {
          sourceImage: `${record.repository}@${record.scannedDigest}`,
          sourceDigest: record.scannedDigest,
          releaseImage,
          version: record.version,
          sourceLogin: loginOf(sourceHost, raw('username'), raw('password'), 'username'),
          releaseLogin: loginOf(
            releaseHost,
            raw('release-username'),
            raw('release-password'),
            'release-username'
          )
        },
        reporter,
        d.env
      )
      results.push({ ...result, name: record.name })
    } catch (e) {
      const rest = records.slice(results.length + 1).map(r => r.name)
      d.reporter.error(
        `${record.name} was not published${rest.length ? `, nor ${rest.join(', ')}` : ''}: ${errorMessage(e).split('\n')[0]}`
      )
      throw e
    } finally {
      d.reporter.setOutput(
        'images-published',
        results
          .filter(r => r.published)
          .map(r => r.name)
          .join(' ')
      )
    }
  }
  for (const r of results)
    d.reporter.info(
      `${r.name}: ${r.target}@${r.digest}${r.published ? ' published' : ' was there already, left as it is'}`
    )
  return 0
}

/** The scheduled rescan of every released image (OCI_IMAGES_TO_PUBLISH), each at its own release. */
export async function scanImages(d: CommandDeps, set: ImageSet): Promise<number> {
  const names = set.plan.publish
  if (names.length === 0) {
    d.reporter.notice('OCI_IMAGES_TO_PUBLISH names no image: nothing was released, so nothing is rescanned')
    return 0
  }
  const many = names.length > 1
  const runs: NonNullable<StageResults['runs']> = []
  let code = 0
  for (const name of names) {
    const image = imageNamed(set, name)
    const reportDir = many ? join(d.reportDir, name) : d.reportDir
    const raw = set.inputsFor(image, [], many ? reportDir : undefined)
    const stages: StageResults = many ? {} : d.stages
    const reporter = many ? new ScopedReporter(d.reporter, name) : d.reporter
    try {
      code = Math.max(
        code,
        await scanCommand({
          ...d,
          raw: over(raw, { version: releaseOf(image, raw, d) }),
          reporter,
          reportDir,
          stages
        })
      )
    } catch (e) {
      if (!many) throw e
      reporter.error(errorMessage(e))
      code = Math.max(code, e instanceof InputError ? 2 : 1)
    }
    runs.push(stages)
  }
  if (many) d.stages.runs = runs
  return code
}
