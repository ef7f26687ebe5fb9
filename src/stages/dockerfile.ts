import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast'
import { InputError } from '../errors.js'

export interface Stage {
  index: number
  /** `AS name`, lower-cased as BuildKit matches it. */
  name?: string
  /** The image as written after FROM, e.g. `${BASE}` or `alpine:3.20@sha256:…`. */
  written: string
  /** With ARG defaults (and build-args) substituted. */
  image: string
  /** Zero-based line of the FROM. */
  line: number
  instructions: Instruction[]
}

export interface ParsedDockerfile {
  ast: Dockerfile
  /** ARGs before the first FROM, with build-args applied. */
  globalArgs: Map<string, string | undefined>
  buildArgs: ReadonlyMap<string, string>
  stages: Stage[]
}

/** `${VAR}`, `$VAR`, `${VAR:-default}` and `${VAR:+alt}`, as BuildKit expands FROM lines. */
export function substitute(text: string, vars: ReadonlyMap<string, string | undefined>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced, op, word, bare) => {
      const value = vars.get(braced ?? bare)
      if (op === ':-' || op === '-') return value ? value : (word ?? '')
      if (op === ':+' || op === '+') return value ? (word ?? '') : ''
      return value ?? ''
    }
  )
}

/** Parses a Dockerfile; `input` names the input that pointed at it, for errors. */
export function parseDockerfile(
  text: string,
  buildArgs: ReadonlyMap<string, string> = new Map(),
  input = 'file'
): ParsedDockerfile {
  const ast = DockerfileParser.parse(text)
  const globalArgs = new Map<string, string | undefined>()
  for (const arg of ast.getInitialARGs()) {
    const prop = arg.getProperty()
    if (!prop) continue
    const name = prop.getName()
    globalArgs.set(name, buildArgs.get(name) ?? substitute(prop.getValue() ?? '', globalArgs))
  }
  const stages: Stage[] = []
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map(a => a.getValue())
      const positional = args.filter(a => !a.startsWith('--'))
      const written = positional[0] ?? ''
      const asIndex = positional.findIndex(a => a.toUpperCase() === 'AS')
      const name = asIndex > 0 ? positional[asIndex + 1]?.toLowerCase() : undefined
      stages.push({
        index: stages.length,
        name,
        written,
        image: substitute(written, globalArgs),
        line: instruction.getRange().start.line,
        instructions: [instruction]
      })
    } else if (stages.length > 0) {
      stages[stages.length - 1]?.instructions.push(instruction)
    }
  }
  if (stages.length === 0) throw new InputError(input, 'the Dockerfile has no FROM instruction')
  for (const stage of stages)
    if (!stage.image)
      throw new InputError(input, `FROM on line ${stage.line + 1} names no image ("${stage.written}")`)
  return { ast, globalArgs, buildArgs, stages }
}

/** The stage the build produces: the `target` one, else the last. */
export function finalStage(df: ParsedDockerfile, target?: string): Stage {
  if (!target) return df.stages[df.stages.length - 1] as Stage
  const stage = df.stages.find(s => s.name === target.toLowerCase())
  if (!stage) {
    const names = df.stages.map(s => s.name).filter(Boolean)
    throw new InputError(
      'target',
      `no stage named "${target}" (stages: ${names.length ? names.join(', ') : 'none are named'})`
    )
  }
  return stage
}

/** The stages a stage is built on, itself first: `FROM build` follows `build` to its own FROM. */
export function stageChain(df: ParsedDockerfile, stage: Stage): Stage[] {
  const chain = [stage]
  let current = stage
  for (;;) {
    const parent = df.stages.find(s => s.index < current.index && s.name === current.image.toLowerCase())
    if (!parent || chain.includes(parent)) return chain
    chain.push(parent)
    current = parent
  }
}

/** The external image a stage starts from, or undefined for `scratch`. */
export function baseImage(df: ParsedDockerfile, stage: Stage): string | undefined {
  const chain = stageChain(df, stage)
  const root = chain[chain.length - 1] as Stage
  return root.image.toLowerCase() === 'scratch' ? undefined : root.image
}

/** LABEL values set in a stage or the stages it builds on (the nearest wins). */
export function stageLabels(df: ParsedDockerfile, stage: Stage): Map<string, string> {
  const labels = new Map<string, string>()
  for (const s of stageChain(df, stage).reverse())
    for (const instruction of s.instructions)
      if (instruction.getKeyword() === 'LABEL')
        for (const [name, value] of properties(instruction)) labels.set(name, value)
  return labels
}

/**
 * The value of an `ARG` or `ENV` named `*_VERSION` at the end of the stage, expanded as BuildKit
 * expands it (a bare `ARG X` in a stage takes the global default; build-args override).
 */
export function dockerfileVersion(df: ParsedDockerfile, stage: Stage): string | undefined {
  const vars = new Map<string, string | undefined>()
  for (const s of stageChain(df, stage).reverse())
    for (const instruction of s.instructions) {
      const keyword = instruction.getKeyword()
      if (keyword === 'ARG')
        for (const [name, value] of properties(instruction))
          vars.set(
            name,
            df.buildArgs.get(name) ?? (value ? substitute(value, vars) : df.globalArgs.get(name))
          )
      else if (keyword === 'ENV')
        for (const [name, value] of properties(instruction)) vars.set(name, substitute(value, vars))
    }
  for (const source of [vars, df.globalArgs])
    for (const [name, value] of source)
      if (/_VERSION$/i.test(name) && value && !value.includes('$')) return value
  return undefined
}

const unquote = (s: string): string => s.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1')

interface PropertyLike {
  getName(): string
  getUnescapedValue(): string | null
}

/** `name=value` pairs of ARG, ENV and LABEL instructions, quotes removed. */
export function properties(instruction: Instruction): Array<[string, string]> {
  const withProps = instruction as unknown as {
    getProperties?(): PropertyLike[]
    getProperty?(): PropertyLike | null
  }
  const props =
    withProps.getProperties?.() ?? [withProps.getProperty?.()].filter((p): p is PropertyLike => !!p)
  return props.map(p => [unquote(p.getName()), unquote(p.getUnescapedValue() ?? '')])
}
