import * as semver from 'semver'
import { refKind, refName, type RunContext } from '../../context.js'

export interface VersionSource {
  version: string
  /** Where it came from, for the log and the summary. */
  from: 'git tag event' | 'git tag' | '.release' | 'Dockerfile' | 'tags' | 'default'
}

/** `release=X.Y.Z` from a `.release` file (SKAO's convention), if there is one. */
export function releaseFileVersion(text: string | undefined): string | undefined {
  if (!text) return undefined
  const match = text.match(/^\s*release\s*=\s*["']?([^"'\s#]+)/m)
  return match?.[1]
}

const clean = (tag: string): string => semver.clean(tag, { loose: true }) ?? tag

/**
 * The image version: the git tag the event is about; where the event gives none, the git tag at
 * HEAD, then `.release`, then an `ARG`/`ENV` named `*_VERSION` in the Dockerfile. Undefined when
 * none of those exists (the tag rules' first value serves then, as in docker/metadata-action).
 */
export function resolveVersion(
  ctx: RunContext,
  sources: { gitTag?: string; releaseFile?: string; dockerfile?: string }
): VersionSource | undefined {
  if (refKind(ctx.ref) === 'tag') return { version: clean(refName(ctx.ref)), from: 'git tag event' }
  if (sources.gitTag) return { version: clean(sources.gitTag), from: 'git tag' }
  const release = releaseFileVersion(sources.releaseFile)
  if (release) return { version: release, from: '.release' }
  if (sources.dockerfile) return { version: sources.dockerfile, from: 'Dockerfile' }
  return undefined
}
