import { repositoriesOf } from '../build/argv.js'
import type { BuildResult } from '../build/buildx.js'
import { StepError } from '../../errors.js'
import type { ScanTarget } from './index.js'
import type { ImageScan } from './model.js'

/**
 * What to scan after a build, before any tag is pushed: a loaded image straight from the local
 * daemon; a multi-platform image (pushed by digest only) from the registry, once per platform.
 * A multi-platform build that is not pushed stays in the build cache: nothing to scan.
 */
export function scanTargets(
  tags: readonly string[],
  built: Pick<BuildResult, 'imageId' | 'digest' | 'mode'>,
  platforms: readonly string[]
): ScanTarget[] {
  const image = tags[0] ?? built.imageId
  if (built.mode === 'load') return [{ image, source: { local: tags[0] ?? built.imageId } }]
  const repository = repositoriesOf(tags)[0]
  if (built.mode === 'push' && built.digest && repository) {
    const remote = `${repository}@${built.digest}`
    return platforms.map(platform => ({ image, platform, source: { remote } }))
  }
  return []
}

/** A loaded image's scan must have read the image that was built (same config digest). */
export function checkScannedIsBuilt(
  scans: readonly ImageScan[],
  built: Pick<BuildResult, 'imageId' | 'mode'>
): void {
  if (built.mode !== 'load') return
  for (const s of scans)
    if (s.imageId !== built.imageId)
      throw new StepError(
        `the image Trivy scanned is not the one that was built, so nothing was pushed`,
        `scanned ${s.imageId ?? 'unknown'}, built ${built.imageId}`
      )
}
