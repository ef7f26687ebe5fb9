import { posix } from 'node:path'
import { DEFAULT_TAG_RULES } from '../../stages/metadata/tags.js'
import { gitlabCiLabels, isGitLab, type Env } from './context.js'

/**
 * What GitLab's predefined variables and SKAO's ska-cicd-makefile variables say about the inputs,
 * below the command line and OCI_PIPELINE_* in precedence:
 *
 *   images    $CI_REGISTRY_IMAGE/$OCI_IMAGE (OCI_IMAGE defaults to the project name)
 *   registry, username, password    CI_REGISTRY, CI_REGISTRY_USER, CI_REGISTRY_PASSWORD
 *   context, file    OCI_IMAGE_BUILD_CONTEXT, OCI_IMAGE_FILE_PATH (and SKAO's images/<name>/ layout)
 *   build-args    the --build-arg words of OCI_BUILD_ADDITIONAL_ARGS
 *   tags    OCI_BUILD_ADDITIONAL_TAGS added as raw tags
 *   push    false when OCI_SKIP_PUSH is set (to anything but false)
 *   labels    the CI_* / GITLAB_USER_* labels SKAO's artefact repository expects (GitLab only)
 *   source-image, source-digest    OCI_IMAGE_REF, OCI_IMAGE_SCANNED_DIGEST (the build job's dotenv report;
 *                                  the digest only when the build job scanned it)
 *   release-image    $CAR_OCI_REGISTRY_HOST/$OCI_IMAGE, with CAR_OCI_REGISTRY_USERNAME/PASSWORD
 */
export interface GitLabInputs {
  defaults: Record<string, string>
  /** Lines added before what the user gave (their lines come later and win). */
  labelLines: string[]
  buildArgLines: string[]
  /** Lines added after the tag rules. */
  extraTagLines: string[]
  /** Words of OCI_BUILD_ADDITIONAL_ARGS that are not build args, for a warning. */
  ignoredArgs: string[]
}

/** Splits a shell-like word list: quotes group, backslash escapes; no expansion of any kind. */
export function shellWords(text: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let quote: '"' | "'" | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i] as string
      else word += c
    } else if (c === '"' || c === "'") {
      quote = c
      word ??= ''
    } else if (c === '\\' && i + 1 < text.length) word = (word ?? '') + text[++i]
    else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else word = (word ?? '') + c
  }
  if (word !== undefined) words.push(word)
  return words
}

/** `--build-arg K=V`, `--build-arg=K=V`, and `--build-arg K` (the value from the environment, as docker does). */
export function skaoBuildArgs(text: string, env: Env): { lines: string[]; ignored: string[] } {
  const words = shellWords(text)
  const lines: string[] = []
  const ignored: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    let arg: string | undefined
    if (w === '--build-arg') arg = words[++i]
    else if (w.startsWith('--build-arg=')) arg = w.slice('--build-arg='.length)
    else {
      ignored.push(w)
      continue
    }
    if (!arg) continue
    if (arg.includes('=')) lines.push(arg)
    else if (env[arg] !== undefined) lines.push(`${arg}=${env[arg]}`)
  }
  return { lines, ignored }
}

/** SKAO's layout: a Dockerfile at the top is a one-shot image; else images/<OCI_IMAGE>/. */
function skaoPaths(env: Env, image: string, exists: (path: string) => boolean): Record<string, string> {
  const file = env.OCI_IMAGE_FILE_PATH || 'Dockerfile'
  if (exists('Dockerfile') || exists(file)) return env.OCI_IMAGE_FILE_PATH ? { file } : {}
  const dir = posix.join(env.OCI_IMAGE_ROOT_DIR || 'images', image)
  if (!image || !exists(dir)) return {}
  const context = env.OCI_IMAGE_BUILD_CONTEXT || '.'
  return {
    file: posix.join(dir, file),
    context: context.startsWith('/') ? context : posix.join(dir, context)
  }
}

/** Pure: the environment (and which workspace paths exist) in, the GitLab/SKAO input layer out. */
export function gitlabInputs(env: Env, exists: (path: string) => boolean): GitLabInputs {
  const defaults: Record<string, string> = {}
  const image = env.OCI_IMAGE || env.CI_PROJECT_NAME || ''
  if (isGitLab(env)) {
    if (env.CI_REGISTRY_IMAGE && image) defaults.images = `${env.CI_REGISTRY_IMAGE}/${image}`
    if (env.CI_REGISTRY) defaults.registry = env.CI_REGISTRY
    if (env.CI_REGISTRY_USER) defaults.username = env.CI_REGISTRY_USER
    if (env.CI_REGISTRY_PASSWORD) defaults.password = env.CI_REGISTRY_PASSWORD
  }
  // publish: the build job's dotenv report names the source; CAR_OCI_REGISTRY_* the release registry.
  if (env.OCI_IMAGE_REF) defaults['source-image'] = env.OCI_IMAGE_REF
  if (env.OCI_IMAGE_SCANNED_DIGEST) defaults['source-digest'] = env.OCI_IMAGE_SCANNED_DIGEST
  if (env.CAR_OCI_REGISTRY_HOST && image) defaults['release-image'] = `${env.CAR_OCI_REGISTRY_HOST}/${image}`
  if (env.CAR_OCI_REGISTRY_USERNAME) defaults['release-username'] = env.CAR_OCI_REGISTRY_USERNAME
  if (env.CAR_OCI_REGISTRY_PASSWORD) defaults['release-password'] = env.CAR_OCI_REGISTRY_PASSWORD
  Object.assign(defaults, skaoPaths(env, image, exists))
  const skip = (env.OCI_SKIP_PUSH ?? '').trim().toLowerCase()
  if (skip && skip !== 'false' && skip !== '0') defaults.push = 'false'
  const args = skaoBuildArgs(env.OCI_BUILD_ADDITIONAL_ARGS ?? '', env)
  return {
    defaults,
    labelLines: isGitLab(env) ? gitlabCiLabels(env) : [],
    buildArgLines: args.lines,
    extraTagLines: shellWords(env.OCI_BUILD_ADDITIONAL_TAGS ?? '').map(t => `type=raw,value=${t}`),
    ignoredArgs: args.ignored
  }
}

const joinLines = (...parts: Array<string | string[]>): string =>
  parts
    .flat()
    .filter(p => p.trim() !== '')
    .join('\n')

/** Puts the GitLab layer under a reader of the command line and OCI_PIPELINE_* (user values win). */
export function withGitLabInputs(read: (name: string) => string, g: GitLabInputs): (name: string) => string {
  return name => {
    const own = read(name)
    switch (name) {
      case 'labels':
        return joinLines(g.labelLines, own)
      case 'build-args':
        return joinLines(g.buildArgLines, own)
      case 'tags':
        return g.extraTagLines.length ? joinLines(own || DEFAULT_TAG_RULES, g.extraTagLines) : own
      default:
        return own || g.defaults[name] || ''
    }
  }
}
