import { loginOf } from '../../config/config.js'
import type { RunContext } from '../../context.js'
import { InputError } from '../../errors.js'
import { parseImageName, splitReference } from '../../stages/metadata/reference.js'
import { releaseFileVersion, resolveVersion } from '../../stages/metadata/version.js'
import { publish } from '../../pipeline/publish.js'
import { isGitLab } from '../gitlab/context.js'
import type { CommandDeps } from './command-deps.js'

/** The version to publish: the option, else the git tag the run is about, else `.release`. */
export function publishVersion(given: string, ctx: RunContext, releaseFile: string | undefined): string {
  if (given) return given
  return resolveVersion(ctx, { releaseFile })?.version ?? releaseFileVersion(releaseFile) ?? ''
}

/** `publish`: the staging image by digest to `<release-image>:<version>`, never rebuilt. */
export async function publishCommand(d: CommandDeps): Promise<number> {
  const get = d.raw
  const sourceImage = get('source-image')
  const releaseImage = get('release-image')
  const hostOf = (input: string, ref: string): string =>
    ref ? parseImageName(input, splitReference(ref).name).registry : ''
  // On GitLab the digest comes from the build job, and only when it scanned it.
  if (isGitLab(d.env) && !get('source-digest'))
    throw new InputError(
      'source-digest',
      'is empty: publish takes OCI_IMAGE_SCANNED_DIGEST from the build job, which sets it only when its scan passed (was the scan off, or the build job skipped?)'
    )
  const sourceHost = get('registry') || hostOf('source-image', sourceImage)
  const releaseHost = get('release-registry') || hostOf('release-image', releaseImage)
  await publish(
    {
      sourceImage,
      sourceDigest: get('source-digest') || undefined,
      releaseImage,
      version: publishVersion(get('version'), d.ctx, d.readFile('.release')),
      sourceLogin: loginOf(sourceHost, get('username'), get('password'), 'username'),
      releaseLogin: loginOf(releaseHost, get('release-username'), get('release-password'), 'release-username')
    },
    d.reporter,
    d.env
  )
  return 0
}
