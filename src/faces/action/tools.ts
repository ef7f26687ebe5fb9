import { accessSync, chmodSync, constants, rmSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../../errors.js'
import { verifySha256 } from '../../infra/tools/checksum.js'
import { downloadFor, PINS, type ToolName, type ToolPin } from '../../infra/tools/pins.js'

export interface InstallOptions {
  /** `hadolint-path` / `trivy-path`: an installed binary; nothing is downloaded. */
  path?: string
  /** Where releases are downloaded from (tests serve them locally). */
  baseUrl?: string
  /** The pinned versions and checksums (tests pin files they serve). */
  pin?: ToolPin
}

/**
 * The executable of a pinned tool on a GitHub runner: from the tool cache, else downloaded,
 * checked against its pinned SHA-256 (a mismatch is refused and nothing is cached), extracted
 * and cached.
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
  const cached = tc.find(name, download.version)
  if (cached) return join(cached, name)
  const file = await tc.downloadTool(download.url)
  try {
    await verifySha256(file, download.asset.sha256, name)
  } catch (e) {
    rmSync(file, { force: true })
    throw e
  }
  if (download.asset.archive) {
    const dir = await tc.extractTar(file)
    rmSync(file, { force: true })
    const cachedDir = await tc.cacheDir(dir, name, download.version)
    rmSync(dir, { recursive: true, force: true })
    return join(cachedDir, name)
  }
  chmodSync(file, 0o755)
  const dir = await tc.cacheFile(file, name, name, download.version)
  rmSync(file, { force: true })
  return join(dir, name)
}
