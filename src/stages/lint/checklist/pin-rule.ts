import type { Instruction } from 'dockerfile-ast'
import { substitute, type ParsedDockerfile, type Stage } from '../../dockerfile.js'
import type { Level } from '../../../findings.js'
import {
  canonicalName,
  isImageReference,
  isOfficialImage,
  splitImageRef,
  type ImageRef
} from './image-refs.js'
import {
  flag,
  flags,
  human,
  instructionsOf,
  keyword,
  startLine,
  unquote,
  varsAt,
  type Hit,
  type NamedContext,
  type Rule,
  type RuleContext
} from './types.js'

/** A FROM that names an earlier stage (`FROM build`) rather than an image. */
export const isStageReference = (df: ParsedDockerfile, stage: Stage): boolean =>
  df.stages.some(s => s.index < stage.index && s.name === stage.image.toLowerCase())

/** Variables of `text` that no ARG default (nor build-arg) gives a value, followed through ARG defaults. */
export function unresolvedArgs(df: ParsedDockerfile, text: string, vars = df.globalArgs): string[] {
  const raw = new Map<string, string>()
  for (const arg of df.ast.getInitialARGs()) {
    const prop = arg.getProperty()
    if (prop && !df.buildArgs.has(prop.getName())) raw.set(prop.getName(), prop.getValue() ?? '')
  }
  const missing = new Set<string>()
  const visit = (t: string, seen: Set<string>): void => {
    for (const m of t.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}?/g)) {
      const name = m[1] as string
      if (m[2] || seen.has(name)) continue
      const value = seen.size ? df.globalArgs.get(name) : vars.get(name)
      if (!value) missing.add(name)
      else if (raw.get(name)?.includes('$')) visit(raw.get(name) as string, new Set([...seen, name]))
    }
  }
  visit(text, new Set())
  return [...missing]
}

/** The global ARG a FROM takes its image from, with the line it is declared on. */
function argOf(df: ParsedDockerfile, written: string): { name: string; line: number } | undefined {
  const name = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(written)?.[1]
  const arg = df.ast.getInitialARGs().find(a => a.getProperty()?.getName() === name)
  return name && arg ? { name, line: startLine(arg) } : undefined
}

/** One place an external image is named: a FROM, a COPY --from or a RUN --mount from. */
interface ImageUse {
  line: number
  /** `FROM on line 3`, `COPY --from on line 9`… */
  where: string
  written: string
  image: string
  /** Variables the reference needs that have no value. */
  unresolved: string[]
  /** The ARG the reference comes from, when it is written as one. */
  arg?: { name: string; line: number }
}

function imageUses(ctx: RuleContext): ImageUse[] {
  const { df } = ctx
  const uses: ImageUse[] = []
  const stageName = (from: string): boolean =>
    /^\d+$/.test(from) || df.stages.some(s => s.name === from.toLowerCase())
  for (const stage of df.stages) {
    if (stage.image.toLowerCase() === 'scratch' || isStageReference(df, stage)) continue
    uses.push({
      line: stage.line,
      where: `FROM on line ${human(stage.line)}`,
      written: stage.written,
      image: stage.image,
      unresolved: unresolvedArgs(df, stage.written),
      // Only a FROM that is all one ARG is pinned at the ARG; `golang:${GO}-alpine` is fixed on the FROM.
      arg: /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(stage.written) ? argOf(df, stage.written) : undefined
    })
  }
  const add = (i: Instruction, stage: Stage, what: string, written: string): void => {
    const vars = varsAt(df, stage, i)
    const image = substitute(written, vars)
    if (!image || stageName(image)) return
    const line = startLine(i)
    uses.push({
      line,
      where: `${what} on line ${human(line)}`,
      written,
      image,
      unresolved: unresolvedArgs(df, written, vars)
    })
  }
  for (const [i, stage] of instructionsOf(df.stages)) {
    const kw = keyword(i)
    if (kw === 'COPY' || kw === 'ADD') {
      const from = flag(i, 'from')
      if (from) add(i, stage, `${kw} --from`, unquote(from))
    } else if (kw === 'RUN')
      for (const mount of flags(i, 'mount')) {
        const from = /(?:^|,)from=([^,]+)/.exec(mount)?.[1]
        if (from) add(i, stage, 'RUN --mount from', unquote(from))
      }
  }
  return uses
}

const DIGEST = 'sha256:<digest>'

/** The reference written out in full: registry, tag and digest. */
function pinnedForm(ref: ImageRef): string {
  return `${canonicalName(ref)}:${ref.tag && ref.tag !== 'latest' ? ref.tag : '<tag>'}@${ref.digest ?? DIGEST}`
}

/** What is wrong with a reference, and how bad it is (see docs/rules/OP001.md). */
function problemsOf(ref: ImageRef): { level: Level; problems: string[] } | undefined {
  const problems: string[] = []
  let level: Level = 'info'
  const worst = (l: Level): void => {
    if (l === 'error' || (l === 'warning' && level === 'info')) level = l
  }
  if (!ref.digest) {
    worst('error')
    if (!ref.tag) problems.push('has no tag (docker takes "latest") and no digest')
    else if (ref.tag === 'latest') problems.push('uses the mutable "latest" tag and no digest')
    else problems.push('is not pinned by a @sha256: digest (a tag can be moved to other content)')
  }
  if (!ref.registry) {
    worst('warning')
    problems.push('names no registry')
  }
  // Pinned: the tag would only say which version the digest is, hence info.
  if (ref.digest && !ref.tag) problems.push('is pinned but has no tag saying which version it is')
  return problems.length ? { level, problems } : undefined
}

/** A named context's value checked where it is defined. */
function contextHit(use: ImageUse, name: string, context: NamedContext): Hit | undefined {
  const image = /^docker-image:\/\/(.+)$/.exec(context.value)?.[1]
  if (!image) return undefined
  const found = problemsOf(splitImageRef(image))
  if (!found) return undefined
  return {
    line: use.line,
    level: found.level,
    message: `${use.where} uses the named context "${name}", which ${context.definedIn} sets to "${context.value}": that image ${found.problems.join(', ')}; pin it where it is defined: ${context.definedIn} (docker-image://${pinnedForm(splitImageRef(image))})`
  }
}

function useHits(ctx: RuleContext, use: ImageUse): Hit[] {
  const contexts = ctx.namedContexts ?? new Map<string, NamedContext>()
  const fromArg = use.arg ? `ARG ${use.arg.name} on line ${human(use.arg.line)}` : undefined
  if (use.unresolved.length) {
    const names = use.unresolved.map(n => `"${n}"`).join(', ')
    return [
      {
        line: use.line,
        level: 'warning',
        message: `${use.where} takes its image from build-arg ${names}, which has no default, so the image cannot be checked: pin it where it is defined: give the ARG a pinned default (registry/name:tag@sha256:…), or pin the value passed in build-args, docker-bake.hcl or --build-arg`
      }
    ]
  }
  const context = contexts.get(use.image) ?? contexts.get(use.image.toLowerCase())
  if (context) {
    const hit = contextHit(use, use.image, context)
    return hit ? [hit] : []
  }
  if (!isImageReference(use.image))
    return [
      {
        line: use.line,
        level: 'warning',
        message: `${use.where} resolves to "${use.image}"${fromArg ? ` (the default of ${fromArg})` : ''}, a placeholder rather than an image, so the build depends on what is passed in: pin it where it is defined: the ARG default, build-args, docker-bake.hcl or --build-context`
      }
    ]
  const ref = splitImageRef(use.image)
  const found = problemsOf(ref)
  if (!found) return []
  const bare = !ref.registry && !ref.name.includes('/') && !ref.tag && !ref.digest
  if (bare && !isOfficialImage(ref.name))
    return [
      {
        line: use.line,
        level: 'warning',
        message: `${use.where} names "${use.image}", which is no Docker Hub image: if it is a named build context (docker buildx bake "contexts", --build-context) or an image built beside this one, pin it where it is defined: docker-bake.hcl or the --build-context value; if it is an image, write it in full (registry/name:tag@sha256:…)`
      }
    ]
  const fix = fromArg
    ? `pin it where it is defined: ${fromArg} (${pinnedForm(ref)})`
    : use.written.includes('$')
      ? `write it so that it resolves to "${pinnedForm(ref)}"`
      : `write "${pinnedForm(ref)}"`
  return [
    {
      line: use.line,
      level: found.level,
      message: `${use.where}: "${use.image}" ${found.problems.join(', ')}: ${fix}`
    }
  ]
}

export const pinned: Rule = {
  id: 'OP001',
  level: 'error',
  title: 'Images are fully qualified, tagged and pinned by digest',
  sameAs: ['DL3006', 'DL3007', 'DS001'],
  check: ctx => imageUses(ctx).flatMap(use => useHits(ctx, use))
}
