import * as semver from 'semver'
import { InputError } from '../../errors.js'
import { parseAttrs } from '../../config/lists.js'
import { refKind, refName, type RunContext } from '../../context.js'
import type { Flavor } from './flavor.js'
import { checkTag, sanitizeTag } from './reference.js'

export const TAG_TYPES = ['schedule', 'semver', 'match', 'edge', 'ref', 'raw', 'sha'] as const
export type TagType = (typeof TAG_TYPES)[number]

export interface TagRule {
  type: TagType
  attrs: Map<string, string>
  priority: number
  /** The rule as the user wrote it, for messages. */
  source: string
}

// docker/metadata-action's priorities: the highest-priority tag gives the version.
const PRIORITY: Record<TagType, number> = {
  schedule: 1000,
  semver: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
}
const ALLOWED: Record<TagType, string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format']
}
const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix']

export const DEFAULT_TAG_RULES = 'type=schedule\ntype=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr'

export function parseTagRules(value: string): TagRule[] {
  const text = value.trim() ? value : DEFAULT_TAG_RULES
  const rules: TagRule[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const attrs = line.includes('=')
      ? parseAttrs('tags', line)
      : new Map([
          ['type', 'raw'],
          ['value', line]
        ])
    const type = attrs.get('type') ?? 'raw'
    if (!(TAG_TYPES as readonly string[]).includes(type))
      throw new InputError(
        'tags',
        `unknown rule type "${type}" in "${line}" (known: ${TAG_TYPES.join(', ')})`
      )
    const t = type as TagType
    for (const key of attrs.keys())
      if (!COMMON.includes(key) && !ALLOWED[t].includes(key))
        throw new InputError('tags', `"${key}" is not an attribute of type=${t} in "${line}"`)
    if (t === 'ref' && !['branch', 'tag', 'pr'].includes(attrs.get('event') ?? ''))
      throw new InputError('tags', `type=ref needs event=branch, event=tag or event=pr in "${line}"`)
    if (t === 'raw' && !attrs.get('value'))
      throw new InputError('tags', `type=raw needs a value in "${line}"`)
    if ((t === 'semver' || t === 'match') && !attrs.get('pattern'))
      throw new InputError('tags', `type=${t} needs a pattern in "${line}"`)
    if (t === 'sha' && !['', 'short', 'long'].includes(attrs.get('format') ?? ''))
      throw new InputError('tags', `format must be short or long in "${line}"`)
    const enable = attrs.get('enable')
    if (enable !== undefined && !/^(true|false|\{\{.*\}\})$/.test(enable))
      throw new InputError('tags', `enable must be true, false or an expression in "${line}"`)
    const priority = attrs.has('priority') ? Number(attrs.get('priority')) : PRIORITY[t]
    if (!Number.isInteger(priority))
      throw new InputError('tags', `priority must be a whole number in "${line}"`)
    rules.push({ type: t, attrs, priority, source: line })
  }
  // Stable sort: rules of equal priority keep the order they were written in.
  return rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.priority - a.r.priority || a.i - b.i)
    .map(x => x.r)
}

export interface TagResult {
  /** The version: the first value by priority (docker/metadata-action's `version` output). */
  version: string
  /** Tag values (without image names), in priority order, deduplicated. */
  values: string[]
  latest: boolean
}

interface Value {
  value: string
  latest: boolean
  userWritten: boolean
}

/** Expressions metadata-action users know, plus {{version}} for the project's version source. */
export function expand(text: string, ctx: RunContext, version: string | undefined, now: Date): string {
  const kind = refKind(ctx.ref)
  const isDefault = kind === 'branch' && refName(ctx.ref) === ctx.repo.defaultBranch
  return text.replace(/\{\{\s*([a-z_]+)(?:\s+'([^']*)')?\s*\}\}/g, (whole, name: string, arg?: string) => {
    switch (name) {
      case 'branch':
        return kind === 'branch' ? refName(ctx.ref) : kind === 'pr' ? (ctx.baseRef ?? '') : ''
      case 'tag':
        return kind === 'tag' ? refName(ctx.ref) : ''
      case 'sha':
        return ctx.sha.slice(0, 7)
      case 'base_ref':
        return ctx.baseRef ?? ''
      case 'is_default_branch':
        return String(isDefault)
      case 'is_not_default_branch':
        return String(!isDefault)
      case 'version':
        return version ?? ''
      case 'date':
        return formatDate(now, arg ?? 'YYYYMMDD')
      default:
        throw new InputError('tags', `unknown expression ${whole}`)
    }
  })
}

function formatDate(d: Date, fmt: string): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0')
  const parts: Record<string, string> = {
    YYYY: p(d.getUTCFullYear(), 4),
    MM: p(d.getUTCMonth() + 1),
    DD: p(d.getUTCDate()),
    HH: p(d.getUTCHours()),
    mm: p(d.getUTCMinutes()),
    ss: p(d.getUTCSeconds())
  }
  return fmt.replace(/YYYY|MM|DD|HH|mm|ss/g, t => parts[t] ?? t)
}

function semverValues(rule: TagRule, raw: string): Value[] {
  const pattern = rule.attrs.get('pattern') ?? '{{version}}'
  const v = semver.parse(semver.clean(raw) ?? raw, { loose: true })
  if (!v) return []
  const pre = v.prerelease.length > 0
  // Pre-releases change often and break things: they only ever get their full version.
  if (pre && !/\{\{\s*(version|raw)\s*\}\}/.test(pattern))
    return [{ value: v.version, latest: false, userWritten: false }]
  // {{major}} alone for 0.x would promise a stability 0.x does not have.
  if (v.major === 0 && /^\{\{\s*major\s*\}\}$/.test(pattern.replace(/[^{}a-z\s]/g, '').trim())) return []
  const value = pattern.replace(/\{\{\s*(raw|version|major|minor|patch)\s*\}\}/g, (_w, k: string) =>
    k === 'raw' ? raw : k === 'version' ? v.version : String(v[k as 'major' | 'minor' | 'patch'])
  )
  return [{ value, latest: !pre, userWritten: false }]
}

function ruleValues(rule: TagRule, ctx: RunContext, version: string | undefined, now: Date): Value[] {
  const kind = refKind(ctx.ref)
  const a = rule.attrs
  switch (rule.type) {
    case 'schedule':
      if (ctx.eventName !== 'schedule') return []
      return [
        { value: expand(a.get('pattern') ?? 'nightly', ctx, version, now), latest: false, userWritten: true }
      ]
    case 'semver': {
      const raw = a.get('value')
        ? expand(a.get('value') ?? '', ctx, version, now)
        : kind === 'tag'
          ? refName(ctx.ref)
          : ''
      return raw ? semverValues(rule, raw) : []
    }
    case 'match': {
      const raw = a.get('value')
        ? expand(a.get('value') ?? '', ctx, version, now)
        : kind === 'tag'
          ? refName(ctx.ref)
          : ''
      const m = raw.match(new RegExp(a.get('pattern') ?? ''))
      const group = Number(a.get('group') ?? '0')
      const hit = m?.[group]
      return hit ? [{ value: sanitizeTag(hit), latest: true, userWritten: false }] : []
    }
    case 'edge': {
      const branch = a.get('branch') || ctx.repo.defaultBranch
      return kind === 'branch' && refName(ctx.ref) === branch
        ? [{ value: 'edge', latest: false, userWritten: false }]
        : []
    }
    case 'ref': {
      const event = a.get('event')
      if (event === 'branch' && kind === 'branch')
        return [{ value: sanitizeTag(refName(ctx.ref)), latest: false, userWritten: false }]
      if (event === 'tag' && kind === 'tag')
        return [{ value: sanitizeTag(refName(ctx.ref)), latest: true, userWritten: false }]
      if (event === 'pr' && kind === 'pr')
        return [{ value: refName(ctx.ref), latest: false, userWritten: false }]
      return []
    }
    case 'raw':
      return [{ value: expand(a.get('value') ?? '', ctx, version, now), latest: false, userWritten: true }]
    case 'sha':
      if (!ctx.sha) return []
      return [
        {
          value: a.get('format') === 'long' ? ctx.sha : ctx.sha.slice(0, 7),
          latest: false,
          userWritten: false
        }
      ]
  }
}

function defaultPrefix(rule: TagRule): string | undefined {
  if (rule.type === 'sha') return 'sha-'
  if (rule.type === 'ref' && rule.attrs.get('event') === 'pr') return 'pr-'
  return undefined
}

/** The tag values the rules give for this run, with prefix/suffix and the `latest` decision. */
export function computeTags(
  rules: readonly TagRule[],
  flavor: Flavor,
  ctx: RunContext,
  opts: { version?: string; now?: Date } = {}
): TagResult {
  const now = opts.now ?? new Date()
  const values: string[] = []
  let latest: boolean | undefined
  for (const rule of rules) {
    const enable = rule.attrs.get('enable')
    if (enable !== undefined && expand(enable, ctx, opts.version, now) !== 'true') continue
    for (const v of ruleValues(rule, ctx, opts.version, now)) {
      if (!v.value) continue
      const rulePrefix = rule.attrs.get('prefix')
      const prefix = expand(rulePrefix ?? defaultPrefix(rule) ?? flavor.prefix, ctx, opts.version, now)
      const suffix = expand(rule.attrs.get('suffix') ?? flavor.suffix, ctx, opts.version, now)
      const tag = `${prefix}${v.value}${suffix}`
      if (v.userWritten || prefix || suffix) checkTag('tags', tag)
      if (!values.includes(tag)) values.push(tag)
      latest ??= flavor.latest === 'auto' ? v.latest : flavor.latest === 'true'
    }
  }
  const isLatest = latest ?? flavor.latest === 'true'
  if (isLatest) {
    const tag = `${flavor.prefixOnLatest ? flavor.prefix : ''}latest${flavor.suffixOnLatest ? flavor.suffix : ''}`
    if (!values.includes(tag)) values.push(tag)
  }
  return { version: values[0] ?? '', values, latest: isLatest }
}
