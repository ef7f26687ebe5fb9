import type { Instruction } from 'dockerfile-ast'
import { substitute, type Stage } from '../../dockerfile.js'
import { dockerignorePath, filesOfSource, listContext, type ContextFile } from './build-context.js'
import { URL } from './copy-rules.js'
import {
  absolutePath,
  copyArgs,
  flag,
  human,
  imageStages,
  instructionsOf,
  isHeredocCopy,
  isUnder,
  keyword,
  startLine,
  varsAt,
  workdirAt,
  type Hit,
  type Rule,
  type RuleContext
} from './types.js'

const DATA = /\.(csv|tsv|parquet|h5|hdf5|hdf|nc|fits|fit|fz|zip|npy|npz|feather)$/i

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** A COPY or ADD that takes files from the build context (not another stage, a URL or a here-document). */
const isContextCopy = (i: Instruction): boolean =>
  (keyword(i) === 'COPY' || keyword(i) === 'ADD') && flag(i, 'from') === undefined && !isHeredocCopy(i)

/** A data file the copy brings in, with where it lands in the stage. */
interface Carried {
  label: string
  target: string
}

/** The data files a context copy brings into its stage, each with the path it lands on. */
function dataOf(
  ctx: RuleContext,
  files: readonly ContextFile[] | undefined,
  i: Instruction,
  stage: Stage
): Carried[] {
  const { sources, dest } = copyArgs(i)
  const vars = varsAt(ctx.df, stage, i)
  const target = absolutePath(substitute(dest, vars), workdirAt(ctx.df, stage, i))
  const intoDir = dest.endsWith('/') || dest === '.' || sources.length > 1
  const found: Carried[] = []
  for (const written of sources) {
    const source = substitute(written, vars)
    if (URL.test(source)) continue
    const matched = files ? filesOfSource(files, source) : []
    if (!matched.length && DATA.test(source))
      found.push({ label: source, target: intoDir ? `${target}/${source.split('/').pop()}` : target })
    const base = source.replace(/^\.?\/+/, '').replace(/\/+$/, '')
    for (const f of matched) {
      const isData = DATA.test(f.path) || f.size > ctx.dataSizeLimit
      if (!isData) continue
      const label = DATA.test(f.path) ? f.path : `${f.path} (${megabytes(f.size)})`
      const name = f.path.split('/').pop() as string
      const below = base !== '.' && f.path !== base ? f.path.slice(base.length + 1) : f.path
      const lands = /[*?[]/.test(base)
        ? `${target}/${name}`
        : f.path === base
          ? intoDir
            ? `${target}/${name}`
            : target
          : `${target}/${below}`
      found.push({ label, target: absolutePath(lands) })
    }
  }
  return found
}

const list = (items: readonly string[], max: number): string =>
  items.slice(0, max).join(', ') + (items.length > max ? ` and ${items.length - max} more` : '')

const dataRule: Rule = {
  id: 'OP008',
  level: 'warning',
  title: 'No data files are copied into the image',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    let files: ContextFile[] | undefined | null = null
    const contextFiles = (): ContextFile[] | undefined =>
      (files = files === null ? listContext(ctx.context, ctx.dockerfilePath) : files)
    const image = imageStages(ctx)
    for (const [i, stage] of instructionsOf(image)) {
      const line = startLine(i)
      if (isContextCopy(i)) {
        const found = [...new Set(dataOf(ctx, contextFiles(), i, stage).map(c => c.label))]
        if (found.length)
          hits.push({
            line,
            message: `${keyword(i)} on line ${human(line)} puts data into the image (${list(found, 5)}): mount data at run time, or exclude it in .dockerignore`
          })
        continue
      }
      // COPY --from=<stage>: data a build stage copied in and this copy carries over.
      const from = flag(i, 'from')?.toLowerCase()
      const source = from ? ctx.df.stages.find(s => s.name === from || String(s.index) === from) : undefined
      if (!source || image.includes(source)) continue
      const fromPaths = copyArgs(i).sources.map(s => absolutePath(substitute(s, varsAt(ctx.df, stage, i))))
      const carried: string[] = []
      let copyLine: number | undefined
      for (const [j, s] of instructionsOf(imageStages({ ...ctx, final: source })))
        if (isContextCopy(j))
          for (const c of dataOf(ctx, contextFiles(), j, s))
            if (fromPaths.some(p => isUnder(c.target, p))) {
              carried.push(c.label)
              copyLine ??= startLine(j)
            }
      if (carried.length && copyLine !== undefined)
        hits.push({
          line,
          message: `COPY --from=${from} on line ${human(line)} carries data into the image (${list([...new Set(carried)], 5)}), copied into stage "${from}" on line ${human(copyLine)}: mount data at run time, or exclude it in .dockerignore`
        })
    }
    return hits
  }
}

const UNWANTED_DIRS =
  /^(\.git|\.hg|\.svn|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.venv|venv|node_modules|\.cache|\.gradle|\.terraform)$/

/** The unwanted folders (`.git/`, `__pycache__/`…) among files a copy takes. */
function unwantedIn(files: readonly ContextFile[]): string[] {
  const found = new Set<string>()
  for (const f of files) {
    const dirs = f.path.split('/').slice(0, -1)
    const at = dirs.findIndex(d => UNWANTED_DIRS.test(d))
    if (at >= 0) found.add(`${dirs.slice(0, at + 1).join('/')}/`)
  }
  return [...found].sort()
}

const dockerignoreRule: Rule = {
  id: 'OP009',
  level: 'warning',
  title: 'A .dockerignore keeps VCS folders and caches out of the image',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    if (!ctx.context) return []
    let files: ContextFile[] | undefined
    for (const [i] of instructionsOf(ctx.df.stages)) {
      if (!isContextCopy(i)) continue
      files ??= listContext(ctx.context, ctx.dockerfilePath)
      if (!files) return []
      const found = unwantedIn(copyArgs(i).sources.flatMap(s => filesOfSource(files as ContextFile[], s)))
      if (!found.length) continue
      const line = startLine(i)
      const ignore = dockerignorePath(ctx.context, ctx.dockerfilePath)
      const fix = ignore
        ? `the .dockerignore does not exclude them: add ${found.map(d => d.replace(/\/$/, '')).join(', ')} to it`
        : 'add a .dockerignore that excludes them'
      return [
        {
          line,
          message: `${keyword(i)} on line ${human(line)} copies ${list(found, 6)} from the build context: ${fix}`
        }
      ]
    }
    return []
  }
}

export const dataRules = [dataRule, dockerignoreRule]
