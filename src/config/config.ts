import { join, resolve } from 'node:path'
import type { RunContext } from '../context.js'
import { InputError } from '../errors.js'
import { buildOptions, type BuildOptions } from './build-options.js'
import { INPUTS, type RawInputs } from './inputs.js'
import { parseBool, parseList } from './lists.js'
import { parseMetadataOptions, type MetadataOptions } from './metadata-options.js'
import { parseFlavor, type Flavor } from '../stages/metadata/flavor.js'
import { parseImages } from '../stages/metadata/images.js'
import { parseLabelSchemas, type LabelSchema } from '../stages/metadata/labels.js'
import { isGhcr, type ImageName } from '../stages/metadata/reference.js'
import { parseTagRules, type TagRule } from '../stages/metadata/tags.js'
import { parseLintOptions, type LintOptions } from '../stages/lint/index.js'
import { parseScanOptions, type ScanOptions } from '../stages/scan/options.js'
import { parseSignOptions, type SignOptions } from '../stages/sign/options.js'

export type { BuildOptions } from './build-options.js'
export type { MetadataOptions } from './metadata-options.js'

export interface RegistryLogin {
  host: string
  username: string
  password: string
}

export interface Config {
  workspace: string
  images: ImageName[]
  tagRules: TagRule[]
  flavor: Flavor
  /** `labels`: key and value as written (expressions are expanded with the metadata). */
  labels: Array<[string, string]>
  labelSchemas: LabelSchema[]
  /** docker/metadata-action's other inputs: annotations, separators, context source. */
  metadata: MetadataOptions
  team?: string
  build: BuildOptions
  push: boolean
  /** One platform pushed by digest only, for a merge job to join (fan-out across runners). */
  pushByDigest: boolean
  /** The merge job of a fan-out: these digests become one index under the tags; nothing is built. */
  mergeDigests: string[]
  /** Why push is what it is, for the log. */
  pushReason: string
  /** Undefined: use credentials already stored (docker/login-action ran before). */
  login?: RegistryLogin
  summary: boolean
  lint: LintOptions
  scan: ScanOptions
  sarifUpload: boolean
  /** Where reports are written (SARIF, code quality, SBOM). */
  reportDir: string
  /** Signing and attesting what was pushed. */
  sign: SignOptions
}

/** Reads an input, falling back to the default of the one input list. */
export function withDefaults(get: RawInputs): RawInputs {
  return name => {
    const value = get(name)
    if (value !== '') return value
    const spec = INPUTS.find(i => i.name === name)
    return spec && !spec.default.startsWith('${{') ? spec.default : ''
  }
}

/**
 * A login to `host` from a username and password input pair, or none without a password (the
 * credentials already stored are then used). The one rule for every login of every face and
 * command: the build's registry, and the release registry of `scan` and `publish`.
 */
export function loginOf(
  host: string,
  username: string,
  password: string,
  usernameInput: string
): RegistryLogin | undefined {
  if (!password) return undefined
  if (!username) throw new InputError(usernameInput, `is empty, but a password is set for ${host}`)
  return { host, username, password }
}

function loginFor(
  get: RawInputs,
  images: ImageName[],
  push: boolean,
  ctx: RunContext
): RegistryLogin | undefined {
  const host = get('registry') || images[0]?.registry || 'docker.io'
  const ghcr = isGhcr(host)
  const password = get('password') || (ghcr ? get('github-token') : '')
  const username = get('username') || ctx.actor
  if (push && !password) {
    if (ghcr)
      throw new InputError('password', 'is empty and so is github-token, but pushing to ghcr.io needs one')
    if (get('username'))
      throw new InputError('password', `is empty, but username "${username}" is set for ${host}`)
  }
  return loginOf(host, username, password, 'username')
}

const DIGEST = /^sha256:[0-9a-f]{64}$/

/** push-by-digest (one platform per job) and merge-digests (the job that joins them). */
function fanOut(
  get: RawInputs,
  build: BuildOptions,
  pushInput: string
): { pushByDigest: boolean; mergeDigests: string[] } {
  const pushByDigest = parseBool('push-by-digest', get('push-by-digest'), false)
  const mergeDigests = parseList('merge-digests', get('merge-digests'))
  const pushOff = pushInput.trim() !== '' && !parseBool('push', pushInput, true)
  if (pushByDigest && build.platforms.length > 1)
    throw new InputError('push-by-digest', 'pushes one platform; give one in "platforms" per job')
  if (pushByDigest && pushOff) throw new InputError('push-by-digest', 'is true but push is false')
  for (const d of mergeDigests)
    if (!DIGEST.test(d)) throw new InputError('merge-digests', `"${d}" is not a sha256:<64 hex> digest`)
  if (mergeDigests.length && pushByDigest)
    throw new InputError('merge-digests', 'cannot be given with push-by-digest (a merge job builds nothing)')
  if (mergeDigests.length && pushOff) throw new InputError('merge-digests', 'is given but push is false')
  return { pushByDigest, mergeDigests }
}

/** Where reports go: report-dir, else $RUNNER_TEMP/oci-pipeline, else .oci-pipeline in the workspace. */
export function reportDirOf(given: string, workspace: string, env: NodeJS.ProcessEnv): string {
  if (given) return resolve(workspace, given)
  return env.RUNNER_TEMP ? join(env.RUNNER_TEMP, 'oci-pipeline') : join(workspace, '.oci-pipeline')
}

/** With only whole references in `tags`, their repositories are the images (for the login and the push). */
function imagesOfReferences(rules: readonly TagRule[]): ImageName[] {
  const images = rules.flatMap(r => (r.image ? [r.image] : []))
  return images.filter((img, i) => images.findIndex(o => o.name === img.name) === i)
}

/** Turns the raw inputs (by name, as strings) into one typed, validated Config. */
export function buildConfig(
  raw: RawInputs,
  ctx: RunContext,
  env: NodeJS.ProcessEnv = process.env,
  /** `lint`: the lint alone (`oci-pipeline lint`), which names no image and pushes nothing. */
  scope: 'build' | 'lint' = 'build'
): Config {
  const get = withDefaults(scope === 'lint' ? name => (name === 'push' ? 'false' : raw(name)) : raw)
  const workspace = ctx.workspace
  const tagRules = parseTagRules(get('tags'))
  const named =
    scope === 'lint' && !get('images').trim()
      ? []
      : parseImages(
          get('images'),
          ctx.repo,
          tagRules.some(r => r.image)
        )
  const images = named.length ? named : imagesOfReferences(tagRules)
  const metadata = parseMetadataOptions(get, env)
  const build = buildOptions(get, ctx, env)
  const pushInput = get('push')
  let push: boolean
  let pushReason: string
  if (pushInput.trim() !== '') {
    push = parseBool('push', pushInput, true)
    pushReason = `push is ${push} (input)`
  } else if (ctx.isForkPullRequest) {
    push = false
    pushReason = 'a pull request from a fork: built, not pushed (its token cannot write packages)'
  } else {
    push = true
    pushReason = 'push defaults to true'
  }
  const { pushByDigest, mergeDigests } = fanOut(get, build, pushInput)
  const scan = parseScanOptions(get, workspace, env)
  // The lint alone signs nothing: its job must not fail on the signing inputs.
  const sign = parseSignOptions(
    scope === 'lint' ? name => (name === 'sign' ? 'false' : raw(name)) : raw,
    ctx,
    env
  )
  const fromScan = sign.attest.filter(k => k !== 'provenance')
  if (!scan.enabled && sign.mode !== 'off' && sign.attestGiven && fromScan.length)
    throw new InputError(
      'attest',
      `${fromScan.join(' and ')} ${fromScan.length === 1 ? 'comes' : 'come'} from the scan, which is off (input "scan")`
    )
  return {
    workspace,
    images,
    tagRules,
    flavor: parseFlavor(get('flavor')),
    labels: metadata.labels,
    metadata,
    labelSchemas: parseLabelSchemas(get('label-schema')),
    team: get('team') || undefined,
    build,
    push,
    pushByDigest,
    mergeDigests,
    pushReason,
    login: loginFor(get, images, push, ctx),
    summary: parseBool('summary', get('summary'), true),
    lint: parseLintOptions(get),
    scan,
    sarifUpload: parseBool('sarif-upload', get('sarif-upload'), true),
    reportDir: reportDirOf(get('report-dir'), workspace, env),
    sign
  }
}
