import { DockerfileParser } from 'dockerfile-ast'
import type { Finding } from '../../findings.js'
import { IMAGE_KINDS, type ImageKind } from './checklist/types.js'
import { normaliseRuleId } from './rule-ids.js'

/**
 * Opt-outs written in the Dockerfile, in hadolint's style and ours:
 *
 *     # oci-pipeline ignore=OP003,DL3008     (or # hadolint ignore=…) the next instruction only
 *     # oci-pipeline global ignore=OP006     (or # hadolint global ignore=…) the whole file
 *     # oci-pipeline image=builder           what the file builds (runtime, builder, base)
 *
 * Both spellings apply to every engine's findings, so one comment silences a problem whichever
 * engine reports it. (hadolint itself drops a whole `# hadolint ignore=` line that names an ID it
 * does not know, such as an OP rule; we read it here all the same.)
 */
export interface Pragmas {
  /** Rule IDs ignored in the whole file (normalised). */
  global: Set<string>
  /** Rule IDs ignored on a range of lines (1-based, inclusive): the instruction under the comment. */
  lines: Array<{ from: number; to: number; ids: Set<string> }>
  image?: { kind: ImageKind; line: number }
  /** Pragmas that could not be read, for a warning: line and text. */
  unreadable: Array<{ line: number; text: string }>
}

const PRAGMA = /^\s*#\s*(oci-pipeline|hadolint)\s+(.*)$/i
const IGNORE = /^(global\s+)?ignore\s*=\s*(.+)$/i
const IMAGE = /^image\s*=\s*(\S+)\s*$/i

const ids = (list: string): Set<string> =>
  new Set(
    list
      .split(/[,\s]+/)
      .map(s => s.trim())
      .filter(Boolean)
      .map(normaliseRuleId)
  )

export function readPragmas(text: string): Pragmas {
  const pragmas: Pragmas = { global: new Set(), lines: [], unreadable: [] }
  const lines = text.split(/\r?\n/)
  const instructions = DockerfileParser.parse(text).getInstructions()
  const next = (line: number): { from: number; to: number } | undefined => {
    const i = instructions.find(ins => ins.getRange().start.line > line)
    if (!i) return undefined
    // Only comments may stand between the pragma and its instruction.
    for (let n = line + 1; n < i.getRange().start.line; n++)
      if (!/^\s*#/.test(lines[n] ?? '')) return undefined
    return { from: i.getRange().start.line + 1, to: i.getRange().end.line + 1 }
  }
  lines.forEach((raw, n) => {
    const m = PRAGMA.exec(raw)
    if (!m) return
    const tool = (m[1] as string).toLowerCase()
    const body = (m[2] as string).trim()
    const ignore = IGNORE.exec(body)
    const image = IMAGE.exec(body)
    if (ignore) {
      const found = ids(ignore[2] as string)
      if (ignore[1]) for (const id of found) pragmas.global.add(id)
      else {
        const range = next(n)
        if (range) pragmas.lines.push({ ...range, ids: found })
      }
    } else if (image && tool === 'oci-pipeline') {
      const kind = (image[1] as string).toLowerCase() as ImageKind
      if (IMAGE_KINDS.includes(kind)) pragmas.image = { kind, line: n + 1 }
      else pragmas.unreadable.push({ line: n + 1, text: raw.trim() })
    } else if (tool === 'oci-pipeline') pragmas.unreadable.push({ line: n + 1, text: raw.trim() })
  })
  return pragmas
}

/** Drops the findings the Dockerfile's own comments opt out of. */
export function withoutPragmaIgnored(findings: readonly Finding[], pragmas: Pragmas): Finding[] {
  return findings.filter(f => {
    const id = normaliseRuleId(f.ruleId)
    if (pragmas.global.has(id)) return false
    return !pragmas.lines.some(r => r.ids.has(id) && f.line >= r.from && f.line <= r.to)
  })
}
