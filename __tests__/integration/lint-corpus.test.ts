import { brief, corpusEntries, lintEntry, readExpected } from '../unit/lint/corpus.js'
import { describeWithLintTools } from './lint-tools.js'

const entries = corpusEntries()
const expected = readExpected()

/** Each Dockerfile runs Trivy once (it loads its checks in a second or two) and hadolint once. */
const TIMEOUT = 120_000

describeWithLintTools('the corpus with hadolint, Trivy and the checklist merged', tools => {
  it.each(entries.map(e => [e.name, e] as const))(
    '%s: one finding per problem, as expected.yaml says',
    async (_name, entry) => {
      const { findings } = await lintEntry(entry, 'hadolint,trivy,checklist', tools())
      expect(findings.map(brief)).toEqual(expected[entry.name]?.merged)
      // The checklist's own findings are the same whether or not the other engines ran.
      expect(findings.filter(f => f.engine === 'checklist').map(brief)).toEqual(
        expected[entry.name]?.checklist
      )
      expect(findings.filter(f => f.ruleId === 'DL1000')).toEqual([])
    },
    TIMEOUT
  )
})
