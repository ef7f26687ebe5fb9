import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statfsSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { isIndex, type ManifestJson, type OciLayout } from './oci-layout.js'
import { privateDir } from './private-dir.js'

const HEX = /^[0-9a-f]{64}$/
const DIGEST = /^sha256:[0-9a-f]{64}$/
const GiB = 1024 ** 3
/** The modification time a kept blob is given when it is exported or hashed: a write changes it. */
const CHECKED = new Date(Date.UTC(2000, 0, 1))

/**
 * The blobs earlier builds exported, kept beside the runs' private folders (same file system, so
 * a blob moves in and out by a hard link, never a copy). Linked into a new build's empty layout
 * before the export, they are blobs BuildKit finds there already and does not send again: a
 * rebuild exports only the layers that changed. A blob taken from the pool is hashed again before
 * anything reads it, as every cached file is, unless nothing wrote it since and only the job's own
 * steps can write in the pool (trustUnchanged).
 */
export class BlobPool {
  /**
   * `trustUnchanged`: a kept blob whose modification time is still CHECKED (no write since it was
   * exported or hashed) is not hashed again; only where the job's own steps write (see jobPrivate).
   */
  constructor(
    readonly dir: string,
    readonly opts: { trustUnchanged?: boolean } = {}
  ) {}

  /**
   * Links every pooled blob into the layout folder `layoutDir`: the digests it linked, or
   * undefined (nothing linked, nothing to keep) when the pool cannot be made, or when another
   * user could have written in it (not ours, or writable by group or others).
   */
  seed(layoutDir: string): Set<string> | undefined {
    const blobs = join(layoutDir, 'blobs', 'sha256')
    mkdirSync(blobs, { recursive: true })
    if (!privateDir(this.dir)) return undefined
    const seeded = new Set<string>()
    for (const hex of this.hexes()) {
      try {
        linkSync(join(this.dir, hex), join(blobs, hex))
        seeded.add(`sha256:${hex}`)
      } catch {
        // gone meanwhile (another run pruned it): exported anew
      }
    }
    return seeded
  }

  /**
   * Links the pooled blobs `digests` into the layout folder `layoutDir`: the digests linked, or
   * undefined (nothing to take) when the pool cannot be used or lacks one of them.
   */
  take(layoutDir: string, digests: readonly string[]): Set<string> | undefined {
    if (!privateDir(this.dir)) return undefined
    const blobs = join(layoutDir, 'blobs', 'sha256')
    mkdirSync(blobs, { recursive: true })
    const taken = new Set<string>()
    for (const digest of digests) {
      if (taken.has(digest)) continue
      if (!DIGEST.test(digest)) return undefined
      const hex = digest.slice('sha256:'.length)
      try {
        linkSync(join(this.dir, hex), join(blobs, hex))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined
      }
      taken.add(digest)
    }
    return taken
  }

  /** Whether `bytes` more would keep within the pool's size (limitFor), where the pool can be used. */
  fits(bytes: number): boolean {
    return privateDir(this.dir) && bytes <= limitFor(this.dir)
  }

  /** Remembers `digest` under `key` (a name made of what the blob is for), beside the pool. */
  note(key: string, digest: string): void {
    if (!DIGEST.test(digest) || !privateDir(this.dir) || !privateDir(join(this.dir, 'notes'))) return
    writeFileSync(join(this.dir, 'notes', noteName(key)), digest, { mode: 0o600 })
  }

  /** The digest remembered under `key`, if its blob is still pooled. */
  noted(key: string): string | undefined {
    if (!privateDir(this.dir) || !privateDir(join(this.dir, 'notes'))) return undefined
    try {
      const digest = readFileSync(join(this.dir, 'notes', noteName(key)), 'utf8')
      return DIGEST.test(digest) && existsSync(join(this.dir, digest.slice('sha256:'.length)))
        ? digest
        : undefined
    } catch {
      return undefined
    }
  }

  /**
   * After the export: the seeded blobs the layout uses are hashed (a mismatch is removed from the
   * pool and the layout, and named), its new blobs join the pool, and the pool is pruned to its
   * size, the blobs used longest ago first.
   */
  async absorb(
    layout: OciLayout,
    seeded: ReadonlySet<string>,
    limit = limitFor(this.dir)
  ): Promise<{ reused: number; bad: string[]; hashed: number }> {
    const used = blobsOf(layout)
    const bad: string[] = []
    let reused = 0
    let hashed = 0
    // Last use in the access time, for the pruning; the modification time says "not written since".
    const now = new Date()
    for (const digest of used) {
      const hex = digest.slice('sha256:'.length)
      const pooled = join(this.dir, hex)
      const file = layout.blobPath(digest)
      if (seeded.has(digest)) {
        // The layout's file is what the scan reads: the one linked in, even if the pool's was
        // replaced since, so that is the one checked.
        if (!existsSync(file)) continue // not exported: reading it fails later, with its own error
        const kept = sameFile(file, pooled)
        if (!(this.opts.trustUnchanged && statSync(file).mtimeMs === CHECKED.getTime())) {
          hashed++
          if ((await hashFile(file)) !== hex) {
            bad.push(digest)
            unlinkSync(file)
            if (kept) unlinkSync(pooled)
            continue
          }
        }
        reused++
        if (kept) utimesSync(pooled, now, CHECKED)
      } else {
        try {
          linkSync(file, pooled)
          utimesSync(pooled, now, CHECKED)
        } catch {
          // already pooled by a run beside this one
        }
      }
    }
    this.prune(new Set(used), limit)
    return { reused, bad, hashed }
  }

  private hexes(): string[] {
    return readdirSync(this.dir).filter(n => HEX.test(n))
  }

  /** Removes the blobs used longest ago until the pool is under `limit` bytes (those in use kept). */
  private prune(inUse: ReadonlySet<string>, limit: number): void {
    const entries = this.hexes().flatMap(hex => {
      try {
        const st = statSync(join(this.dir, hex))
        return [{ hex, size: st.size, used: st.atimeMs }]
      } catch {
        return []
      }
    })
    let total = entries.reduce((sum, e) => sum + e.size, 0)
    for (const e of entries.sort((a, b) => a.used - b.used)) {
      if (total <= limit) break
      if (inUse.has(`sha256:${e.hex}`)) continue
      try {
        unlinkSync(join(this.dir, e.hex))
      } catch {
        // removed by another run
      }
      total -= e.size
    }
  }
}

/** At most 10 GiB, and never more than a quarter of the space left on the pool's file system. */
export function limitFor(dir: string): number {
  try {
    const fs = statfsSync(dir)
    return Math.min(10 * GiB, Math.floor((fs.bavail * fs.bsize) / 4))
  } catch {
    return 0 // a file system that cannot say: keep only the blobs of the build just made
  }
}

/**
 * Every blob the layout's index.json reaches: manifests, configs and layers, of every image. Read
 * without checking digests (a manifest that is not what its name says is one of the blobs then
 * hashed): what cannot be read has no children.
 */
export function blobsOf(layout: OciLayout): string[] {
  const seen = new Set<string>()
  const visit = (digest: string, mediaType: string | undefined, manifest: boolean): void => {
    if (seen.has(digest) || !DIGEST.test(digest)) return
    seen.add(digest)
    if (!manifest) return
    let json: ManifestJson
    try {
      json = JSON.parse(readFileSync(layout.blobPath(digest), 'utf8')) as ManifestJson
    } catch {
      return
    }
    if (isIndex(mediaType ?? json.mediaType)) {
      for (const m of json.manifests ?? []) visit(m.digest, m.mediaType, true)
      return
    }
    if (json.config) visit(json.config.digest, json.config.mediaType, false)
    for (const l of json.layers ?? []) if (!l.urls?.length) visit(l.digest, l.mediaType, false)
  }
  for (const m of layout.index().manifests ?? []) visit(m.digest, m.mediaType, true)
  return [...seen]
}

const noteName = (key: string): string => createHash('sha256').update(key).digest('hex')

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)]
    return x.ino === y.ino && x.dev === y.dev
  } catch {
    return false
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
