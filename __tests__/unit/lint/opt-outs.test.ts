import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../../src/errors.js'
import type { Finding } from '../../../src/findings.js'
import type { Location, Reporter } from '../../../src/reporter.js'
import { bakeContexts } from '../../../src/stages/lint/bake.js'
import { parseLintOptions, runLint } from '../../../src/stages/lint/index.js'
import { readPragmas, withoutPragmaIgnored } from '../../../src/stages/lint/pragmas.js'
import { pathMatch, readRepoConfig, settingsFor } from '../../../src/stages/lint/repo-config.js'
import { DOCKERFILES } from './fixtures.js'

const finding = (ruleId: string, line: number): Finding => ({
  engine: ruleId.startsWith('OP') ? 'checklist' : 'hadolint',
  ruleId,
  level: 'warning',
  message: ruleId,
  file: 'Dockerfile',
  line
})

describe('comments in the Dockerfile', () => {
  const text = [
    '# oci-pipeline global ignore=OP006',
    '# hadolint global ignore=DL3059',
    'FROM docker.io/library/debian:12-slim',
    '# hadolint ignore=DL3008,OP003',
    '# a comment between',
    'RUN apt-get update \\',
    ' && apt-get install -y gcc',
    '# oci-pipeline ignore=OP002 DS-0029',
    '',
    'RUN apt-get install -y make',
    '# oci-pipeline image=builder',
    '# oci-pipeline ignore OP011',
    'USER 1000'
  ].join('\n')
  const pragmas = readPragmas(text)

  it('reads file-wide and per-instruction ignores in both spellings, and what the file builds', () => {
    expect([...pragmas.global]).toEqual(['OP006', 'DL3059'])
    expect(pragmas.lines).toEqual([{ from: 6, to: 7, ids: new Set(['DL3008', 'OP003']) }])
    expect(pragmas.image).toEqual({ kind: 'builder', line: 11 })
    expect(pragmas.unreadable).toEqual([{ line: 12, text: '# oci-pipeline ignore OP011' }])
  })

  it('drops the findings they name, on the lines of the instruction under the comment only', () => {
    const found = [
      finding('OP006', 3),
      finding('DL3008', 6),
      finding('OP003', 7),
      finding('DL3008', 10),
      finding('OP002', 10),
      finding('DL3059', 10)
    ]
    expect(withoutPragmaIgnored(found, pragmas).map(f => `${f.ruleId} ${f.line}`)).toEqual([
      'DL3008 10',
      'OP002 10'
    ])
  })
})

describe('.oci-pipeline.yaml', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'repo-config-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const write = (text: string): void => writeFileSync(join(dir, '.oci-pipeline.yaml'), text)

  it('reads the settings for the whole repository, then per Dockerfile path', () => {
    write(
      [
        'lint:',
        '  rules: "-OP011, OP006=info"',
        '  ignored: [DL3008]',
        '  override:',
        '    error: [OP005]',
        '  nonroot-bases: [registry.example.org/base/*]',
        '  files:',
        '    images/*-builder/Dockerfile:',
        '      image: builder',
        '    "**/Dockerfile":',
        '      ignore: OP010'
      ].join('\n')
    )
    const config = readRepoConfig(dir)
    expect(config).toMatchObject({
      path: '.oci-pipeline.yaml',
      rules: ['-OP011', 'OP006=info', 'OP005=error'],
      ignore: ['DL3008']
    })
    const layers = settingsFor(config, 'images/venv-builder/Dockerfile')
    expect(layers.map(l => [l.image, l.ignore])).toEqual([
      [undefined, ['DL3008']],
      ['builder', []],
      [undefined, ['OP010']]
    ])
    expect(settingsFor(config, 'Dockerfile').length).toBe(2)
    expect(readRepoConfig(mkdtempSync(join(dir, 'empty-')))).toBeUndefined()
  })

  it.each([
    ['lint:\n  rule: [-OP011]\n', 'lint.rule is not a setting'],
    ['lint:\n  image: runner\n', 'lint.image: "runner" is not one of runtime, builder, base'],
    ['lint:\n  override:\n    fatal: [OP001]\n', 'lint.override.fatal is not a level'],
    ['lint:\n  files:\n    Dockerfile:\n      files: {}\n', 'lint.files."Dockerfile".files is not a setting'],
    ['lint: [\n', 'is not YAML']
  ])('refuses %j, naming the file', (text, problem) => {
    write(text)
    expect(() => readRepoConfig(dir)).toThrow(InputError)
    expect(() => readRepoConfig(dir)).toThrow(`Input ".oci-pipeline.yaml": ${problem}`)
  })

  it('matches paths with * inside a folder and ** across folders', () => {
    expect(pathMatch('images/*/Dockerfile', 'images/app/Dockerfile')).toBe(true)
    expect(pathMatch('images/*/Dockerfile', 'images/a/b/Dockerfile')).toBe(false)
    expect(pathMatch('**/Dockerfile', 'Dockerfile')).toBe(true)
    expect(pathMatch('**/Dockerfile', 'a/b/Dockerfile')).toBe(true)
  })
})

describe('docker-bake named contexts', () => {
  it('gives a Dockerfile the contexts of the targets that build it', () => {
    const dir = join(DOCKERFILES, 'OP001', 'bake')
    expect(bakeContexts(dir, join(dir, 'bad.Dockerfile')).get('runtime-base')?.value).toBe(
      'docker-image://docker.io/library/debian:12-slim'
    )
    expect(bakeContexts(dir, join(dir, 'good.Dockerfile')).get('runtime-base')?.value).toMatch(/@sha256:/)
    expect(bakeContexts(dir, join(dir, 'other.Dockerfile')).get('service-builder')).toEqual({
      value: 'target:builder',
      definedIn: 'docker-bake.hcl'
    })
  })

  it('reads docker-bake.json too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bake-'))
    try {
      writeFileSync(
        join(dir, 'docker-bake.json'),
        JSON.stringify({ target: { app: { contexts: { base: 'docker-image://alpine:3.20' } } } })
      )
      expect(bakeContexts(dir).get('base')).toEqual({
        value: 'docker-image://alpine:3.20',
        definedIn: 'docker-bake.json'
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('runLint applies the repository file, lint-rules and the Dockerfile’s comments', () => {
  let dir: string
  let log: string[]
  const reporter: Reporter = {
    info: m => void log.push(`info: ${m}`),
    debug: () => undefined,
    notice: () => undefined,
    warning: (m: string, w?: Location) => void log.push(`warning: ${m}${w ? ` (line ${w.startLine})` : ''}`),
    error: () => undefined,
    group: (_n, fn) => fn(),
    setOutput: () => undefined,
    setSecret: () => undefined,
    summary: () => undefined
  }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-opt-outs-'))
    log = []
    mkdirSync(join(dir, 'images', 'ci'), { recursive: true })
    cpSync(join(DOCKERFILES, 'OP003.bad.Dockerfile'), join(dir, 'images', 'ci', 'Dockerfile'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const lint = async (inputs: Record<string, string> = {}) => {
    const opts = parseLintOptions(name => ({ linters: 'checklist', ...inputs })[name] ?? '')
    const result = await runLint(
      { ...opts, file: 'images/ci/Dockerfile', context: '.', labelSchemas: ['oci'], workspace: dir },
      {},
      reporter
    )
    return result.findings.map(f => `${f.ruleId} ${f.line}`)
  }

  it('flags the toolchain of a runtime image', async () => {
    expect(await lint()).toEqual(['OP003 2'])
  })

  it('takes image: builder from .oci-pipeline.yaml for that path', async () => {
    writeFileSync(
      join(dir, '.oci-pipeline.yaml'),
      'lint:\n  files:\n    images/ci/Dockerfile:\n      image: builder\n'
    )
    expect(await lint()).toEqual([])
    expect(log).toContain('info: images/ci/Dockerfile is linted as a builder image (from .oci-pipeline.yaml)')
  })

  it('takes image=builder from lint-rules, over the repository file', async () => {
    writeFileSync(join(dir, '.oci-pipeline.yaml'), 'lint:\n  image: base\n')
    expect(await lint({ 'lint-rules': 'image=builder' })).toEqual([])
    expect(log).toContain('info: images/ci/Dockerfile is linted as a builder image (from lint-rules)')
  })

  it('takes the Dockerfile’s own comments over both, and warns of one it cannot read', async () => {
    const path = join(dir, 'images', 'ci', 'Dockerfile')
    writeFileSync(
      path,
      `# oci-pipeline image=runtime\n# oci-pipeline ignore-all\n${readFileSync(path, 'utf8')}`
    )
    expect(await lint({ 'lint-rules': 'image=builder' })).toEqual(['OP003 4'])
    expect(log).toContain(
      'warning: "# oci-pipeline ignore-all" is not an oci-pipeline comment this version reads (ignore=…, global ignore=…, image=runtime|builder|base) (line 2)'
    )
    const lines = readFileSync(join(DOCKERFILES, 'OP003.bad.Dockerfile'), 'utf8').split('\n')
    lines.splice(1, 0, '# oci-pipeline ignore=OP003')
    writeFileSync(path, lines.join('\n'))
    expect(await lint()).toEqual([])
  })

  it('applies the repository file’s rule items before the input’s, and drops what it ignores', async () => {
    writeFileSync(join(dir, '.oci-pipeline.yaml'), 'lint:\n  rules: [OP003=info]\n')
    const levels = async (inputs: Record<string, string> = {}) => {
      const opts = parseLintOptions(name => ({ linters: 'checklist', ...inputs })[name] ?? '')
      const result = await runLint(
        { ...opts, file: 'images/ci/Dockerfile', context: '.', labelSchemas: ['oci'], workspace: dir },
        {},
        reporter
      )
      return result.findings.map(f => [f.ruleId, f.level])
    }
    expect(await levels()).toEqual([['OP003', 'info']])
    expect(await levels({ 'lint-rules': 'OP003=error' })).toEqual([['OP003', 'error']])
    writeFileSync(join(dir, '.oci-pipeline.yaml'), 'lint:\n  ignore: [OP003]\n')
    expect(await levels()).toEqual([])
  })
})
