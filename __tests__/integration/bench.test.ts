import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { describeWithEnv, ROOT, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

// The benchmark is not a timed test: this only checks that `npm run bench` still runs all its
// variants for real and reports what it says it does (the figures themselves are not judged).
describeWithEnv('npm run bench', env => {
  let e: TestEnv
  beforeAll(() => {
    e = env()
  })

  it('runs ours, usual and floor for real, and prints and writes every ratio', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts', 'bench.mjs'), '--rounds', '1', '--build-seconds', '1'],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024
      }
    )
    for (const line of [
      'ours/usual',
      'ours/floor',
      'oursWarm/floorWarm',
      'start → first tool',
      'outside children'
    ])
      expect(stdout).toMatch(new RegExp(`^${line}\\s+\\d+\\.\\d\\d \\(\\d+\\.\\d\\d-\\d+\\.\\d\\d\\)`, 'm'))
    const results = JSON.parse(readFileSync(join(ROOT, '.cache', 'bench', 'results.json'), 'utf8')) as Json
    for (const k of ['ours', 'usual', 'floor', 'oursWarm', 'floorWarm'])
      expect(results.seconds[k]).toEqual([expect.any(Number)])
    // Ours' stages, each timed by the action itself (its `stages` output).
    for (const stage of ['metadata', 'lint', 'build', 'scan', 'upload', 'push'])
      expect(results.stages[stage]).toEqual([expect.any(Number)])
    expect(results.stages.build[0]).toBeGreaterThan(1)
    // Each tool ours ran, from the run's start: the build and the scan among them, the build
    // lasting at least the work asked for.
    const tools = results.runs.ours[0].tools as Array<{ tool: string; start: number; seconds: number }>
    const build = tools.find(t => t.tool.startsWith('docker buildx build '))
    expect(build?.seconds).toBeGreaterThan(1)
    expect(tools.find(t => t.tool.startsWith('trivy image --format '))?.start).toBeGreaterThan(
      build!.start + build!.seconds
    )
    expect(tools[0]!.start).toBeCloseTo(results.overhead.firstToolSeconds[0], 2)
    expect(results.ratios['ours/usual'][0]).toBeCloseTo(results.seconds.ours[0] / results.seconds.usual[0], 6)
    // The build work asked for is the example's, and the figures say which it was.
    expect(results.buildSeconds).toBe(1)
    expect(readFileSync(join(ROOT, '.cache', 'bench', 'ws', 'Dockerfile'), 'utf8')).toMatch(
      /^RUN echo "\$STAMP" > \/stamp && sleep 1$/m
    )

    // Each variant pushed its image; ours pushed through the bundled action.
    const registry = new RegistryClient(e.registry, e.username, e.password)
    for (const variant of ['ours', 'usual', 'floor'])
      expect((await registry.tags(`bench/${variant}`)).length).toBeGreaterThan(0)
    const timeline = readFileSync(join(ROOT, '.cache', 'bench', 'tools.log'), 'utf8')
    expect(timeline).toMatch(/ start \d+ trivy image /)
    expect(timeline).toMatch(/ start \d+ docker buildx build /)
  }, 300_000)

  it('makes the large image of real files: its layers compress as sources and machine code do', async () => {
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts', 'bench.mjs'), '--rounds', '1', '--build-seconds', '0', '--app-mb', '20'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }
    )
    const registry = new RegistryClient(e.registry, e.username, e.password)
    // This run's tag: its stamp names the outputs file the bench gave the action.
    const tag = readdirSync(join(ROOT, '.cache', 'bench'))
      .find(name => name.startsWith('outputs-ours-'))!
      .slice('outputs-'.length)
    expect(await registry.tags('bench/ours')).toContain(tag)
    const layers = (await registry.manifest('bench/ours', tag))!.json.layers!
    const app = new Map<string, { packed: number; size: number; tar: string }>()
    for (const layer of layers) {
      const packed = await registry.blob('bench/ours', layer.digest)
      const tar = gunzipSync(packed)
      const dir = /opt\/([a-z-]+)\/c0\//.exec(tar.toString('latin1'))?.[1]
      if (dir) app.set(dir, { packed: packed.length, size: tar.length, tar: tar.toString('latin1') })
    }
    // Four layers of about 10 MB each: Python sources (about 4:1 with gzip) and machine code (2-3:1),
    // not random bytes (1:1) nor text made of them (4:3).
    expect([...app.keys()].sort()).toEqual(['app', 'lib', 'share', 'site-packages'])
    for (const [dir, { packed, size, tar }] of app) {
      expect(size).toBeGreaterThan(9 * 1024 * 1024)
      const [low, high] = dir === 'lib' || dir === 'app' ? [2, 3.5] : [3, 6]
      expect(size / packed).toBeGreaterThan(low)
      expect(size / packed).toBeLessThan(high)
      expect(tar).toMatch(dir === 'lib' || dir === 'app' ? /c0\/lib9\.so/ : /c0\/[a-z_]+\.py/)
    }
  }, 300_000)
})
