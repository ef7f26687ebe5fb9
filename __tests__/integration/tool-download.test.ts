import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { installTool } from '../../src/faces/action/tools.js'
import type { ToolPin } from '../../src/infra/tools/pins.js'

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')
const platform = `${process.platform}-${process.arch}`

describe('installTool', () => {
  let root: string
  let server: Server
  let baseUrl: string
  const served = new Map<string, Buffer>()
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tool-download-'))
    process.env.RUNNER_TOOL_CACHE = join(root, 'cache')
    process.env.RUNNER_TEMP = join(root, 'temp')
    server = createServer((req, res) => {
      const body = served.get(req.url ?? '')
      res.writeHead(body ? 200 : 404).end(body)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`
  })
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve))
    rmSync(root, { recursive: true, force: true })
    process.env.RUNNER_TOOL_CACHE = saved.cache
    process.env.RUNNER_TEMP = saved.temp
  })

  const pinOf = (file: string, sha: string, archive: boolean): ToolPin => ({
    version: '9.9.9',
    baseUrl: 'https://github.invalid',
    assets: { [platform]: { file, sha256: sha, archive } }
  })
  const cached = (tool: string): boolean =>
    existsSync(join(process.env.RUNNER_TOOL_CACHE as string, `oci-pipeline-${tool}`))

  it('refuses a download that does not match its pinned SHA-256 and caches nothing', async () => {
    const genuine = Buffer.from('#!/bin/sh\necho "Haskell Dockerfile Linter 9.9.9"\n')
    served.set('/releases/v9.9.9/hadolint-test', Buffer.from('#!/bin/sh\necho pwned\n'))
    const pin = pinOf('hadolint-test', sha256(genuine), false)
    await expect(installTool('hadolint', undefined, { baseUrl, pin })).rejects.toThrow(
      `the hadolint download does not match its pinned SHA-256 (expected ${sha256(genuine)}`
    )
    expect(cached('hadolint')).toBe(false)
    expect(
      readdirSync(process.env.RUNNER_TEMP as string).filter(f => !f.startsWith('oci-pipeline-'))
    ).toEqual([])
  })

  it('installs a matching executable into the tool cache and finds it there the next time', async () => {
    const genuine = Buffer.from('#!/bin/sh\necho "Haskell Dockerfile Linter 9.9.9"\n')
    served.set('/releases/v9.9.9/hadolint-test', genuine)
    const pin = pinOf('hadolint-test', sha256(genuine), false)
    const path = await installTool('hadolint', undefined, { baseUrl, pin })
    // The release file is cached as it was verified; what runs is a copy hashed again, in the run's temp.
    expect(
      existsSync(
        join(
          process.env.RUNNER_TOOL_CACHE as string,
          'oci-pipeline-hadolint',
          '9.9.9',
          process.arch,
          'hadolint-test'
        )
      )
    ).toBe(true)
    expect(path.startsWith(process.env.RUNNER_TEMP as string)).toBe(true)
    expect(execFileSync(path, [], { encoding: 'utf8' })).toBe('Haskell Dockerfile Linter 9.9.9\n')
    served.clear()
    const again = await installTool('hadolint', undefined, { baseUrl, pin })
    expect(execFileSync(again, [], { encoding: 'utf8' })).toBe('Haskell Dockerfile Linter 9.9.9\n')
  })

  it('extracts a verified tarball (as Trivy ships) and returns its executable', async () => {
    const src = join(root, 'src')
    mkdirSync(src)
    writeFileSync(join(src, 'trivy'), '#!/bin/sh\necho "Version: 9.9.9"\n', { mode: 0o755 })
    writeFileSync(join(src, 'LICENSE'), 'Apache-2.0\n')
    const tarball = join(root, 'trivy.tar.gz')
    execFileSync('tar', ['-czf', tarball, '-C', src, 'trivy', 'LICENSE'])
    const bytes = readFileSync(tarball)
    served.set('/releases/v9.9.9/trivy_9.9.9_test.tar.gz', bytes)
    const path = await installTool('trivy', '9.9.9', {
      baseUrl,
      pin: pinOf('trivy_9.9.9_test.tar.gz', sha256(bytes), true)
    })
    expect(execFileSync(path, [], { encoding: 'utf8' })).toBe('Version: 9.9.9\n')
  })

  it('uses a path input as it is, and refuses one that is not executable', async () => {
    expect(await installTool('trivy', undefined, { path: 'trivy' })).toBe('trivy')
    await expect(installTool('trivy', undefined, { path: join(root, 'missing', 'trivy') })).rejects.toThrow(
      /Input "trivy-path": ".*missing\/trivy" is not an executable file/
    )
  })

  it('refuses a version or platform it has no checksum for', async () => {
    await expect(installTool('hadolint', '2.14.0')).rejects.toThrow(
      'hadolint 2.14.0 has no pinned checksum (only 2.12.0 is downloaded and verified): set hadolint-path'
    )
  })
})
