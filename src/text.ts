/* eslint-disable no-control-regex */
/**
 * Text from tools and images (package names, titles, tool output) on its way to a log, an
 * annotation or a table: terminal escape sequences, control characters (a `\r` that starts a new
 * line for the runner, an ESC that rewrites GitLab's log) and the bidirectional overrides that make
 * text read otherwise than it is, are taken out. Tabs and newlines stay.
 */
const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export function stripControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '')
}

/** One line of a table or an annotation title: no control characters, newlines as spaces. */
export const oneLine = (text: string): string => stripControls(text).replace(/\s*\n\s*/g, ' ')

/**
 * What to mask for a secret: the whole value and each of its lines (a runner masks line by line,
 * so a multi-line secret, a JSON key say, is never matched whole). Lines of fewer than 3 characters
 * (`{`, `}`) are left: masking them would blank the log and hide nothing.
 */
export function secretParts(value: string): string[] {
  const lines = value.includes('\n') ? value.split(/\r?\n/).map(l => l.trim()) : []
  return [...new Set([value, ...lines.filter(l => l.length >= 3)].filter(Boolean))]
}

/** A Markdown table cell from text of a tool or an image: one line, no pipes, no HTML tags. */
export const markdownCell = (text: string): string =>
  oneLine(text).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A link target: only http(s) URLs, with blanks, brackets and control characters percent-encoded. */
export const linkTarget = (url: string): string | undefined =>
  /^https?:\/\//i.test(url)
    ? url.replace(/[\s()<>\u0000-\u001f\u007f]/g, c => encodeURIComponent(c))
    : undefined

/** Text in a Markdown code span of a table: one line, no pipes; a backtick becomes a quote. */
export const markdownCode = (text: string): string =>
  '`' + oneLine(text).replace(/\|/g, '\\|').replace(/`/g, "'") + '`'

/**
 * Sorting order for IDs, names and paths: code units, the same on every machine. `localeCompare`
 * follows the runner's locale, and its first call starts ICU's collator: about 10 ms of the
 * action's start when the checklist's rules were sorted with it (docs/performance.md).
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
