import { InputError } from '../../errors.js'
import { LEVELS, type Level } from '../../findings.js'
import { parseBool, parseList } from '../../config/lists.js'
import { DEFAULT_MINIMAL_BASES } from './checklist/images.js'
import { RULES, ruleById } from './checklist/registry.js'

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

/** Rule IDs of hadolint (DL, and ShellCheck's SC), Trivy (DS or AVD-DS-) and the checklist (OP). */
const EXTERNAL_ID = /^(DL\d{4}|SC\d{4}|DS\d{3}|AVD-DS-\d{4})$/

export function parseLintOptions(raw: (name: string) => string): LintOptions {
  const get = (name: string): string => raw(name)?.trim() ?? ''
  const orDefault = (name: keyof typeof LINT_DEFAULTS): string => get(name) || LINT_DEFAULTS[name]
  const optional = (name: string): string | undefined => get(name) || undefined
  return {
    enabled: parseBool('lint', get('lint'), true),
    linters: parseLinters(orDefault('linters')),
    threshold: parseThreshold(orDefault('lint-failure-threshold')),
    ignore: parseIgnore(get('lint-ignore')),
    rules: parseRuleSelection(get('lint-rules')),
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
  const upper = id.toUpperCase()
  if (/^OP\d{3}$/.test(upper)) {
    if (!ruleById(upper))
      throw new InputError(input, `unknown checklist rule "${id}" (OP001 to ${RULES[RULES.length - 1]?.id})`)
    return upper
  }
  if (EXTERNAL_ID.test(upper)) return upper
  throw new InputError(
    input,
    `"${id}" is not a rule ID (OPnnn, hadolint DLnnnn/SCnnnn, Trivy DSnnn/AVD-DS-nnnn)`
  )
}

function parseIgnore(value: string): string[] {
  return [...new Set(parseList('lint-ignore', value).map(id => checkRuleId('lint-ignore', id)))]
}

/**
 * `lint-rules`: comma- or line-separated items, applied in order to the full set of rules.
 * `OP011` alone (no sign) anywhere means "only the rules listed"; `-OP011` disables, `+OP011` enables,
 * `OP004=warning` enables at another level; `all` and `none` reset the set.
 */
export function parseRuleSelection(value: string): Map<string, Level> {
  const items = parseList('lint-rules', value)
  const only = items.some(i => /^op\d{3}$/i.test(i.trim()))
  const selected = new Map<string, Level>(only ? [] : RULES.map(r => [r.id, r.level] as [string, Level]))
  for (const item of items) {
    const lower = item.toLowerCase()
    if (lower === 'all') for (const r of RULES) selected.set(r.id, r.level)
    else if (lower === 'none') selected.clear()
    else {
      const m = /^([+-]?)([^=]+?)(?:=(.*))?$/.exec(item.trim())
      if (!m) throw new InputError('lint-rules', `cannot read "${item}"`)
      const [, sign, rawId, rawLevel] = m
      const id = checkRuleId('lint-rules', rawId as string)
      if (!id.startsWith('OP'))
        throw new InputError(
          'lint-rules',
          `"${item}" is not a checklist rule; silence other engines' rules with lint-ignore`
        )
      const rule = ruleById(id)
      if (sign === '-') {
        if (rawLevel !== undefined)
          throw new InputError('lint-rules', `"${item}" disables a rule and sets its level`)
        selected.delete(id)
        continue
      }
      const level = rawLevel === undefined ? rule?.level : (rawLevel.trim().toLowerCase() as Level)
      if (!level || !(LEVELS as readonly string[]).includes(level))
        throw new InputError('lint-rules', `"${rawLevel}" in "${item}" is not a level (${LEVELS.join(', ')})`)
      selected.set(id, level)
    }
  }
  return selected
}

/** `10MB`, `512k`, `1GiB` or plain bytes. */
export function parseSize(input: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(i?b)?$/i.exec(value.trim())
  if (!m) throw new InputError(input, `"${value}" is not a size (e.g. 10MB, 512k)`)
  const power = ['', 'k', 'm', 'g'].indexOf((m[2] ?? '').toLowerCase())
  return Math.round(Number(m[1]) * 1024 ** power)
}
