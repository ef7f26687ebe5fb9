import { stageChain, type ParsedDockerfile, type Stage } from '../../dockerfile.js'
import type { Level } from '../../../findings.js'
import { human, type Hit, type Rule, type RuleContext } from './types.js'

export interface ImageRef {
  /** Registry host as written, undefined when docker would assume docker.io. */
  registry?: string
  /** Name without tag and digest, as written. */
  name: string
  tag?: string
  digest?: string
}

/** Splits `registry/path:tag@sha256:…` the way docker reads it. */
export function splitImageRef(ref: string): ImageRef {
  const at = ref.indexOf('@')
  const digest = at >= 0 ? ref.slice(at + 1) : undefined
  const rest = at >= 0 ? ref.slice(0, at) : ref
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  const tag = colon > slash ? rest.slice(colon + 1) : undefined
  const name = colon > slash ? rest.slice(0, colon) : rest
  const first = name.includes('/') ? name.slice(0, name.indexOf('/')) : undefined
  const registry =
    first && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined
  return { registry, name, tag, digest }
}

/** A FROM that names an earlier stage (`FROM build`) rather than an image. */
export const isStageReference = (df: ParsedDockerfile, stage: Stage): boolean =>
  df.stages.some(s => s.index < stage.index && s.name === stage.image.toLowerCase())

/** Variables of `text` that no ARG default (nor build-arg) gives a value, followed through ARG defaults. */
export function unresolvedArgs(df: ParsedDockerfile, text: string): string[] {
  const raw = new Map<string, string>()
  for (const arg of df.ast.getInitialARGs()) {
    const prop = arg.getProperty()
    if (prop) raw.set(prop.getName(), prop.getValue() ?? '')
  }
  const missing = new Set<string>()
  const visit = (t: string, seen: Set<string>): void => {
    for (const m of t.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}?/g)) {
      const name = m[1] as string
      if (m[2] || seen.has(name)) continue
      if (!df.globalArgs.get(name)) missing.add(name)
      else if (raw.get(name)?.includes('$')) visit(raw.get(name) as string, new Set([...seen, name]))
    }
  }
  visit(text, new Set())
  return [...missing]
}

const pinned: Rule = {
  id: 'OP001',
  level: 'error',
  title: 'Base images are fully qualified, tagged and pinned by digest',
  sameAs: ['DL3006', 'DL3007', 'DS001'],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    for (const stage of ctx.df.stages) {
      if (stage.image.toLowerCase() === 'scratch' || isStageReference(ctx.df, stage)) continue
      const where = `FROM on line ${human(stage.line)}`
      const unresolved = unresolvedArgs(ctx.df, stage.written)
      if (unresolved.length) {
        const names = unresolved.map(n => `"${n}"`).join(', ')
        hits.push({
          line: stage.line,
          level: 'warning',
          message: `${where} takes its image from build-arg ${names}, which has no default: give the ARG a pinned default so the base can be checked`
        })
        continue
      }
      const ref = splitImageRef(stage.image)
      const problems: string[] = []
      let level: Level = 'warning'
      if (!ref.digest && (!ref.tag || ref.tag === 'latest')) {
        level = 'error'
        problems.push(ref.tag ? 'uses the mutable "latest" tag' : 'has no tag (docker takes "latest")')
      }
      if (!ref.registry)
        problems.push(
          `names no registry (write "docker.io/${ref.name.includes('/') ? '' : 'library/'}${ref.name}")`
        )
      if (ref.tag === undefined && ref.digest) problems.push('has a digest but no tag saying what it is')
      if (!ref.digest) problems.push('is not pinned by a @sha256: digest')
      if (problems.length)
        hits.push({ line: stage.line, level, message: `${where}: "${stage.image}" ${problems.join(', ')}` })
    }
    return hits
  }
}

/** Images that count as minimal final bases; `lint-minimal-bases` adds to them. */
export const DEFAULT_MINIMAL_BASES = [
  '*distroless*',
  'cgr.dev/chainguard/*',
  '*chainguard*',
  '*-slim',
  '*:*slim*',
  '*minimal*',
  '*alpine*',
  '*busybox*',
  'artefact.skao.int/ska-base:*',
  'artefact.skao.int/ska-python:*',
  'artefact.skao.int/ska-node:*',
  'artefact.skao.int/ska-webserver:*',
  'artefact.skao.int/ska-cuda:*'
]

/** `*` matches any run of characters (slashes too), `?` one character; the whole name must match. */
export function globMatch(pattern: string, text: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${re}$`, 'i').test(text)
}

const minimal: Rule = {
  id: 'OP006',
  level: 'warning',
  title: 'The final stage starts from a minimal image',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const chain = stageChain(ctx.df, ctx.final)
    const root = chain[chain.length - 1] as Stage
    if (root.image.toLowerCase() === 'scratch' || unresolvedArgs(ctx.df, root.written).length) return []
    const ref = splitImageRef(root.image)
    const nameTag = ref.tag ? `${ref.name}:${ref.tag}` : ref.name
    if (ctx.minimalBases.some(p => globMatch(p, nameTag))) return []
    return [
      {
        line: ctx.final.line,
        message: `The final stage (FROM on line ${human(ctx.final.line)}) is built on "${nameTag}", which is not a minimal image: copy the results into a distroless, chainguard, slim or alpine base (or add it to lint-minimal-bases)`
      }
    ]
  }
}

export const imageRules = [pinned, minimal]
