import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Finding } from '../../../src/findings.js'
import { bakeContexts } from '../../../src/stages/lint/bake.js'
import { DEFAULT_MINIMAL_BASES } from '../../../src/stages/lint/checklist/images.js'
import { RULES, runChecklist, type ChecklistInput } from '../../../src/stages/lint/checklist/registry.js'
import { ROOT } from '../../support/env.js'

export const DOCKERFILES = join(ROOT, '__tests__', 'fixtures', 'dockerfiles')

/** Every checklist rule at its own level, as `lint-rules` leaves them by default. */
export const ALL_RULES = new Map(RULES.map(r => [r.id, r.level]))

/**
 * The checklist's findings on a fixture; a fixture in a folder is linted with that folder as its
 * context, and the folder's docker-bake.hcl gives its named contexts.
 */
export function checklist(fixture: string, extra: Partial<ChecklistInput> = {}): Finding[] {
  const path = join(DOCKERFILES, fixture)
  const inFolder = fixture.includes('/')
  return runChecklist({
    text: readFileSync(path, 'utf8'),
    file: fixture,
    dockerfilePath: path,
    context: inFolder ? dirname(path) : undefined,
    rules: ALL_RULES,
    labelSchemas: ['oci'],
    providedLabels: [],
    minimalBases: DEFAULT_MINIMAL_BASES,
    dataSizeLimit: 10 * 1024 * 1024,
    namedContexts: inFolder ? bakeContexts(dirname(path), path) : undefined,
    ...extra
  })
}
