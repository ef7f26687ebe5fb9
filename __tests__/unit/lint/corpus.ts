import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { Finding } from '../../../src/findings.js'
import { RULES } from '../../../src/stages/lint/checklist/registry.js'
import { quiet } from '../../support/quiet-reporter.js'
import { parseLintOptions, runLint, type LintResult } from '../../../src/stages/lint/index.js'
import type { LintTools } from '../../../src/stages/lint/index.js'
import { DOCKERFILES } from './fixtures.js'

/** The project's own Dockerfiles of many ecosystems, with the findings expected on each. */
export const CORPUS = join(DOCKERFILES, 'corpus')

/**
 * One corpus Dockerfile: a `*.Dockerfile` at the top is linted with an empty build context;
 * a Dockerfile in a folder is linted with that folder as workspace and context (its bake file,
 * `.oci-pipeline.yaml`, `.dockerignore` and files count).
 */
export interface CorpusEntry {
  /** Its path under corpus/, the key in expected.yaml. */
  name: string
  workspace: string
  file: string
  /** Undefined: an empty directory. */
  context?: string
}

export function corpusEntries(): CorpusEntry[] {
  const entries: CorpusEntry[] = []
  for (const name of readdirSync(CORPUS).sort()) {
    const path = join(CORPUS, name)
    if (name.endsWith('.Dockerfile')) entries.push({ name, workspace: CORPUS, file: name })
    else if (statSync(path).isDirectory())
      for (const file of dockerfilesUnder(path))
        entries.push({ name: `${name}/${file}`, workspace: path, file, context: '.' })
  }
  return entries
}

function dockerfilesUnder(dir: string, prefix = ''): string[] {
  const found: string[] = []
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...dockerfilesUnder(dir, rel))
    else if (/^Dockerfile(\.[^.]+)?$/.test(entry.name) && !entry.name.endsWith('.dockerignore'))
      found.push(rel)
  }
  return found
}

/** `OP001 3 error`: how expected.yaml lists a finding. */
export const brief = (f: Finding): string => `${f.ruleId} ${f.line} ${f.level}`

export interface Expected {
  /** The checklist's findings, as runLint reports them with linters: checklist. */
  checklist: string[]
  /** hadolint 2.12.0, Trivy 0.69.3 and the checklist merged, as runLint reports them. */
  merged: string[]
  /** Findings judged wrong against the guides (`OP006 1`), with the reason. */
  wrong?: Record<string, string>
}

export function readExpected(): Record<string, Expected> {
  return parseYaml(readFileSync(join(CORPUS, 'expected.yaml'), 'utf8')) as Record<string, Expected>
}

/** Lints one corpus Dockerfile through runLint, the way the pipeline does, with the engines given. */
export async function lintEntry(
  entry: CorpusEntry,
  linters: string,
  tools: LintTools = {}
): Promise<LintResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'corpus-'))
  try {
    const opts = parseLintOptions(name => ({ linters })[name] ?? '')
    return await runLint(
      {
        ...opts,
        file: entry.file,
        context: entry.context ?? join(scratch, 'context'),
        labelSchemas: ['oci'],
        workspace: entry.workspace,
        reportDir: join(scratch, 'reports'),
        trivyCacheDir: join(scratch, 'trivy-cache')
      },
      tools,
      quiet
    )
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

export const corpusPath = (entry: CorpusEntry): string => relative(CORPUS, join(entry.workspace, entry.file))

/** Per checklist rule: its findings on the corpus, and how many of them were judged right. */
export function precision(expected: Record<string, Expected>): Map<string, { found: number; right: number }> {
  const table = new Map(RULES.map(r => [r.id, { found: 0, right: 0 }]))
  for (const e of Object.values(expected))
    for (const f of e.checklist) {
      const [rule, line] = f.split(' ')
      const row = table.get(rule as string) as { found: number; right: number }
      row.found++
      if (!e.wrong?.[`${rule} ${line}`]) row.right++
    }
  return table
}
