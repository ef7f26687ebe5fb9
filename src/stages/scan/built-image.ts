import type { BuildResult } from '../build/buildx.js'
import { StepError } from '../../errors.js'
import type { ScanTarget } from './index.js'
import type { ImageScan } from './model.js'

/**
 * What to scan after a build, before anything is pushed: each platform's image in the build's OCI
 * layout, the very bytes that will be pushed. Trivy reads the first image of a layout, so a layout
 * holding an index (several platforms, or attestations) is scanned through one view per image.
 */
export function scanTargets(
  name: string,
  built: Pick<BuildResult, 'layout' | 'root' | 'images'>
): ScanTarget[] {
  const many = built.images.length > 1
  const single =
    built.root.mediaType?.endsWith('manifest.v1+json') || built.root.mediaType?.endsWith('manifest.v2+json')
  return built.images.map((image, i) => ({
    image: name,
    ...(many ? { platform: image.platform } : {}),
    source: { tar: single && !many ? built.layout.dir : built.layout.view(image, `image-${i}`) },
    sizeBytes: image.layers.reduce((sum, l) => sum + l.size, 0)
  }))
}

/** Each scan must have read the image that was built (its config digest, the image ID). */
export function checkScannedIsBuilt(scans: readonly ImageScan[], built: Pick<BuildResult, 'images'>): void {
  built.images.forEach((image, i) => {
    const scanned = scans[i]?.imageId
    if (scanned !== image.configDigest)
      throw new StepError(
        `the image Trivy scanned is not the one that was built, so nothing was pushed`,
        `scanned ${scanned ?? 'unknown'}, built ${image.configDigest}${image.platform ? ` (${image.platform})` : ''}`
      )
  })
}
