import type { RepoInfo } from '../../context.js'
import { InputError } from '../../errors.js'
import { byCodeUnits } from '../../text.js'

export const LABEL_SCHEMAS = ['oci', 'skao'] as const
export type LabelSchema = (typeof LABEL_SCHEMAS)[number]

export function parseLabelSchemas(value: string): LabelSchema[] {
  const schemas = value
    .split(/[\s,]+/)
    .map(s => s.trim().toLowerCase())
    .filter(Boolean)
  for (const s of schemas)
    if (!(LABEL_SCHEMAS as readonly string[]).includes(s))
      throw new InputError('label-schema', `unknown schema "${s}" (known: ${LABEL_SCHEMAS.join(', ')})`)
  // OCI labels go on every image; `skao` adds SKAO's set beside them.
  return ['oci', ...(schemas.includes('skao') ? (['skao'] as const) : [])]
}

/** A label or annotation key the user wrote, and its value (after expressions). */
export function checkLabel(key: string, value: string, input = 'labels'): void {
  if (!key || /[\s=]/.test(key))
    throw new InputError(input, `"${key}" is not a valid ${input.replace(/s$/, '')} key`)
  if (/[\r\n\0]/.test(value)) throw new InputError(input, `the value of "${key}" holds a line break`)
}

export interface KeyValueLines {
  pairs: Array<[string, string]>
  /** Lines without "=": docker/metadata-action skips them, and so do we, with a warning. */
  skipped: string[]
}

/** `key=value` lines (labels, annotations); `#` starts a comment line. A line without `=` is skipped. */
export function parseKeyValueLines(input: string, value: string): KeyValueLines {
  const pairs: Array<[string, string]> = []
  const skipped: string[] = []
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq < 0) {
      skipped.push(line)
      continue
    }
    const key = line.slice(0, eq).trim()
    if (!key) throw new InputError(input, `"${line}" is not of the form key=value`)
    checkLabel(key, '', input)
    pairs.push([key, line.slice(eq + 1).trim()])
  }
  return { pairs, skipped }
}

/** Labels by key, sorted as docker/metadata-action lists them. */
export const sortedByKey = (labels: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(labels).sort(([a], [b]) => byCodeUnits(a, b)))

export interface LabelFacts {
  schemas: readonly LabelSchema[]
  created: Date
  /** docker/metadata-action's version (the highest-priority tag): org.opencontainers.image.version. */
  version: string
  /** The project's version (git tag, `.release`, Dockerfile) for int.skao.image.version; else `version`. */
  projectVersion?: string
  revision: string
  repo: RepoInfo
  /** Final stage's base, resolved: name with tag, and the manifest digest. */
  base?: { name: string; digest?: string }
  /** Tag values (without image names). */
  tags: readonly string[]
  team?: string
  extra: ReadonlyArray<[string, string]>
}

export interface LabelResult {
  labels: Record<string, string>
  /** Required values no source gave: reported, never invented. */
  missing: string[]
}

const set = (labels: Record<string, string>, key: string, value: string | undefined): void => {
  if (value) labels[key] = value
}

export function computeLabels(f: LabelFacts): LabelResult {
  const labels: Record<string, string> = {}
  const created = f.created.toISOString()
  const baseRef = f.base ? (f.base.digest ? `${f.base.name}@${f.base.digest}` : f.base.name) : undefined
  set(labels, 'org.opencontainers.image.created', created)
  set(labels, 'org.opencontainers.image.title', f.repo.name)
  set(labels, 'org.opencontainers.image.description', f.repo.description)
  set(labels, 'org.opencontainers.image.url', f.repo.url)
  set(labels, 'org.opencontainers.image.source', f.repo.url)
  set(labels, 'org.opencontainers.image.version', f.version)
  set(labels, 'org.opencontainers.image.revision', f.revision)
  set(labels, 'org.opencontainers.image.licenses', f.repo.licenses)
  set(labels, 'org.opencontainers.image.base.name', f.base?.name)
  set(labels, 'org.opencontainers.image.base.digest', f.base?.digest)
  if (f.schemas.includes('skao')) {
    set(labels, 'int.skao.image.created', created)
    set(labels, 'int.skao.image.version', f.projectVersion || f.version)
    set(labels, 'int.skao.image.tags', f.tags.join(','))
    set(labels, 'int.skao.image.team', f.team)
    set(labels, 'int.skao.image.url', f.repo.url)
    set(labels, 'int.skao.image.source', f.repo.url)
    set(labels, 'int.skao.image.baseImage', baseRef)
  }
  for (const [key, value] of f.extra) {
    checkLabel(key, value)
    labels[key] = value
  }
  const required = f.schemas.includes('skao')
    ? ['int.skao.image.version', 'int.skao.image.team', 'int.skao.image.source']
    : []
  return { labels: sortedByKey(labels), missing: required.filter(k => !labels[k]) }
}
