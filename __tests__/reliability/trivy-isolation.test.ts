import { jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitHubReporter } from '../../src/faces/action/reporter.js'
import { parseScanOptions, runScanStage } from '../../src/stages/scan/index.js'
import { probeTestEnv } from '../support/env.js'
import { RecordingReporter, summaryOf } from '../support/scan-fixtures.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

// The scan gate against what a repository, or the job's environment, can put in Trivy's way. Real
// Trivy (0.69.3 here) on a docker-archive made on the spot, with a DB of made-up advisories: no
// daemon, no registry. Trivy used to run in the checkout, where it read trivy.yaml, trivy-secret.yaml
// and .trivyignore, and with the job's TRIVY_* variables.

const TRIVY =
  probeTestEnv().env?.trivy ??
  ['/var/lib/oci-pipeline-test/tools/trivy-0.69.3/trivy'].find(p => existsSync(p)) ??
  (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v trivy'], { encoding: 'utf8' }).trim() || undefined
    } catch {
      return undefined
    }
  })()

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** A docker-archive of a Debian 12 image holding one dpkg package, `oci-test-lib` 1.0.0-1 unless named. */
function imageTar(dir: string, packageName = 'oci-test-lib'): string {
  const root = join(dir, 'rootfs')
  mkdirSync(join(root, 'etc'), { recursive: true })
  mkdirSync(join(root, 'var', 'lib', 'dpkg'), { recursive: true })
  writeFileSync(join(root, 'etc', 'debian_version'), '12.5\n')
  writeFileSync(join(root, 'etc', 'os-release'), 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n')
  writeFileSync(
    join(root, 'var', 'lib', 'dpkg', 'status'),
    `Package: ${packageName}\nStatus: install ok installed\nArchitecture: amd64\nSource: oci-test-lib\nVersion: 1.0.0-1\nDescription: test\n\n`
  )
  const image = join(dir, 'image')
  mkdirSync(image)
  execFileSync('tar', ['--owner=0', '--group=0', '-C', root, '-cf', join(image, 'layer.tar'), '.'])
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: [sha256(readFileSync(join(image, 'layer.tar')))] }
    })
  )
  writeFileSync(join(image, 'config.json'), config)
  writeFileSync(
    join(image, 'manifest.json'),
    JSON.stringify([{ Config: 'config.json', RepoTags: ['test/vuln:1'], Layers: ['layer.tar'] }])
  )
  const tar = join(dir, 'image.tar')
  execFileSync('tar', ['-C', image, '-cf', tar, 'manifest.json', 'config.json', 'layer.tar'])
  return tar
}

const describeWithTrivy = TRIVY ? describe : describe.skip

describeWithTrivy(`the scan gate, with the real Trivy (${TRIVY ?? 'none found'})`, () => {
  let work: string
  let checkout: string
  let cache: string
  const cwd = process.cwd()
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'oci-trivy-isolation-'))
    checkout = join(work, 'checkout')
    mkdirSync(checkout)
    cache = join(work, 'cache')
    writeTrivyDb(cache, 'debian 12', TEST_ADVISORIES)
    // As on a runner: the pipeline's working folder is the checkout.
    process.chdir(checkout)
  })
  afterEach(() => process.chdir(cwd))

  const scan = async (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, packageName?: string) => {
    const reporter = new RecordingReporter()
    const values: Record<string, string> = { 'trivy-cache-dir': cache, 'sbom-format': 'cyclonedx', ...inputs }
    const stage = await runScanStage({
      targets: [{ image: 'test/vuln:1', source: { tar: imageTar(work, packageName) } }],
      options: parseScanOptions(name => values[name] ?? '', checkout, env),
      reporter,
      outDir: join(work, 'out'),
      trivyPath: TRIVY as string,
      env: { PATH: process.env.PATH, HOME: work, TRIVY_SKIP_DB_UPDATE: 'true', ...env }
    })
    return { stage, reporter }
  }

  it('finds the CRITICAL vulnerability and fails the gate (the baseline the rest is measured against)', async () => {
    const { stage } = await scan({})
    expect(stage.vulnerabilities.map(v => `${v.id} ${v.severity}`)).toEqual([
      'CVE-2099-0001 CRITICAL',
      'CVE-2099-0002 MEDIUM'
    ])
    expect(stage.gate.failed).toBe(true)
  })

  it('is not weakened by a trivy.yaml committed to the checkout (severity LOW, skip-dirs /var/lib/dpkg)', async () => {
    writeFileSync(
      join(checkout, 'trivy.yaml'),
      'severity:\n  - LOW\nscan:\n  skip-dirs:\n    - /var/lib/dpkg\n'
    )
    const { stage } = await scan({})
    expect(stage.gate.failed).toBe(true)
    expect(stage.gate.failing.map(v => v.id)).toEqual(['CVE-2099-0001'])
  })

  it('is not weakened by the job’s TRIVY_* variables, and says which it left out', async () => {
    const { stage, reporter } = await scan({}, { TRIVY_SEVERITY: 'LOW', TRIVY_SKIP_DIRS: '/var/lib/dpkg' })
    expect(stage.gate.failed).toBe(true)
    expect(reporter.said('warning')).toEqual(
      expect.arrayContaining([
        'TRIVY_SEVERITY is ignored: set the "severity" input instead',
        'TRIVY_SKIP_DIRS is ignored: set the "skip-dirs" input instead'
      ])
    )
  })

  it('reads a config file when trivy-config names it, and only then', async () => {
    writeFileSync(join(checkout, 'ci-trivy.yaml'), 'scan:\n  skip-dirs:\n    - /var/lib/dpkg\n')
    const { stage } = await scan({ 'trivy-config': 'ci-trivy.yaml' })
    expect(stage.vulnerabilities).toEqual([])
    expect(stage.gate.failed).toBe(false)
  })

  it('honours the checkout’s .trivyignore as Trivy does, but lists what it hid, with the line', async () => {
    writeFileSync(join(checkout, '.trivyignore'), '# accepted until the fix ships\nCVE-2099-0001\n')
    const { stage, reporter } = await scan({})
    expect(stage.gate.failed).toBe(false)
    expect(stage.scans[0]?.suppressed).toEqual([
      expect.objectContaining({ id: 'CVE-2099-0001', severity: 'CRITICAL', line: 2 })
    ])
    expect(reporter.said('warning')).toContain(
      'CVE-2099-0001 (CRITICAL, oci-test-lib 1.0.0-1) in test/vuln:1 is hidden from the gate by .trivyignore:2'
    )
    expect(summaryOf(stage)).toMatch(
      /\| CVE-2099-0001 \| CRITICAL \| oci-test-lib \| 1\.0\.0-1 \| ignored \| – \| `\.trivyignore:2` \|/
    )
  })

  it('fails, rather than passing with it, on a prepared DB older than trivy-db-max-age', async () => {
    const built = new Date(Date.now() - 10 * 86_400_000)
    writeFileSync(
      join(cache, 'db', 'metadata.json'),
      JSON.stringify({
        Version: 2,
        UpdatedAt: built.toISOString(),
        NextUpdate: new Date(built.getTime() + 86_400_000).toISOString()
      })
    )
    // Nothing is checked with it: the packages are listed (the SBOM) and the gate fails closed.
    const { stage } = await scan({})
    expect(stage.unchecked).toMatch(/is built 10d 0h ago, older than trivy-db-max-age \(5d 0h\)/)
    expect(stage.gate.failed).toBe(true)
  })

  it('runs no workflow command hidden in a package name of the scanned image', async () => {
    let out = ''
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => ((out += String(chunk)), true))
    try {
      const values: Record<string, string> = { 'trivy-cache-dir': cache, 'sbom-format': 'cyclonedx' }
      // Trivy folds a `\r` or a continuation line into a blank; the older `##[…]` form works anywhere in a line.
      await runScanStage({
        targets: [
          {
            image: 'test/vuln:1',
            source: { tar: imageTar(work, 'oci-test-lib ##[add-mask]hidden-by-image') }
          }
        ],
        options: parseScanOptions(name => values[name] ?? '', checkout, {}),
        reporter: new GitHubReporter(),
        outDir: join(work, 'out'),
        trivyPath: TRIVY as string,
        env: { PATH: process.env.PATH, HOME: work, TRIVY_SKIP_DB_UPDATE: 'true' }
      })
    } finally {
      jest.restoreAllMocks()
    }
    expect(out).toContain('##[add-mask]hidden-by-image')
    // As the runner reads the output: a line starting with `::name` is that command (an annotation
    // holding `##[` stays an annotation); the older `##[name]` is taken anywhere else in a line;
    // nothing between ::stop-commands::<token> and ::<token>::.
    let stopped: string | undefined
    const run: string[] = []
    for (const line of out.split(/\r\n|\r|\n/)) {
      const text = line.trimStart()
      if (stopped) {
        if (text === `::${stopped}::`) stopped = undefined
      } else if (text.startsWith('::stop-commands::')) stopped = text.slice('::stop-commands::'.length)
      else if (text.startsWith('::')) run.push(/^::([\w-]+)/.exec(text)?.[1] ?? text)
      else if (text.includes('##[')) run.push(text.slice(text.indexOf('##[')))
    }
    expect(run.filter(c => !['group', 'endgroup', 'error', 'debug', 'set-output'].includes(c))).toEqual([])
  })
})
