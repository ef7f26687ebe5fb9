import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../../config/config.js'
import type { RunContext } from '../../context.js'
import { baseImage, dockerfileVersion, finalStage, parseDockerfile, stageLabels } from '../dockerfile.js'
import { errorMessage, InputError } from '../../errors.js'
import { run } from '../../infra/process.js'
import type { Reporter } from '../../reporter.js'
import { readManifest } from '../../infra/registry/docker-cli.js'
import { computeLabels } from './labels.js'
import { fullyQualified, isDigest, splitReference } from './reference.js'
import { computeTags } from './tags.js'
import { resolveVersion, type VersionSource } from './version.js'

export interface Metadata {
  version: string
  versionFrom: VersionSource['from']
  /** Tag values without image names. */
  tagValues: string[]
  /** Full references: every image name with every tag value. */
  tags: string[]
  labels: Record<string, string>
  base?: { name: string; digest?: string }
}

export interface Facts {
  dockerfile: string
  releaseFile?: string
  gitTag?: string
  now: Date
}

/** The base image as written, split into a name with tag and the pinned digest if any. */
export function splitBase(image: string): { name: string; digest?: string } {
  const { name, tag, digest } = splitReference(image)
  const full = fullyQualified(name)
  return { name: tag ? `${full}:${tag}` : full, digest: digest && isDigest(digest) ? digest : undefined }
}

/** Tags and labels, from the config, the run and what the files say. Pure. */
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
  const source = resolveVersion(ctx, {
    gitTag: facts.gitTag,
    releaseFile: facts.releaseFile,
    dockerfile: dockerfileVersion(df, stage)
  })
  const tags = computeTags(config.tagRules, config.flavor, ctx, { version: source?.version, now: facts.now })
  const baseWritten = baseImage(df, stage)
  const base = baseWritten ? splitBase(baseWritten) : undefined
  if (base && !base.digest && baseDigest) base.digest = baseDigest
  const version = source?.version ?? tags.version
  const { labels, missing } = computeLabels({
    schemas: config.labelSchemas,
    created: facts.now,
    version,
    revision: ctx.sha,
    repo: ctx.repo,
    base,
    tags: tags.values,
    team: config.team ?? stageLabels(df, stage).get('int.skao.image.team'),
    extra: config.labels
  })
  return {
    version,
    versionFrom: source?.from ?? 'tags',
    tagValues: tags.values,
    tags: config.images.flatMap(img => tags.values.map(v => `${img.name}:${v}`)),
    labels,
    base,
    missing
  }
}

function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

/**
 * Reads the files and the git tag the metadata depends on. Kept apart from the computation so the
 * pipeline can start it beside the login: `git describe` is a process of its own.
 */
export async function readFacts(
  config: Pick<Config, 'build' | 'workspace'>,
  env: NodeJS.ProcessEnv,
  now: Date
): Promise<Facts> {
  let dockerfile: string
  try {
    dockerfile = readFileSync(config.build.file, 'utf8')
  } catch (e) {
    throw new InputError('file', `cannot read ${config.build.file}: ${errorMessage(e)}`)
  }
  const gitTag = await run('git', ['describe', '--tags', '--exact-match', 'HEAD'], {
    cwd: config.workspace,
    env,
    allowFailure: true
  }).catch(() => undefined)
  return {
    dockerfile,
    releaseFile: readOptional(join(config.workspace, '.release')),
    gitTag: gitTag && gitTag.code === 0 ? gitTag.stdout.trim() : undefined,
    now
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
  reporter.info(`version ${meta.version} (from ${meta.versionFrom})`)
  return meta
}
