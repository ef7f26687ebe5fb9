import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { InputError } from '../../errors.js'
import type { SuppressedFinding } from './model.js'

/** Where a line of the ignore file Trivy was given came from (several files are merged into one). */
export interface IgnoreOrigin {
  file: string
  line: number
}

/** The one ignore file Trivy is given, and the file and line each of its lines came from. */
export interface IgnorePlan {
  path: string
  origins: IgnoreOrigin[]
}

const linesOf = (file: string): string[] => readFileSync(file, 'utf8').replace(/\s+$/, '').split(/\r?\n/)

/**
 * One ignore file for Trivy (it takes one): the one given, or the plain ones concatenated into
 * `dir`. Each line keeps the file and line it came from, for the summary's list of hidden findings.
 */
export function ignorePlan(files: readonly string[], dir: string): IgnorePlan | undefined {
  for (const f of files) if (!existsSync(f)) throw new InputError('trivyignores', `${f} does not exist`)
  if (files.length === 0) return undefined
  const origins = files.flatMap(file => linesOf(file).map((_, i) => ({ file, line: i + 1 })))
  if (files.length === 1) return { path: files[0] as string, origins }
  if (files.some(f => /\.ya?ml$/.test(f)))
    throw new InputError('trivyignores', 'a YAML ignore file cannot be merged with others: give one')
  const path = join(dir, 'trivyignore')
  writeFileSync(path, files.flatMap(linesOf).join('\n') + '\n')
  return { path, origins }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The line naming `id` in an ignore file: a plain line whose first word is the ID (`CVE-… exp:…`),
 * or a YAML `id:` entry. Undefined when it names it nowhere (a policy, a glob of paths).
 */
export function lineOfId(text: string, id: string): number | undefined {
  const yaml = new RegExp(`^\\s*(-\\s*)?id:\\s*["']?${escapeRegExp(id)}["']?\\s*(#.*)?$`)
  const lines = text.split(/\r?\n/)
  const i = lines.findIndex(l => l.trim().split(/\s+/)[0] === id || yaml.test(l))
  return i >= 0 ? i + 1 : undefined
}

/** Each hidden finding with the file (and line) that hid it: an ignore file's own line, or the policy file. */
export function locateSuppressed(
  found: readonly SuppressedFinding[],
  ignore: IgnorePlan | undefined
): SuppressedFinding[] {
  return found.map(s => {
    if (!ignore || s.source !== ignore.path) return s
    const line = lineOfId(readFileSync(ignore.path, 'utf8'), s.id)
    const origin = line !== undefined ? ignore.origins[line - 1] : undefined
    return origin
      ? { ...s, source: origin.file, line: origin.line }
      : { ...s, source: ignore.origins[0]?.file ?? s.source }
  })
}

/** `file:line` as the summary shows it, relative to the workspace. */
export const hiddenBy = (s: SuppressedFinding, workspace?: string): string => {
  const rel = workspace && s.source.startsWith('/') ? relative(workspace, s.source) : ''
  // A file outside the workspace (a VEX file given by an absolute path) keeps its path.
  const file = rel && !rel.startsWith('..') ? rel : s.source
  return `${file || 'unknown'}${s.line ? `:${s.line}` : ''}`
}
