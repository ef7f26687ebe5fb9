import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Finding } from '../../../src/findings.js'
import { DEFAULT_MINIMAL_BASES } from '../../../src/stages/lint/checklist/images.js'
import { RULES, runChecklist, type ChecklistInput } from '../../../src/stages/lint/checklist/registry.js'
import { ROOT } from '../../support/env.js'

export const DOCKERFILES = join(ROOT, '__tests__', 'fixtures', 'dockerfiles')

/** Every checklist rule at its own level, as `lint-rules` leaves them by default. */
export const ALL_RULES = new Map(RULES.map(r => [r.id, r.level]))

/** The checklist's findings on a fixture; a fixture in a folder is linted with that folder as its context. */
export function checklist(fixture: string, extra: Partial<ChecklistInput> = {}): Finding[] {
  const path = join(DOCKERFILES, fixture)
  return runChecklist({
    text: readFileSync(path, 'utf8'),
    file: fixture,
    dockerfilePath: path,
    context: fixture.includes('/') ? dirname(path) : undefined,
    rules: ALL_RULES,
    labelSchemas: ['oci'],
    providedLabels: [],
    minimalBases: DEFAULT_MINIMAL_BASES,
    dataSizeLimit: 10 * 1024 * 1024,
    ...extra
  })
}
