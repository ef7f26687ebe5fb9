import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { INPUTS, OUTPUTS } from '../../src/config/inputs.js'
import { ROOT } from '../support/env.js'
// @ts-expect-error: a plain ES module script, no types
import { renderAction, renderInputsDoc } from '../../scripts/docs.mjs'

const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
const action = YAML.parse(actionYml) as {
  runs: { using: string; main: string }
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
}

describe('action.yml', () => {
  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('is what src/config/inputs.json gives (node scripts/docs.mjs writes it)', () => {
    expect(actionYml).toBe(renderAction({ inputs: INPUTS, outputs: OUTPUTS }))
  })

  it('declares exactly the inputs of src/config/inputs.ts, with the same defaults and descriptions', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS.map(i => i.name))
    for (const spec of INPUTS) {
      expect([spec.name, action.inputs[spec.name]?.default ?? '']).toEqual([spec.name, spec.default])
      expect(action.inputs[spec.name]?.description).toBe(spec.description)
    }
  })

  it('declares exactly the outputs of src/config/inputs.ts', () => {
    expect(Object.keys(action.outputs)).toEqual(OUTPUTS.map(o => o.name))
  })
})

describe('docs/inputs.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'inputs.md'), 'utf8')

  it('has input and output tables that agree with action.yml (node scripts/docs.mjs rewrites them)', () => {
    expect(doc).toBe(renderInputsDoc(doc, actionYml))
    for (const name of Object.keys(action.inputs)) expect(doc).toContain(`| \`${name}\` |`)
    for (const name of Object.keys(action.outputs)) expect(doc).toContain(`| \`${name}\` |`)
  })
})

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const lines = readme.split('\n')

  it('starts with the two commands a new user runs', () => {
    const head = lines.slice(0, 15).join('\n')
    expect(head).toContain('bash scripts/example.sh')
    expect(head).toContain('bash scripts/test.sh')
  })

  it('reads in five minutes: at most 200 lines', () => {
    expect(lines.length).toBeLessThanOrEqual(200)
  })

  it('shows the workflow with the published owner, @v1 first and then pinned to a full commit SHA', () => {
    const uses = [...readme.matchAll(/uses: (oci-pipeline\/oci-pipeline@\S+)/g)].map(m => m[1])
    expect(uses[0]).toBe('oci-pipeline/oci-pipeline@v1')
    expect(uses[1]).toMatch(/^oci-pipeline\/oci-pipeline@[0-9a-f]{40}$/)
    expect(readme).not.toMatch(/\bOWNER\//)
  })

  it('has a permissions table naming when each permission is needed', () => {
    for (const p of ['contents', 'packages', 'security-events', 'id-token', 'attestations'])
      expect(readme).toMatch(new RegExp(`^\\| \`${p}\` \\|`, 'm'))
  })

  it.each(['docs/inputs.md', 'docs/gitlab.md', 'docs/cli.md', 'docs/performance.md', 'docs/rules/'])(
    'points to %s, which exists',
    path => {
      expect(readme).toContain(`](${path})`)
      expect(existsSync(join(ROOT, path))).toBe(true)
    }
  )
})
