import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A file of the build context, its path relative to the context with `/` separators. */
export interface ContextFile {
  path: string
  size: number
}

/** Enough to list a large repository without reading all of it. */
const MAX_FILES = 20000

/** The `.dockerignore` BuildKit uses: `<Dockerfile>.dockerignore` beside the Dockerfile wins. */
export function dockerignorePath(context: string, dockerfilePath?: string): string | undefined {
  const candidates = [
    dockerfilePath ? `${dockerfilePath}.dockerignore` : undefined,
    join(context, '.dockerignore')
  ]
  return candidates.find((p): p is string => !!p && existsSync(p))
}

/** `.dockerignore` patterns as a predicate (Go filepath.Match with `**`, `!` exceptions, last match wins). */
export function dockerignoreMatcher(text: string): (path: string) => boolean {
  const rules = text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'))
    .map(l => {
      const negate = l.startsWith('!')
      const pattern = (negate ? l.slice(1) : l)
        .trim()
        .replace(/^\/+|\/+$/g, '')
        .replace(/^\.\//, '')
      return { negate, re: globToRegExp(pattern) }
    })
  return (path: string): boolean => {
    let ignored = false
    for (const rule of rules) if (rule.re.test(path)) ignored = !rule.negate
    return ignored
  }
}

/** A pattern matches the path itself or any directory above it (as BuildKit excludes whole folders). */
function globToRegExp(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*'
      i++
      if (pattern[i + 1] === '/') i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const close = pattern.indexOf(']', i)
      if (close < 0) re += '\\['
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, '^')}]`
        i = close
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${re}(/.*)?$`)
}

/** The context's files that a build would send, `.dockerignore` applied; undefined when there is no local context. */
export function listContext(context: string | undefined, dockerfilePath?: string): ContextFile[] | undefined {
  if (!context || !existsSync(context) || !statSync(context).isDirectory()) return undefined
  const ignoreFile = dockerignorePath(context, dockerfilePath)
  const ignored = ignoreFile ? dockerignoreMatcher(readFileSync(ignoreFile, 'utf8')) : () => false
  const files: ContextFile[] = []
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (files.length >= MAX_FILES) return
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name
      if (ignored(rel)) continue
      if (entry.isDirectory()) walk(join(dir, entry.name), rel)
      else if (entry.isFile()) files.push({ path: rel, size: statSync(join(dir, entry.name)).size })
    }
  }
  walk(context, '')
  return files
}

/** Files a COPY source (a path, a directory or a glob) takes from the context. */
export function filesOfSource(files: readonly ContextFile[], source: string): ContextFile[] {
  const clean = source.replace(/^\.?\/+/, '').replace(/\/+$/, '')
  if (clean === '' || clean === '.') return [...files]
  const re = globToRegExp(clean)
  return files.filter(f => re.test(f.path))
}
