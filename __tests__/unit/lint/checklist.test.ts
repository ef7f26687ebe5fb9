import type { Level } from '../../../src/findings.js'
import { RULES } from '../../../src/stages/lint/checklist/registry.js'
import { checklist, type ALL_RULES } from './fixtures.js'

type Extra = Parameters<typeof checklist>[1]
type Expected = Array<[line: number, level: Level]>

/** Must fire: the fixture, the rule, its findings, and words the first finding's advice holds. */
const fire: Array<[fixture: string, rule: string, expected: Expected, says?: string, extra?: Extra]> = [
  [
    'OP001.bad.Dockerfile',
    'OP001',
    [
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error']
    ],
    'write "docker.io/library/ubuntu:<tag>@sha256:<digest>"'
  ],
  [
    'OP001.placeholder.bad.Dockerfile',
    'OP001',
    [[3, 'warning']],
    'pin it where it is defined: the ARG default, build-args, docker-bake.hcl or --build-context'
  ],
  [
    'OP001.context-name.bad.Dockerfile',
    'OP001',
    [[2, 'warning']],
    'pin it where it is defined: docker-bake.hcl or the --build-context value'
  ],
  [
    'OP001/bake/bad.Dockerfile',
    'OP001',
    [[3, 'error']],
    'pin it where it is defined: docker-bake.hcl (docker-image://docker.io/library/debian:12-slim@sha256:<digest>)'
  ],
  [
    'OP001.arg-without-default.bad.Dockerfile',
    'OP001',
    [[3, 'warning']],
    'build-arg "RELEASE", which has no default'
  ],
  [
    'OP001.copy-from.bad.Dockerfile',
    'OP001',
    [
      [2, 'error'],
      [3, 'error']
    ],
    'COPY --from on line 2: "ghcr.io/astral-sh/uv:latest"'
  ],
  ['OP001.digest-only.bad.Dockerfile', 'OP001', [[1, 'info']], 'has no tag'],
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
  [
    'OP002.uv.bad.Dockerfile',
    'OP002',
    [
      [5, 'warning'],
      [6, 'warning']
    ],
    '`uv sync` keeps its downloads in ~/.cache/uv: add `--no-cache`'
  ],
  ['OP003.bad.Dockerfile', 'OP003', [[2, 'warning']], '# oci-pipeline image=builder'],
  ['OP003.purge-partial.bad.Dockerfile', 'OP003', [[2, 'warning']], '(make)'],
  ['OP003.builder.Dockerfile', 'OP003', [[4, 'warning']], undefined, { kind: 'runtime' }],
  ['OP004.bad.Dockerfile', 'OP004', [[5, 'error']]],
  ['OP004.nouser.bad.Dockerfile', 'OP004', [[3, 'warning']], 'nonroot-bases in .oci-pipeline.yaml'],
  ['OP004.distroless-root.bad.Dockerfile', 'OP004', [[3, 'warning']]],
  ['OP004.notebook-root.bad.Dockerfile', 'OP004', [[2, 'error']]],
  ['OP004.servercore.bad.Dockerfile', 'OP004', [[4, 'error']], 'USER ContainerAdministrator'],
  [
    'OP005.bad.Dockerfile',
    'OP005',
    [
      [3, 'warning'],
      [4, 'warning'],
      [5, 'warning']
    ]
  ],
  ['OP005.chown-bin.bad.Dockerfile', 'OP005', [[3, 'warning']], 'runs "chown runner" on /usr/local/bin'],
  [
    'OP005.chown-uid.bad.Dockerfile',
    'OP005',
    [
      [3, 'warning'],
      [4, 'warning']
    ],
    'runtime user "10001" (as "app")'
  ],
  ['OP005.chown-quoted.bad.Dockerfile', 'OP005', [[3, 'warning']]],
  ['OP006.bad.Dockerfile', 'OP006', [[3, 'warning']], 'lint-minimal-bases'],
  ['OP006.notebook.bad.Dockerfile', 'OP006', [[1, 'warning']]],
  ['OP006.go-alpine.bad.Dockerfile', 'OP006', [[3, 'warning']]],
  ['OP006.cuda-devel.bad.Dockerfile', 'OP006', [[1, 'warning']]],
  ['OP004.servercore.bad.Dockerfile', 'OP006', [[2, 'warning']]],
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
    undefined,
    { dataSizeLimit: 1024 }
  ],
  [
    'OP008/carried/bad.Dockerfile',
    'OP008',
    [[6, 'warning']],
    'COPY --from=build on line 6 carries data into the image (data/catalogue.csv), copied into stage "build" on line 3'
  ],
  [
    'OP009/bad/Dockerfile',
    'OP009',
    [[2, 'warning']],
    'copies __pycache__/ from the build context: add a .dockerignore'
  ],
  ['OP010.bad.Dockerfile', 'OP010', [[3, 'info']]],
  [
    'OP010.add.bad.Dockerfile',
    'OP010',
    [[3, 'info']],
    'ADD on line 3 copies the whole source before the dependency install on line 4'
  ],
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
  ['OP013.bad.Dockerfile', 'OP013', [[1, 'warning']], undefined, { labelSchemas: ['oci', 'skao'] }],
  [
    'OP014.bad.Dockerfile',
    'OP014',
    [
      [1, 'warning'],
      [3, 'warning'],
      [4, 'warning'],
      [5, 'warning']
    ]
  ],
  [
    'OP014.auth.bad.Dockerfile',
    'OP014',
    [
      [2, 'warning'],
      [3, 'warning']
    ],
    'ENV HTTP_AUTH on line 2'
  ]
]

/** Must not fire: the fixture and the rule that stays silent on it. */
const silent: Array<[fixture: string, rule: string, extra?: Extra]> = [
  ['OP001.good.Dockerfile', 'OP001'],
  ['OP001/bake/good.Dockerfile', 'OP001'],
  ['OP001.copy-from.good.Dockerfile', 'OP001'],
  ['OP002.good.Dockerfile', 'OP002'],
  ['OP002.dist-clean.good.Dockerfile', 'OP002'],
  ['OP002.uv.good.Dockerfile', 'OP002'],
  ['OP003.good.Dockerfile', 'OP003'],
  ['OP003.purge-apk.good.Dockerfile', 'OP003'],
  ['OP003.purge-apt-mark.good.Dockerfile', 'OP003'],
  ['OP003.purge-named.good.Dockerfile', 'OP003'],
  ['OP003.builder.Dockerfile', 'OP003', { kind: 'builder' }],
  ['OP004.good.Dockerfile', 'OP004'],
  ['OP004.distroless-nonroot.good.Dockerfile', 'OP004'],
  ['OP004.notebook.good.Dockerfile', 'OP004'],
  ['OP004.nanoserver.good.Dockerfile', 'OP004'],
  ['OP003.builder.Dockerfile', 'OP004', { kind: 'builder' }],
  ['OP004.nouser.bad.Dockerfile', 'OP004', { nonRootBases: ['docker.io/library/debian:12-slim'] }],
  ['OP005.good.Dockerfile', 'OP005'],
  ['OP005.chown-data.good.Dockerfile', 'OP005'],
  ['OP005.chown-uid.good.Dockerfile', 'OP005'],
  ['OP006.good.Dockerfile', 'OP006'],
  ['OP006.python-alpine.good.Dockerfile', 'OP006'],
  ['OP006.cuda-runtime.good.Dockerfile', 'OP006'],
  ['OP004.nanoserver.good.Dockerfile', 'OP006'],
  ['OP006.bad.Dockerfile', 'OP006', { kind: 'base' }],
  ['OP006.bad.Dockerfile', 'OP006', { minimalBases: ['docker.io/library/python:3.12'] }],
  ['OP007.good.Dockerfile', 'OP007'],
  ['OP007.git-arg.good.Dockerfile', 'OP007'],
  ['OP008/good/Dockerfile', 'OP008', { dataSizeLimit: 1024 }],
  ['OP008/carried/good.Dockerfile', 'OP008'],
  ['OP009/good/Dockerfile', 'OP009'],
  ['OP010.good.Dockerfile', 'OP010'],
  ['OP010.add.good.Dockerfile', 'OP010'],
  ['OP011.good.Dockerfile', 'OP011'],
  ['OP012.good.Dockerfile', 'OP012'],
  ['OP012.shell.good.Dockerfile', 'OP012'],
  ['OP013.good.Dockerfile', 'OP013', { labelSchemas: ['oci', 'skao'] }],
  ['OP014.good.Dockerfile', 'OP014'],
  ['OP014.switches.good.Dockerfile', 'OP014']
]

describe('checklist rules', () => {
  it('has a must-fire and a must-not-fire fixture for every rule', () => {
    const covered = (list: Array<[string, string, ...unknown[]]>): string[] =>
      [...new Set(list.map(c => c[1]))].sort()
    expect(covered(fire)).toEqual(RULES.map(r => r.id))
    expect(covered(silent)).toEqual(RULES.map(r => r.id))
  })

  // Rest parameters: jest takes a callback with more parameters than the row for one wanting `done`.
  it.each(fire)('%s raises %s on the expected lines', (...[fixture, rule, expected, says, extra]) => {
    const found = checklist(fixture, extra).filter(f => f.ruleId === rule)
    expect(found.map(f => [f.line, f.level])).toEqual(expected)
    for (const f of found) {
      expect(f.message).toMatch(new RegExp(`[Ll]ine ${f.line}\\b`))
      expect(f.file).toBe(fixture)
    }
    if (says) expect(found.map(f => f.message).join('\n')).toContain(says)
  })

  it.each(silent)('%s does not raise %s', (...[fixture, rule, extra]) => {
    expect(checklist(fixture, extra).filter(f => f.ruleId === rule)).toEqual([])
  })

  it('gives no advice that names an image which does not exist', () => {
    for (const fixture of [
      'OP001.placeholder.bad.Dockerfile',
      'OP001.context-name.bad.Dockerfile',
      'OP001/bake/good.Dockerfile'
    ])
      for (const f of checklist(fixture))
        expect(f.message).not.toMatch(/docker\.io\/library\/(<|service-builder|runtime-base)/)
  })

  it('names the ARG to pin when the image comes from one', () => {
    const [finding] = checklist('OP001.bad.Dockerfile').filter(f => f.line === 5)
    expect(finding?.message).toContain('pin it where it is defined: ARG BASE on line 1')
  })

  it('names the labels input keys the pipeline sets as satisfying OP013', () => {
    const extra = { labelSchemas: ['oci', 'skao'], providedLabels: ['int.skao.image.team'] }
    expect(checklist('OP013.bad.Dockerfile', extra).filter(f => f.ruleId === 'OP013')).toEqual([])
    expect(checklist('OP013.bad.Dockerfile', { labelSchemas: ['oci', 'skao'] })[0]?.message).toContain(
      '"int.skao.team" is set'
    )
  })

  it('applies lint-rules levels and leaves disabled rules out', () => {
    const rules: typeof ALL_RULES = new Map([['OP004', 'info' as Level]])
    const found = checklist('OP004.bad.Dockerfile', { rules })
    expect(found.map(f => [f.ruleId, f.level])).toEqual([['OP004', 'info']])
  })
})
