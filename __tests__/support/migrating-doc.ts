import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './env.js'
import type { Recorded } from './recorded.js'

/*
 * docs/migrating.md, read as data: each `<!-- migration: <example>, <part> -->` marks the YAML
 * block, table or paragraph that follows it. The test checks the doc against the code, so the two
 * cannot drift apart.
 */

export const MIGRATING = readFileSync(join(ROOT, 'docs', 'migrating.md'), 'utf8')

export interface Step {
  uses?: string
  id?: string
  with?: Record<string, string | boolean | number>
}

const MARK = /<!-- migration: ([\w-]+), ([\w-]+) -->\s*\n/g

/** What follows each marker: a ```yaml block's text, or the lines up to the next blank line. */
function parts(): Map<string, string> {
  const found = new Map<string, string>()
  for (const m of MIGRATING.matchAll(MARK)) {
    const rest = MIGRATING.slice((m.index ?? 0) + m[0].length)
    const yaml = /^```yaml\n([\s\S]*?)```/.exec(rest)
    found.set(`${m[1]}/${m[2]}`, yaml ? (yaml[1] as string) : (rest.split(/\n\s*\n/)[0] as string))
  }
  return found
}
const PARTS = parts()

export function part(example: string, name: string): string {
  const text = PARTS.get(`${example}/${name}`)
  if (text === undefined) throw new Error(`docs/migrating.md has no "${example}, ${name}"`)
  return text
}

/** The steps of a YAML block. */
export const steps = (example: string, name: string): Step[] =>
  (parse(part(example, name)) as { steps: Step[] }).steps

/** The `with:` of the step using `action` (by its name before the @), as strings. */
export function withOf(stepList: Step[], action: string): Record<string, string> {
  const step = stepList.find(s => s.uses?.split('@')[0] === action)
  if (!step) throw new Error(`no step uses ${action}`)
  return Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]))
}

/** A table's rows, cells trimmed, backticks dropped (`\|` is a | inside a cell). */
export function table(example: string, name: string): string[][] {
  return part(example, name)
    .split('\n')
    .filter(l => l.trim().startsWith('|'))
    .slice(2)
    .map(l =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map(c => c.trim().replace(/\\\|/g, '|').replace(/`/g, ''))
    )
}

/** The names written in backticks in a paragraph. */
export const backticked = (example: string, name: string): string[] =>
  [...part(example, name).matchAll(/`([^`]+)`/g)].map(m => m[1] as string)

/** A recorded runner context of the event, and the ref as variables. */
export function contextOf(event: string, ref: string): [Recorded, Record<string, string>] {
  const recorded: Record<string, Recorded> = {
    push: 'push-main',
    pull_request: 'pull-request',
    workflow_dispatch: 'workflow-dispatch',
    schedule: 'schedule'
  }
  const name = recorded[event]
  if (!name) throw new Error(`no recorded context for the event ${event}`)
  return [name, { GITHUB_REF: ref }]
}

/** `${{ steps.meta.outputs.X }}` replaced by the outputs given; other expressions are left out. */
export function resolved(
  inputs: Record<string, string>,
  outputs: Record<string, string>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(inputs)) {
    const ref = /^\$\{\{\s*steps\.meta\.outputs\.([\w-]+)\s*\}\}$/.exec(v.trim())
    if (ref) out[k] = outputs[ref[1] as string] ?? ''
    else if (!v.includes('${{')) out[k] = v
  }
  return out
}
