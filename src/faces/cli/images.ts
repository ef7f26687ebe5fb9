import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseKeyValues } from '../../config/lists.js'
import type { NamedContext } from '../../stages/lint/checklist/types.js'
import { buildConfig, type Config } from '../../config/config.js'
import { errorMessage, InputError } from '../../errors.js'
import type { RawInputs } from '../../config/inputs.js'
import type { Reporter } from '../../reporter.js'
import { dockerfileVersion, finalStage, parseDockerfile } from '../../stages/dockerfile.js'
import { readFacts } from '../../stages/metadata/index.js'
import { releaseFileVersion, resolveVersion, type VersionSource } from '../../stages/metadata/version.js'
import type { SkaoImage } from '../gitlab/images.js'
import { IMAGES_MANIFEST, manifestText, sha256, type BuiltImageRecord } from '../gitlab/manifest.js'
import { fromPins, runImageOf, type BuiltBefore, type RunImage } from '../gitlab/pins.js'
import type { Command } from './options.js'
import type { CommandDeps, ImageSet, StageResults } from './command-deps.js'
import { publishImages, scanImages } from './images-release.js'
import { metadataCommand } from './metadata.js'
import { verifyCommand } from './verify.js'
import { publishVersion } from './publish.js'
import { lint, pipeline, withoutLint } from './runs.js'
import { ScopedReporter } from './scoped-reporter.js'

type OutputReporter = Reporter & { readonly outputs: Map<string, string> }

/** The version a `.release` of the image's own directory gives, SKAO's per-image release. */
export const ownRelease = (image: SkaoImage, d: Pick<CommandDeps, 'readFile'>): string | undefined =>
  image.releaseFile ? releaseFileVersion(d.readFile(image.releaseFile)) : undefined

/**
 * `{{version}}` for one image: its own `.release`; else what the run finds (the git tag, the
 * project's `.release`, a `*_VERSION` in the Dockerfile); else 0.0.0, the release SKAO's makefile
 * starts a project with, so a dev tag never becomes `-dev.c<sha>`.
 */
export async function imageVersion(
  image: SkaoImage,
  config: Config,
  d: Pick<CommandDeps, 'readFile' | 'ctx' | 'env' | 'reporter'>
): Promise<VersionSource> {
  const own = ownRelease(image, d)
  if (own) return { version: own, from: '.release' }
  const facts = await readFacts(config, d.env, new Date())
  const df = parseDockerfile(facts.dockerfile, new Map(config.build.buildArgs))
  const found = resolveVersion(d.ctx, {
    gitTag: facts.gitTag,
    releaseFile: facts.releaseFile,
    dockerfile: dockerfileVersion(df, finalStage(df, config.build.target))
  })
  if (found) return found
  d.reporter.notice(
    `${image.name}: no version (no .release, git tag or *_VERSION in the Dockerfile), so {{version}} is 0.0.0, as SKAO's makefile starts a .release`
  )
  return { version: '0.0.0', from: 'default' }
}

const names = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)

interface Built {
  record: BuiltImageRecord
  before: BuiltBefore
}

/** One image's run: its FROM pins from the images built before, its version, then the pipeline. */
async function buildOne(
  d: CommandDeps,
  set: ImageSet,
  image: SkaoImage,
  o: { many: boolean; lint: boolean; before: BuiltBefore[]; after: RunImage[]; stages: StageResults }
): Promise<Built> {
  const reporter: OutputReporter = o.many
    ? new ScopedReporter(d.reporter, image.name)
    : (d.reporter as OutputReporter)
  const reportDir = o.many ? join(d.reportDir, image.name) : d.reportDir
  const inputs = (pins: string[]): RawInputs => {
    const raw = set.inputsFor(image, pins, o.many ? reportDir : undefined)
    return o.lint ? raw : withoutLint(raw)
  }
  const preview = buildConfig(inputs([]), d.ctx, d.env)
  const df = parseDockerfile(readFileSync(preview.build.file, 'utf8'), new Map(preview.build.buildArgs))
  const pins = fromPins(image.name, df, o.before, o.after)
  for (const note of pins.notes) d.reporter.notice(note)
  for (const c of pins.contexts)
    d.reporter.info(`${image.name}: FROM ${c.replace('=docker-image://', ' is built FROM ')}`)
  const version = await imageVersion(image, preview, { ...d, reporter })
  const raw = inputs(pins.contexts)
  await pipeline({ ...d, raw, reporter, reportDir, stages: o.stages }, raw, async config => ({
    ...config,
    metadata: { ...config.metadata, version }
  }))
  const out = reporter.outputs
  const repository = names(raw('images'))[0] ?? ''
  const digest = out.get('digest') || undefined
  const tags = (out.get('tag-names') ?? '').split(/[\s,;]+/).filter(Boolean)
  const record: BuiltImageRecord = {
    name: image.name,
    repository,
    version: version.version,
    tags,
    ...(digest ? { digest } : {}),
    ...(digest && out.get('scan-gate') === 'passed' ? { scannedDigest: digest } : {})
  }
  return {
    record,
    before: {
      ...runImageOf(image, raw),
      ...(digest ? { pushed: `${repository}@${digest}` } : {}),
      tags: [...new Set([...tags, version.version])]
    }
  }
}

/**
 * `build` (and `run`) of every image, in order, each FROM the digests of the ones before it;
 * the first failure stops the rest, as SKAO's makefile does. With several images the outputs are
 * a manifest of what was built, scanned and pushed, whose SHA-256 the dotenv report carries.
 */
async function buildImages(d: CommandDeps, set: ImageSet, withLint: boolean): Promise<number> {
  const images = set.plan.images
  const many = images.length > 1
  const all = images.map(i => runImageOf(i, set.inputsFor(i)))
  const before: BuiltBefore[] = []
  const records: BuiltImageRecord[] = []
  const runs: NonNullable<StageResults['runs']> = []
  if (many) d.reporter.info(`images (${set.plan.from}), in this order: ${images.map(i => i.name).join(', ')}`)
  let failure: unknown
  for (const [i, image] of images.entries()) {
    const stages: StageResults = many ? {} : d.stages
    try {
      const built = await buildOne(d, set, image, {
        many,
        lint: withLint,
        before,
        after: all.slice(i + 1),
        stages
      })
      before.push(built.before)
      records.push(built.record)
    } catch (e) {
      failure = e
      const rest = images.slice(i + 1).map(x => x.name)
      if (many)
        d.reporter.error(
          `${image.name} failed${rest.length ? `, so ${rest.join(', ')} ${rest.length > 1 ? 'were' : 'was'} not built` : ''}: ${errorMessage(e).split('\n')[0]}`
        )
    } finally {
      if (many) runs.push(stages)
    }
    if (failure) break
  }
  if (many) {
    d.stages.runs = runs
    const text = manifestText({ images: records })
    mkdirSync(d.reportDir, { recursive: true })
    writeFileSync(join(d.reportDir, IMAGES_MANIFEST), text)
    d.reporter.setOutput('images-built', records.map(r => r.name).join(' '))
    d.reporter.setOutput('images-manifest-sha256', sha256(text))
    for (const r of records)
      d.reporter.info(
        `${r.name}: ${r.digest ? `${r.repository}@${r.digest}` : 'not pushed'} (version ${r.version}${r.scannedDigest ? ', scanned' : ''})`
      )
  }
  if (failure) throw failure
  return 0
}

/**
 * What `lint` may take for the FROMs naming an image built earlier in the list: the build pins them
 * to the digest it pushed (fromPins), so OP001 does not ask for a digest there. The versions are
 * the ones the build will tag (its own `.release`, the git tag, the project's `.release`).
 */
function lintContexts(d: CommandDeps, set: ImageSet, index: number): Map<string, NamedContext> {
  const images = set.plan.images
  const sha = d.ctx.sha.slice(0, 8)
  const before: BuiltBefore[] = images.slice(0, index).map(image => {
    const version = ownRelease(image, d) || publishVersion('', d.ctx, d.readFile('.release'))
    return {
      ...runImageOf(image, set.inputsFor(image)),
      pushed: 'this pipeline',
      tags: version ? [version, `${version}-dev.c${sha}`] : []
    }
  })
  const image = images[index] as SkaoImage
  const raw = set.inputsFor(image)
  const file = resolve(d.ctx.workspace, raw('file') || join(raw('context') || '.', 'Dockerfile'))
  if (!before.length || !existsSync(file)) return new Map()
  const df = parseDockerfile(
    readFileSync(file, 'utf8'),
    new Map(parseKeyValues('build-args', raw('build-args')))
  )
  const after = images.slice(index + 1).map(i => runImageOf(i, set.inputsFor(i)))
  const pins = fromPins(image.name, df, before, after)
  return new Map(
    pins.contexts.map(line => {
      const ref = line.slice(0, line.indexOf('=docker-image://'))
      const from = before.find(b => line.endsWith(`=docker-image://${b.pushed}`))?.name ?? ''
      return [
        ref,
        {
          value: `target:${from}`,
          definedIn: `OCI_IMAGES (${from}, built earlier in this pipeline and pinned to its digest)`
        }
      ]
    })
  )
}

/** `lint` of every image's Dockerfile; all are linted, and any failing fails the job. */
async function lintImages(d: CommandDeps, set: ImageSet): Promise<number> {
  const images = set.plan.images
  if (images.length === 1) return lint({ ...d, raw: set.inputsFor(images[0] as SkaoImage) })
  const runs: NonNullable<StageResults['runs']> = []
  let code = 0
  for (const [index, image] of images.entries()) {
    const stages: StageResults = {}
    const reportDir = join(d.reportDir, image.name)
    const reporter = new ScopedReporter(d.reporter, image.name)
    try {
      const runContexts = lintContexts(d, set, index)
      const raw = set.inputsFor(image, [], reportDir)
      code = Math.max(code, await lint({ ...d, raw, reporter, reportDir, stages, runContexts }))
    } catch (e) {
      reporter.error(errorMessage(e))
      code = Math.max(code, e instanceof InputError ? 2 : 1)
    }
    runs.push(stages)
  }
  d.stages.runs = runs
  return code
}

export async function runForImages(command: Command, d: CommandDeps, set: ImageSet): Promise<number> {
  switch (command) {
    case 'run':
      return buildImages(d, set, true)
    case 'build':
      return buildImages(d, set, false)
    case 'lint':
      return lintImages(d, set)
    case 'publish':
      return publishImages(d, set)
    case 'scan':
      return scanImages(d, set)
    case 'metadata': {
      const image = set.plan.images[0] as SkaoImage
      return metadataCommand({ ...d, raw: set.inputsFor(image) }, new Date(), async config => ({
        ...config,
        metadata: { ...config.metadata, version: await imageVersion(image, config, d) }
      }))
    }
    case 'verify':
      return verifyCommand(d)
  }
}
