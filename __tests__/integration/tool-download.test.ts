import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { installTool } from '../../src/faces/action/tools.js'
import { pinOf, releaseBed, sha256 } from '../support/release-server.js'

describe('installTool', () => {
  const bed = releaseBed('tool-download-')
  const cached = (tool: string): boolean =>
    existsSync(join(process.env.RUNNER_TOOL_CACHE as string, `oci-pipeline-${tool}`))

  it('refuses a download that does not match its pinned SHA-256 and caches nothing', async () => {
    const genuine = Buffer.from('#!/bin/sh\necho "Haskell Dockerfile Linter 9.9.9"\n')
    bed.served.set('/releases/v9.9.9/hadolint-test', Buffer.from('#!/bin/sh\necho pwned\n'))
    const pin = pinOf('hadolint-test', sha256(genuine), false)
    await expect(installTool('hadolint', undefined, { baseUrl: bed.baseUrl, pin })).rejects.toThrow(
      `the hadolint download does not match its pinned SHA-256 (expected ${sha256(genuine)}`
    )
    expect(cached('hadolint')).toBe(false)
    expect(
      readdirSync(process.env.RUNNER_TEMP as string).filter(f => !f.startsWith('oci-pipeline-'))
    ).toEqual([])
  })

  it('installs a matching executable into the tool cache and finds it there the next time', async () => {
    const genuine = Buffer.from('#!/bin/sh\necho "Haskell Dockerfile Linter 9.9.9"\n')
    bed.served.set('/releases/v9.9.9/hadolint-test', genuine)
    const pin = pinOf('hadolint-test', sha256(genuine), false)
    const path = await installTool('hadolint', undefined, { baseUrl: bed.baseUrl, pin })
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
    bed.served.clear()
    const again = await installTool('hadolint', undefined, { baseUrl: bed.baseUrl, pin })
    expect(execFileSync(again, [], { encoding: 'utf8' })).toBe('Haskell Dockerfile Linter 9.9.9\n')
  })

  it('extracts a verified tarball (as Trivy ships) and returns its executable', async () => {
    const src = join(bed.root, 'src')
    mkdirSync(src)
    writeFileSync(join(src, 'trivy'), '#!/bin/sh\necho "Version: 9.9.9"\n', { mode: 0o755 })
    writeFileSync(join(src, 'LICENSE'), 'Apache-2.0\n')
    const tarball = join(bed.root, 'trivy.tar.gz')
    execFileSync('tar', ['-czf', tarball, '-C', src, 'trivy', 'LICENSE'])
    const bytes = readFileSync(tarball)
    bed.served.set('/releases/v9.9.9/trivy_9.9.9_test.tar.gz', bytes)
    const path = await installTool('trivy', '9.9.9', {
      baseUrl: bed.baseUrl,
      pin: pinOf('trivy_9.9.9_test.tar.gz', sha256(bytes), true)
    })
    expect(execFileSync(path, [], { encoding: 'utf8' })).toBe('Version: 9.9.9\n')
  })

  it('uses a path input as it is, and refuses one that is not executable', async () => {
    expect(await installTool('trivy', undefined, { path: 'trivy' })).toBe('trivy')
    await expect(
      installTool('trivy', undefined, { path: join(bed.root, 'missing', 'trivy') })
    ).rejects.toThrow(/Input "trivy-path": ".*missing\/trivy" is not an executable file/)
  })

  it('refuses a version or platform it has no checksum for', async () => {
    await expect(installTool('hadolint', '2.14.0')).rejects.toThrow(
      'hadolint 2.14.0 has no pinned checksum (only 2.12.0 is downloaded and verified): set hadolint-path'
    )
  })
})
