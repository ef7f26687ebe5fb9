import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../../config/config.js'
import type { RunContext } from '../../context.js'
import { baseImage, dockerfileVersion, finalStage, parseDockerfile, stageLabels } from '../dockerfile.js'
import { errorMessage, InputError } from '../../errors.js'
import { run } from '../../infra/process.js'
import type { Reporter } from '../../reporter.js'
import { readManifest } from '../../infra/registry/docker-cli.js'
import { computeAnnotations } from './annotations.js'
import { expand, usesExpression } from './expressions.js'
import { computeLabels } from './labels.js'
import { fullyQualified, isDigest, splitReference } from './reference.js'
import { computeTags } from './tags.js'
import { resolveVersion, type VersionSource } from './version.js'

export interface Metadata {
  /** docker/metadata-action's version: the highest-priority tag as tagged ('' when none). */
  version: string
  versionFrom: VersionSource['from']
  /** The project's version (git tag, `.release`, Dockerfile) behind `{{version}}`, if it has one. */
  projectVersion?: { version: string; from: VersionSource['from'] }
  /** Tag names without image names (metadata-action's `tag-names`). */
  tagValues: string[]
  /** Full references: every image name with every tag name, then the references `tags` named. */
  tags: string[]
  labels: Record<string, string>
  /** `level:key=value` lines, as `docker buildx build --annotation` takes them. */
  annotations: string[]
  base?: { name: string; digest?: string }
  /** What the user should hear: rules that gave nothing, lines skipped. */
  warnings: string[]
}

export interface Facts {
  dockerfile: string
  releaseFile?: string
  gitTag?: string
  now: Date
  /** When the commit was made, read from git where the event did not say and an expression asks. */
  commitDate?: Date
}

/** The base image as written, split into a name with tag and the pinned digest if any. */
export function splitBase(image: string): { name: string; digest?: string } {
  const { name, tag, digest } = splitReference(image)
  const full = fullyQualified(name)
  return { name: tag ? `${full}:${tag}` : full, digest: digest && isDigest(digest) ? digest : undefined }
}

/**
 * The image a named build context puts in place of the base (`--build-context base:1=docker-image://…@sha256:…`):
 * BuildKit builds FROM that one, so the base labels name it.
 */
export function namedContextBase(
  base: string,
  contexts: readonly string[] = []
): { name: string; digest?: string } | undefined {
  const familiar = (ref: string): string => fullyQualified(ref.replace(/:latest$/, ''))
  for (const line of contexts) {
    const eq = line.indexOf('=')
    const value = line.slice(eq + 1)
    if (eq > 0 && value.startsWith('docker-image://') && familiar(line.slice(0, eq)) === familiar(base))
      return splitBase(value.slice('docker-image://'.length))
  }
  return undefined
}

const OCI = 'org.opencontainers.image.'

/** Tags, labels and annotations, from the config, the run and what the files say. Pure. */
export function computeMetadata(
  config: Config,
  ctx: RunContext,
  facts: Facts,
  baseDigest?: string
): Metadata & { missing: string[] } {
  if (config.team && /[\r\n\0]/.test(config.team))
    throw new InputError('team', 'holds a line break, which a label value must not')
  const buildArgs = new Map(config.build.buildArgs)
  const df = parseDockerfile(facts.dockerfile, buildArgs)
  const stage = finalStage(df, config.build.target)
  const source =
    config.metadata.version ??
    resolveVersion(ctx, {
      gitTag: facts.gitTag,
      releaseFile: facts.releaseFile,
      dockerfile: dockerfileVersion(df, stage)
    })
  const run = { ...ctx, commitDate: ctx.commitDate ?? facts.commitDate }
  const expressionFacts = {
    ctx: run,
    now: facts.now,
    version: source?.version,
    shortShaLength: config.metadata.shortShaLength
  }
  const tags = computeTags(config.tagRules, config.flavor, run, expressionFacts)
  const baseWritten = baseImage(df, stage)
  const base = baseWritten
    ? (namedContextBase(baseWritten, config.build.buildContexts) ?? splitBase(baseWritten))
    : undefined
  if (base && !base.digest && baseDigest) base.digest = baseDigest
  const labelFacts = {
    schemas: config.labelSchemas,
    created: facts.now,
    version: tags.version,
    projectVersion: source?.version,
    revision: ctx.sha,
    repo: ctx.repo,
    base,
    tags: tags.names,
    team: config.team ?? stageLabels(df, stage).get('int.skao.image.team')
  }
  const expandValues = (input: string, pairs: ReadonlyArray<[string, string]>): Array<[string, string]> =>
    pairs.map(([k, v]) => [k, expand(input, v, expressionFacts)])
  const { labels, missing } = computeLabels({ ...labelFacts, extra: expandValues('labels', config.labels) })
  const oci = Object.entries(computeLabels({ ...labelFacts, schemas: ['oci'], extra: [] }).labels)
  const custom = config.metadata.annotations.map(a => ({
    ...a,
    value: expand('annotations', a.value, expressionFacts)
  }))
  const skipped = config.metadata.skipped.map(
    s => `${s.input}: "${s.line}" is not of the form key=value, so it is skipped`
  )
  return {
    version: tags.version,
    versionFrom: 'tags',
    ...(source ? { projectVersion: source } : {}),
    tagValues: tags.names,
    tags: [...config.images.flatMap(img => tags.values.map(v => `${img.name}:${v}`)), ...tags.references],
    labels,
    annotations: computeAnnotations(
      Object.fromEntries(oci.filter(([k]) => k.startsWith(OCI))),
      custom,
      config.metadata.annotationLevels
    ),
    base,
    warnings: [...tags.warnings, ...skipped],
    missing
  }
}

/** Whether the commit date is asked for: then it is read from git when the event did not tell it. */
export function needsCommitDate(
  config: Pick<Config, 'tagRules' | 'flavor' | 'labels' | 'metadata'>
): boolean {
  const texts = [
    ...config.tagRules.flatMap(r => [...r.attrs.values()]),
    config.flavor.prefix,
    config.flavor.suffix,
    ...config.labels.map(([, v]) => v),
    ...config.metadata.annotations.map(a => a.value)
  ]
  return texts.some(t => usesExpression(t, 'commit_date'))
}

function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

/**
 * Reads the files and the git tag the metadata depends on. Kept apart from the computation so the
 * pipeline can start it beside the login: `git describe` is a process of its own.
 */
export async function readFacts(
  config: Pick<Config, 'build' | 'workspace' | 'tagRules' | 'flavor' | 'labels' | 'metadata'>,
  env: NodeJS.ProcessEnv,
  now: Date
): Promise<Facts> {
  let dockerfile: string
  try {
    dockerfile = readFileSync(config.build.file, 'utf8')
  } catch (e) {
    throw new InputError('file', `cannot read ${config.build.file}: ${errorMessage(e)}`)
  }
  const git = (args: string[]): Promise<string | undefined> =>
    run('git', args, { cwd: config.workspace, env, allowFailure: true })
      .then(r => (r.code === 0 ? r.stdout.trim() || undefined : undefined))
      .catch(() => undefined)
  const [gitTag, committed] = await Promise.all([
    git(['describe', '--tags', '--exact-match', 'HEAD']),
    needsCommitDate(config) ? git(['show', '-s', '--format=%cI', 'HEAD']) : undefined
  ])
  const commitDate = committed ? new Date(committed) : undefined
  return {
    dockerfile,
    releaseFile: readOptional(join(config.workspace, '.release')),
    gitTag,
    now,
    ...(commitDate && !Number.isNaN(commitDate.getTime()) ? { commitDate } : {})
  }
}

/** Computes the metadata from the facts (read here unless given); resolves an unpinned base's digest. */
export async function gatherMetadata(
  config: Config,
  ctx: RunContext,
  reporter: Reporter,
  env: NodeJS.ProcessEnv,
  now: Date,
  read: Promise<Facts> = readFacts(config, env, now)
): Promise<Metadata> {
  const facts = await read
  let meta = computeMetadata(config, ctx, facts)
  const unpinned = meta.base && !meta.base.digest ? meta.base.name : undefined
  if (unpinned) {
    try {
      const digest = (await readManifest(unpinned, env)).digest
      meta = computeMetadata(config, ctx, facts, digest)
    } catch (e) {
      reporter.warning(
        `the base image ${unpinned} could not be resolved to a digest, so base.digest is not set: ${errorMessage(e).split('\n')[0]}`
      )
    }
  }
  for (const key of meta.missing)
    reporter.warning(
      `label ${key} has no value: set it with the "labels" input${key.endsWith('team') ? ', the "team" input or a Dockerfile LABEL' : ''}`
    )
  for (const w of meta.warnings) reporter.warning(w)
  if (!meta.version)
    reporter.warning('no tag rule gave a tag for this run, so there is no version (see "tags")')
  else reporter.info(`version ${meta.version} (the first tag)`)
  if (meta.projectVersion)
    reporter.info(
      `project version ${meta.projectVersion.version} (from ${meta.projectVersion.from}), {{version}}`
    )
  return meta
}
