import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InputError } from '../../errors.js'
import { LEVELS } from '../../findings.js'
import { IMAGE_KINDS, type ImageKind } from './checklist/types.js'

/** The repository's lint settings file, read from the workspace root. */
export const REPO_CONFIG_FILES = ['.oci-pipeline.yaml', '.oci-pipeline.yml']

/** One level of settings: the whole repository, or the Dockerfiles a `files` pattern matches. */
export interface LintSettings {
  /** lint-rules items (`-OP011`, `OP006=info`, `+DS026`, `image=builder`), applied before the input's. */
  rules: string[]
  /** Rule IDs of any engine to drop, added to lint-ignore. */
  ignore: string[]
  image?: ImageKind
  minimalBases: string[]
  nonRootBases: string[]
}

export interface RepoConfig extends LintSettings {
  /** The file it was read from, relative to the workspace. */
  path: string
  files: Array<{ pattern: string; settings: LintSettings }>
}

const KEYS = ['rules', 'ignore', 'ignored', 'override', 'image', 'minimal-bases', 'nonroot-bases']

/** A YAML list or a comma/line-separated string, as strings. */
function stringList(where: string, key: string, value: unknown, fail: (m: string) => never): string[] {
  if (value === undefined || value === null) return []
  if (typeof value === 'string')
    return value
      .split(/[,\n]/)
      .map(s => s.trim())
      .filter(Boolean)
  if (Array.isArray(value) && value.every(v => ['string', 'number'].includes(typeof v)))
    return value.map(v => String(v).trim()).filter(Boolean)
  return fail(`${where}${key} must be a list of strings`)
}

function readSettings(
  where: string,
  raw: unknown,
  fail: (m: string) => never,
  nested: boolean
): LintSettings {
  if (raw === null || raw === undefined) raw = {}
  if (typeof raw !== 'object' || Array.isArray(raw)) fail(`${where || 'lint'} must be a mapping`)
  const o = raw as Record<string, unknown>
  for (const key of Object.keys(o))
    if (!KEYS.includes(key) && (nested || key !== 'files'))
      fail(`${where}${key} is not a setting (known: ${[...KEYS, ...(nested ? [] : ['files'])].join(', ')})`)
  const rules = stringList(where, 'rules', o.rules, fail)
  const override = o.override ?? {}
  if (typeof override !== 'object' || Array.isArray(override))
    fail(`${where}override must map levels to rule lists`)
  for (const [level, ids] of Object.entries(override as Record<string, unknown>)) {
    if (!(LEVELS as readonly string[]).includes(level))
      fail(`${where}override.${level} is not a level (${LEVELS.join(', ')})`)
    for (const id of stringList(where, `override.${level}`, ids, fail)) rules.push(`${id}=${level}`)
  }
  let image: ImageKind | undefined
  if (o.image !== undefined) {
    const kind = String(o.image).toLowerCase() as ImageKind
    if (!IMAGE_KINDS.includes(kind))
      fail(`${where}image: "${String(o.image)}" is not one of ${IMAGE_KINDS.join(', ')}`)
    image = kind
  }
  return {
    rules,
    ignore: [
      ...stringList(where, 'ignore', o.ignore, fail),
      ...stringList(where, 'ignored', o.ignored, fail)
    ],
    image,
    minimalBases: stringList(where, 'minimal-bases', o['minimal-bases'], fail),
    nonRootBases: stringList(where, 'nonroot-bases', o['nonroot-bases'], fail)
  }
}

/** `.oci-pipeline.yaml` in the workspace, or undefined when there is none; a bad one is an InputError naming it. */
export function readRepoConfig(workspace: string): RepoConfig | undefined {
  const path = REPO_CONFIG_FILES.find(f => existsSync(join(workspace, f)))
  if (!path) return undefined
  const fail = (problem: string): never => {
    throw new InputError(path, problem)
  }
  let doc: unknown
  try {
    doc = parseYaml(readFileSync(join(workspace, path), 'utf8'))
  } catch (e) {
    return fail(`is not YAML: ${(e as Error).message}`)
  }
  const top = (doc ?? {}) as Record<string, unknown>
  if (typeof top !== 'object' || Array.isArray(top)) return fail('must be a mapping with a "lint" key')
  const lint = (top.lint ?? {}) as Record<string, unknown>
  const settings = readSettings('lint.', lint, fail, false)
  const filesRaw = lint.files ?? {}
  if (typeof filesRaw !== 'object' || Array.isArray(filesRaw))
    fail('lint.files must map Dockerfile path patterns to settings')
  const files = Object.entries(filesRaw as Record<string, unknown>).map(([pattern, raw]) => ({
    pattern,
    settings: readSettings(`lint.files."${pattern}".`, raw, fail, true)
  }))
  return { ...settings, path, files }
}

/** A path pattern: `**` crosses folders, `*` and `?` do not. */
export function pathMatch(pattern: string, path: string): boolean {
  let re = ''
  for (let n = 0; n < pattern.length; n++) {
    const c = pattern[n] as string
    if (c === '*' && pattern[n + 1] === '*') {
      re += pattern[n + 2] === '/' ? '(?:.*/)?' : '.*'
      n += pattern[n + 2] === '/' ? 2 : 1
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`).test(path.replace(/^\.\//, ''))
}

/** The repository settings for one Dockerfile: the top level, then every `files` entry it matches, in order. */
export function settingsFor(config: RepoConfig | undefined, file: string): LintSettings[] {
  if (!config) return []
  return [
    config,
    ...config.files.filter(f => pathMatch(f.pattern.replace(/^\.\//, ''), file)).map(f => f.settings)
  ]
}
