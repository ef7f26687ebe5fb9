/**
 * A writer for bbolt files (the key/value store Trivy keeps its vulnerability DB in), enough to
 * build small read-only databases for tests: nested buckets, each on its own leaf page.
 *
 * On-disk format (go.etcd.io/bbolt): pages of `pageSize` bytes, each opening with a 16-byte
 * header {id u64, flags u16, count u16, overflow u32}. Pages 0 and 1 are meta pages, page 2 the
 * freelist, then one leaf page (plus overflow pages) per bucket. A leaf page holds `count`
 * 16-byte elements {flags u32, pos u32, ksize u32, vsize u32} (pos counts from the element
 * itself) followed by the keys and values, keys sorted bytewise. A bucket is a value flagged 0x01
 * holding {root pgid u64, sequence u64}. All integers are little-endian.
 */

export type BoltTree = Map<string, Buffer | BoltTree>

const PAGE_HEADER = 16
const ELEMENT = 16
const BUCKET_HEADER = 16
const MAGIC = 0xed0cdaed
const VERSION = 2
const FLAG_LEAF = 0x02
const FLAG_META = 0x04
const FLAG_FREELIST = 0x10
const BUCKET_LEAF_FLAG = 0x01

/** FNV-1a, 64 bits: the checksum of a meta page. */
export function fnv64a(data: Buffer): bigint {
  let hash = 0xcbf29ce484222325n
  for (const byte of data) {
    hash ^= BigInt(byte)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash
}

interface Page {
  id: number
  bytes: Buffer
}

export function writeBolt(root: BoltTree, pageSize = 4096): Buffer {
  const pages: Page[] = []
  let next = 3

  const pageHeader = (buf: Buffer, id: number, flags: number, count: number, overflow: number): void => {
    buf.writeBigUInt64LE(BigInt(id), 0)
    buf.writeUInt16LE(flags, 8)
    buf.writeUInt16LE(count, 10)
    buf.writeUInt32LE(overflow, 12)
  }

  // Children first, so that a bucket's value can name its child's page.
  const writeBucket = (tree: BoltTree): number => {
    const keys = [...tree.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    const entries = keys.map(key => {
      const value = tree.get(key)!
      if (Buffer.isBuffer(value)) return { key: Buffer.from(key), value, flags: 0 }
      const header = Buffer.alloc(BUCKET_HEADER)
      header.writeBigUInt64LE(BigInt(writeBucket(value)), 0)
      return { key: Buffer.from(key), value: header, flags: BUCKET_LEAF_FLAG }
    })
    if (entries.length > 0xffff) throw new Error('too many keys for one leaf page')
    const size =
      PAGE_HEADER + entries.length * ELEMENT + entries.reduce((n, e) => n + e.key.length + e.value.length, 0)
    const span = Math.ceil(size / pageSize)
    const id = next
    next += span
    const buf = Buffer.alloc(span * pageSize)
    pageHeader(buf, id, FLAG_LEAF, entries.length, span - 1)
    let data = PAGE_HEADER + entries.length * ELEMENT
    entries.forEach((e, i) => {
      const at = PAGE_HEADER + i * ELEMENT
      buf.writeUInt32LE(e.flags, at)
      buf.writeUInt32LE(data - at, at + 4)
      buf.writeUInt32LE(e.key.length, at + 8)
      buf.writeUInt32LE(e.value.length, at + 12)
      e.key.copy(buf, data)
      e.value.copy(buf, data + e.key.length)
      data += e.key.length + e.value.length
    })
    pages.push({ id, bytes: buf })
    return id
  }

  const rootPage = writeBucket(root)
  const total = next

  const meta = (id: number, txid: number): Buffer => {
    const buf = Buffer.alloc(pageSize)
    pageHeader(buf, id, FLAG_META, 0, 0)
    const m = PAGE_HEADER
    buf.writeUInt32LE(MAGIC, m)
    buf.writeUInt32LE(VERSION, m + 4)
    buf.writeUInt32LE(pageSize, m + 8)
    buf.writeUInt32LE(0, m + 12)
    buf.writeBigUInt64LE(BigInt(rootPage), m + 16) // root bucket: root page
    buf.writeBigUInt64LE(0n, m + 24) // root bucket: sequence
    buf.writeBigUInt64LE(2n, m + 32) // freelist page
    buf.writeBigUInt64LE(BigInt(total), m + 40) // high-water mark
    buf.writeBigUInt64LE(BigInt(txid), m + 48)
    buf.writeBigUInt64LE(fnv64a(buf.subarray(m, m + 56)), m + 56)
    return buf
  }
  const freelist = Buffer.alloc(pageSize)
  pageHeader(freelist, 2, FLAG_FREELIST, 0, 0)

  const file = Buffer.alloc(total * pageSize)
  meta(0, 0).copy(file, 0)
  meta(1, 1).copy(file, pageSize)
  freelist.copy(file, 2 * pageSize)
  for (const p of pages) p.bytes.copy(file, p.id * pageSize)
  return file
}
