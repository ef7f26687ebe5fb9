import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { StepError } from '../../errors.js'
import type { Reporter } from '../../reporter.js'
import { readIfExists, type DbDownloadPolicy, type Trivy } from './trivy.js'
import { dbCacheKeys, DEFAULT_DB_REPOSITORIES } from './trivy-flags.js'
import { dbState, formatAge } from './db-age.js'

/** Keeps `<cacheDir>/db` between runs (GitHub: @actions/cache, in src/github/trivy-cache.ts). */
export interface DbCache {
  /** Restores the DB; returns the key it restored from, if any. */
  restore(cacheDir: string, key: string, restoreKeys: string[]): Promise<string | undefined>
  save(cacheDir: string, key: string): Promise<void>
}

export type DbSource = 'up to date' | 'downloaded' | 'stale' | 'prepared'

export interface EnsureDbContext {
  reporter: Reporter
  cache?: DbCache
  env?: NodeJS.ProcessEnv
  now?: Date
  policy?: DbDownloadPolicy
  /** `trivy-db-max-age`: an older DB fails the scan (default 5 days). */
  maxAgeSeconds?: number
}

const DEFAULT_MAX_AGE_SECONDS = 5 * 86_400

/** The repositories to download from: TRIVY_DB_REPOSITORY (comma-separated) or mirror.gcr.io then ghcr.io. */
export function dbRepositories(env: NodeJS.ProcessEnv): string[] {
  const fromEnv = (env.TRIVY_DB_REPOSITORY ?? '')
    .split(',')
    .map(r => r.trim())
    .filter(Boolean)
  return fromEnv.length > 0 ? fromEnv : DEFAULT_DB_REPOSITORIES
}

/**
 * Makes sure `<cacheDir>/db` holds a usable DB before the scan, which then runs with
 * --skip-db-update: restored from the cache, else downloaded. With TRIVY_SKIP_DB_UPDATE=true the
 * cache is taken as prepared by the user (offline runners). Whatever its source, a DB older than
 * the maximum age (or whose age cannot be believed) fails here: the scan never passes on old data.
 */
export async function ensureDb(trivy: Trivy, cacheDir: string, ctx: EnsureDbContext): Promise<DbSource> {
  const env = ctx.env ?? process.env
  const now = ctx.now ?? new Date()
  const maxAgeMs = (ctx.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS) * 1000
  const dbFile = join(cacheDir, 'db', 'trivy.db')
  const state = () => dbState(readIfExists(join(cacheDir, 'db', 'metadata.json')), now, maxAgeMs)
  const tooOld = (what: string, cause?: string): StepError => {
    const built = state().updatedAt
    const age = built
      ? `built ${formatAge(now.getTime() - built.getTime())} ago`
      : 'of an age its metadata does not tell believably'
    return new StepError(
      `${what} is ${age}, older than trivy-db-max-age (${formatAge(maxAgeMs)}), so nothing was scanned with it: ` +
        'let it download a new one, or raise trivy-db-max-age',
      cause
    )
  }

  if (env.TRIVY_SKIP_DB_UPDATE === 'true') {
    if (!existsSync(dbFile)) {
      throw new StepError(
        `TRIVY_SKIP_DB_UPDATE is true but ${dbFile} does not exist: prepare the cache first`
      )
    }
    if (state().tooOld) throw tooOld(`the prepared Trivy DB ${dbFile}`)
    return 'prepared'
  }

  const { key, restoreKeys } = dbCacheKeys(now)
  const restored = ctx.cache ? await ctx.cache.restore(cacheDir, key, restoreKeys) : undefined
  if (state().fresh) {
    ctx.reporter.info(`Trivy DB is up to date${restored ? ` (restored from cache ${restored})` : ''}`)
    return 'up to date'
  }

  try {
    const from = await trivy.downloadDb(dbRepositories(env), cacheDir, ctx.reporter, ctx.policy)
    ctx.reporter.info(`Trivy DB downloaded from ${from}`)
  } catch (e) {
    if (!existsSync(dbFile)) throw e
    if (state().tooOld) throw tooOld(`the Trivy DB at hand (${dbFile})`, (e as Error).message)
    ctx.reporter.warning(`Scanning with an older Trivy DB: ${(e as Error).message.split('\n')[0]}`)
    return 'stale'
  }
  if (state().tooOld) throw tooOld('the Trivy DB just downloaded')
  if (ctx.cache && restored !== key) await ctx.cache.save(cacheDir, key)
  return 'downloaded'
}
