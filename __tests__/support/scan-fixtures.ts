import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run, type RunOptions } from '../../src/infra/process.js'
import type { Reporter } from '../../src/reporter.js'
import type { Runner } from '../../src/stages/scan/trivy.js'
import type { ScanStageResult } from '../../src/stages/scan/index.js'
import { runModel } from '../../src/pipeline/run-model.js'
import { renderSummary } from '../../src/stages/report/summary.js'
import type { TestEnv } from './env.js'

/** A Reporter that keeps everything it is told. */
export class RecordingReporter implements Reporter {
  readonly lines: Array<{ level: string; message: string }> = []
  readonly outputs = new Map<string, string>()
  readonly summaries: string[] = []
  info(message: string): void {
    this.lines.push({ level: 'info', message })
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message })
  }
  notice(message: string): void {
    this.lines.push({ level: 'notice', message })
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message })
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message })
  }
  group<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn()
  }
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value)
  }
  setSecret(): void {}
  summary(markdown: string): void {
    this.summaries.push(markdown)
  }
  said(level: string): string[] {
    return this.lines.filter(l => l.level === level).map(l => l.message)
  }
}

/** `run`, recording every command line it starts. */
export function countingRunner(): { runner: Runner; calls: string[][] } {
  const calls: string[][] = []
  const runner: Runner = (cmd: string, args: readonly string[], opts?: RunOptions) => {
    calls.push([...args])
    return run(cmd, args, opts)
  }
  return { runner, calls }
}

/** The Trivy runs that read an image (not --version, --help, convert or the DB download). */
export function imageReads(calls: readonly string[][]): string[][] {
  return calls.filter(a => a[0] === 'image' && !a.includes('--help') && !a.includes('--download-db-only'))
}

/** A DOCKER_CONFIG of its own, logged in to the test registry. */
export function dockerLogin(env: TestEnv): string {
  const dir = mkdtempSync(join(tmpdir(), 'scan-docker-config-'))
  execFileSync('docker', ['login', env.registry, '-u', env.username, '--password-stdin'], {
    input: env.password,
    env: { ...process.env, DOCKER_CONFIG: dir },
    stdio: ['pipe', 'ignore', 'pipe']
  })
  return dir
}

export function docker(dockerConfig: string, args: string[], opts: { cwd?: string } = {}): string {
  return execFileSync('docker', args, {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...opts
  })
}

/** The job summary of a run that only scanned (the stage writes none itself). */
export function summaryOf(scan: ScanStageResult): string {
  const at = { startMs: 0, durationMs: 1 }
  const graph = {
    records: new Map([
      ['scan', { name: 'scan', title: 'Scan', status: 'done' as const, result: scan, ...at }]
    ]),
    failures: []
  }
  const config = {
    lint: { threshold: 'none' as const },
    pushReason: 'a scan alone',
    images: [{ name: 'app' }]
  }
  return renderSummary(runModel({ config, graph, scan }))
}

/** Scan options as the action's inputs would give them. */
export function inputs(values: Record<string, string>): (name: string) => string {
  return name => values[name] ?? ''
}
