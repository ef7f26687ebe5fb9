import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../../../src/infra/process.js'
import { ensureDb, type DbCache } from '../../../src/stages/scan/db.js'
import { failureReason, Trivy, type Runner } from '../../../src/stages/scan/trivy.js'
import { RecordingReporter } from '../../support/scan-fixtures.js'
import { HELP_0_45, HELP_0_58 } from './trivy-help.js'

const ok = (stdout = ''): RunResult => ({ code: 0, stdout, stderr: '' })
const fail = (stderr: string): RunResult => ({ code: 1, stdout: '', stderr })
const CONVERT_HELP = 'Usage:\n  trivy convert [flags] RESULT_JSON\n'
const FAST = { attempts: 3, delaysMs: [0] }

/** Trivy's db/metadata.json: built `builtHoursAgo` before `now`, next update a day after that unless given. */
const metadata = (now: Date, builtHoursAgo: number, nextUpdate?: string): string => {
  const built = new Date(now.getTime() - builtHoursAgo * 3600_000)
  return JSON.stringify({
    Version: 2,
    UpdatedAt: built.toISOString(),
    NextUpdate: nextUpdate ?? new Date(built.getTime() + 24 * 3600_000).toISOString()
  })
}

/**
 * A Trivy that answers --version and --help like `help`, and each DB download from `downloads`; a
 * download that succeeds writes a DB built `downloadedAge` hours before 2026-11-22T10:00Z.
 */
function fakeTrivy(help: string, downloads: RunResult[] = [], downloadedAge = 2) {
  const calls: string[][] = []
  const runner: Runner = async (_cmd, args) => {
    calls.push([...args])
    if (args[0] === '--version') return ok('Version: dev\n')
    if (args.includes('--help')) return args[0] === 'convert' ? ok(CONVERT_HELP) : ok(help)
    if (args.includes('--download-db-only')) {
      const result = downloads.shift() ?? ok()
      const dir = join(args[args.indexOf('--cache-dir') + 1] as string, 'db')
      if (result.code === 0 && dir !== '/c/db') {
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, 'trivy.db'), 'bolt')
        writeFileSync(join(dir, 'metadata.json'), metadata(new Date('2026-11-22T10:00:00Z'), downloadedAge))
      }
      return result
    }
    throw new Error(`unexpected trivy ${args.join(' ')}`)
  }
  const downloadsFrom = () =>
    calls.filter(a => a.includes('--download-db-only')).map(a => a[a.indexOf('--db-repository') + 1])
  return { runner, calls, downloadsFrom }
}

describe('Trivy.detect', () => {
  it('reads a dev build’s flags from its help, and whether it has convert', async () => {
    const { runner } = fakeTrivy(HELP_0_45)
    const trivy = await Trivy.detect('/bin/trivy', runner)
    expect(trivy.caps).toMatchObject({
      version: 'dev',
      scanners: true,
      misconfigScanner: false,
      pkgTypes: false,
      convert: true
    })
  })

  it('takes a release’s flags from its number: one start (--version), no help asked', async () => {
    const calls: string[][] = []
    const runner: Runner = async (_cmd, args) => (calls.push([...args]), ok('Version: 0.69.3\n'))
    const trivy = await Trivy.detect('/bin/trivy', runner)
    expect(calls).toEqual([['--version']])
    expect(trivy.caps).toMatchObject({
      version: '0.69.3',
      scanners: true,
      skipCheckUpdate: true,
      convert: true
    })
  })

  it('falls back to the version when the help cannot be read', async () => {
    const runner: Runner = async (_cmd, args) =>
      args[0] === '--version' ? ok('Version: 0.35.0') : fail('boom')
    const trivy = await Trivy.detect('/bin/trivy', runner)
    expect(trivy.caps).toMatchObject({ version: '0.35.0', scanners: false, convert: false })
  })
})

describe('Trivy.downloadDb', () => {
  it('retries a rate-limited repository and succeeds', async () => {
    const { runner, downloadsFrom } = fakeTrivy(HELP_0_45, [
      fail('TOOMANYREQUESTS'),
      fail('status code 503 Service Unavailable')
    ])
    const reporter = new RecordingReporter()
    const trivy = await Trivy.detect('/bin/trivy', runner)
    await expect(trivy.downloadDb(['r.example/db'], '/c', reporter, FAST)).resolves.toBe('r.example/db')
    expect(downloadsFrom()).toEqual(['r.example/db', 'r.example/db', 'r.example/db'])
    expect(reporter.said('warning')).toEqual([
      'Trivy DB download from r.example/db failed (rate-limited); retrying in 0s',
      'Trivy DB download from r.example/db failed (server); retrying in 0s'
    ])
  })

  it('moves on to the next repository at once when one does not exist, where Trivy takes one at a time', async () => {
    const { runner, downloadsFrom } = fakeTrivy(HELP_0_45, [fail('MANIFEST_UNKNOWN: manifest unknown')])
    const trivy = await Trivy.detect('/bin/trivy', runner)
    await expect(
      trivy.downloadDb(['a.example/db', 'b.example/db'], '/c', new RecordingReporter(), FAST)
    ).resolves.toBe('b.example/db')
    expect(downloadsFrom()).toEqual(['a.example/db', 'b.example/db'])
  })

  it('fails naming every repository and every attempt when all keep failing', async () => {
    const { runner, downloadsFrom } = fakeTrivy(HELP_0_58, Array(5).fill(fail('TOOMANYREQUESTS: slow down')))
    const trivy = await Trivy.detect('/bin/trivy', runner)
    const err = await trivy
      .downloadDb(['a.example/db', 'b.example/db:2'], '/c', new RecordingReporter(), FAST)
      .then(
        () => undefined,
        (e: Error) => e
      )
    expect(downloadsFrom()).toEqual(Array(3).fill('a.example/db:2,b.example/db:2'))
    expect(err?.message).toContain(
      'The Trivy vulnerability DB could not be downloaded from a.example/db, b.example/db:2.'
    )
    expect(err?.message).toContain('Set TRIVY_DB_REPOSITORY to a mirror')
    expect(err?.message).toContain('(attempt 3, rate-limited): TOOMANYREQUESTS: slow down')
  })
})

describe('ensureDb', () => {
  let cacheDir: string
  beforeEach(() => (cacheDir = mkdtempSync(join(tmpdir(), 'ensure-db-'))))
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }))
  const now = new Date('2026-11-22T10:00:00Z')
  /** A DB built `builtHoursAgo` ago, its NextUpdate a day later unless given. */
  const writeDb = (builtHoursAgo: number, nextUpdate?: string) => {
    mkdirSync(join(cacheDir, 'db'), { recursive: true })
    writeFileSync(join(cacheDir, 'db', 'trivy.db'), 'bolt')
    writeFileSync(join(cacheDir, 'db', 'metadata.json'), metadata(now, builtHoursAgo, nextUpdate))
  }
  const fakeCache = (onRestore: () => string | undefined) => {
    const log: string[] = []
    const cache: DbCache = {
      restore: async (dir, key, restoreKeys) => (
        log.push(`restore ${dir} ${key} ${restoreKeys.join(' ')}`),
        onRestore()
      ),
      save: async (dir, key) => void log.push(`save ${dir} ${key}`)
    }
    return { cache, log }
  }

  it('restores today’s key with the older days as restore keys, downloads a stale DB and saves it', async () => {
    const { runner, downloadsFrom } = fakeTrivy(HELP_0_58)
    const { cache, log } = fakeCache(() => (writeDb(30), 'trivy-db-2-linux-2026-11-21'))
    const trivy = await Trivy.detect('/bin/trivy', runner)
    const env = { TRIVY_DB_REPOSITORY: 'mirror.example/db:2' }
    await expect(
      ensureDb(trivy, cacheDir, { reporter: new RecordingReporter(), cache, env, now })
    ).resolves.toBe('downloaded')
    const day = `trivy-db-2-${process.platform}-`
    expect(log).toEqual([`restore ${cacheDir} ${day}2026-11-22 ${day}`, `save ${cacheDir} ${day}2026-11-22`])
    expect(downloadsFrom()).toEqual(['mirror.example/db:2'])
  })

  it('uses a fresh restored DB without downloading or saving', async () => {
    const { runner, downloadsFrom } = fakeTrivy(HELP_0_58)
    const { cache, log } = fakeCache(() => (writeDb(18), 'k'))
    const reporter = new RecordingReporter()
    const trivy = await Trivy.detect('/bin/trivy', runner)
    await expect(ensureDb(trivy, cacheDir, { reporter, cache, env: {}, now })).resolves.toBe('up to date')
    expect(downloadsFrom()).toEqual([])
    expect(log).toHaveLength(1)
    expect(reporter.said('info')).toEqual(['Trivy DB is up to date (restored from cache k)'])
  })

  it('scans with the stale DB, warning, when every download fails', async () => {
    const { runner } = fakeTrivy(HELP_0_58, Array(3).fill(fail('TOOMANYREQUESTS')))
    const { cache, log } = fakeCache(() => (writeDb(58), 'old'))
    const reporter = new RecordingReporter()
    const trivy = await Trivy.detect('/bin/trivy', runner)
    await expect(ensureDb(trivy, cacheDir, { reporter, cache, env: {}, now, policy: FAST })).resolves.toBe(
      'stale'
    )
    expect(log.filter(l => l.startsWith('save'))).toEqual([])
    expect(reporter.said('warning').at(-1)).toMatch(
      /^Scanning with an older Trivy DB: The Trivy vulnerability DB could not/
    )
  })

  it('takes a prepared cache as it is with TRIVY_SKIP_DB_UPDATE, and says when there is none', async () => {
    const { runner, calls } = fakeTrivy(HELP_0_58)
    const trivy = await Trivy.detect('/bin/trivy', runner)
    const env = { TRIVY_SKIP_DB_UPDATE: 'true' }
    const reporter = new RecordingReporter()
    await expect(ensureDb(trivy, cacheDir, { reporter, env, now })).rejects.toThrow(
      `TRIVY_SKIP_DB_UPDATE is true but ${join(cacheDir, 'db', 'trivy.db')} does not exist`
    )
    writeDb(72)
    await expect(ensureDb(trivy, cacheDir, { reporter, env, now })).resolves.toBe('prepared')
    expect(calls.filter(a => a.includes('--download-db-only'))).toEqual([])
  })

  // A DB the scan would pass everything with: old, or claiming never to need an update.
  it.each<[string, number, string | undefined, string]>([
    ['ten days old', 240, undefined, 'is built 10d 0h ago, older than trivy-db-max-age (5d 0h)'],
    [
      'of no believable age (built in the future)',
      -72,
      undefined,
      'of an age its metadata does not tell believably'
    ],
    ['of no age at all (no UpdatedAt)', NaN, undefined, 'of an age its metadata does not tell believably']
  ])('fails the scan with a prepared DB %s, naming trivy-db-max-age', async (_, age, next, message) => {
    const { runner } = fakeTrivy(HELP_0_58)
    const trivy = await Trivy.detect('/bin/trivy', runner)
    if (Number.isNaN(age)) {
      writeDb(1)
      writeFileSync(
        join(cacheDir, 'db', 'metadata.json'),
        JSON.stringify({ Version: 2, NextUpdate: '2099-01-01T00:00:00Z' })
      )
    } else writeDb(age, next)
    const env = { TRIVY_SKIP_DB_UPDATE: 'true' }
    await expect(ensureDb(trivy, cacheDir, { reporter: new RecordingReporter(), env, now })).rejects.toThrow(
      message
    )
  })

  it('fails, instead of warning, when the download fails and the DB at hand is older than the maximum age', async () => {
    const { runner } = fakeTrivy(HELP_0_58, Array(3).fill(fail('TOOMANYREQUESTS')))
    const { cache } = fakeCache(() => (writeDb(8 * 24), 'old'))
    const reporter = new RecordingReporter()
    const trivy = await Trivy.detect('/bin/trivy', runner)
    await expect(
      ensureDb(trivy, cacheDir, { reporter, cache, env: {}, now, policy: FAST, maxAgeSeconds: 7 * 86400 })
    ).rejects.toThrow(/the Trivy DB at hand .* is built 8d 0h ago, older than trivy-db-max-age \(7d 0h\)/)
    expect(reporter.said('warning').filter(w => w.startsWith('Scanning with an older'))).toEqual([])
  })

  it('does not take a far-future NextUpdate at its word: a restored DB saying so is downloaded again', async () => {
    const { runner, downloadsFrom } = fakeTrivy(HELP_0_58)
    const { cache } = fakeCache(() => (writeDb(1, '2099-01-01T00:00:00Z'), 'planted'))
    const trivy = await Trivy.detect('/bin/trivy', runner)
    await expect(
      ensureDb(trivy, cacheDir, { reporter: new RecordingReporter(), cache, env: {}, now })
    ).resolves.toBe('downloaded')
    expect(downloadsFrom()).toHaveLength(1)
  })

  it('fails when the mirror itself serves a DB older than the maximum age', async () => {
    const { runner } = fakeTrivy(HELP_0_58, [], 6 * 24)
    const trivy = await Trivy.detect('/bin/trivy', runner)
    await expect(
      ensureDb(trivy, cacheDir, { reporter: new RecordingReporter(), env: {}, now })
    ).rejects.toThrow('the Trivy DB just downloaded is built 6d 0h ago')
  })
})

describe('failureReason', () => {
  it.each([
    [
      'a release: the FATAL line and its causes',
      fail(
        '\u001b[34mINFO\u001b[0m\tDownloading DB...\n\u001b[31mFATAL\u001b[0m\tinit error: DB error: failed to download vulnerability DB\n\t* GET https://r/v2/db/manifests/2: TOOMANYREQUESTS: retry later\n'
      ),
      'FATAL\tinit error: DB error: failed to download vulnerability DB\n* GET https://r/v2/db/manifests/2: TOOMANYREQUESTS: retry later'
    ],
    [
      'an old release, on stdout',
      { code: 1, stdout: '2024 FATAL error: MANIFEST_UNKNOWN', stderr: 'INFO x' },
      '2024 FATAL error: MANIFEST_UNKNOWN'
    ],
    [
      'a build that says nothing',
      fail('INFO\tNeed to update DB\nINFO\tDownloading DB...\n'),
      'exit code 1, no error message'
    ]
  ])('is %s', (_, result, reason) => {
    expect(failureReason(result)).toBe(reason)
  })
})
