import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probeTestEnv } from '../../support/env.js'

/** The distribution registry scripts/test-env.sh built (test-env.json's registryBinary). */
function registryBinary(): string {
  const env = probeTestEnv().env
  if (!env?.registryBinary)
    throw new Error('.cache/test-env.json names no registryBinary: run scripts/test-env.sh')
  return env.registryBinary
}

/** A port nothing listens on now (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const answers = async (url: string): Promise<number | undefined> => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).status
  } catch {
    return undefined
  }
}

/**
 * A registry process (the test bed's distribution binary) of this test's own (the config of scripts/test-env.sh, another port, a
 * data directory of its own), so stopping it never disturbs other tests using 127.0.0.1:5000.
 */
export class RegistryProcess {
  readonly dir = mkdtempSync(join(tmpdir(), 'oci-reliability-registry-'))
  private child?: ChildProcess

  private constructor(
    readonly port: number,
    readonly auth?: { username: string; password: string }
  ) {
    mkdirSync(join(this.dir, 'data'))
    const lines = [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(this.dir, 'data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: oci-reliability-${port}`
    ]
    if (auth) {
      const entry = execFileSync('htpasswd', ['-nbB', auth.username, auth.password], { encoding: 'utf8' })
      writeFileSync(join(this.dir, 'htpasswd'), entry.trim() + '\n')
      lines.push(
        'auth:',
        '  htpasswd:',
        '    realm: oci-reliability',
        `    path: ${join(this.dir, 'htpasswd')}`
      )
    }
    writeFileSync(join(this.dir, 'config.yml'), lines.join('\n') + '\n')
  }

  /** A registry on a free port, not started yet. */
  static async create(auth?: { username: string; password: string }): Promise<RegistryProcess> {
    return new RegistryProcess(await freePort(), auth)
  }

  get host(): string {
    return `127.0.0.1:${this.port}`
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Starts the process and waits until /v2/ answers. */
  async start(): Promise<void> {
    const child = spawn(registryBinary(), ['serve', join(this.dir, 'config.yml')], { stdio: 'ignore' })
    this.child = child
    for (let i = 0; i < 100; i++) {
      if ((await answers(`http://${this.host}/v2/`)) !== undefined) return
      if (child.exitCode !== null) break
      await new Promise(r => setTimeout(r, 100))
    }
    throw new Error(`the registry did not start on ${this.host}`)
  }

  /** Ends the process abruptly (SIGKILL: a crash, not a shutdown) and waits for it to be gone. */
  async stop(): Promise<void> {
    const child = this.child
    if (!child || !this.running) return
    const gone = new Promise(r => child.once('exit', r))
    child.kill('SIGKILL')
    await gone
  }

  /** Tags of a repository, read from the storage on disk (works whether the process runs or not). */
  tagsOnDisk(repo: string): string[] {
    const dir = join(this.dir, 'data', 'docker', 'registry', 'v2', 'repositories', repo, '_manifests', 'tags')
    try {
      return readdirSync(dir).sort()
    } catch {
      return []
    }
  }

  /** The manifest digest a tag points at on disk, if any. */
  tagLinkOnDisk(repo: string, tag: string): string | undefined {
    const root = join(this.dir, 'data', 'docker', 'registry', 'v2', 'repositories', repo, '_manifests')
    try {
      return readFileSync(join(root, 'tags', tag, 'current', 'link'), 'utf8').trim()
    } catch {
      return undefined
    }
  }
}

/** Command lines of the processes running now (from /proc), with their pid and parent pid. */
export function processes(): Array<{ pid: number; ppid: number; cmd: string }> {
  const out: Array<{ pid: number; ppid: number; cmd: string }> = []
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
      const ppid = Number(/^PPid:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
      if (cmd) out.push({ pid: Number(pid), ppid, cmd })
    } catch {
      // ended between readdir and read
    }
  }
  return out
}

/** Polls until `find` returns something (or the time is up). */
export async function waitFor<T>(find: () => T | undefined, ms: number, every = 10): Promise<T | undefined> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    const found = find()
    if (found !== undefined) return found
    await new Promise(r => setTimeout(r, every))
  }
  return undefined
}
