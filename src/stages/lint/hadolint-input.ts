import { DockerfileParser } from 'dockerfile-ast'

/**
 * BuildKit syntax hadolint 2.12 cannot parse: on any of it, hadolint reports one DL1000 and checks
 * nothing else. We hand it a copy it can read, with every line where it was:
 * - flags it does not know (`ADD --checksum`, `--keep-git-dir`, `--unpack`, `COPY --exclude`) are
 *   blanked in place (the checklist checks those instructions);
 * - the body and delimiter of a `<<-` here-document lose their leading tabs (what `<<-` means);
 * - a here-document's delimiter line is followed by a blank line, which hadolint needs before the
 *   next instruction; `lineMap` takes its line numbers back to the Dockerfile's.
 */
export interface HadolintInput {
  text: string
  /** 1-based line in `text` → 1-based line in the Dockerfile. */
  lineMap: number[]
}

const UNKNOWN_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack', 'exclude'])

export function hadolintInput(dockerfile: string): HadolintInput {
  const lines = dockerfile.split('\n')
  const blankAfter = new Set<number>()
  const untab = new Set<number>()
  for (const instruction of DockerfileParser.parse(dockerfile).getInstructions()) {
    const withFlags = instruction as unknown as {
      getFlags?(): Array<{ getName(): string; getRange(): Range }>
      getHeredocs?(): Array<{
        getStartRange(): Range
        getContentRange(): Range | null
        getDelimiterRange(): Range | null
      }>
    }
    for (const flag of withFlags.getFlags?.() ?? []) {
      if (!UNKNOWN_FLAGS.has(flag.getName())) continue
      const { start, end } = flag.getRange()
      if (start.line !== end.line) continue
      const line = lines[start.line] ?? ''
      lines[start.line] =
        line.slice(0, start.character) +
        ' '.repeat(end.character - start.character) +
        line.slice(end.character)
    }
    let last = -1
    for (const heredoc of withFlags.getHeredocs?.() ?? []) {
      const delimiter = heredoc.getDelimiterRange()
      if (!delimiter) continue
      const opener = lines[heredoc.getStartRange().start.line] ?? ''
      if (opener.slice(heredoc.getStartRange().start.character).startsWith('<<-')) {
        const from = heredoc.getContentRange()?.start.line ?? delimiter.start.line
        for (let n = from; n <= delimiter.start.line; n++) untab.add(n)
      }
      last = Math.max(last, delimiter.end.line)
    }
    if (last >= 0) blankAfter.add(last)
  }
  const out: string[] = []
  const lineMap: number[] = []
  lines.forEach((line, n) => {
    out.push(untab.has(n) ? line.replace(/^\t+/, '') : line)
    lineMap.push(n + 1)
    if (blankAfter.has(n) && (lines[n + 1] ?? '').trim() !== '') {
      out.push('')
      lineMap.push(n + 1)
    }
  })
  return { text: out.join('\n'), lineMap }
}

interface Range {
  start: { line: number; character: number }
  end: { line: number; character: number }
}
