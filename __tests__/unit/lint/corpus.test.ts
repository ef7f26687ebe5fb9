import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brief, CORPUS, corpusEntries, lintEntry, precision, readExpected } from './corpus.js'

const entries = corpusEntries()
const expected = readExpected()

describe('the corpus', () => {
  it('holds at least 40 Dockerfiles of the ecosystems the rules must be precise on', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40)
    const names = entries.map(e => e.name).join('\n')
    for (const ecosystem of [
      'official-',
      'bake-',
      'distroless-',
      'notebook-',
      'python-uv',
      'python-poetry',
      'go-',
      'node-',
      'cuda-',
      'windows-'
    ])
      expect(names).toContain(ecosystem)
  })

  it('has expected findings for every Dockerfile and no others', () => {
    expect(Object.keys(expected).sort()).toEqual(entries.map(e => e.name).sort())
  })

  it.each(entries.map(e => [e.name, e] as const))(
    '%s: the checklist finds what expected.yaml says',
    async (_name, entry) => {
      const { findings } = await lintEntry(entry, 'checklist')
      expect(findings.map(brief)).toEqual(expected[entry.name]?.checklist)
      for (const f of findings) expect(f.message).toMatch(new RegExp(`[Ll]ine ${f.line}\\b`))
    }
  )

  it('README.md states the precision expected.yaml gives, rule by rule', () => {
    const readme = readFileSync(join(CORPUS, 'README.md'), 'utf8')
    for (const [rule, { found, right }] of precision(expected))
      expect(readme).toContain(`| ${rule} | ${found} | ${right} |`)
  })
})
