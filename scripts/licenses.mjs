#!/usr/bin/env node
// Writes the third-party licences of a bundle from ncc's webpack stats (`--stats-out`): every
// package with a module in ANY chunk. ncc's own `--license` writes one file per chunk under the
// same name, so with lazily loaded chunks it keeps only the last chunk's packages.
// Usage: node scripts/licenses.mjs <stats.json> <licenses.txt>
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const [statsFile, outFile] = process.argv.slice(2)
if (!statsFile || !outFile) throw new Error('usage: licenses.mjs <stats.json> <licenses.txt>')
const ROOT = resolve(import.meta.dirname, '..')
const stats = JSON.parse(readFileSync(statsFile, 'utf8'))

// The last node_modules/<name> or node_modules/@scope/<name> in a module's resource path.
const PACKAGE = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//
const dirs = new Set()
const visit = modules => {
  for (const m of modules ?? []) {
    const resource = (m.identifier ?? m.name ?? '').split('!').pop().split('|')[0]
    const hit = PACKAGE.exec(resource.replace(/^\.\//, `${ROOT}/`))
    if (hit && !hit[1].includes('/@vercel/ncc/')) dirs.add(hit[1])
    visit(m.modules)
  }
}
visit(stats.modules)

const licenceFile = dir =>
  readdirSync(dir)
    .filter(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
    .sort()[0]

const entries = [...dirs]
  .filter(dir => existsSync(join(dir, 'package.json')))
  .map(dir => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const license =
      typeof pkg.license === 'string'
        ? pkg.license
        : (pkg.licenses ?? []).map(l => l.type ?? l).join(' OR ') || 'UNKNOWN'
    const file = licenceFile(dir)
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : ''
    return { name: pkg.name, version: pkg.version, license, text }
  })
  .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))

const seen = new Set()
const out = entries
  .filter(e => !seen.has(`${e.name}@${e.version}`) && seen.add(`${e.name}@${e.version}`))
  .map(e => `${e.name}\n${e.license}\n${e.text}\n`)
  .join('\n')
writeFileSync(outFile, out)
