import { accessSync, chmodSync, constants, copyFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { InputError, StepError } from '../../errors.js'
import { makeTempDir, run } from '../../infra/process.js'
import { verifySha256 } from '../../infra/tools/checksum.js'
import { downloadFor, PINS, type Download, type ToolName, type ToolPin } from '../../infra/tools/pins.js'

export interface InstallOptions {
  /** `hadolint-path` / `trivy-path`: an installed binary; nothing is downloaded. */
  path?: string
  /** Where releases are downloaded from (tests serve them locally). */
  baseUrl?: string
  /** The pinned versions and checksums (tests pin files they serve). */
  pin?: ToolPin
}

/** The tool cache keeps the release file as it was verified (the tarball for Trivy), under a name of its own. */
const cacheName = (name: ToolName): string => `oci-pipeline-${name}`

/**
 * The executable, from a copy of the release file that was just checked: the copy is made into a
 * private folder of the run, hashed against the pin, and only then extracted (Trivy) or made
 * executable (hadolint). What is run is what was hashed, whatever happens to the cache meanwhile.
 */
async function fromVerifiedCopy(name: ToolName, file: string, download: Download): Promise<string> {
  const dir = makeTempDir(`oci-pipeline-${name}-`)
  const copy = join(dir, download.asset.file)
  copyFileSync(file, copy)
  try {
    await verifySha256(copy, download.asset.sha256, name)
  } catch (e) {
    rmSync(copy, { force: true })
    throw e
  }
  if (!download.asset.archive) {
    chmodSync(copy, 0o700)
    return copy
  }
  await run('tar', ['-xzf', copy, '-C', dir])
  rmSync(copy, { force: true })
  return join(dir, name)
}

/**
 * The executable of a pinned tool on a GitHub runner. The tool cache holds the release file, and a
 * cache hit is hashed again before every use: a tool cache that another job on the same runner
 * can write (self-hosted runners) never hands the run a binary it did not verify. A miss downloads
 * the release, checks it against its pinned SHA-256 (a mismatch is refused and nothing is cached)
 * and caches it.
 */
export async function installTool(
  name: ToolName,
  version?: string,
  opts: InstallOptions = {}
): Promise<string> {
  if (opts.path) {
    // A bare name is looked up on PATH when it runs; a path must exist and be executable now.
    if (opts.path.includes('/') || opts.path.includes('\\'))
      try {
        accessSync(opts.path, constants.X_OK)
      } catch {
        throw new InputError(`${name}-path`, `"${opts.path}" is not an executable file`)
      }
    return opts.path
  }
  const tc = await import('@actions/tool-cache')
  const pin = opts.pin ?? PINS[name]
  const download = downloadFor(name, { version: version ?? pin.version, baseUrl: opts.baseUrl, pin })
  const cached = tc.find(cacheName(name), download.version)
  const hit = cached ? join(cached, download.asset.file) : undefined
  if (hit && existsSync(hit))
    try {
      return await fromVerifiedCopy(name, hit, download)
    } catch (e) {
      throw new StepError(
        `the cached ${name} ${download.version} (${hit}) does not match its pinned SHA-256, so it was not run: clear the runner's tool cache, or set ${name}-path`,
        (e as Error).message
      )
    }
  const file = await tc.downloadTool(download.url)
  try {
    await verifySha256(file, download.asset.sha256, name)
    await tc.cacheFile(file, download.asset.file, cacheName(name), download.version)
    return await fromVerifiedCopy(name, file, download)
  } finally {
    rmSync(file, { force: true })
  }
}
