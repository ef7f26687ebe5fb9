import { InputError } from '../../errors.js'
import { LEVELS, type Level } from '../../findings.js'
import { parseBool, parseList } from '../../config/lists.js'
import { DEFAULT_MINIMAL_BASES } from './checklist/images.js'
import { RULES, ruleById } from './checklist/registry.js'
import { IMAGE_KINDS, type ImageKind } from './checklist/types.js'
import { normaliseRuleId, RULE_ID } from './rule-ids.js'

export const LINTERS = ['hadolint', 'trivy', 'checklist'] as const
export type Linter = (typeof LINTERS)[number]

export interface LintOptions {
  /** `lint`: run the stage at all. */
  enabled: boolean
  /** `linters`: the engines to run, in order. */
  linters: Linter[]
  /** `lint-failure-threshold`: a finding at or above it fails the run. */
  threshold: Level | 'none'
  /** `lint-ignore`: rule IDs of any engine whose findings are dropped. */
  ignore: string[]
  /** `lint-rules`: the enabled checklist rules and the level each reports at. */
  rules: Map<string, Level>
  /** `lint-rules` on hadolint and Trivy rules (normalised IDs): a level, `on` or `off`. */
  externalRules?: Map<string, Level | 'on' | 'off'>
  /** `lint-rules: image=…`: what the Dockerfile builds. */
  image?: ImageKind
  /** `lint-rules` as written, applied after the repository's `.oci-pipeline.yaml`. */
  ruleItems?: string[]
  /** `lint-minimal-bases`: images OP006 accepts as a final base (the defaults plus the input's). */
  minimalBases: string[]
  /** `lint-data-size-limit`: bytes above which a copied file counts as data (OP008). */
  dataSizeLimit: number
  /** `hadolint-path`: an installed hadolint instead of the pinned download. */
  hadolintPath?: string
  /** `hadolint-config`: a hadolint config file; else `.hadolint.yaml` in the workspace, if any. */
  hadolintConfig?: string
  /** `trivy-path`: an installed Trivy instead of the pinned download (shared with the scan). */
  trivyPath?: string
}

export const LINT_DEFAULTS = {
  lint: 'true',
  linters: LINTERS.join(','),
  'lint-failure-threshold': 'error',
  'lint-data-size-limit': '10MB'
} as const

export function parseLintOptions(raw: (name: string) => string): LintOptions {
  const get = (name: string): string => raw(name)?.trim() ?? ''
  const orDefault = (name: keyof typeof LINT_DEFAULTS): string => get(name) || LINT_DEFAULTS[name]
  const optional = (name: string): string | undefined => get(name) || undefined
  return {
    enabled: parseBool('lint', get('lint'), true),
    linters: parseLinters(orDefault('linters')),
    threshold: parseThreshold(orDefault('lint-failure-threshold')),
    ignore: parseIgnore(get('lint-ignore')),
    ...ruleOptions(get('lint-rules')),
    minimalBases: [...DEFAULT_MINIMAL_BASES, ...parseList('lint-minimal-bases', get('lint-minimal-bases'))],
    dataSizeLimit: parseSize('lint-data-size-limit', orDefault('lint-data-size-limit')),
    hadolintPath: optional('hadolint-path'),
    hadolintConfig: optional('hadolint-config'),
    trivyPath: optional('trivy-path')
  }
}

function parseLinters(value: string): Linter[] {
  const linters = parseList('linters', value).map(l => l.toLowerCase())
  for (const l of linters)
    if (!(LINTERS as readonly string[]).includes(l))
      throw new InputError('linters', `unknown linter "${l}" (known: ${LINTERS.join(', ')})`)
  if (!linters.length)
    throw new InputError(
      'linters',
      `names no linter (known: ${LINTERS.join(', ')}); to skip linting set lint: false`
    )
  return [...new Set(linters)] as Linter[]
}

function parseThreshold(value: string): Level | 'none' {
  const v = value.toLowerCase()
  if (v === 'none' || (LEVELS as readonly string[]).includes(v)) return v as Level | 'none'
  throw new InputError('lint-failure-threshold', `"${value}" is not one of ${[...LEVELS, 'none'].join(', ')}`)
}

function checkRuleId(input: string, id: string): string {
  const upper = id.trim().toUpperCase()
  if (/^OP\d{3}$/.test(upper)) {
    if (!ruleById(upper))
      throw new InputError(input, `unknown checklist rule "${id}" (OP001 to ${RULES[RULES.length - 1]?.id})`)
    return upper
  }
  if (RULE_ID.test(upper)) return upper
  throw new InputError(
    input,
    `"${id}" is not a rule ID (OPnnn, hadolint DLnnnn/SCnnnn, Trivy DSnnn, DS-nnnn or AVD-DS-nnnn)`
  )
}

function parseIgnore(value: string): string[] {
  return [...new Set(parseList('lint-ignore', value).map(id => checkRuleId('lint-ignore', id)))]
}

/** The rules a run uses: checklist rules and levels, hadolint/Trivy choices, and what the file builds. */
export interface RuleSelection {
  rules: Map<string, Level>
  external: Map<string, Level | 'on' | 'off'>
  image?: ImageKind
}

export const defaultSelection = (): RuleSelection => ({
  rules: new Map(RULES.map(r => [r.id, r.level] as [string, Level])),
  external: new Map()
})

/**
 * `lint-rules` items applied in order to `start` (every rule at its own level by default).
 * `OP011` alone (no sign) anywhere means "only the checklist rules listed"; `-OP011` disables,
 * `+OP011` enables, `OP004=warning` enables at another level; `all` and `none` reset the set.
 * hadolint and Trivy rules take `-DL3008` (off), `+DS026` (on: DS026 is off by default) and
 * `DS004=info`. `image=builder` (or `base`, `runtime`) says what the Dockerfile builds.
 */
export function applyRuleItems(
  input: string,
  items: readonly string[],
  start = defaultSelection()
): RuleSelection {
  const only = items.some(i => /^op\d{3}$/i.test(i.trim()))
  const selected: RuleSelection = {
    rules: only ? new Map() : new Map(start.rules),
    external: new Map(start.external),
    image: start.image
  }
  for (const item of items) {
    const lower = item.trim().toLowerCase()
    const image = /^image\s*=\s*(.*)$/.exec(lower)
    if (image) {
      const kind = image[1] as ImageKind
      if (!IMAGE_KINDS.includes(kind))
        throw new InputError(input, `"${item}": image is one of ${IMAGE_KINDS.join(', ')}`)
      selected.image = kind
    } else if (lower === 'all') for (const r of RULES) selected.rules.set(r.id, r.level)
    else if (lower === 'none') selected.rules.clear()
    else {
      const m = /^([+-]?)([^=]+?)(?:=(.*))?$/.exec(item.trim())
      if (!m) throw new InputError(input, `cannot read "${item}"`)
      const [, sign, rawId, rawLevel] = m
      const id = checkRuleId(input, rawId as string)
      if (sign === '-' && rawLevel !== undefined)
        throw new InputError(input, `"${item}" disables a rule and sets its level`)
      const level = rawLevel === undefined ? undefined : (rawLevel.trim().toLowerCase() as Level)
      if (level !== undefined && !(LEVELS as readonly string[]).includes(level))
        throw new InputError(input, `"${rawLevel}" in "${item}" is not a level (${LEVELS.join(', ')})`)
      if (!id.startsWith('OP')) {
        selected.external.set(normaliseRuleId(id), sign === '-' ? 'off' : (level ?? 'on'))
        continue
      }
      if (sign === '-') selected.rules.delete(id)
      else selected.rules.set(id, level ?? (ruleById(id)?.level as Level))
    }
  }
  return selected
}

export function parseRuleSelection(value: string, input = 'lint-rules'): RuleSelection {
  return applyRuleItems(input, parseList(input, value))
}

function ruleOptions(value: string): Pick<LintOptions, 'rules' | 'externalRules' | 'image' | 'ruleItems'> {
  const selection = parseRuleSelection(value)
  return {
    rules: selection.rules,
    externalRules: selection.external,
    image: selection.image,
    ruleItems: parseList('lint-rules', value)
  }
}

/** `10MB`, `512k`, `1GiB` or plain bytes. */
export function parseSize(input: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(i?b)?$/i.exec(value.trim())
  if (!m) throw new InputError(input, `"${value}" is not a size (e.g. 10MB, 512k)`)
  const power = ['', 'k', 'm', 'g'].indexOf((m[2] ?? '').toLowerCase())
  return Math.round(Number(m[1]) * 1024 ** power)
}
