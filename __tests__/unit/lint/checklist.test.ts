import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Level } from '../../../src/findings.js'
import { RULES } from '../../../src/stages/lint/checklist/registry.js'
import { checklist, DOCKERFILES, type ALL_RULES } from './fixtures.js'

type Extra = Parameters<typeof checklist>[1]
type Expected = Array<[line: number, level: Level]>

const bad: Array<[fixture: string, rule: string, expected: Expected, extra?: Extra]> = [
  [
    'OP001.bad.Dockerfile',
    'OP001',
    [
      [2, 'error'],
      [3, 'error'],
      [4, 'warning'],
      [5, 'warning']
    ]
  ],
  [
    'OP002.bad.Dockerfile',
    'OP002',
    [
      [2, 'warning'],
      [6, 'warning'],
      [7, 'warning'],
      [8, 'warning'],
      [9, 'warning']
    ]
  ],
  ['OP003.bad.Dockerfile', 'OP003', [[2, 'warning']]],
  ['OP004.bad.Dockerfile', 'OP004', [[5, 'error']]],
  ['OP004.nouser.bad.Dockerfile', 'OP004', [[3, 'warning']]],
  [
    'OP005.bad.Dockerfile',
    'OP005',
    [
      [3, 'warning'],
      [4, 'warning'],
      [5, 'warning']
    ]
  ],
  ['OP006.bad.Dockerfile', 'OP006', [[3, 'warning']]],
  [
    'OP007.bad.Dockerfile',
    'OP007',
    [
      [2, 'warning'],
      [3, 'warning'],
      [4, 'warning']
    ]
  ],
  [
    'OP008/bad/Dockerfile',
    'OP008',
    [
      [3, 'warning'],
      [4, 'warning'],
      [5, 'warning']
    ],
    { dataSizeLimit: 1024 }
  ],
  ['OP009/bad/Dockerfile', 'OP009', [[2, 'warning']]],
  ['OP010.bad.Dockerfile', 'OP010', [[3, 'info']]],
  [
    'OP011.bad.Dockerfile',
    'OP011',
    [
      [3, 'style'],
      [8, 'style'],
      [10, 'style']
    ]
  ],
  [
    'OP012.bad.Dockerfile',
    'OP012',
    [
      [3, 'warning'],
      [4, 'warning']
    ]
  ],
  ['OP013.bad.Dockerfile', 'OP013', [[1, 'warning']], { labelSchemas: ['oci', 'skao'] }],
  [
    'OP014.bad.Dockerfile',
    'OP014',
    [
      [1, 'warning'],
      [3, 'warning'],
      [4, 'warning'],
      [5, 'warning']
    ]
  ]
]

const good: Array<[fixture: string, rule: string, extra?: Extra]> = [
  ['OP001.good.Dockerfile', 'OP001'],
  ['OP002.good.Dockerfile', 'OP002'],
  ['OP003.good.Dockerfile', 'OP003'],
  ['OP004.good.Dockerfile', 'OP004'],
  ['OP005.good.Dockerfile', 'OP005'],
  ['OP006.good.Dockerfile', 'OP006'],
  ['OP007.good.Dockerfile', 'OP007'],
  ['OP008/good/Dockerfile', 'OP008', { dataSizeLimit: 1024 }],
  ['OP009/good/Dockerfile', 'OP009'],
  ['OP010.good.Dockerfile', 'OP010'],
  ['OP011.good.Dockerfile', 'OP011'],
  ['OP012.good.Dockerfile', 'OP012'],
  ['OP012.shell.good.Dockerfile', 'OP012'],
  ['OP013.good.Dockerfile', 'OP013', { labelSchemas: ['oci', 'skao'] }],
  ['OP014.good.Dockerfile', 'OP014']
]

describe('checklist rules', () => {
  it('has a bad and a good fixture for every rule', () => {
    const covered = (list: Array<[string, string, ...unknown[]]>): string[] =>
      [...new Set(list.map(c => c[1]))].sort()
    expect(covered(bad)).toEqual(RULES.map(r => r.id))
    expect(covered(good)).toEqual(RULES.map(r => r.id))
  })

  // Rest parameters: jest takes a callback with more parameters than the row for one wanting `done`.
  it.each(bad)('%s raises %s on the expected lines', (...[fixture, rule, expected, extra]) => {
    const found = checklist(fixture, extra).filter(f => f.ruleId === rule)
    expect(found.map(f => [f.line, f.level])).toEqual(expected)
    for (const f of found) {
      expect(f.message).toMatch(new RegExp(`[Ll]ine ${f.line}\\b`))
      expect(f.file).toBe(fixture)
    }
  })

  it.each(good)('%s does not raise %s', (...[fixture, rule, extra]) => {
    expect(checklist(fixture, extra).filter(f => f.ruleId === rule)).toEqual([])
  })

  it('reads a FROM whose image comes from an ARG without a default as unknown, not untagged', () => {
    const [finding] = checklist('reference/atmosphere-runtime.Dockerfile').filter(f => f.ruleId === 'OP001')
    expect(finding).toMatchObject({ line: 7, level: 'warning' })
    expect(finding?.message).toContain('"RELEASE"')
  })

  it('names the labels input keys the pipeline sets as satisfying OP013', () => {
    const extra = { labelSchemas: ['oci', 'skao'], providedLabels: ['int.skao.image.team'] }
    expect(checklist('OP013.bad.Dockerfile', extra).filter(f => f.ruleId === 'OP013')).toEqual([])
    expect(checklist('OP013.bad.Dockerfile', { labelSchemas: ['oci', 'skao'] })[0]?.message).toContain(
      '"int.skao.team" is set'
    )
  })

  it('accepts a final base that lint-minimal-bases adds', () => {
    const extra = { minimalBases: ['docker.io/library/python:3.12'] }
    expect(checklist('OP006.bad.Dockerfile', extra).filter(f => f.ruleId === 'OP006')).toEqual([])
  })

  it('finds VCS folders and caches in a context without .dockerignore', () => {
    const dir = mkdtempSync(join(tmpdir(), 'op009-'))
    try {
      cpSync(join(DOCKERFILES, 'OP009', 'good'), dir, { recursive: true })
      rmSync(join(dir, 'Dockerfile.dockerignore'))
      rmSync(join(dir, 'results.csv'))
      mkdirSync(join(dir, '.git'))
      writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
      mkdirSync(join(dir, '__pycache__'))
      writeFileSync(join(dir, '__pycache__', 'app.cpython-312.pyc'), '')
      const [finding] = checklist('OP009/good/Dockerfile', {
        context: dir,
        dockerfilePath: join(dir, 'Dockerfile')
      })
      expect(finding?.ruleId).toBe('OP009')
      expect(finding?.message).toContain('.git/, __pycache__/')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('applies lint-rules levels and leaves disabled rules out', () => {
    const rules: typeof ALL_RULES = new Map([['OP004', 'info' as Level]])
    const found = checklist('OP004.bad.Dockerfile', { rules })
    expect(found.map(f => [f.ruleId, f.level])).toEqual([['OP004', 'info']])
  })
})

describe('the reference documents’ own examples', () => {
  const files = readdirSync(join(DOCKERFILES, 'reference')).filter(f => f.endsWith('.Dockerfile'))

  it('are all there', () => expect(files.length).toBeGreaterThanOrEqual(7))

  it.each(files)('%s raises no error-level checklist finding', file => {
    expect(checklist(`reference/${file}`).filter(f => f.level === 'error')).toEqual([])
  })
})
