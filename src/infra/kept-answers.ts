import { createHash } from 'node:crypto'
import {
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { privateDir } from './private-dir.js'

const ENTRY = /^[0-9a-f]{64}\.json$/

/**
 * What a tool answered, kept between runs under a key over everything the answer depends on (the
 * caller's to list: a missing part would serve a stale answer). In a private folder beside the
 * runs' own, at most `limit` answers, those used longest ago dropped first.
 */
export class KeptAnswers {
  constructor(
    readonly dir: string,
    readonly limit = 256
  ) {}

  static key(parts: ReadonlyArray<string | Buffer>): string {
    const h = createHash('sha256')
    for (const p of parts) h.update(`${Buffer.byteLength(p)}:`).update(p)
    return h.digest('hex')
  }

  get(key: string): string | undefined {
    if (!privateDir(this.dir)) return undefined
    const path = join(this.dir, `${key}.json`)
    try {
      const text = readFileSync(path, 'utf8')
      const now = new Date()
      utimesSync(path, now, now)
      return text
    } catch {
      return undefined
    }
  }

  put(key: string, text: string): void {
    if (!privateDir(this.dir)) return
    const path = join(this.dir, `${key}.json`)
    try {
      // Whole or not at all: a reader beside this run never sees half an answer.
      const part = `${path}.${process.pid}.part`
      writeFileSync(part, text, { mode: 0o600 })
      renameSync(part, path)
      this.prune()
    } catch {
      // a full disk or a folder removed meanwhile: the answer is simply not kept
    }
  }

  private prune(): void {
    const entries = readdirSync(this.dir)
      .filter(n => ENTRY.test(n))
      .flatMap(n => {
        try {
          return [{ n, used: statSync(join(this.dir, n)).mtimeMs }]
        } catch {
          return []
        }
      })
      .sort((a, b) => b.used - a.used)
    for (const { n } of entries.slice(this.limit))
      try {
        unlinkSync(join(this.dir, n))
      } catch {
        // removed by another run
      }
  }
}
