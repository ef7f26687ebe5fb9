import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ToolPin } from '../../src/infra/tools/pins.js'

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')
const platform = `${process.platform}-${process.arch}`

/** A pin of release 9.9.9 with one asset for this machine. */
export const pinOf = (file: string, sha: string, archive: boolean): ToolPin => ({
  version: '9.9.9',
  baseUrl: 'https://github.invalid',
  assets: { [platform]: { file, sha256: sha, archive } }
})

export interface ReleaseBed {
  /** A private folder of the suite, removed after it. */
  root: string
  /** Where the served releases are: `<baseUrl>/v<version>/<file>` is `served.get('/releases/v…/…')`. */
  baseUrl: string
  served: Map<string, Buffer>
}

/**
 * For a describe block: a release server on a free port serving what `served` holds, and a tool
 * cache and RUNNER_TEMP of the suite's own (the variables restored after it).
 */
export function releaseBed(prefix: string): ReleaseBed {
  const bed: ReleaseBed = { root: '', baseUrl: '', served: new Map() }
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP }
  let server: Server | undefined
  beforeAll(async () => {
    bed.root = mkdtempSync(join(tmpdir(), prefix))
    process.env.RUNNER_TOOL_CACHE = join(bed.root, 'cache')
    process.env.RUNNER_TEMP = join(bed.root, 'temp')
    mkdirSync(process.env.RUNNER_TEMP)
    const s = createServer((req, res) => {
      const body = bed.served.get(req.url ?? '')
      res.writeHead(body ? 200 : 404).end(body)
    })
    server = s
    await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve))
    bed.baseUrl = `http://127.0.0.1:${(s.address() as AddressInfo).port}/releases`
  })
  afterAll(async () => {
    if (server) await new Promise(resolve => server!.close(resolve))
    if (bed.root) rmSync(bed.root, { recursive: true, force: true })
    process.env.RUNNER_TOOL_CACHE = saved.cache
    process.env.RUNNER_TEMP = saved.temp
  })
  return bed
}
