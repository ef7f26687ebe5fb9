import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildConfig } from '../../src/config/config.js'
import type { RunContext } from '../../src/context.js'
import { githubRunContext, type GitHubPayload } from '../../src/faces/github/context.js'
import { computeMetadata, type Metadata } from '../../src/stages/metadata/index.js'
import { metadataOutputs } from '../../src/stages/metadata/outputs.js'
import { ROOT } from './env.js'

/** Runner contexts recorded for this project: __tests__/fixtures/contexts/<name>/{env,event.json}. */
export const RECORDED = [
  'push-main',
  'push-dev',
  'push-feature',
  'tag',
  'tag-without-base',
  'pull-request',
  'pull-request-fork',
  'pull-request-target',
  'schedule',
  'workflow-dispatch',
  'release',
  'create-tag'
] as const
export type Recorded = (typeof RECORDED)[number]

const dir = (name: Recorded): string => join(ROOT, '__tests__', 'fixtures', 'contexts', name)

/** The variables the runner set (`KEY=value` lines). */
export function recordedEnv(name: Recorded): Record<string, string> {
  const env: Record<string, string> = {}
  for (const line of readFileSync(join(dir(name), 'env'), 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return { ...env, GITHUB_EVENT_PATH: join(dir(name), 'event.json') }
}

export const recordedPayload = (name: Recorded): GitHubPayload =>
  JSON.parse(readFileSync(join(dir(name), 'event.json'), 'utf8')) as GitHubPayload

/** A workspace with a Dockerfile, for the config's checks. */
export function workspaceWith(dockerfile = 'FROM scratch\n'): string {
  const ws = mkdtempSync(join(tmpdir(), 'oci-recorded-'))
  writeFileSync(join(ws, 'Dockerfile'), dockerfile)
  return ws
}

/** The run as the GitHub faces read it from a recording; `env` overrides variables (GITHUB_REF, …). */
export function recordedContext(name: Recorded, env: Record<string, string> = {}, ws = '/work'): RunContext {
  const vars = { ...recordedEnv(name), ...env }
  return { ...githubRunContext(vars, recordedPayload(name), ws), workspace: ws }
}

/** The clock of these tests. */
export const NOW = new Date('2026-03-04T05:06:07.089Z')

export interface MetadataRun {
  meta: Metadata
  outputs: ReturnType<typeof metadataOutputs>
}

/**
 * The metadata the pipeline computes for a recorded run and the given inputs: buildConfig (the one
 * path from inputs to a Config), then computeMetadata, and the outputs as the action sets them.
 */
export function metadataFor(
  name: Recorded,
  inputs: Record<string, string>,
  opts: { env?: Record<string, string>; now?: Date; dockerfile?: string; commitDate?: Date } = {}
): MetadataRun {
  const ws = workspaceWith(opts.dockerfile)
  const env = { ...recordedEnv(name), ...opts.env }
  const ctx = { ...githubRunContext(env, recordedPayload(name), ws), workspace: ws }
  // The action's default github-token, which logs in to GHCR.
  const all: Record<string, string> = { 'github-token': 'ghs-test-token', ...inputs }
  const config = buildConfig(n => all[n] ?? '', ctx, env)
  const meta = computeMetadata(config, ctx, {
    dockerfile: opts.dockerfile ?? 'FROM scratch\n',
    now: opts.now ?? NOW,
    ...(opts.commitDate ? { commitDate: opts.commitDate } : {})
  })
  return { meta, outputs: metadataOutputs(meta, config.metadata.separators) }
}
