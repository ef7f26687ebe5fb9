import { KeptAnswers } from '../../src/infra/kept-answers.js'
import { PINS } from '../../src/infra/tools/pins.js'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Location, Reporter } from '../../src/reporter.js'
import { parseLintOptions, runLint } from '../../src/stages/lint/index.js'
import { parseTrivyConfigJson, runTrivyConfig } from '../../src/stages/lint/trivy-config.js'
import type { SarifLog } from '../../src/stages/report/sarif.js'
import { ROOT } from '../support/env.js'
import { describeWithLintTools } from './lint-tools.js'

const DOCKERFILES = join(ROOT, '__tests__', 'fixtures', 'dockerfiles')

/** Any download Trivy tried would go to this closed port and fail. */
const OFFLINE = {
  ...process.env,
  HTTPS_PROXY: 'http://127.0.0.1:9',
  HTTP_PROXY: 'http://127.0.0.1:9',
  NO_PROXY: ''
}

function recordingReporter() {
  const calls = {
    annotations: [] as Array<[string, string, Location | undefined]>,
    outputs: new Map<string, string>(),
    summary: ''
  }
  const reporter: Reporter = {
    info: () => undefined,
    debug: () => undefined,
    notice: (m, w) => void calls.annotations.push(['notice', m, w]),
    warning: (m, w) => void calls.annotations.push(['warning', m, w]),
    error: (m, w) => void calls.annotations.push(['error', m, w]),
    group: (_name, fn) => fn(),
    setOutput: (name, value) => void calls.outputs.set(name, value),
    setSecret: () => undefined,
    summary: md => void (calls.summary += md)
  }
  return { reporter, calls }
}

/**
 * A stand-in at `<work>/trivy` that writes its arguments to `<work>/args`, then runs the real Trivy;
 * `comment` changes its bytes (another binary to the kept answers' key).
 */
function loggingTrivy(work: string, real: string, comment = ''): string {
  const path = join(work, 'trivy')
  writeFileSync(
    path,
    `#!/bin/sh\n${comment ? `# ${comment}\n` : ''}echo "$*" >>"${work}/args"\nexec "${real}" "$@"\n`
  )
  chmodSync(path, 0o755)
  return path
}

/** Each Trivy run takes seconds (it loads its embedded checks). */
const TRIVY_TIMEOUT = 180_000

describeWithLintTools('Trivy 0.69.3 Dockerfile checks, the real binary', env => {
  let cache: string
  beforeAll(() => (cache = mkdtempSync(join(tmpdir(), 'trivy-cache-'))))
  afterAll(() => rmSync(cache, { recursive: true, force: true }))

  it(
    'reports a Dockerfile without USER as DS002, offline, with an empty cache',
    async () => {
      const { findings } = await runTrivyConfig({
        binary: env().trivy,
        path: join(DOCKERFILES, 'OP004.distroless-root.bad.Dockerfile'),
        file: 'OP004.distroless-root.bad.Dockerfile',
        cacheDir: cache,
        env: OFFLINE
      })
      const ds002 = findings.find(f => f.ruleId === 'DS-0002')
      expect(ds002).toMatchObject({
        engine: 'trivy',
        level: 'error',
        file: 'OP004.distroless-root.bad.Dockerfile'
      })
      expect(ds002?.helpUri).toBe('https://avd.aquasec.com/misconfig/ds-0002')
    },
    TRIVY_TIMEOUT
  )

  it(
    'without a cache given, runs on a cache of its own (not the scan’s default) and removes it',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'lint-own-cache-'))
      try {
        const trivy = loggingTrivy(work, env().trivy)
        const home = join(work, 'home')
        const { findings } = await runTrivyConfig({
          binary: trivy,
          path: join(DOCKERFILES, 'OP004.distroless-root.bad.Dockerfile'),
          file: 'OP004.distroless-root.bad.Dockerfile',
          env: { ...OFFLINE, HOME: home, XDG_CACHE_HOME: '', TRIVY_CACHE_DIR: '' }
        })
        expect(findings.map(f => f.ruleId)).toContain('DS-0002')
        const configRun = readFileSync(join(work, 'args'), 'utf8')
          .split('\n')
          .find(l => l.startsWith('config --format'))
        const cacheDir = configRun?.match(/--cache-dir (\S+)/)?.[1]
        expect(cacheDir).toMatch(/oci-pipeline-trivy-config-/)
        expect(existsSync(cacheDir!)).toBe(false)
        expect(existsSync(join(home, '.cache', 'trivy'))).toBe(false)
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    },
    TRIVY_TIMEOUT
  )

  it(
    'answers a Dockerfile it has seen from the kept answers; a changed byte, binary or folder runs Trivy',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'lint-kept-'))
      try {
        const wrap = (comment: string) => loggingTrivy(work, env().trivy, comment)
        const trivy = wrap('one')
        const path = join(work, 'Dockerfile')
        writeFileSync(path, readFileSync(join(DOCKERFILES, 'OP004.distroless-root.bad.Dockerfile')))
        const keptDir = join(work, 'kept')
        const lint = () =>
          runTrivyConfig({
            binary: trivy,
            path,
            file: 'Dockerfile',
            env: OFFLINE,
            kept: new KeptAnswers(keptDir)
          })
        const configRuns = () =>
          readFileSync(join(work, 'args'), 'utf8')
            .split('\n')
            .filter(l => l.startsWith('config ')).length

        const first = await lint()
        expect(first.kept).toBeUndefined()
        expect(first.findings.map(f => f.ruleId)).toContain('DS-0002')
        const second = await lint()
        expect(second).toEqual({ ...first, kept: true })
        expect(configRuns()).toBe(1)

        // Another binary at the same path (the stand-in rewritten): asked again.
        wrap('two')
        expect((await lint()).kept).toBeUndefined()
        expect(configRuns()).toBe(2)

        // One more instruction: asked again, and the answer is the new file's.
        writeFileSync(path, `${readFileSync(path, 'utf8')}\nUSER 65532\n`)
        const changed = await lint()
        expect(changed.kept).toBeUndefined()
        expect(changed.findings.map(f => f.ruleId)).not.toContain('DS-0002')
        expect(configRuns()).toBe(3)

        // What is not an answer Trivy gave is not read as one.
        for (const name of readdirSync(keptDir)) writeFileSync(join(keptDir, name), 'not JSON')
        expect((await lint()).kept).toBeUndefined()
        expect(configRuns()).toBe(4)

        // A folder others can write in is not trusted: every answer is Trivy's own.
        chmodSync(keptDir, 0o777)
        expect((await lint()).kept).toBeUndefined()
        expect(configRuns()).toBe(5)
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    },
    TRIVY_TIMEOUT
  )

  it(
    'points at the line of a latest tag and ADD, and finds nothing wrong with USER in a pinned Dockerfile',
    async () => {
      const run = (fixture: string) =>
        runTrivyConfig({
          binary: env().trivy,
          path: join(DOCKERFILES, fixture),
          file: fixture,
          cacheDir: cache,
          env: OFFLINE
        })
      const bad = await run('OP001.bad.Dockerfile')
      expect(bad.findings.filter(f => f.ruleId === 'DS-0001').map(f => f.line)).toContain(3)
      const add = await run('OP007.bad.Dockerfile')
      expect(add.findings.filter(f => f.ruleId === 'DS-0005').map(f => f.line)).toContain(2)
      const good = await run('OP004.good.Dockerfile')
      expect(good.findings.map(f => f.ruleId)).not.toContain('DS-0002')
      // The recorded sample the unit tests read is what this Trivy prints.
      const recorded = parseTrivyConfigJson(
        readFileSync(join(ROOT, '__tests__', 'fixtures', 'trivy', 'OP007.git-arg.good.json'), 'utf8'),
        'OP007.git-arg.good.Dockerfile'
      )
      expect((await run('OP007.git-arg.good.Dockerfile')).findings).toEqual(recorded)
    },
    TRIVY_TIMEOUT
  )

  it(
    'runs every engine through runLint, merges twins, writes SARIF and fails on the root user',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'lint-run-'))
      try {
        writeFileSync(join(work, 'Dockerfile'), readFileSync(join(DOCKERFILES, 'OP004.bad.Dockerfile')))
        const opts = parseLintOptions(() => '')
        const { reporter, calls } = recordingReporter()
        const result = await runLint(
          {
            ...opts,
            file: 'Dockerfile',
            context: '.',
            labelSchemas: ['oci'],
            workspace: work,
            trivyCacheDir: cache
          },
          { hadolint: env().hadolint, trivy: env().trivy },
          reporter
        )
        const op004 = result.findings.filter(f => f.ruleId === 'OP004')
        expect(op004).toHaveLength(1)
        expect(op004[0]?.message).toContain('(also hadolint DL3002, trivy DS-0002)')
        const ids = result.findings.map(f => f.ruleId)
        for (const twin of ['DL3002', 'DS-0002', 'DS-0026']) expect(ids).not.toContain(twin)
        expect(result.failed).toBe(true)

        expect(calls.annotations).toContainEqual([
          'error',
          op004[0]?.message,
          { file: 'Dockerfile', startLine: 5, endLine: 5, title: 'OP004 (checklist)' }
        ])
        expect(JSON.parse(calls.outputs.get('lint-findings') ?? '')).toEqual(result.counts)
        expect(calls.outputs.get('lint-sarif')).toBe(result.sarifPath)
        const sarif = JSON.parse(readFileSync(result.sarifPath as string, 'utf8')) as SarifLog
        expect(sarif.runs.map(r => r.tool.driver.name)).toEqual(['hadolint', 'trivy', 'checklist'])
        expect(sarif.runs[2]?.results.find(r => r.ruleId === 'OP004')?.level).toBe('error')
        // Each engine names the version that ran: the pinned hadolint and Trivy.
        expect(result.engines).toEqual([
          `hadolint ${PINS.hadolint.version}`,
          expect.stringMatching(/^trivy \d+\.\d+\.\d+$/),
          'checklist'
        ])
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    },
    TRIVY_TIMEOUT
  )

  it(
    'reports DS026 (no HEALTHCHECK) only when lint-rules asks, and no DS005 on a commit-pinned ADD of git',
    async () => {
      const lint = async (rules: string) => {
        const opts = parseLintOptions(name => ({ linters: 'trivy', 'lint-rules': rules })[name] ?? '')
        const { reporter } = recordingReporter()
        const result = await runLint(
          {
            ...opts,
            file: 'OP007.git-arg.good.Dockerfile',
            context: '.',
            labelSchemas: ['oci'],
            workspace: DOCKERFILES,
            reportDir: join(cache, 'reports'),
            trivyCacheDir: cache
          },
          { trivy: env().trivy },
          reporter
        )
        return result.findings.map(f => `${f.ruleId} ${f.line} ${f.level}`)
      }
      expect(await lint('')).toEqual([])
      expect(await lint('+DS026')).toEqual(['DS-0026 1 info'])
    },
    TRIVY_TIMEOUT
  )
})
