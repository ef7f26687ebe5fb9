import { stageLabels } from '../../dockerfile.js'
import {
  human,
  imageStages,
  instructionsOf,
  keyword,
  startLine,
  type Hit,
  type Rule,
  type RuleContext
} from './types.js'

/** Shell syntax that exec form cannot express without `sh -c`. */
const SHELL_SYNTAX = /[$`|&;<>*?(){}~]|^\s*(\.|source)\s/

const execForm: Rule = {
  id: 'OP012',
  level: 'warning',
  title: 'ENTRYPOINT and CMD use exec form',
  sameAs: ['DL3025'],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    for (const [i] of instructionsOf(imageStages(ctx))) {
      const kw = keyword(i)
      if (kw !== 'CMD' && kw !== 'ENTRYPOINT') continue
      const json = (i as unknown as { getOpeningBracket?(): unknown }).getOpeningBracket?.()
      const text = i.getArgumentsContent() ?? ''
      if (json || !text.trim() || SHELL_SYNTAX.test(text)) continue
      const exec = JSON.stringify(i.getArguments().map(a => a.getValue()))
      hits.push({
        line: startLine(i),
        message: `${kw} on line ${human(startLine(i))} is in shell form, so /bin/sh is PID 1 and signals never reach the program: write ${kw} ${exec}`
      })
    }
    return hits
  }
}

/** Labels each schema requires that the pipeline cannot derive from the repository or the run. */
const REQUIRED_LABELS: Record<string, string[]> = { skao: ['int.skao.image.team'] }

const provenance: Rule = {
  id: 'OP013',
  level: 'warning',
  title: 'Required provenance labels the pipeline cannot derive are set',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const labels = stageLabels(ctx.df, ctx.final)
    const hits: Hit[] = []
    for (const schema of ctx.labelSchemas)
      for (const key of REQUIRED_LABELS[schema] ?? []) {
        if (labels.get(key) || ctx.providedLabels.includes(key)) continue
        const last = key.split('.').pop() as string
        const nearMiss = [...labels.keys()].find(k => k !== key && k.endsWith(`.${last}`))
        const hint = nearMiss ? ` ("${nearMiss}" is set; the schema reads "${key}")` : ''
        hits.push({
          line: ctx.final.line,
          message: `The final stage (FROM on line ${human(ctx.final.line)}) has no LABEL ${key}, which label-schema "${schema}" requires and the pipeline cannot derive${hint}: add LABEL ${key}="…" or pass it in the labels input`
        })
      }
    return hits
  }
}

export const miscRules = [execForm, provenance]
