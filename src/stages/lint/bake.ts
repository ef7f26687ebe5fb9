import { existsSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { NamedContext } from './checklist/types.js'

/** The files `docker buildx bake` reads by default, in its order (later ones override). */
export const BAKE_FILES = [
  'docker-bake.json',
  'docker-bake.hcl',
  'docker-bake.override.json',
  'docker-bake.override.hcl'
]

/** One bake target: the Dockerfile it builds (relative to the bake file) and its named contexts. */
interface BakeTarget {
  dockerfile: string
  contexts: Array<[string, string]>
}

const clean = (p: string): string => p.replace(/^\.\//, '').replace(/\/+$/, '') || '.'

/** `target "x" { … }` blocks of an HCL file, read without a full HCL parser (strings, comments, nesting). */
function hclTargets(text: string): BakeTarget[] {
  const targets: BakeTarget[] = []
  const noComments = text.replace(/^\s*(#|\/\/).*$/gm, '')
  for (const head of noComments.matchAll(/\btarget\s+"[^"]*"\s*\{/g)) {
    let depth = 1
    let n = (head.index ?? 0) + head[0].length
    const start = n
    for (; n < noComments.length && depth > 0; n++) {
      const c = noComments[n]
      if (c === '"') n = noComments.indexOf('"', n + 1)
      else if (c === '{') depth++
      else if (c === '}') depth--
      if (n < 0) break
    }
    const body = noComments.slice(start, n - 1)
    const attr = (name: string): string | undefined =>
      new RegExp(`(?:^|\\n)\\s*${name}\\s*=\\s*"([^"]*)"`).exec(body)?.[1]
    const contexts: Array<[string, string]> = []
    for (const block of body.matchAll(/\bcontexts\s*=\s*\{([^}]*)\}/g))
      for (const pair of (block[1] as string).matchAll(/"?([A-Za-z0-9._/:@-]+)"?\s*=\s*"([^"]*)"/g))
        contexts.push([pair[1] as string, pair[2] as string])
    const context = clean(attr('context') ?? '.')
    targets.push({ dockerfile: clean(join(context, attr('dockerfile') ?? 'Dockerfile')), contexts })
  }
  return targets
}

function jsonTargets(text: string): BakeTarget[] {
  try {
    const doc = JSON.parse(text) as {
      target?: Record<string, { context?: string; dockerfile?: string; contexts?: Record<string, string> }>
    }
    return Object.values(doc.target ?? {}).map(t => ({
      dockerfile: clean(join(t.context ?? '.', t.dockerfile ?? 'Dockerfile')),
      contexts: Object.entries(t.contexts ?? {}).map(([k, v]) => [k, String(v)] as [string, string])
    }))
  } catch {
    return []
  }
}

/**
 * The named contexts (`contexts = { name = "value" }`) the bake files in `dir` give the Dockerfile
 * at `dockerfilePath`: those of the targets that build it, or of every target when none names it.
 * A `FROM name` that one of them defines is a context, not a Docker Hub image, and is pinned in
 * the bake file.
 */
export function bakeContexts(dir: string, dockerfilePath?: string): Map<string, NamedContext> {
  const file = dockerfilePath ? relative(dir, dockerfilePath).split(sep).join('/') : undefined
  const targets: Array<BakeTarget & { definedIn: string }> = []
  for (const name of BAKE_FILES) {
    const path = join(dir, name)
    if (!existsSync(path)) continue
    const text = readFileSync(path, 'utf8')
    for (const t of name.endsWith('.json') ? jsonTargets(text) : hclTargets(text))
      targets.push({ ...t, definedIn: name })
  }
  const own = targets.filter(t => t.dockerfile === file)
  const contexts = new Map<string, NamedContext>()
  for (const t of own.length ? own : targets)
    for (const [name, value] of t.contexts)
      if (!contexts.has(name) || own.length) contexts.set(name, { value, definedIn: t.definedIn })
  return contexts
}
