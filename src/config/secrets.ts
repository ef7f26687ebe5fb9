import { parse } from 'csv-parse/sync'
import { InputError } from '../errors.js'

export const SECRET_ID = /^[A-Za-z0-9_.-]+$/

/**
 * The `secrets` input as docker/build-push-action reads it: CSV records, one `id=value` each, a
 * quoted record running over several lines (a PEM key, an .npmrc). Values are kept as written.
 */
export function parseSecrets(value: string): Array<[string, string]> {
  if (!value.trim()) return []
  let records: string[][]
  try {
    records = parse(value, {
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true
    }) as string[][]
  } catch (e) {
    // The parser's message may quote the value: only the line is told.
    const line = (e as { lines?: number }).lines
    throw new InputError('secrets', `cannot be read as CSV${line ? ` (line ${line})` : ''}: check its quotes`)
  }
  const secrets: Array<[string, string]> = []
  for (const record of records) {
    const entry = record.join(',')
    if (!entry.trim() || entry.trim().startsWith('#')) continue
    const eq = entry.indexOf('=')
    const id = entry.slice(0, Math.max(eq, 0)).trim()
    const secret = entry.slice(eq + 1)
    if (eq <= 0 || !id) throw new InputError('secrets', 'an entry is not of the form id=value')
    if (!SECRET_ID.test(id)) throw new InputError('secrets', `"${id}" is not a valid secret id`)
    if (!secret) throw new InputError('secrets', `"${id}" has an empty value`)
    secrets.push([id, secret])
  }
  return secrets
}

/** The values to mask in logs: each secret whole and each of its lines. */
export function secretValues(value: string): string[] {
  try {
    return parseSecrets(value).flatMap(([, v]) => [v, ...v.split(/\r?\n/).map(l => l.trim())])
  } catch {
    // Unreadable: mask every line's value, as the input is refused later anyway.
    return value.split(/\r?\n/).flatMap(l => (l.includes('=') ? [l.slice(l.indexOf('=') + 1).trim()] : []))
  }
}
