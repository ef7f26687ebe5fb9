import { InputError } from '../../errors.js'
import { refKind, refName, type RunContext } from '../../context.js'
import { expand, shortSha, type ExpressionFacts } from './expressions.js'
import type { Flavor } from './flavor.js'
import { checkTag, sanitizeTag } from './reference.js'
import { matchPattern, type TagRule } from './tag-rules.js'
import { pep440Value, semverValue, type VersionValue } from './version-rules.js'

export { DEFAULT_TAG_RULES, TAG_TYPES, parseTagRules, type TagRule, type TagType } from './tag-rules.js'

export interface TagResult {
  /** docker/metadata-action's `version`: the highest-priority tag as tagged, '' when no rule gave one. */
  version: string
  /** Tag names for every image of `images`, in priority order, `latest` last. */
  values: string[]
  /** Full references from `tags` lines that named their image (`ghcr.io/o/app:1.2`). */
  references: string[]
  /** Every tag name, the references' too (metadata-action's `tag-names`). */
  names: string[]
  latest: boolean
  /** Rules that gave nothing for a reason the user may want to know (a pattern that did not match). */
  warnings: string[]
}

export type TagFacts = Omit<ExpressionFacts, 'ctx'>

interface Produced {
  value: string
  latest: boolean
  /** Derived from the run (a branch name): made tag-safe. Else written by the user: checked. */
  derived: boolean
}

function fromRef(rule: TagRule, ctx: RunContext, f: ExpressionFacts, warn: (m: string) => void) {
  const value = rule.attrs.get('value')
  if (refKind(ctx.ref) !== 'tag' && !value) return undefined
  let raw = value ? expand('tags', value, f) : refName(ctx.ref)
  const match = rule.attrs.get('match')
  if (match) {
    const m = raw.match(matchPattern(match))
    if (!m) warn(`${match} does not match ${raw} (${rule.source})`)
    else raw = m[1] ?? raw
  }
  return raw.replace(/\//g, '-')
}

function produce(rule: TagRule, ctx: RunContext, f: ExpressionFacts, warn: (m: string) => void): Produced[] {
  const kind = refKind(ctx.ref)
  const a = rule.attrs
  const derived = (value: string, latest = false): Produced[] => [{ value, latest, derived: true }]
  switch (rule.type) {
    case 'schedule':
      if (!/schedule/.test(ctx.eventName)) return []
      return [
        { value: expand('tags', a.get('pattern') || 'nightly', f, true), latest: false, derived: false }
      ]
    case 'semver':
    case 'pep440': {
      const raw = fromRef(rule, ctx, f, warn)
      if (raw === undefined) return []
      const pattern = a.get('pattern') ?? '{{version}}'
      const v: VersionValue | string =
        rule.type === 'semver' ? semverValue(raw, pattern) : pep440Value(raw, pattern)
      if (typeof v === 'string') {
        warn(`${v} (${rule.source})`)
        return []
      }
      return v.skip ? [] : derived(v.value, v.latest)
    }
    case 'match': {
      const value = a.get('value')
      if (kind !== 'tag' && !value) return []
      const raw = value ? expand('tags', value, f) : refName(ctx.ref)
      const m = raw.match(matchPattern(a.get('pattern') ?? ''))
      if (!m) {
        warn(`${a.get('pattern')} does not match ${raw} (${rule.source})`)
        return []
      }
      const hit = m[Number(a.get('group') || '0')]
      if (hit === undefined) {
        warn(`group ${a.get('group')} does not exist in ${a.get('pattern')} (${rule.source})`)
        return []
      }
      return derived(hit, true)
    }
    case 'edge': {
      const branch = a.get('branch') || ctx.repo.defaultBranch
      return kind === 'branch' && refName(ctx.ref) === branch ? derived('edge') : []
    }
    case 'ref': {
      const event = a.get('event')
      if (event === 'branch' && kind === 'branch') return derived(refName(ctx.ref))
      if (event === 'tag' && kind === 'tag') return derived(refName(ctx.ref), true)
      if (event === 'pr' && kind === 'pr') return derived(ctx.ref.replace(/^refs\/pull\/|\/merge$/g, ''))
      return []
    }
    case 'raw':
      return [{ value: expand('tags', a.get('value') ?? '', f, true), latest: false, derived: false }]
    case 'sha':
      if (!ctx.sha) return []
      return derived(a.get('format') === 'long' ? ctx.sha : shortSha(ctx.sha, f.shortShaLength))
  }
}

function defaultPrefix(rule: TagRule): string | undefined {
  if (rule.type === 'sha') return 'sha-'
  if (rule.type === 'ref' && rule.attrs.get('event') === 'pr') return 'pr-'
  return undefined
}

/** prefix + value + suffix: the rule's own prefix/suffix (even empty) over the flavor's. */
function finish(rule: TagRule, p: Produced, flavor: Flavor, f: ExpressionFacts): string {
  const prefix = expand('tags', rule.attrs.get('prefix') ?? defaultPrefix(rule) ?? flavor.prefix, f, true)
  const suffix = expand('tags', rule.attrs.get('suffix') ?? flavor.suffix, f, true)
  const value = p.derived ? sanitizeTag(p.value) : p.value
  if (!value) return ''
  const tag = `${prefix}${value}${suffix}`
  if (p.derived && !prefix && !suffix) return value
  return checkTag('tags', p.derived && tag.length > 128 ? tag.slice(0, 128) : tag)
}

function enabled(rule: TagRule, f: ExpressionFacts): boolean {
  const enable = rule.attrs.get('enable')
  if (enable === undefined) return true
  const value = expand('tags', enable, f)
  if (value !== 'true' && value !== 'false')
    throw new InputError('tags', `enable must be true or false, but gives "${value}" in "${rule.source}"`)
  return value === 'true'
}

/** The tags the rules give for this run, with prefix/suffix and the `latest` decision. Pure. */
export function computeTags(
  rules: readonly TagRule[],
  flavor: Flavor,
  ctx: RunContext,
  facts: Partial<TagFacts> = {}
): TagResult {
  const f: ExpressionFacts = { ...facts, ctx, now: facts.now ?? new Date() }
  const warnings: string[] = []
  const names: string[] = []
  const values: string[] = []
  const references: string[] = []
  const add = (list: string[], item: string): void => void (list.includes(item) || list.push(item))
  let latest: boolean | undefined
  for (const rule of rules) {
    if (!enabled(rule, f)) continue
    for (const p of produce(rule, ctx, f, m => warnings.push(m))) {
      const tag = rule.image ? p.value : finish(rule, p, flavor, f)
      if (!tag) continue
      add(names, tag)
      if (rule.image) add(references, `${rule.image.name}:${tag}`)
      else add(values, tag)
      latest ??= flavor.latest === 'auto' ? p.latest : flavor.latest === 'true'
    }
  }
  const isLatest = latest ?? false
  if (isLatest) {
    const tag = `${flavor.prefixOnLatest ? expand('tags', flavor.prefix, f, true) : ''}latest${flavor.suffixOnLatest ? expand('tags', flavor.suffix, f, true) : ''}`
    add(values, checkTag('flavor', tag))
    add(names, tag)
  }
  return { version: names[0] ?? '', values, references, names, latest: isLatest, warnings }
}
