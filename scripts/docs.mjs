// Writes action.yml's inputs and outputs from src/config/inputs.json, and the tables of
// docs/inputs.md from action.yml (between the docs markers). `node scripts/docs.mjs` rewrites both;
// `--check` exits 1 when either is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const cell = s =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
const shown = d => (d === '' || d === undefined ? '' : '`' + d + '`')

const HEADER = {
  name: 'oci-pipeline',
  description: 'Lint, build, label, tag, scan and push a container image: the secure way made the easy way.',
  author: 'oci-pipeline',
  branding: { icon: 'package', color: 'blue' }
}

export function renderAction(table) {
  const doc = {
    ...HEADER,
    inputs: Object.fromEntries(
      table.inputs.map(i => [i.name, { description: i.description, required: false, default: i.default }])
    ),
    outputs: Object.fromEntries(table.outputs.map(o => [o.name, { description: o.description }])),
    runs: { using: 'node24', main: 'dist/index.js' }
  }
  return YAML.stringify(doc, { lineWidth: 0 })
}

export function tables(actionYml) {
  const action = YAML.parse(actionYml)
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([n, i]) => `| \`${n}\` | ${shown(i.default)} | ${cell(i.description)} |`
  )
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([n, o]) => `| \`${n}\` | ${cell(o.description)} |`
  )
  return [
    '<!-- inputs:start -->',
    '| Input | Default | Description |',
    '|---|---|---|',
    ...inputs,
    '<!-- inputs:end -->',
    '',
    '<!-- outputs:start -->',
    '| Output | Description |',
    '|---|---|',
    ...outputs,
    '<!-- outputs:end -->'
  ].join('\n')
}

export function renderInputsDoc(doc, actionYml) {
  const start = doc.indexOf('<!-- inputs:start -->')
  const end = doc.indexOf('<!-- outputs:end -->')
  if (start < 0 || end < 0)
    throw new Error('docs/inputs.md lacks the <!-- inputs:start --> … <!-- outputs:end --> markers')
  return doc.slice(0, start) + tables(actionYml) + doc.slice(end + '<!-- outputs:end -->'.length)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const actionPath = join(root, 'action.yml')
  const docPath = join(root, 'docs', 'inputs.md')
  const action = renderAction(JSON.parse(readFileSync(join(root, 'src', 'config', 'inputs.json'), 'utf8')))
  const doc = readFileSync(docPath, 'utf8')
  const next = renderInputsDoc(doc, action)
  if (process.argv.includes('--check')) {
    if (next !== doc || action !== readFileSync(actionPath, 'utf8')) {
      console.error(
        'action.yml or docs/inputs.md differ from src/config/inputs.json: run node scripts/docs.mjs'
      )
      process.exit(1)
    }
  } else {
    writeFileSync(actionPath, action)
    writeFileSync(docPath, next)
  }
}
