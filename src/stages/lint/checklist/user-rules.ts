import type { Instruction } from 'dockerfile-ast'
import { program } from './shell.js'
import {
  commandsOf,
  flag,
  human,
  imageStages,
  instructionsOf,
  keyword,
  startLine,
  type Hit,
  type Rule,
  type RuleContext
} from './types.js'

/** The last USER the image's stages set, or undefined when none does. */
export function lastUser(ctx: RuleContext): { user: string; instruction: Instruction } | undefined {
  let found: { user: string; instruction: Instruction } | undefined
  for (const [i] of instructionsOf(imageStages(ctx)))
    if (keyword(i) === 'USER') found = { user: i.getArguments()[0]?.getValue() ?? '', instruction: i }
  return found
}

const isRoot = (user: string): boolean => ['root', '0'].includes(user.split(':')[0]?.trim() ?? '')

const nonRoot: Rule = {
  id: 'OP004',
  level: 'error',
  title: 'The final stage runs as a non-root user',
  sameAs: ['DL3002', 'DS002'],
  check(ctx: RuleContext): Hit[] {
    const last = lastUser(ctx)
    if (!last)
      return [
        {
          line: ctx.final.line,
          level: 'warning',
          message: `The final stage (FROM on line ${human(ctx.final.line)}) sets no USER, so the container runs as root unless its base sets a user: add a non-root USER`
        }
      ]
    if (!isRoot(last.user)) return []
    const line = startLine(last.instruction)
    return [
      {
        line,
        message: `USER ${last.user} on line ${human(line)} makes the container run as root: end with a non-root USER`
      }
    ]
  }
}

/** An octal or symbolic mode that gives someone write permission. */
function writable(mode: string, who: 'owner' | 'others'): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.slice(-3)
    const digit = Number(who === 'owner' ? digits[0] : digits[2])
    return (digit & 2) !== 0
  }
  return mode.split(',').some(part => {
    const m = /^([ugoa]*)[+=]([rwxXst]*)$/.exec(part)
    if (!m || !(m[2] ?? '').includes('w')) return false
    const whom = m[1] || 'a'
    return who === 'owner' ? /[ua]/.test(whom) : /[oa]/.test(whom)
  })
}

const readOnly: Rule = {
  id: 'OP005',
  level: 'warning',
  title: 'Files in the final image are not writable by the runtime user',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    const runtime = lastUser(ctx)?.user.split(':')[0]
    for (const [i] of instructionsOf(imageStages(ctx))) {
      const line = startLine(i)
      if ((keyword(i) === 'COPY' || keyword(i) === 'ADD') && runtime && !isRoot(runtime)) {
        const owner = flag(i, 'chown')?.split(':')[0]
        const mode = flag(i, 'chmod')
        if (owner === runtime && (mode === undefined || writable(mode, 'owner')))
          hits.push({
            line,
            message: `${keyword(i)} on line ${human(line)} gives the files to the runtime user "${runtime}"${mode ? ` with mode ${mode}` : ''}, who can then rewrite them: leave them owned by root, or add a read-only --chmod (e.g. 555)`
          })
      }
      if (keyword(i) === 'RUN')
        for (const command of commandsOf(i, ctx.lines)) {
          if (program(command) !== 'chmod') continue
          const mode = command
            .slice(1)
            .find(w => !w.text.startsWith('-') || /^-[rwxXst]+$/.test(w.text))?.text
          if (mode && writable(mode, 'others'))
            hits.push({
              line,
              message: `RUN on line ${human(line)} runs "chmod ${mode}", making files writable by every user: drop the write bit for others`
            })
        }
    }
    return hits
  }
}

export const userRules = [nonRoot, readOnly]
