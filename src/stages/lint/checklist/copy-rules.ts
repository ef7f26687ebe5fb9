import type { Instruction } from 'dockerfile-ast'
import { substitute } from '../../dockerfile.js'
import { installOf } from './packages.js'
import { program, type Command } from './shell.js'
import {
  commandsOf,
  copyArgs,
  flag,
  human,
  instructionsOf,
  isHeredocCopy,
  keyword,
  startLine,
  varsAt,
  type Hit,
  type Rule,
  type RuleContext
} from './types.js'

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i
export const URL = /^(https?|git|ssh):\/\/|^git@/i
const GIT = /^git@|^git:\/\/|\.git(#|$)|\.git\/?#/i

/** A git source pinned to a full commit (`…repo.git#<40 hex>`): what OP007 asks for. */
export const isCommitPinnedGit = (source: string): boolean =>
  GIT.test(source) && /^[0-9a-f]{40}$/i.test(source.split('#')[1]?.split(':')[0] ?? '')

const addRule: Rule = {
  id: 'OP007',
  level: 'warning',
  title: 'COPY over ADD; remote ADD sources are pinned',
  sameAs: ['DL3020', 'DS005'],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    for (const [i, stage] of instructionsOf(ctx.df.stages)) {
      if (keyword(i) !== 'ADD' || isHeredocCopy(i)) continue
      const line = startLine(i)
      const where = `ADD on line ${human(line)}`
      const vars = varsAt(ctx.df, stage, i)
      for (const written of copyArgs(i).sources) {
        const source = substitute(written, vars)
        if (GIT.test(source)) {
          const ref = source.split('#')[1]?.split(':')[0] ?? ''
          if (!/^[0-9a-f]{40}$/i.test(ref))
            hits.push({
              line,
              message: `${where} fetches git source "${written}" at ${ref ? `"${ref}", which can move` : 'its default branch'}: pin it to a full commit (#<40-hex sha>)`
            })
        } else if (URL.test(source)) {
          if (!flag(i, 'checksum'))
            hits.push({
              line,
              message: `${where} downloads "${written}" without --checksum: add --checksum=sha256:<digest> (or download with curl and verify)`
            })
        } else if (!ARCHIVE.test(source) && !flag(i, 'from'))
          hits.push({
            line,
            message: `${where} copies "${written}", which COPY does without ADD's extra behaviour: use COPY`
          })
      }
    }
    return hits
  }
}

/** A command that installs dependencies from manifests (what should come before the source). */
function installsDependencies(command: Command): boolean {
  const name = program(command)
  const words = command.map(w => w.text)
  const install = installOf(command)
  if (install?.manager === 'pip') return words.includes('-r') || words.includes('--requirement')
  // `npm install` with options only (`--omit=dev`) installs the manifest's dependencies; with names, it adds packages.
  const optionsOnly = words.slice(2).every(w => w.startsWith('-'))
  if (name === 'npm') return words[1] === 'ci' || (['install', 'i'].includes(words[1] ?? '') && optionsOnly)
  if (name === 'yarn' || name === 'pnpm')
    return words.slice(1).every(w => w.startsWith('-')) || (words[1] === 'install' && optionsOnly)
  if (name === 'poetry') return words[1] === 'install'
  if (name === 'uv') return words[1] === 'sync'
  if (name === 'pipenv' || name === 'bundle') return words[1] === 'install'
  if (name === 'go') return words[1] === 'mod' && words[2] === 'download'
  return false
}

const WHOLE_SOURCE = /^(\.|\.\/|\*|\.\/\*)$/

const cacheOrderRule: Rule = {
  id: 'OP010',
  level: 'info',
  title: 'Dependencies are installed before the source is copied',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    for (const stage of ctx.df.stages) {
      let wholeCopy: Instruction | undefined
      let installedBefore = false
      for (const i of stage.instructions) {
        const kw = keyword(i)
        if ((kw === 'COPY' || kw === 'ADD') && flag(i, 'from') === undefined && !wholeCopy)
          if (copyArgs(i).sources.some(s => WHOLE_SOURCE.test(s))) wholeCopy = i
        if (keyword(i) !== 'RUN' || !commandsOf(i, ctx.lines).some(installsDependencies)) continue
        if (!wholeCopy) installedBefore = true
        else if (!installedBefore) {
          const copyLine = startLine(wholeCopy)
          hits.push({
            line: copyLine,
            message: `${keyword(wholeCopy)} on line ${human(copyLine)} copies the whole source before the dependency install on line ${human(startLine(i))}, so every source change reinstalls them: COPY the dependency manifests first, install, then COPY the source`
          })
          break
        }
      }
    }
    return hits
  }
}

export const copyRules = [addRule, cacheOrderRule]
