import type { Instruction } from 'dockerfile-ast'
import { properties, stageChain, substitute, type ParsedDockerfile, type Stage } from '../../dockerfile.js'
import type { Level } from '../../../findings.js'
import { runCommands, type Command, type Lines } from './shell.js'

/**
 * What the Dockerfile builds: an image a program runs in (the default), a build image others
 * compile in (`builder`), or a base others build FROM (`base`). Rules about the runtime image
 * (OP003 toolchains, OP004's missing USER, OP006 minimal base) do not apply to the last two.
 */
export const IMAGE_KINDS = ['runtime', 'builder', 'base'] as const
export type ImageKind = (typeof IMAGE_KINDS)[number]

/** A named build context (docker buildx bake `contexts`), by the name FROM or --from uses. */
export interface NamedContext {
  /** Its value: `target:…`, `docker-image://…`, a directory or a URL. */
  value: string
  /** Where it is defined (e.g. `docker-bake.hcl`), for messages. */
  definedIn: string
}

/** What a checklist rule looks at. */
export interface RuleContext {
  df: ParsedDockerfile
  /** The Dockerfile's lines (here-documents are read from them). */
  lines: Lines
  /** The stage the build produces. */
  final: Stage
  /** The build context directory, when it is a local one. */
  context?: string
  /** The Dockerfile's path on disk (for `<Dockerfile>.dockerignore`). */
  dockerfilePath?: string
  labelSchemas: readonly string[]
  /** Label keys the pipeline sets from its inputs (`labels`, `team`…). */
  providedLabels: readonly string[]
  /** Glob patterns of images that count as minimal final bases (OP006). */
  minimalBases: readonly string[]
  /** Files larger than this many bytes copied from the context are data (OP008). */
  dataSizeLimit: number
  /** What the Dockerfile builds; runtime unless declared. */
  kind?: ImageKind
  /** Glob patterns of bases that already set a non-root USER (OP004). */
  nonRootBases?: readonly string[]
  /** Named build contexts the build may be given, by name. */
  namedContexts?: ReadonlyMap<string, NamedContext>
}

/** A rule's result before it becomes a Finding; `line` is zero-based like dockerfile-ast's. */
export interface Hit {
  line: number
  endLine?: number
  message: string
  /** Overrides the rule's level for this hit (OP001: no digest is an error, a digest without a tag info). */
  level?: Level
}

export interface Rule {
  id: string
  /** The level of most of its hits, and the highest it gives. */
  level: Level
  title: string
  /** hadolint and Trivy IDs that report the same thing (see dedupe.ts). */
  sameAs: string[]
  check(ctx: RuleContext): Hit[]
}

/** 1-based line numbers, as every message shows them. */
export const human = (line: number): number => line + 1

/** The final stage and the stages it is built on, root first: their layers are in the image. */
export function imageStages(ctx: RuleContext): Stage[] {
  return stageChain(ctx.df, ctx.final).reverse()
}

/** Every instruction of the stages, in order, with the stage it belongs to. */
export function* instructionsOf(stages: readonly Stage[]): Generator<[Instruction, Stage]> {
  for (const stage of stages) for (const instruction of stage.instructions) yield [instruction, stage]
}

export const keyword = (i: Instruction): string => i.getKeyword().toUpperCase()
export const startLine = (i: Instruction): number => i.getRange().start.line
export const endLine = (i: Instruction): number => i.getRange().end.line

const commandCache = new WeakMap<Instruction, Command[]>()

/** The shell commands of a RUN instruction (cached: several rules read them). */
export function commandsOf(run: Instruction, lines: Lines): Command[] {
  let commands = commandCache.get(run)
  if (!commands) {
    commands = runCommands(run, lines)
    commandCache.set(run, commands)
  }
  return commands
}

/** `--name=value` flags of COPY, ADD and RUN. */
export function flag(i: Instruction, name: string): string | undefined {
  const flags = (
    i as unknown as { getFlags?(): Array<{ getName(): string; getValue(): string | null }> }
  ).getFlags?.()
  const found = flags?.find(f => f.getName() === name)
  return found ? (found.getValue() ?? '') : undefined
}

/** Every `--name=value` flag of that name (RUN takes several --mount). */
export function flags(i: Instruction, name: string): string[] {
  const all = (
    i as unknown as { getFlags?(): Array<{ getName(): string; getValue(): string | null }> }
  ).getFlags?.()
  return (all ?? []).filter(f => f.getName() === name).map(f => f.getValue() ?? '')
}

/** `"a:b"` → `a:b`: BuildKit strips quotes around a flag's value. */
export const unquote = (s: string): string => s.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1')

/**
 * The variables BuildKit expands in an instruction: the stage's ARGs (a bare `ARG X` takes the
 * global default or build-arg) and the ENVs of the stage and the stages it is built on, as they
 * stand just before `upTo`.
 */
export function varsAt(
  df: ParsedDockerfile,
  stage: Stage,
  upTo?: Instruction
): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>()
  const chain = stageChain(df, stage).reverse()
  for (const s of chain)
    for (const i of s.instructions) {
      if (i === upTo) return vars
      const kw = keyword(i)
      if (kw === 'ENV') for (const [name, value] of properties(i)) vars.set(name, substitute(value, vars))
      else if (kw === 'ARG' && s === stage)
        for (const [name, value] of properties(i))
          vars.set(
            name,
            df.buildArgs.get(name) ??
              (value ? substitute(value, vars) : (df.globalArgs.get(name) ?? undefined))
          )
    }
  return vars
}

/** The WORKDIR in force before `upTo` (relative WORKDIRs add up), `/` when none is set. */
export function workdirAt(df: ParsedDockerfile, stage: Stage, upTo?: Instruction): string {
  let dir = '/'
  for (const s of stageChain(df, stage).reverse())
    for (const i of s.instructions) {
      if (i === upTo) return dir
      if (keyword(i) !== 'WORKDIR') continue
      const path = substitute(unquote(i.getArgumentsContent()?.trim() ?? ''), varsAt(df, s, i))
      if (path) dir = absolutePath(path, dir)
    }
  return dir
}

/** `path` made absolute against `dir`, `.` and `..` resolved, no trailing slash. */
export function absolutePath(path: string, dir = '/'): string {
  const parts: string[] = []
  for (const part of (path.startsWith('/') ? path : `${dir}/${path}`).split('/')) {
    if (!part || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}

/** Whether `path` is `dir` or lies under it. */
export const isUnder = (path: string, dir: string): boolean =>
  dir === '/' || path === dir || path.startsWith(`${dir}/`)

/** Source and destination words of COPY/ADD (flags removed, JSON form read). */
export function copyArgs(i: Instruction): { sources: string[]; dest: string } {
  const json =
    (i as unknown as { getJSONStrings?(): Array<{ getJSONValue(): string }> }).getJSONStrings?.() ?? []
  const words = json.length ? json.map(a => a.getJSONValue()) : i.getArguments().map(a => a.getValue())
  return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? '' }
}

/** Whether a COPY/ADD writes a here-document rather than files. */
export const isHeredocCopy = (i: Instruction): boolean =>
  i.getArguments().some(a => a.getValue().startsWith('<<'))
