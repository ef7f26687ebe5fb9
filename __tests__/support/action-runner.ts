import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probeTestEnv, ROOT } from './env.js'
import { prepareDockerConfig, variantEnv } from './variant.js'

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Everything the action wrote anywhere a user could read, for leak checks. */
  everything: string
  /** Command lines of every process seen while the action ran (sampled from /proc). */
  argvSeen: string[]
  /** RUNNER_TEMP of the run: reports land in `<runnerTemp>/oci-pipeline`. */
  runnerTemp: string
}

/** Samples /proc/<pid>/cmdline of every process until stopped. */
function watchCommandLines(): () => string[] {
  const seen = new Set<string>()
  const sample = (): void => {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
        if (cmd) seen.add(cmd)
      } catch {
        // the process ended between readdir and read
      }
    }
  }
  const timer = setInterval(sample, 15)
  return () => {
    clearInterval(timer)
    sample()
    return [...seen]
  }
}

export interface GitHubEvent {
  eventName: string
  ref: string
  sha: string
  repository: string
  actor?: string
  payload: Record<string, unknown>
}

/** Parses GITHUB_OUTPUT's `name<<delimiter … delimiter` blocks (and plain name=value lines). */
/** The `::error` lines of a run's log, with the runner's escapes (%0A, %0D, %25) undone. */
export function errorLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(l => l.startsWith('::error'))
    .map(l => l.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'))
}

export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = line.match(/^([^=<]+)<<(.+)$/)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i] as string)
      out[name as string] = value.join('\n')
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
  }
  return out
}

/**
 * Runs the committed dist/index.js with Node 24, as the runner does: INPUT_* variables, the
 * GITHUB_* context, an event file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
export async function runAction(opts: {
  node: string
  workspace: string
  inputs: Record<string, string>
  event: GitHubEvent
  env?: Record<string, string>
  /** The bundle to run: dist/index.js unless given (freshActionBundle() for src/ as it is now). */
  entry?: string
  /** Told the action's pid as it starts (to signal it). */
  onStart?: (pid: number) => void
}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'oci-action-run-'))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md')
  }
  writeFileSync(files.event, JSON.stringify(opts.event.payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const dockerConfig = join(dir, 'docker-config')
  mkdirSync(dockerConfig)
  const testEnv = probeTestEnv().env
  if (testEnv) prepareDockerConfig(dockerConfig, testEnv)
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    DOCKER_CONFIG: dockerConfig,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REF: opts.event.ref,
    GITHUB_SHA: opts.event.sha,
    GITHUB_REPOSITORY: opts.event.repository,
    GITHUB_ACTOR: opts.event.actor ?? 'octocat',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    ...(testEnv ? variantEnv(testEnv) : {}),
    ...opts.env
  }
  for (const [name, value] of Object.entries(opts.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const stopWatching = watchCommandLines()
  const child = spawn(opts.node, [opts.entry ?? join(ROOT, 'dist', 'index.js')], { cwd: opts.workspace, env })
  if (child.pid) opts.onStart?.(child.pid)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? 128)))
  const argvSeen = stopWatching()
  // The runner consumes ::add-mask:: commands; they are never shown to anyone.
  stdout = stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  const outputText = readFileSync(files.output, 'utf8')
  const summary = readFileSync(files.summary, 'utf8')
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(outputText),
    summary,
    everything: [stdout, stderr, outputText, summary].join('\n'),
    argvSeen,
    runnerTemp: dir
  }
}
