import type { Instruction } from 'dockerfile-ast'
import { properties, substitute, type Stage } from '../../dockerfile.js'
import { dockerignorePath, filesOfSource, listContext, type ContextFile } from './build-context.js'
import { installOf } from './packages.js'
import { program, type Command } from './shell.js'
import {
  commandsOf,
  copyArgs,
  flag,
  human,
  imageStages,
  instructionsOf,
  isHeredocCopy,
  keyword,
  startLine,
  type Hit,
  type Rule,
  type RuleContext
} from './types.js'

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i
const URL = /^(https?|git|ssh):\/\/|^git@/i
const GIT = /^git@|^git:\/\/|\.git(#|$)|\.git\/?#/i

/** ARG values a stage sees at an instruction: its own ARG defaults, else the global ones it redeclares. */
function stageVars(
  stage: Stage,
  globals: ReadonlyMap<string, string | undefined>,
  upTo: Instruction
): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>()
  for (const i of stage.instructions) {
    if (i === upTo) break
    if (keyword(i) === 'ARG')
      for (const [name, value] of properties(i)) vars.set(name, value || globals.get(name) || undefined)
  }
  return vars
}

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
      const vars = stageVars(stage, ctx.df.globalArgs, i)
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

const DATA = /\.(csv|tsv|parquet|h5|hdf5|hdf|nc|fits|fit|fz|zip|npy|npz|feather)$/i

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const dataRule: Rule = {
  id: 'OP008',
  level: 'warning',
  title: 'No data files are copied into the image',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    let files: ContextFile[] | undefined | null = null
    for (const [i] of instructionsOf(imageStages(ctx))) {
      if (
        (keyword(i) !== 'COPY' && keyword(i) !== 'ADD') ||
        flag(i, 'from') !== undefined ||
        isHeredocCopy(i)
      )
        continue
      const line = startLine(i)
      const found = new Set<string>()
      for (const source of copyArgs(i).sources) {
        if (URL.test(source)) continue
        if (DATA.test(source)) found.add(source)
        files = files === null ? listContext(ctx.context, ctx.dockerfilePath) : files
        for (const f of files ? filesOfSource(files, source) : [])
          if (DATA.test(f.path)) found.add(f.path)
          else if (f.size > ctx.dataSizeLimit) found.add(`${f.path} (${megabytes(f.size)})`)
      }
      if (!found.size) continue
      const list = [...found].slice(0, 5).join(', ') + (found.size > 5 ? ` and ${found.size - 5} more` : '')
      hits.push({
        line,
        message: `${keyword(i)} on line ${human(line)} puts data into the image (${list}): mount data at run time, or exclude it in .dockerignore`
      })
    }
    return hits
  }
}

const UNWANTED_DIRS =
  /^(\.git|\.hg|\.svn|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.venv|venv|node_modules|\.cache|\.gradle|\.terraform)$/

const dockerignoreRule: Rule = {
  id: 'OP009',
  level: 'warning',
  title: 'A .dockerignore keeps VCS folders, caches and data out of the build context',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    if (!ctx.context || dockerignorePath(ctx.context, ctx.dockerfilePath)) return []
    const firstCopy = ctx.df.stages
      .flatMap(s => s.instructions)
      .find(i => ['COPY', 'ADD'].includes(keyword(i)) && flag(i, 'from') === undefined && !isHeredocCopy(i))
    const files = firstCopy ? listContext(ctx.context, ctx.dockerfilePath) : undefined
    if (!firstCopy || !files) return []
    const found = new Set<string>()
    for (const f of files) {
      const dirs = f.path.split('/').slice(0, -1)
      const unwanted = dirs.findIndex(d => UNWANTED_DIRS.test(d))
      if (unwanted >= 0) found.add(`${dirs.slice(0, unwanted + 1).join('/')}/`)
      else if (DATA.test(f.path)) found.add(f.path)
    }
    if (!found.size) return []
    const list =
      [...found].sort().slice(0, 6).join(', ') + (found.size > 6 ? ` and ${found.size - 6} more` : '')
    const line = startLine(firstCopy)
    return [
      {
        line,
        message: `${keyword(firstCopy)} on line ${human(line)} reads a build context that has no .dockerignore but holds ${list}: add a .dockerignore that excludes them`
      }
    ]
  }
}

/** A command that installs dependencies from manifests (what should come before the source). */
function installsDependencies(command: Command): boolean {
  const name = program(command)
  const words = command.map(w => w.text)
  const install = installOf(command)
  if (install?.manager === 'pip') return words.includes('-r') || words.includes('--requirement')
  if (name === 'npm') return words[1] === 'ci' || (words[1] === 'install' && words.length === 2)
  if (name === 'yarn' || name === 'pnpm') return words.length === 1 || words[1] === 'install'
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
        if (keyword(i) === 'COPY' && flag(i, 'from') === undefined && !wholeCopy)
          if (copyArgs(i).sources.some(s => WHOLE_SOURCE.test(s))) wholeCopy = i
        if (keyword(i) !== 'RUN' || !commandsOf(i, ctx.lines).some(installsDependencies)) continue
        if (!wholeCopy) installedBefore = true
        else if (!installedBefore) {
          const copyLine = startLine(wholeCopy)
          hits.push({
            line: copyLine,
            message: `COPY on line ${human(copyLine)} copies the whole source before the dependency install on line ${human(startLine(i))}, so every source change reinstalls them: COPY the dependency manifests first, install, then COPY the source`
          })
          break
        }
      }
    }
    return hits
  }
}

export const copyRules = [addRule, dataRule, dockerignoreRule, cacheOrderRule]
