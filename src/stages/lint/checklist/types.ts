import type { Instruction } from 'dockerfile-ast'
import { stageChain, type ParsedDockerfile, type Stage } from '../../dockerfile.js'
import type { Level } from '../../../findings.js'
import { runCommands, type Command, type Lines } from './shell.js'

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
}

/** A rule's result before it becomes a Finding; `line` is zero-based like dockerfile-ast's. */
export interface Hit {
  line: number
  endLine?: number
  message: string
  /** Overrides the rule's level for this hit (OP001: untagged is an error, tag-only a warning). */
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
