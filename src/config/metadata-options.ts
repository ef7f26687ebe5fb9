import { InputError } from '../errors.js'
import type { RawInputs } from './inputs.js'
import { annotationLine, parseAnnotationLevels, type AnnotationLine } from '../stages/metadata/annotations.js'
import { parseKeyValueLines } from '../stages/metadata/labels.js'
import type { VersionSource } from '../stages/metadata/version.js'

export const CONTEXT_SOURCES = ['workflow', 'git'] as const
export type ContextSource = (typeof CONTEXT_SOURCES)[number]

/** docker/metadata-action's inputs and environment variables beside images, tags and flavor. */
export interface MetadataOptions {
  /** `labels`: key and value as written; expressions are expanded with the metadata. */
  labels: Array<[string, string]>
  annotations: AnnotationLine[]
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS: where annotations without a level go (`manifest`). */
  annotationLevels: string[]
  /** Lines of `labels` and `annotations` without "=", skipped (as metadata-action does) with a warning. */
  skipped: Array<{ input: string; line: string }>
  /** `sep-tags`, `sep-labels`, `sep-annotations`: how the outputs join their items (a newline). */
  separators: { tags: string; labels: string; annotations: string }
  /** DOCKER_METADATA_SHORT_SHA_LENGTH. */
  shortShaLength?: number
  /** `metadata-context`: the event (`workflow`) or the checkout (`git`) gives the ref and commit. */
  source: ContextSource
  /**
   * The project version behind `{{version}}` when a face knows it better than the run does (no
   * input sets it): SKAO's per-image `.release`, or the 0.0.0 their makefile uses without one.
   */
  version?: VersionSource
}

/** `metadata-context`: workflow (the default) or git. */
export function parseContextSource(value: string): ContextSource {
  const v = value.trim() || 'workflow'
  if (!(CONTEXT_SOURCES as readonly string[]).includes(v))
    throw new InputError('metadata-context', `"${v}" is neither workflow nor git`)
  return v as ContextSource
}

function shortShaLength(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.DOCKER_METADATA_SHORT_SHA_LENGTH?.trim()
  if (!raw) return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1)
    throw new InputError('DOCKER_METADATA_SHORT_SHA_LENGTH', `"${raw}" is not a whole number above 0`)
  return n
}

export function parseMetadataOptions(get: RawInputs, env: NodeJS.ProcessEnv): MetadataOptions {
  const labels = parseKeyValueLines('labels', get('labels'))
  const annotations = parseKeyValueLines('annotations', get('annotations'))
  return {
    labels: labels.pairs,
    annotations: annotations.pairs.map(([k, v]) => annotationLine(k, v)),
    annotationLevels: parseAnnotationLevels(env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? ''),
    skipped: [
      ...labels.skipped.map(line => ({ input: 'labels', line })),
      ...annotations.skipped.map(line => ({ input: 'annotations', line }))
    ],
    separators: {
      tags: get('sep-tags') || '\n',
      labels: get('sep-labels') || '\n',
      annotations: get('sep-annotations') || '\n'
    },
    shortShaLength: shortShaLength(env),
    source: parseContextSource(get('metadata-context'))
  }
}
