/** Uploads files as one workflow artifact (GitHub: @actions/artifact, in src/faces/action/artifacts.ts). */
export interface ArtifactUploader {
  /** Resolves to where the artifact can be downloaded, where the face knows it. */
  upload(
    name: string,
    files: string[],
    rootDir: string,
    opts?: { retentionDays?: number }
  ): Promise<{ url?: string } | void>
}

/** Safe in artifact names and file names: no `/ \ : " < > | * ?` or whitespace. */
export function slug(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
}

/**
 * The SBOM artifact's name: one per image and platform, so that matrix jobs building several
 * images or platforms in one workflow run never upload under the same name.
 */
export function sbomArtifactName(image: string, platform?: string): string {
  return slug(`sbom-${image}${platform ? `-${platform}` : ''}`).slice(0, 200)
}
