import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probeTestEnv, ROOT } from './env.js'
import { prepareDockerConfig, variantEnv } from './variant.js'

export interface ProcessRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs a program to its end, with exactly the environment given (PATH and HOME added, and the
 * test variant's daemon and builder: see variant.ts).
 */
export function runProcess(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; input?: string }
): Promise<ProcessRun> {
  const testEnv = probeTestEnv().env
  if (testEnv && opts.env.DOCKER_CONFIG) {
    mkdirSync(opts.env.DOCKER_CONFIG, { recursive: true })
    prepareDockerConfig(opts.env.DOCKER_CONFIG, testEnv)
  }
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    ...(testEnv ? variantEnv(testEnv) : {}),
    ...opts.env
  }
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
  })
  child.stdin?.end(opts.input)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', d => (stdout += d))
  child.stderr?.on('data', d => (stderr += d))
  return new Promise(resolve => child.on('close', code => resolve({ code: code ?? 128, stdout, stderr })))
}

/** The bundled CLI, as a user runs it: dist/cli/index.js on Node 24. */
export const CLI_ENTRY = join(ROOT, 'dist', 'cli', 'index.js')

/**
 * A bundle of the CLI made now from src/, as scripts/bundle.sh makes dist/cli/ (the dist test
 * keeps the two the same), so the tests run the code as it is, not as it was last bundled.
 */
export function freshCliBundle(): string {
  return process.env.OCI_TEST_CLI_BUNDLE || freshBundle('src/faces/cli/index.ts')
}

/**
 * The action bundled now from src/, as scripts/bundle.sh makes dist/ (lazy chunks beside it).
 * OCI_TEST_ACTION_BUNDLE (and OCI_TEST_CLI_BUNDLE) name another bundle instead: an older build,
 * to see a test fail on it.
 */
export function freshActionBundle(): string {
  return process.env.OCI_TEST_ACTION_BUNDLE || freshBundle('src/faces/action/index.ts')
}

function freshBundle(entry: string): string {
  const out = mkdtempSync(join(tmpdir(), 'oci-bundle-'))
  execFileSync(
    'npx',
    [
      '--no-install',
      'ncc',
      'build',
      entry,
      '-o',
      out,
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
      '--quiet'
    ],
    { cwd: ROOT, stdio: 'pipe' }
  )
  return join(out, 'index.js')
}

export const runCli = (
  node: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; entry?: string }
): Promise<ProcessRun> => runProcess(node, [opts.entry ?? CLI_ENTRY, ...args], opts)
