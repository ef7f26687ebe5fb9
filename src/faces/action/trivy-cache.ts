import * as core from '@actions/core'
import { join } from 'node:path'
import type { DbCache } from '../../stages/scan/db.js'

/**
 * The Trivy DB in the Actions cache: a key per day, restore keys that fall back to an older
 * day's DB (still usable when the download is rate limited). Cache trouble only warns. The cache
 * client is loaded when first asked (it is large, and a run with no scan never needs it).
 */
export class GitHubTrivyDbCache implements DbCache {
  async restore(cacheDir: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
    const cache = await import('@actions/cache')
    if (!cache.isFeatureAvailable()) return undefined
    try {
      return await cache.restoreCache([join(cacheDir, 'db')], key, restoreKeys)
    } catch (e) {
      core.warning(`Trivy DB cache not restored: ${(e as Error).message}`)
      return undefined
    }
  }

  async save(cacheDir: string, key: string): Promise<void> {
    const cache = await import('@actions/cache')
    if (!cache.isFeatureAvailable()) return
    try {
      await cache.saveCache([join(cacheDir, 'db')], key)
    } catch (e) {
      // Another job of the same run may have saved today's key first.
      core.info(`Trivy DB cache not saved: ${(e as Error).message}`)
    }
  }
}
