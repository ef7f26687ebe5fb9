import { substitute } from '../../dockerfile.js'
import { DEFAULT_NONROOT_BASES, matchesImage } from './image-refs.js'
import { rootImage } from './images.js'
import { program, type Command } from './shell.js'
import {
  absolutePath,
  commandsOf,
  copyArgs,
  flag,
  human,
  imageStages,
  instructionsOf,
  isUnder,
  keyword,
  startLine,
  unquote,
  varsAt,
  workdirAt,
  type Hit,
  type Rule,
  type RuleContext
} from './types.js'
import { expandKnown, isRoot, lastUser, sameUser, userPart, userTable } from './users.js'

export { lastUser } from './users.js'

const nonRoot: Rule = {
  id: 'OP004',
  level: 'error',
  title: 'The final stage runs as a non-root user',
  sameAs: ['DL3002', 'DS002'],
  check(ctx: RuleContext): Hit[] {
    const last = lastUser(ctx)
    if (last && isRoot(last.user)) {
      const line = startLine(last.instruction)
      return [
        {
          line,
          message: `USER ${last.user} on line ${human(line)} makes the container run as root: end with a non-root USER`
        }
      ]
    }
    if (last || ctx.kind === 'builder' || ctx.kind === 'base') return []
    const base = rootImage(ctx)
    const known = [...DEFAULT_NONROOT_BASES, ...(ctx.nonRootBases ?? [])]
    if (base && known.some(p => matchesImage(p, base))) return []
    return [
      {
        line: ctx.final.line,
        level: 'warning',
        message: `The final stage (FROM on line ${human(ctx.final.line)}) sets no USER, so the container runs as root unless its base sets a user: add a non-root USER; if the base already sets one, list it under nonroot-bases in .oci-pipeline.yaml`
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

/** Directories that hold programs: the system's, /opt, and virtual environments. */
const PROGRAM_DIRS = /^\/(usr|bin|sbin|lib|lib32|lib64|libx32|opt)(\/|$)|(^|\/)\.?venv(\/|$)/

/** `chown [-R] owner[:group] paths…`: the owner, the paths, and whether it recurses. */
function chownOf(command: Command): { owner: string; paths: string[]; recursive: boolean } | undefined {
  if (program(command) !== 'chown') return undefined
  const words = command.slice(1).map(w => w.text)
  const recursive = words.some(w => /^-[a-zA-Z]*R/.test(w) || w === '--recursive')
  const rest = words.filter(w => !w.startsWith('-'))
  const [owner, ...paths] = rest
  return owner ? { owner, paths, recursive } : undefined
}

const readOnly: Rule = {
  id: 'OP005',
  level: 'warning',
  title: 'Programs in the final image are not writable by the runtime user',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    const last = lastUser(ctx)
    const runtime = last && !isRoot(last.user) ? userPart(last.user) : undefined
    const table = runtime ? userTable(ctx) : []
    const copied: string[] = []
    for (const [i, stage] of instructionsOf(imageStages(ctx))) {
      const line = startLine(i)
      const kw = keyword(i)
      const vars = varsAt(ctx.df, stage, i)
      if (kw === 'COPY' || kw === 'ADD') {
        copied.push(absolutePath(substitute(copyArgs(i).dest, vars), workdirAt(ctx.df, stage, i)))
        const owner = userPart(expandKnown(unquote(flag(i, 'chown') ?? ''), vars))
        const mode = flag(i, 'chmod')
        if (
          runtime &&
          owner &&
          sameUser(owner, runtime, table) &&
          (mode === undefined || writable(mode, 'owner'))
        )
          hits.push({
            line,
            message: `${kw} on line ${human(line)} gives the files to the runtime user "${runtime}"${owner !== runtime ? ` (as "${owner}")` : ''}${mode ? ` with mode ${mode}` : ''}, who can then rewrite them: leave them owned by root, or add a read-only --chmod (e.g. 555)`
          })
      }
      if (kw !== 'RUN') continue
      for (const command of commandsOf(i, ctx.lines)) {
        const chown = chownOf(command)
        if (chown && runtime && sameUser(expandKnown(chown.owner, vars), runtime, table)) {
          const dir = workdirAt(ctx.df, stage, i)
          const programs = chown.paths
            .map(p => absolutePath(substitute(p, vars), dir))
            .filter(
              p => PROGRAM_DIRS.test(p) || copied.some(c => c === p || (chown.recursive && isUnder(c, p)))
            )
          if (programs.length)
            hits.push({
              line,
              message: `RUN on line ${human(line)} runs "chown ${chown.owner}" on ${programs.join(', ')}, which hold the image's programs, so the runtime user "${runtime}" can rewrite them: leave them owned by root and chown only the directories the program writes to`
            })
        }
        if (program(command) !== 'chmod') continue
        const mode = command.slice(1).find(w => !w.text.startsWith('-') || /^-[rwxXst]+$/.test(w.text))?.text
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
