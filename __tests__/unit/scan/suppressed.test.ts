import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ignorePlan, lineOfId, locateSuppressed } from '../../../src/stages/scan/suppressed.js'
import type { SuppressedFinding } from '../../../src/stages/scan/model.js'

const hidden = (id: string, source: string): SuppressedFinding => ({
  type: 'vulnerability',
  id,
  severity: 'CRITICAL',
  status: 'ignored',
  source
})

describe('where an ignore file names a finding', () => {
  it.each([
    ['a plain line', 'CVE-1\nCVE-2\n', 'CVE-2', 2],
    ['a plain line with an expiry', '# why\nCVE-2 exp:2099-01-01\n', 'CVE-2', 2],
    ['not a prefix of another ID', 'CVE-22\nCVE-2\n', 'CVE-2', 2],
    ['a YAML entry', 'vulnerabilities:\n  - id: CVE-1\n    statement: ok\n  - id: "CVE-2"\n', 'CVE-2', 4],
    ['a secret rule', 'secrets:\n  - id: aws-access-key-id\n', 'aws-access-key-id', 2],
    ['nowhere', 'CVE-1\n', 'CVE-2', undefined]
  ])('%s', (_, text, id, line) => {
    expect(lineOfId(text, id)).toBe(line)
  })
})

describe('the ignore file Trivy is given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ignore-plan-'))
  const a = join(dir, 'a.trivyignore')
  const b = join(dir, 'b.trivyignore')
  writeFileSync(a, 'CVE-1\nCVE-2\n')
  writeFileSync(b, '# b\nCVE-3\n')

  it('merges plain files into one, and each hidden finding points at its own file and line', () => {
    const plan = ignorePlan([a, b], dir)!
    expect(readFileSync(plan.path, 'utf8')).toBe('CVE-1\nCVE-2\n# b\nCVE-3\n')
    expect(locateSuppressed([hidden('CVE-3', plan.path), hidden('CVE-2', plan.path)], plan)).toEqual([
      { ...hidden('CVE-3', b), line: 2 },
      { ...hidden('CVE-2', a), line: 2 }
    ])
  })

  it('gives one file as it is, and leaves what a policy hid pointing at the policy', () => {
    const plan = ignorePlan([a], dir)!
    expect(plan.path).toBe(a)
    expect(locateSuppressed([hidden('CVE-1', a), hidden('CVE-9', '/w/policy.rego')], plan)).toEqual([
      { ...hidden('CVE-1', a), line: 1 },
      hidden('CVE-9', '/w/policy.rego')
    ])
  })

  it('refuses a file that is not there, and a YAML file among others', () => {
    expect(() => ignorePlan([join(dir, 'none')], dir)).toThrow(/Input "trivyignores": .*none does not exist/)
    const y = join(dir, 'c.trivyignore.yaml')
    writeFileSync(y, 'vulnerabilities: []\n')
    expect(() => ignorePlan([a, y], dir)).toThrow('a YAML ignore file cannot be merged with others')
  })
})
