import { StepError } from '../../errors.js'
import type { Reporter } from '../../reporter.js'
import type { BuildResult } from '../build/buildx.js'
import { run, tail } from '../../infra/process.js'
import { repositoriesOf } from '../build/argv.js'
import { pushTag, readManifest } from '../../infra/registry/docker-cli.js'

/**
 * Pushes every tag of a loaded image, then proves the registry holds the image that was built.
 * On a daemon other jobs share, a name may have been moved to another image since the scan: each
 * is pointed again at the scanned image, by its ID (its config digest, which names the content),
 * just before its push, and the registry is read back after it.
 */
export async function pushLoaded(
  tags: readonly string[],
  imageId: string,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<string> {
  let first: string | undefined
  for (const tag of tags) {
    const retag = await run('docker', ['tag', imageId, tag], { env, allowFailure: true })
    if (retag.code !== 0) throw new StepError(`cannot point ${tag} at ${imageId}`, tail(retag.stderr, 5))
    await pushTag(tag, r, env)
    const m = await readManifest(tag, env)
    if (m.configDigest !== imageId)
      throw new StepError(
        `${tag} in the registry is not the image that was built`,
        `registry config ${m.configDigest ?? 'none'}, built ${imageId}`
      )
    first ??= m.digest
    r.info(`pushed ${tag}@${m.digest}`)
  }
  return first as string
}

/** After a multi-platform push by buildx, every tag must resolve to the digest buildx reported. */
export async function verifyPushed(
  tags: readonly string[],
  built: BuildResult,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<string> {
  for (const tag of tags) {
    const m = await readManifest(tag, env)
    if (built.digest && m.digest !== built.digest)
      throw new StepError(
        `${tag} in the registry is not the image that was built`,
        `registry ${m.digest}, built ${built.digest}`
      )
    r.info(`pushed ${tag}@${m.digest}`)
  }
  return built.digest ?? (await readManifest(tags[0] as string, env)).digest
}

/**
 * Tags an image that buildx pushed by digest only (several platforms, scanned in the registry):
 * `imagetools create` points each tag at that digest, so the tags name exactly what was scanned.
 */
export async function tagPushedByDigest(
  tags: readonly string[],
  digest: string,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const source = `${repositoriesOf(tags)[0]}@${digest}`
  const args = ['buildx', 'imagetools', 'create', ...tags.flatMap(t => ['--tag', t]), source]
  r.info(`docker ${args.join(' ')}`)
  const res = await run('docker', args, { env, allowFailure: true })
  if (res.code !== 0) throw new StepError(`tagging ${source} failed`, tail(res.stderr, 10))
}
