import { InputError } from '../../errors.js'
import { csvFields } from '../../config/lists.js'
import { checkTag, parseImageName, splitReference, type ImageName } from './reference.js'

export const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'] as const
export type TagType = (typeof TAG_TYPES)[number]

export interface TagRule {
  type: TagType
  attrs: Map<string, string>
  priority: number
  /** The rule as the user wrote it, for messages. */
  source: string
  /** A full image reference (`ghcr.io/o/app:1.2`, as docker/build-push-action takes): this image only. */
  image?: ImageName
}

// docker/metadata-action's priorities: the highest-priority tag gives the version.
const PRIORITY: Record<TagType, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
}
const ALLOWED: Record<TagType, string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format']
}
const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix']

export const DEFAULT_TAG_RULES = 'type=schedule\ntype=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr'

/** `pattern=/…/flags` is a regular expression with flags; anything else is one without. */
export function matchPattern(pattern: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/.exec(pattern)
  return literal ? new RegExp(literal[1] as string, literal[2]) : new RegExp(pattern)
}

/** A tag field naming a whole image reference: a tag cannot hold "/", ":" or "@". */
const isReference = (field: string): boolean => /[/:@]/.test(field)

/** `name[:tag]` as docker/build-push-action takes it: the image and the tag (`latest` when none). */
function referenceRule(field: string, line: string): TagRule {
  const { name, tag, digest } = splitReference(field)
  if (digest !== undefined)
    throw new InputError('tags', `"${field}" names a digest; a tag line names a tag (\`name:tag\`)`)
  const image = parseImageName('tags', name)
  const value = checkTag('tags', tag ?? 'latest')
  return { type: 'raw', attrs: new Map([['value', value]]), priority: PRIORITY.raw, source: line, image }
}

/** A rule line's fields: `key=value`, a bare field being the `value` (`type=raw,foo`). */
function ruleAttrs(fields: string[], line: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const field of fields) {
    const eq = field.indexOf('=')
    if (eq === 0) throw new InputError('tags', `"${field}" in "${line}" is not of the form key=value`)
    const key = eq < 0 ? 'value' : field.slice(0, eq).trim().toLowerCase()
    if (attrs.has(key))
      throw new InputError(
        'tags',
        eq < 0
          ? `"${field}" in "${line}" is not of the form key=value (the value is given already)`
          : `"${key}" is given twice in "${line}"`
      )
    attrs.set(key, eq < 0 ? field : field.slice(eq + 1).trim())
  }
  return attrs
}

function checkRule(t: TagType, attrs: Map<string, string>, line: string): void {
  for (const key of attrs.keys())
    if (!COMMON.includes(key) && !ALLOWED[t].includes(key))
      throw new InputError('tags', `"${key}" is not an attribute of type=${t} in "${line}"`)
  if (t === 'ref' && !['branch', 'tag', 'pr'].includes(attrs.get('event') ?? ''))
    throw new InputError('tags', `type=ref needs event=branch, event=tag or event=pr in "${line}"`)
  if (t === 'raw' && !attrs.has('value')) throw new InputError('tags', `type=raw needs a value in "${line}"`)
  if ((t === 'semver' || t === 'pep440' || t === 'match') && !attrs.get('pattern'))
    throw new InputError('tags', `type=${t} needs a pattern in "${line}"`)
  if (t === 'sha' && !['', 'short', 'long'].includes(attrs.get('format') ?? ''))
    throw new InputError('tags', `format must be short or long in "${line}"`)
  if (t === 'match' && !/^\d*$/.test(attrs.get('group') ?? ''))
    throw new InputError('tags', `group must be a whole number in "${line}"`)
  for (const key of t === 'match' ? ['pattern'] : ['match'])
    if (attrs.get(key))
      try {
        matchPattern(attrs.get(key) as string)
      } catch (e) {
        throw new InputError(
          'tags',
          `${key} is not a regular expression in "${line}": ${(e as Error).message}`
        )
      }
  const enable = attrs.get('enable')
  if (enable !== undefined && !/^(true|false|\{\{.*\}\})$/.test(enable))
    throw new InputError('tags', `enable must be true, false or an expression in "${line}"`)
}

function parseLine(line: string): TagRule[] {
  const fields = csvFields('tags', line)
  if (fields.every(f => !f.includes('='))) {
    // docker/build-push-action's tags: full references, one per line or comma-separated.
    if (fields.some(isReference)) {
      const bad = fields.find(f => !isReference(f))
      if (bad !== undefined)
        throw new InputError('tags', `"${line}" mixes image references with the bare tag "${bad}"`)
      return fields.map(f => referenceRule(f, line))
    }
    if (fields.length > 1)
      throw new InputError('tags', `"${line}" holds several bare tags; give each its own line`)
  }
  const attrs = ruleAttrs(fields, line)
  const type = attrs.get('type') ?? 'raw'
  if (!(TAG_TYPES as readonly string[]).includes(type))
    throw new InputError('tags', `unknown rule type "${type}" in "${line}" (known: ${TAG_TYPES.join(', ')})`)
  const t = type as TagType
  checkRule(t, attrs, line)
  const priority = attrs.has('priority') ? Number(attrs.get('priority')) : PRIORITY[t]
  if (!Number.isInteger(priority))
    throw new InputError('tags', `priority must be a whole number in "${line}"`)
  return [{ type: t, attrs, priority, source: line }]
}

/**
 * The `tags` input: docker/metadata-action's rules (`type=…` lines, a bare line being a raw tag),
 * and full image references as docker/build-push-action takes them. Sorted by priority, rules of
 * equal priority in the order written. Empty: metadata-action's default rules.
 */
export function parseTagRules(value: string): TagRule[] {
  const text = value.trim() ? value : DEFAULT_TAG_RULES
  const rules: TagRule[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    rules.push(...parseLine(line))
  }
  return rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.priority - a.r.priority || a.i - b.i)
    .map(x => x.r)
}
