import { parse } from 'csv-parse/sync'
import { InputError } from '../errors.js'

/**
 * An input holding a list, one item per line or comma-separated, with CSV quoting for items that
 * hold commas (the syntax of docker/build-push-action's list inputs).
 */
export function parseList(input: string, value: string, opts: { commas?: boolean } = {}): string[] {
  const items: string[] = []
  for (const line of value.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    if (opts.commas === false) {
      items.push(line.trim())
      continue
    }
    items.push(...csvFields(input, line))
  }
  return items.filter(i => i.length > 0)
}

/** One CSV line, quotes honoured (`"a,b",c` is two fields). */
export function csvFields(input: string, line: string): string[] {
  try {
    const rows = parse(line, { relaxQuotes: true, skipEmptyLines: true, trim: true }) as string[][]
    return (rows[0] ?? []).map(f => f.trim())
  } catch (e) {
    throw new InputError(input, `cannot read "${line.trim()}": ${(e as Error).message}`)
  }
}

/** `key=value` pairs, one per line. Keys must be non-empty; values may be empty. */
export function parseKeyValues(input: string, value: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) throw new InputError(input, `"${line}" is not of the form key=value`)
    pairs.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()])
  }
  return pairs
}

/** `key=value,key=value` attributes of one rule line (tag rules, flavor, images). */
export function parseAttrs(input: string, line: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const field of csvFields(input, line)) {
    const eq = field.indexOf('=')
    if (eq <= 0) throw new InputError(input, `"${field}" in "${line.trim()}" is not of the form key=value`)
    const key = field.slice(0, eq).trim().toLowerCase()
    if (attrs.has(key)) throw new InputError(input, `"${key}" is given twice in "${line.trim()}"`)
    attrs.set(key, field.slice(eq + 1).trim())
  }
  return attrs
}

export function parseBool(input: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(v)) return true
  if (['false', 'no', '0', 'off'].includes(v)) return false
  throw new InputError(input, `"${value}" is not a boolean (true or false)`)
}
