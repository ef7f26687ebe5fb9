import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import type { RunContext } from '../context.js'
import { InputError } from '../errors.js'
import type { RawInputs } from './inputs.js'
import { parseBool, parseKeyValues, parseList } from './lists.js'
import { parseSecrets, SECRET_ID } from './secrets.js'

/** What `docker buildx build` is given: docker/build-push-action's inputs, by the same names. */
export interface BuildOptions {
  context: string
  file: string
  target?: string
  buildArgs: Array<[string, string]>
  /** `secrets`: id and value; the value goes to BuildKit in a file, never in argv. */
  secrets: Array<[string, string]>
  /** `secret-envs`: id and the name of the environment variable holding it. */
  secretEnvs?: Array<[string, string]>
  /** `secret-files`: id and the path of the file holding it. */
  secretFiles?: Array<[string, string]>
  platforms: string[]
  cacheFrom: string[]
  cacheTo: string[]
  noCache: boolean
  pull: boolean
  load: boolean
  /** How the pushed image's layers are compressed. */
  compression: 'gzip' | 'zstd'
  builder?: string
  /** `provenance`: empty means buildx's and build-push-action's default (see argv.ts). */
  provenance?: string
  buildContexts?: string[]
  ssh?: string[]
  network?: string
  shmSize?: string
  ulimits?: string[]
  addHosts?: string[]
  allow?: string[]
  noCacheFilters?: string[]
  sbom?: string
  attests?: string[]
  /** The run's page, the provenance's builder-id. */
  builderId?: string
  /** A private (or unknown) repository: default provenance `mode=min,inline-only=true`, else `mode=max`. */
  privateRepo?: boolean
  /** BUILDX_NO_DEFAULT_ATTESTATIONS: no default provenance. */
  noDefaultAttestations?: boolean
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

export function insideWorkspace(input: string, workspace: string, path: string): string {
  const abs = resolve(workspace, path)
  const real = existsSync(abs) ? realpathSync(abs) : abs
  const rel = relative(realpathSync(workspace), real)
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new InputError(input, `"${path}" is outside the workspace ${workspace}`)
  return abs
}

/** Items of a list input that must match `form`; `what` says the form in the error. */
function checked(input: string, items: string[], form: RegExp, what: string): string[] {
  for (const item of items)
    if (!form.test(item)) throw new InputError(input, `"${item}" is not of the form ${what}`)
  return items
}

const lines = (get: RawInputs, name: string): string[] => parseList(name, get(name), { commas: false })
const csv = (get: RawInputs, name: string): string[] => parseList(name, get(name))

function secretEnvs(get: RawInputs, env: NodeJS.ProcessEnv): Array<[string, string]> {
  return csv(get, 'secret-envs').map(item => {
    const [id = '', name = ''] = item.split('=', 2).map(s => s.trim())
    if (!SECRET_ID.test(id) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new InputError('secret-envs', `"${item}" is not of the form id=ENV_NAME`)
    if (env[name] === undefined)
      throw new InputError('secret-envs', `the environment variable ${name} (for "${id}") is not set`)
    return [id, name]
  })
}

function secretFiles(get: RawInputs, workspace: string): Array<[string, string]> {
  return parseKeyValues('secret-files', get('secret-files')).map(([id, path]) => {
    if (!SECRET_ID.test(id)) throw new InputError('secret-files', `"${id}" is not a valid secret id`)
    const abs = resolve(workspace, path)
    if (!existsSync(abs) || !statSync(abs).isFile())
      throw new InputError('secret-files', `the file ${path} (for "${id}") does not exist`)
    return [id, abs]
  })
}

/** `true`/`false` become BuildKit's `disabled=`, as docker/build-push-action does; other text is kept. */
function attestation(input: string, value: string): string | undefined {
  if (!value.trim()) return undefined
  if (/^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase()
  checked(input, [value.trim()], /^[^\s]+$/, 'key=value,… without spaces')
  return value.trim()
}

function parseCompression(value: string): 'gzip' | 'zstd' {
  const v = value.trim().toLowerCase() || 'gzip'
  if (v !== 'gzip' && v !== 'zstd') throw new InputError('compression', `"${value}" is neither gzip nor zstd`)
  return v
}

export function buildOptions(get: RawInputs, ctx: RunContext, env: NodeJS.ProcessEnv): BuildOptions {
  const workspace = ctx.workspace
  const given = get('context') || '.'
  if (['workflow', 'git'].includes(given) && !existsSync(resolve(workspace, given)))
    throw new InputError(
      'context',
      `is the build context here; docker/metadata-action's "context: ${given}" is "metadata-context" in oci-pipeline`
    )
  const context = insideWorkspace('context', workspace, given)
  if (!existsSync(context) || !statSync(context).isDirectory())
    throw new InputError('context', `"${get('context')}" is not a directory`)
  const file = get('file') ? insideWorkspace('file', workspace, get('file')) : join(context, 'Dockerfile')
  try {
    accessSync(file, constants.R_OK)
  } catch {
    throw new InputError('file', `cannot read the Dockerfile ${relative(workspace, file) || file}`)
  }
  if (statSync(file).isDirectory())
    throw new InputError('file', `${relative(workspace, file)} is a directory`)
  const platforms = csv(get, 'platforms')
  for (const p of platforms)
    if (!PLATFORM.test(p)) throw new InputError('platforms', `"${p}" is not of the form os/arch[/variant]`)
  const load = parseBool('load', get('load'), false)
  if (load && platforms.length > 1)
    throw new InputError('load', 'a multi-platform image cannot be loaded into the Docker image store')
  const shmSize = get('shm-size').trim()
  if (shmSize && !/^\d+(\.\d+)?[bkmgt]?(i?b)?$/i.test(shmSize))
    throw new InputError('shm-size', `"${shmSize}" is not a size such as 2g or 512m`)
  const network = get('network').trim()
  if (network && /\s/.test(network)) throw new InputError('network', `"${network}" holds white space`)
  return {
    context,
    file,
    target: get('target') || undefined,
    buildArgs: parseKeyValues('build-args', get('build-args')),
    secrets: parseSecrets(get('secrets')),
    secretEnvs: secretEnvs(get, env),
    secretFiles: secretFiles(get, workspace),
    platforms,
    cacheFrom: lines(get, 'cache-from'),
    cacheTo: lines(get, 'cache-to'),
    noCache: parseBool('no-cache', get('no-cache'), false),
    pull: parseBool('pull', get('pull'), false),
    load,
    compression: parseCompression(get('compression')),
    builder: get('builder') || undefined,
    provenance: attestation('provenance', get('provenance')),
    buildContexts: checked('build-contexts', lines(get, 'build-contexts'), /^[^=\s]+=\S+$/, 'name=value'),
    ssh: checked('ssh', csv(get, 'ssh'), /^[A-Za-z0-9_.-]+(=\S+)?$/, 'id[=socket|key,…]'),
    network: network || undefined,
    shmSize: shmSize || undefined,
    ulimits: checked('ulimit', lines(get, 'ulimit'), /^[a-z]+=-?\d+(:-?\d+)?$/, 'name=soft[:hard]'),
    addHosts: checked('add-hosts', csv(get, 'add-hosts'), /^[^\s:=]+[:=]\S+$/, 'host:ip'),
    allow: checked('allow', csv(get, 'allow'), /^[a-z][\w.=/:-]*$/, 'an entitlement such as network.host'),
    noCacheFilters: csv(get, 'no-cache-filters'),
    sbom: attestation('sbom', get('sbom')),
    attests: checked('attests', lines(get, 'attests'), /^type=[\w-]+(,\S*)?$/, 'type=…[,key=value…]'),
    builderId: ctx.runUrl,
    privateRepo: ctx.repo.private ?? true,
    noDefaultAttestations: parseBool(
      'BUILDX_NO_DEFAULT_ATTESTATIONS',
      env.BUILDX_NO_DEFAULT_ATTESTATIONS ?? '',
      false
    )
  }
}
