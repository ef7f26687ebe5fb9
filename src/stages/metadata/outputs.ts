import type { MetadataOptions } from '../../config/metadata-options.js'
import type { Metadata } from './index.js'

/** The outputs docker/metadata-action gives, by its names, from the metadata. */
export const METADATA_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json'] as const

/** What each output holds, lists joined by `sep-tags`, `sep-labels` and `sep-annotations`. Pure. */
export function metadataOutputs(
  meta: Pick<Metadata, 'version' | 'tags' | 'tagValues' | 'labels' | 'annotations' | 'projectVersion'>,
  sep: MetadataOptions['separators']
): Record<(typeof METADATA_OUTPUTS)[number] | 'project-version', string> {
  return {
    // oci-pipeline's own: the git tag, `.release` or Dockerfile version (GitLab's OCI_IMAGE_VERSION).
    'project-version': meta.projectVersion?.version ?? '',
    version: meta.version,
    tags: meta.tags.join(sep.tags),
    'tag-names': meta.tagValues.join(sep.tags),
    labels: Object.entries(meta.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(sep.labels),
    annotations: meta.annotations.join(sep.annotations),
    json: JSON.stringify({
      tags: meta.tags,
      'tag-names': meta.tagValues,
      labels: meta.labels,
      annotations: meta.annotations
    })
  }
}

/**
 * The environment variable docker/metadata-action sets beside an output
 * (`tag-names` → DOCKER_METADATA_OUTPUT_TAG_NAMES), unless DOCKER_METADATA_SET_OUTPUT_ENV is false.
 */
export function metadataEnvName(output: string, env: NodeJS.ProcessEnv): string | undefined {
  if (!(METADATA_OUTPUTS as readonly string[]).includes(output)) return undefined
  if (/^(false|0|no|off)$/i.test(env.DOCKER_METADATA_SET_OUTPUT_ENV?.trim() ?? '')) return undefined
  return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`
}
