// Writes the README's input and output tables from action.yml (between the docs markers).
// `node scripts/docs.mjs` rewrites README.md; `--check` exits 1 when it is out of date.
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

export function renderReadme(readme, actionYml) {
  const start = readme.indexOf('<!-- inputs:start -->')
  const end = readme.indexOf('<!-- outputs:end -->')
  if (start < 0 || end < 0)
    throw new Error('README.md lacks the <!-- inputs:start --> … <!-- outputs:end --> markers')
  return readme.slice(0, start) + tables(actionYml) + readme.slice(end + '<!-- outputs:end -->'.length)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const next = renderReadme(readme, readFileSync(join(root, 'action.yml'), 'utf8'))
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md tables differ from action.yml: run node scripts/docs.mjs')
      process.exit(1)
    }
  } else writeFileSync(readmePath, next)
}
