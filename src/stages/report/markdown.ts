/** Small pieces of GitHub-flavoured Markdown the summary is made of. */

/** Text safe in a table cell: pipes escaped, one line. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

/** Inline code that a backtick in the text cannot end. */
export const code = (text: string): string => '`' + text.replace(/`/g, "'") + '`'

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export const firstLine = (text: string): string => text.split('\n')[0] ?? ''

/** `0.4 s`, `12.3 s`, `2 min 5 s`. */
export function duration(ms: number | undefined): string {
  if (ms === undefined) return '–'
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(1)} s`
  const m = Math.floor(s / 60)
  return `${m} min ${Math.round(s - m * 60)} s`
}

/** A collapsed block: `summary` is shown, `body` only when opened. */
export function details(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', '']
}

/** A Markdown table; cells are escaped by the caller (they may hold links and code). */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align?: string[]
): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${(align ?? head.map(() => '---')).join('|')}|`,
    ...rows.map(r => `| ${r.join(' | ')} |`)
  ]
}
