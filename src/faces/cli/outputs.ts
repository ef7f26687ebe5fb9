/**
 * The outputs as a GitLab dotenv report: single-line `KEY=value` lines that later jobs receive as
 * variables. GitLab's dotenv holds no multi-line values, so lists are comma-joined. Pure.
 */
export function dotenvVariables(outputs: ReadonlyMap<string, string>): Record<string, string> {
  // Split on any separator `sep-tags` may have set: no tag holds white space, "," or ";".
  const tags = (outputs.get('tags') ?? '').split(/[\s,;]+/).filter(Boolean)
  const digest = outputs.get('digest') ?? ''
  const first = tags[0]
  const vars: Record<string, string> = {
    OCI_IMAGE_REF: first ? (digest ? `${first}@${digest}` : first) : (outputs.get('image') ?? ''),
    OCI_IMAGE_DIGEST: digest,
    // SKAO's meaning: the release version (`.release`, the git tag), else the first tag.
    OCI_IMAGE_VERSION: outputs.get('project-version') || (outputs.get('version') ?? ''),
    OCI_IMAGE_ID: outputs.get('imageid') ?? '',
    OCI_IMAGE_TAGS: tags.join(','),
    OCI_IMAGE_PUBLISHED: outputs.get('published') ?? '',
    // The scan ran and its gate passed for this digest: what publish takes, and nothing else.
    OCI_IMAGE_SCANNED_DIGEST: outputs.get('scan-gate') === 'passed' ? digest : '',
    // Several images: the names built, and the SHA-256 of the manifest publish reads (oci-images.json).
    OCI_IMAGES_BUILT: outputs.get('images-built') ?? '',
    OCI_IMAGES_MANIFEST_SHA256: outputs.get('images-manifest-sha256') ?? '',
    OCI_IMAGES_PUBLISHED: outputs.get('images-published') ?? ''
  }
  return Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== '' && !/[\r\n]/.test(v)))
}

export const dotenvText = (vars: Record<string, string>): string =>
  Object.entries(vars)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('')
