import { finalStage, parseDockerfile } from '../../dockerfile.js'
import type { Finding, Level } from '../../../findings.js'
import { byCodeUnits } from '../../../text.js'
import { copyRules } from './copy-rules.js'
import { dataRules } from './data-rules.js'
import { imageRules } from './images.js'
import { miscRules } from './misc-rules.js'
import { packageRules } from './package-rules.js'
import { secretRules } from './secret-rules.js'
import type { Rule, RuleContext } from './types.js'
import { userRules } from './user-rules.js'

export type { Rule, RuleContext } from './types.js'

/** Every checklist rule, by ID. */
export const RULES: readonly Rule[] = [
  ...imageRules,
  ...packageRules,
  ...userRules,
  ...copyRules,
  ...dataRules,
  ...miscRules,
  ...secretRules
].sort((a, b) => byCodeUnits(a.id, b.id))

export const ruleById = (id: string): Rule | undefined => RULES.find(r => r.id === id)

/** Where a rule's page lives, under the docs base (`…/docs/rules`). */
export const ruleDocs = (id: string, docsBase?: string): string | undefined =>
  docsBase ? `${docsBase.replace(/\/+$/, '')}/${id}.md` : undefined

export interface ChecklistInput extends Omit<RuleContext, 'df' | 'final' | 'lines'> {
  text: string
  /** The Dockerfile as findings name it (relative to the workspace). */
  file: string
  target?: string
  buildArgs?: ReadonlyMap<string, string>
  /** Enabled rule IDs, and the level each one reports at. */
  rules: ReadonlyMap<string, Level>
  docsBase?: string
}

/** Runs the enabled checklist rules over one Dockerfile. */
export function runChecklist(input: ChecklistInput): Finding[] {
  const df = parseDockerfile(input.text, input.buildArgs)
  const ctx: RuleContext = {
    ...input,
    df,
    final: finalStage(df, input.target),
    lines: input.text.split(/\r?\n/)
  }
  const findings: Finding[] = []
  for (const rule of RULES) {
    const level = input.rules.get(rule.id)
    if (!level) continue
    // An overridden level applies to every hit; otherwise a hit may be milder than the rule.
    const overridden = level !== rule.level
    for (const hit of rule.check(ctx))
      findings.push({
        engine: 'checklist',
        ruleId: rule.id,
        level: overridden ? level : (hit.level ?? rule.level),
        message: hit.message,
        file: input.file,
        line: hit.line + 1,
        ...(hit.endLine !== undefined ? { endLine: hit.endLine + 1 } : {}),
        ...(ruleDocs(rule.id, input.docsBase) ? { helpUri: ruleDocs(rule.id, input.docsBase) } : {})
      })
  }
  return findings.sort((a, b) => a.line - b.line || byCodeUnits(a.ruleId, b.ruleId))
}
