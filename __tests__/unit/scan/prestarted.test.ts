import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DockerGate } from '../../../src/stages/scan/docker-gate.js'
import { MAX_WAIT_MS, PrestartedScan, withTimeout } from '../../../src/stages/scan/prestarted.js'
import { Trivy } from '../../../src/stages/scan/trivy.js'
import { alive, until } from '../../support/processes.js'

/**
 * A Trivy 0.58 whose `image` writes down its pid and arguments, says it started, then asks the
 * daemon at DOCKER_HOST and prints its answer.
 */
function standIn(dir: string): string {
  const path = join(dir, 'trivy')
  writeFileSync(
    path,
    [
      `#!${process.execPath}`,
      "const fs = require('node:fs'), net = require('node:net')",
      "if (process.argv[2] === '--version') { console.log('Version: 0.58.0'); process.exit(0) }",
      `fs.writeFileSync(${JSON.stringify(join(dir, 'pid'))}, String(process.pid))`,
      `fs.writeFileSync(${JSON.stringify(join(dir, 'args'))}, process.argv.slice(2).join(' '))`,
      "console.error('INFO started')",
      "const s = net.connect(process.env.DOCKER_HOST.replace('unix://', ''))",
      "let got = ''",
      "s.on('data', d => (got += d))",
      "s.on('end', () => { console.log('daemon says ' + got); process.exit(0) })",
      "s.write('inspect')",
      ''
    ].join('\n')
  )
  chmodSync(path, 0o755)
  return path
}

/** A stand-in daemon that answers `image-1` (or never, when `silent`). */
function daemon(silent = false): Promise<{ path: string; server: Server; asked: () => number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'oci-daemon-')), 'docker.sock')
  let asked = 0
  const server = createServer(s => s.on('data', () => (asked++, silent ? undefined : s.end('image-1'))))
  return new Promise(resolve => server.listen(path, () => resolve({ path, server, asked: () => asked })))
}

const ARGS = ['image', '--format', 'json', '--timeout', '300s', '127.0.0.1:5000/app:1.0']

async function setUp(silent = false) {
  const dir = mkdtempSync(join(tmpdir(), 'oci-prestarted-'))
  const trivy = await Trivy.detect(standIn(dir))
  const d = await daemon(silent)
  const gate = await DockerGate.start(d.path)
  const pid = async (): Promise<number> => {
    await until(() => {
      try {
        return !!readFileSync(join(dir, 'pid'), 'utf8')
      } catch {
        return false
      }
    })
    return Number(readFileSync(join(dir, 'pid'), 'utf8'))
  }
  return { dir, trivy, d, gate, pid }
}

describe('PrestartedScan', () => {
  it('gives Trivy the wait for the image on top of the scan-timeout', () => {
    expect(withTimeout(ARGS, 420)).toEqual([...ARGS.slice(0, 4), '420s', ARGS[5]])
    expect(withTimeout(['image', 'x'], 10)).toEqual(['image', 'x'])
  })

  it('starts before the image exists, reads the daemon only once opened, and hands its run and log to the scan', async () => {
    const { dir, trivy, d, gate, pid } = await setUp()
    const scan = PrestartedScan.start(trivy, ARGS, gate, { timeoutSeconds: 300 })
    const p = await pid()
    expect(alive(p)).toBe(true)
    // It waits at a lower priority: the build it waits for has the CPU first.
    expect(Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])).toBe(10)
    await new Promise(r => setTimeout(r, 300))
    expect(d.asked()).toBe(0) // held at the gate
    expect(readFileSync(join(dir, 'args'), 'utf8')).toBe(
      withTimeout(ARGS, 300 + MAX_WAIT_MS / 1000).join(' ')
    )

    const run = scan.take([...ARGS])
    expect(run).toBeDefined()
    const lines: string[] = []
    const result = await run!(line => lines.push(line))
    expect(result.stdout.trim()).toBe('daemon says image-1')
    expect(lines).toEqual(['INFO started', 'daemon says image-1'])
    expect(d.asked()).toBe(1)
    expect(scan.take(ARGS)).toBeUndefined() // used once
    scan.close()
    d.server.close()
  })

  it('is ended, unread, when the scan runs other arguments', async () => {
    const { trivy, d, gate, pid } = await setUp()
    const scan = PrestartedScan.start(trivy, ARGS, gate, { timeoutSeconds: 300 })
    const p = await pid()
    expect(scan.take([...ARGS.slice(0, -1), 'other:1.0'])).toBeUndefined()
    expect(await until(() => !alive(p))).toBe(true)
    expect(d.asked()).toBe(0)
    scan.close()
    d.server.close()
  })

  it('is ended, unread, by close when never taken (a failed build)', async () => {
    const { trivy, d, gate, pid } = await setUp()
    const scan = PrestartedScan.start(trivy, ARGS, gate, { timeoutSeconds: 300 })
    const p = await pid()
    scan.close()
    expect(await until(() => !alive(p))).toBe(true)
    expect(d.asked()).toBe(0)
    d.server.close()
  })

  it('is ended when the image takes longer than its wait; the scan then runs Trivy itself', async () => {
    const { trivy, d, gate, pid } = await setUp()
    const scan = PrestartedScan.start(trivy, ARGS, gate, { timeoutSeconds: 300, maxWaitMs: 300 })
    const p = await pid()
    expect(await until(() => !alive(p))).toBe(true)
    expect(scan.take(ARGS)).toBeUndefined()
    scan.close()
    d.server.close()
  })

  it('keeps the scan-timeout from the moment the image is there', async () => {
    const { trivy, d, gate, pid } = await setUp(true)
    const scan = PrestartedScan.start(trivy, ARGS, gate, { timeoutSeconds: 1 })
    const p = await pid()
    const started = Date.now()
    await expect(scan.take(ARGS)!()).rejects.toThrow(
      'trivy image did not finish within the scan-timeout (1s)'
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(await until(() => !alive(p))).toBe(true)
    scan.close()
    d.server.close()
  })
})
