import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { docker, dockerLogin } from '../support/scan-fixtures.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A hadolint that takes its time, reports `findings`, and writes down when it ran. */
function slowHadolint(dir: string, seconds: number, findings: Json[], log: string): string {
  const path = join(dir, 'hadolint')
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'case "$1" in --version) echo "Haskell Dockerfile Linter 2.12.0"; exit 0;; esac',
      `echo "hadolint-start $(date +%s.%N)" >>"${log}"`,
      `sleep ${seconds}`,
      `echo "hadolint-end $(date +%s.%N)" >>"${log}"`,
      `echo '${JSON.stringify(findings)}'`,
      // Run with --no-fail, hadolint exits 0 whatever it finds.
      'exit 0',
      ''
    ].join('\n')
  )
  chmodSync(path, 0o755)
  return path
}

/**
 * The real Trivy, with the start, process ID and arguments of each run written down; a `trivy
 * config` (the lint's) first waits `configSeconds`, standing in for a slow one.
 */
function loggedTrivy(dir: string, real: string, log: string, configSeconds = 0): string {
  const path = join(dir, 'trivy')
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      // Its version and help (asked once, beside the build) are not runs.
      `case "$*" in *--help*|*--version*) exec "${real}" "$@";; esac`,
      `echo "trivy-$1 $(date +%s.%N) $$ $*" >>"${log}"`,
      `[ "$1" = config ] && sleep ${configSeconds}`,
      `exec "${real}" "$@"`,
      ''
    ].join('\n')
  )
  chmodSync(path, 0o755)
  return path
}

/** The docker CLI, with the start and end of each build written down. */
function loggedDocker(dir: string, log: string): string {
  const real = execFileSync('sh', ['-c', 'command -v docker']).toString().trim()
  writeFileSync(
    join(dir, 'docker'),
    [
      '#!/bin/sh',
      `[ "$1 $2" = "buildx build" ] || exec "${real}" "$@"`,
      `echo "build-start $(date +%s.%N)" >>"${log}"`,
      `"${real}" "$@"`,
      'rc=$?',
      `echo "build-end $(date +%s.%N)" >>"${log}"`,
      'exit $rc',
      ''
    ].join('\n')
  )
  chmodSync(join(dir, 'docker'), 0o755)
  return dir
}

/** git, with each run's arguments written down (the tools dir is on PATH). */
function loggedGit(dir: string, log: string): void {
  const real = execFileSync('sh', ['-c', 'command -v git']).toString().trim()
  writeFileSync(join(dir, 'git'), `#!/bin/sh\necho "git $*" >>"${log}"\nexec "${real}" "$@"\n`)
  chmodSync(join(dir, 'git'), 0o755)
}

/** When each logged event first happened (seconds). */
function times(log: string): Record<string, number> {
  const at: Record<string, number> = {}
  for (const [event, t] of readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map(l => l.split(' ')))
    if (event && t && !(event in at)) at[event] = Number(t)
  return at
}

/** The Trivy runs still alive (the action must leave none behind). */
function trivyLeft(log: string): string[] {
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map(l => l.split(' '))
    .filter(([event, , pid]) => event?.startsWith('trivy-') && existsSync(`/proc/${pid}`))
    .map(([event, , pid]) => `${event} ${pid}`)
}

/** The log's groups in order; throws when one opens inside another (CI logs cannot nest them). */
function groups(run: ActionRun): string[] {
  const names: string[] = []
  let open: string | undefined
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('::group::')) {
      if (open) throw new Error(`group "${line.slice(9)}" opened inside "${open}"`)
      open = line.slice(9)
      names.push(open)
    } else if (line.startsWith('::endgroup::')) open = undefined
  }
  return names
}

describeWithEnv('the action overlaps what does not depend on each other', env => {
  let e: TestEnv
  let registry: RegistryClient
  let trivyCache: string
  let tools: string
  let log: string
  beforeAll(() => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-trivy-cache-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
  })
  beforeEach(() => {
    tools = mkdtempSync(join(tmpdir(), 'oci-tools-'))
    log = join(tools, 'times.log')
  })
  const inputs = (repo: string, hadolint: string): Record<string, string> => ({
    images: `${e.registry}/${repo}`,
    tags: 'type=raw,value=1.0',
    username: e.username,
    password: e.password,
    linters: 'hadolint,checklist',
    'hadolint-path': hadolint,
    'trivy-path': loggedTrivy(tools, e.trivy, log),
    'trivy-cache-dir': trivyCache,
    'fail-on-severity': 'none'
  })
  const dockerfile = (): string => `FROM ${pinnedRef(e.baseImages.debianVuln)}\nUSER nobody\n`

  it('scans beside a lint slower than the build, logs the lint then the scan, and pushes what it scanned', async () => {
    const repo = `it-${RUN}/overlap-pass`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(dockerfile()),
      inputs: inputs(repo, slowHadolint(tools, 8, [], log)),
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(0)
    const at = times(log)
    expect(at['trivy-image']).toBeLessThan(at['hadolint-end']!)
    // The report converters start beside the build, not once the scan has ended (a Trivy start
    // alone takes longer than this margin).
    expect(at['trivy-convert']).toBeLessThan(at['trivy-image']! + 0.5)
    expect(trivyLeft(log)).toEqual([])
    const order = groups(run)
    expect(order.indexOf('Lint')).toBeGreaterThan(order.indexOf('Build'))
    expect(order.indexOf('Scan')).toBe(order.indexOf('Lint') + 1)
    expect(order.indexOf('Push')).toBeGreaterThan(order.indexOf('Scan'))

    // The reports written beside the push are whole, and name what was pushed.
    const pushed = await registry.manifest(repo, '1.0')
    expect(pushed?.digest).toBe(run.outputs.digest)
    const config = await registry.config(repo, '1.0')
    const cdxPath = run.outputs['sbom-path'] ?? ''
    const scanned = JSON.parse(readFileSync(join(cdxPath, '..', 'trivy.json'), 'utf8')) as Json
    expect(scanned.Metadata.ImageID).toBe(config.digest)
    const cdx = JSON.parse(readFileSync(cdxPath, 'utf8')) as Json
    expect((cdx.components as Json[]).find(c => c.name === 'oci-test-lib')?.version).toBe('1.0.0-1')
    const sarifBytes = readFileSync(run.outputs['scan-sarif'] ?? '')
    const sarif = JSON.parse(sarifBytes.toString()) as Json
    expect((sarif.runs[0].results as Json[]).map(r => r.ruleId).sort()).toEqual([
      'CVE-2099-0001',
      'CVE-2099-0002'
    ])
    // Trivy's own SARIF, byte for byte: what `trivy convert` writes from that JSON now.
    const again = execFileSync(e.trivy, ['convert', '--format', 'sarif', join(cdxPath, '..', 'trivy.json')], {
      stdio: ['ignore', 'pipe', 'ignore']
    })
    expect(sarifBytes.equals(again)).toBe(true)
  })

  it('starts the image scan while the image builds, beside the lint’s Trivy, and it reads the image built, not the one the tag named before', async () => {
    const repo = `it-${RUN}/overlap-early-scan`
    const ref = `${e.registry}/${repo}:1.0`
    // The daemon already has an image under the tag: a scan that read the daemon before the build
    // ended would scan that one, and the action would refuse to push. (Pulled first: on a fresh
    // daemon no earlier build has.)
    const login = dockerLogin(e)
    docker(login, ['pull', '-q', pinnedRef(e.baseImages.debianVuln)])
    docker(login, ['tag', pinnedRef(e.baseImages.debianVuln), ref])
    const gitLog = join(tools, 'git.log')
    loggedGit(tools, gitLog)
    const run = await runAction({
      node: e.node24,
      workspace: workspace(
        `FROM ${pinnedRef(e.baseImages.debianVuln)}\nRUN sleep 4 && echo ${Date.now()} >/built\nUSER nobody\n`
      ),
      inputs: {
        ...inputs(repo, slowHadolint(tools, 0, [], log)),
        linters: 'trivy,checklist',
        // The lint's Trivy outlasts the build: the scan does not wait for it.
        'trivy-path': loggedTrivy(tools, e.trivy, log, 8)
      },
      event: push('refs/heads/main'),
      env: { PATH: `${loggedDocker(tools, log)}:${process.env.PATH}` }
    })
    expect(run.code).toBe(0)
    const at = times(log)
    expect(at['trivy-image']).toBeLessThan(at['build-end']!)
    expect(at['trivy-image']).toBeLessThan(at['trivy-config']! + 8)
    // The lint's Trivy runs on a cache of its own: the scan's is never locked by it.
    expect(readFileSync(log, 'utf8')).not.toMatch(
      new RegExp(`^trivy-config .*--cache-dir ${trivyCache}`, 'm')
    )
    // Trivy's starts wait for the build to be under way: started with it, they slowed its start.
    expect(at['trivy-image']).toBeGreaterThan(at['build-start']!)
    expect(at['trivy-convert']).toBeGreaterThan(at['build-start']!)
    // One scan: the one started early.
    expect(readFileSync(log, 'utf8').match(/^trivy-image /gm)).toHaveLength(1)
    expect(trivyLeft(log)).toEqual([])
    // The docker driver attaches no provenance, so buildx is not sent to ask git for it (seven
    // starts before the build); the action's own `git describe` still runs.
    const gitRuns = readFileSync(gitLog, 'utf8')
    expect(gitRuns).toMatch(/^git describe /m)
    expect(gitRuns).not.toMatch(/^git .*rev-parse/m)
    const config = await registry.config(repo, '1.0')
    expect(config.digest).toBe(run.outputs.imageid)
    const scanned = JSON.parse(
      readFileSync(join(run.outputs['sbom-path'] ?? '', '..', 'trivy.json'), 'utf8')
    ) as Json
    expect(scanned.Metadata.ImageID).toBe(config.digest)
    expect(scanned.ArtifactName).toBe(ref)
  })

  it('a build that fails ends the scan started beside it, and pushes nothing', async () => {
    const repo = `it-${RUN}/overlap-build-fails`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(
        `FROM ${pinnedRef(e.baseImages.debianVuln)}\nRUN sleep 4 && exit 3\nUSER nobody\n`
      ),
      inputs: inputs(repo, slowHadolint(tools, 0, [], log)),
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(1)
    expect(readFileSync(log, 'utf8')).toMatch(/^trivy-image /m)
    expect(trivyLeft(log)).toEqual([])
    expect(await registry.tags(repo)).toEqual([])
  })

  it('a lint that fails after the build still stops the push, once the scan beside it has ended', async () => {
    const repo = `it-${RUN}/overlap-lint-fails`
    const finding = {
      // Not a twin of a checklist rule (those the checklist judges): a finding hadolint alone makes.
      code: 'DL3000',
      column: 1,
      file: 'Dockerfile',
      level: 'error',
      line: 1,
      message: 'Use absolute WORKDIR'
    }
    const run = await runAction({
      node: e.node24,
      workspace: workspace(dockerfile()),
      inputs: inputs(repo, slowHadolint(tools, 8, [finding], log)),
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::lint: findings at or above "error"/)
    const at = times(log)
    expect(at['trivy-image']).toBeLessThan(at['hadolint-end']!)
    const order = groups(run)
    expect(order.indexOf('Scan')).toBe(order.indexOf('Lint') + 1)
    expect(order).not.toContain('Push')
    expect(trivyLeft(log)).toEqual([])
    expect(await registry.tags(repo)).toEqual([])
    expect(run.outputs.digest ?? '').toBe('')
  })
})
