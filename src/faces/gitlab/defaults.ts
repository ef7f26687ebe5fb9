import { DEFAULT_TAG_RULES } from '../../stages/metadata/tags.js'
import { mapBuildFlags, shellWords } from './build-flags.js'
import { gitlabCiLabels, isGitLab, type Env } from './context.js'
import type { SkaoImage } from './images.js'

export { shellWords } from './build-flags.js'

/**
 * What GitLab's predefined variables and SKAO's ska-cicd-makefile variables say about the inputs,
 * below the command line and OCI_PIPELINE_* in precedence:
 *
 *   images    $CI_REGISTRY_IMAGE/<image> (OCI_IMAGE, else the project name; see images.ts)
 *   registry, username, password    CI_REGISTRY, CI_REGISTRY_USER, CI_REGISTRY_PASSWORD
 *   context, file    OCI_IMAGE_BUILD_CONTEXT, OCI_IMAGE_FILE_PATH (SKAO's images/<name>/ layout)
 *   tags    <version> on a tag, else <version>-dev.c<short sha> (and <version> with
 *           OCI_IMAGE_DEV_RELEASE_TAG); OCI_BUILD_ADDITIONAL_TAGS added as raw tags
 *   build-args, labels, target, …    the docker build flags of OCI_BUILD_ADDITIONAL_ARGS, and
 *           CAR_OCI_REGISTRY_HOST as a build arg, as SKAO's makefile passes it
 *   push    false when OCI_SKIP_PUSH is set to anything (SKAO's meaning: non-empty skips)
 *   labels    the CI_* / GITLAB_USER_* labels SKAO's artefact repository expects (GitLab only)
 *   source-image, source-digest    OCI_IMAGE_REF, OCI_IMAGE_SCANNED_DIGEST (the build job's dotenv report;
 *                                  the digest only when the build job scanned it)
 *   release-image    $CAR_OCI_REGISTRY_HOST/<image>, with CAR_OCI_REGISTRY_USERNAME/PASSWORD
 */
export interface GitLabInputs {
  defaults: Record<string, string>
  /** Lines of list inputs added before what the user gave (their lines come later and win). */
  lines: Record<string, string[]>
  /** The tag rules when the user gave none. */
  tagRules?: string
  /** Lines added after the tag rules. */
  extraTagLines: string[]
  /** Words of OCI_BUILD_ADDITIONAL_ARGS dropped because they only change how the build prints. */
  ignoredArgs: string[]
}

/** Whether SKAO's OCI_SKIP_PUSH skips the push: any value does, as `[ -z "$OCI_SKIP_PUSH" ]` says. */
export const skipsPush = (env: Env): boolean => (env.OCI_SKIP_PUSH ?? '') !== ''

const truthy = (value: string | undefined): boolean => /^(1|true|yes|on)$/i.test((value ?? '').trim())

/** GitLab's tag rules: the version on a git tag; else the dev tag, and the version when asked. */
export function gitlabTagRules(env: Env): string | undefined {
  if (!isGitLab(env)) return undefined
  if (env.CI_COMMIT_TAG) return 'type=raw,value={{version}}'
  const sha = env.CI_COMMIT_SHORT_SHA || (env.CI_COMMIT_SHA ?? '').slice(0, 8)
  return [
    `type=raw,value={{version}}-dev.c${sha}`,
    ...(truthy(env.OCI_IMAGE_DEV_RELEASE_TAG) ? ['type=raw,value={{version}}'] : [])
  ].join('\n')
}

/** The project's layer, the same for every image: registries, logins, build flags, labels. Pure. */
export function gitlabInputs(env: Env, image = env.OCI_IMAGE || env.CI_PROJECT_NAME || ''): GitLabInputs {
  const defaults: Record<string, string> = {}
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
  if (skipsPush(env)) defaults.push = 'false'
  const flags = mapBuildFlags(env.OCI_BUILD_ADDITIONAL_ARGS ?? '', env)
  Object.assign(defaults, flags.values)
  const lines: Record<string, string[]> = { ...flags.lines }
  // SKAO's makefile passes the release registry to every build, for `FROM ${CAR_OCI_REGISTRY_HOST}/…`.
  if (env.CAR_OCI_REGISTRY_HOST)
    lines['build-args'] = [
      `CAR_OCI_REGISTRY_HOST=${env.CAR_OCI_REGISTRY_HOST}`,
      ...(lines['build-args'] ?? [])
    ]
  if (isGitLab(env)) lines.labels = [...gitlabCiLabels(env), ...(lines.labels ?? [])]
  const tagRules = gitlabTagRules(env)
  return {
    defaults,
    lines,
    ...(tagRules ? { tagRules } : {}),
    extraTagLines: shellWords(env.OCI_BUILD_ADDITIONAL_TAGS ?? '').map(t => `type=raw,value=${t}`),
    ignoredArgs: flags.ignored
  }
}

/** One image's layer: its repositories, Dockerfile and context, and its FROM pins. Pure. */
export function imageInputs(
  project: GitLabInputs,
  image: SkaoImage,
  env: Env,
  pins: string[] = []
): GitLabInputs {
  const defaults = { ...project.defaults }
  // Outside GitLab too (a laptop building SKAO's images): CI_REGISTRY_IMAGE names where they go.
  if (env.CI_REGISTRY_IMAGE) defaults.images = `${env.CI_REGISTRY_IMAGE}/${image.name}`
  if (env.CAR_OCI_REGISTRY_HOST) defaults['release-image'] = `${env.CAR_OCI_REGISTRY_HOST}/${image.name}`
  delete defaults.file
  delete defaults.context
  if (image.file) defaults.file = image.file
  if (image.context) defaults.context = image.context
  const lines = { ...project.lines }
  if (pins.length) lines['build-contexts'] = [...(lines['build-contexts'] ?? []), ...pins]
  return { ...project, defaults, lines }
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
    if (name === 'tags') {
      const rules = own || g.tagRules || (g.extraTagLines.length ? DEFAULT_TAG_RULES : '')
      return g.extraTagLines.length ? joinLines(rules, g.extraTagLines) : rules
    }
    const lines = g.lines[name]
    if (lines?.length) return joinLines(lines, own)
    return own || g.defaults[name] || ''
  }
}
