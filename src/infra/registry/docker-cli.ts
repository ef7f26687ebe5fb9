import { createHash } from 'node:crypto'
import type { RegistryLogin } from '../../config/config.js'
import { StepError } from '../../errors.js'
import { run, tail } from '../process.js'
import { checkDockerDaemon } from '../docker.js'
import { fetchManifest } from './read.js'
import { storeLoginInFile } from '../docker-config.js'

/** `docker login` with the password on stdin: never in argv, never in the log. */
export async function login(l: RegistryLogin, env: NodeJS.ProcessEnv): Promise<void> {
  await checkDockerDaemon(env)
  storeLoginInFile(l.host, env)
  const res = await run('docker', ['login', l.host, '--username', l.username, '--password-stdin'], {
    env,
    input: l.password,
    allowFailure: true
  })
  if (res.code !== 0)
    throw new StepError(
      `login to ${l.host} as ${l.username} failed`,
      tail(res.stderr.split(l.password).join('***'), 5)
    )
}

export interface PlatformJson {
  os?: string
  architecture?: string
  variant?: string
}

/** `os/arch[/variant]`, as `platforms` names it. */
export const platformOf = (p?: PlatformJson): string =>
  [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/')

export interface Manifest {
  /** sha256 of the manifest bytes as the registry serves them. */
  digest: string
  mediaType: string
  configDigest?: string
  /** Platforms of an index. */
  platforms?: string[]
  /** Digests of an index's manifests (attestation manifests included). */
  manifests?: string[]
}

type ManifestJson = {
  mediaType?: string
  config?: { digest?: string }
  manifests?: Array<{ digest: string; platform?: PlatformJson }>
}

function toManifest(raw: Buffer, json: ManifestJson): Manifest {
  return {
    digest: `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    mediaType: json.mediaType ?? '',
    configDigest: json.config?.digest,
    platforms: json.manifests
      ?.map(m => m.platform)
      .filter(p => p && p.os !== 'unknown')
      .map(platformOf),
    manifests: json.manifests?.map(m => m.digest)
  }
}

const missing = (ref: string): StepError =>
  new StepError(`cannot read ${ref} from the registry`, 'the registry has no such manifest')

/**
 * Reads a manifest from the registry (with the stored credentials) and hashes its bytes: over
 * HTTP when it can, else with buildx (credential helpers, Docker Hub names).
 */
export async function readManifest(ref: string, env: NodeJS.ProcessEnv): Promise<Manifest> {
  const fetched = await fetchManifest(ref, env)
  if (fetched === 'missing') throw missing(ref)
  if (fetched) return toManifest(fetched.bytes, fetched.json as ManifestJson)
  const res = await run('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], {
    env,
    allowFailure: true
  })
  if (res.code !== 0) throw new StepError(`cannot read ${ref} from the registry`, tail(res.stderr, 5))
  return toManifest(Buffer.from(res.stdout, 'utf8'), JSON.parse(res.stdout) as ManifestJson)
}

/** The layers (rootfs diff IDs) of an image in the registry, or of a local one (`docker image inspect`). */
async function diffIds(ref: string, remote: boolean, env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  const args = remote
    ? ['buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', ref]
    : ['image', 'inspect', '--format', '{{json .RootFS}}', ref]
  const res = await run('docker', args, { env, allowFailure: true })
  if (res.code !== 0) return undefined
  try {
    const json = JSON.parse(res.stdout) as { rootfs?: { diff_ids?: string[] }; Layers?: string[] }
    return remote ? json.rootfs?.diff_ids : json.Layers
  } catch {
    return undefined // an index (several platforms) has no single rootfs
  }
}

export interface PreviousImage {
  manifest: Manifest
  /** Its layers (diff IDs), when it is one image rather than an index. */
  diffIds?: string[]
}

/** What the registry's `ref` names now, or undefined when it names nothing (a first push). */
export async function readPrevious(ref: string, env: NodeJS.ProcessEnv): Promise<PreviousImage | undefined> {
  const fetched = await fetchManifest(ref, env, { diffIds: true })
  if (fetched === 'missing') return undefined
  if (fetched)
    return {
      manifest: toManifest(fetched.bytes, fetched.json as ManifestJson),
      ...(fetched.diffIds?.length ? { diffIds: fetched.diffIds } : {})
    }
  const [manifest, ids] = await Promise.all([
    readManifest(ref, env).catch(() => undefined),
    diffIds(ref, true, env)
  ])
  return manifest && { manifest, ...(ids?.length ? { diffIds: ids } : {}) }
}

/** True when the local image `imageId` has exactly the given layers. */
export async function hasLayers(
  imageId: string,
  layers: readonly string[],
  env: NodeJS.ProcessEnv
): Promise<boolean> {
  const local = await diffIds(imageId, false, env)
  return !!local?.length && local.join() === layers.join()
}
