import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Reporter } from '../../reporter.js'
import { errorMessage } from '../../errors.js'
import { insideWorkspace, refuseTrackedCache } from '../../infra/tracked.js'

/**
 * GitLab caches folders of the project only, and the project is also the build context: a Trivy
 * DB cached there would be sent to the builder and, under `COPY . .`, end up in the image. So the
 * include keeps the DB between jobs in `kept` (OCI_TRIVY_DB_CACHE, inside the project) while the
 * job's Trivy cache is outside it: the DB is moved out before the run (after the check that git
 * tracks none of it) and copied back after, for GitLab to cache. With the cache inside the project
 * (the user's choice), nothing moves.
 */
export async function withKeptTrivyDb<T>(
  o: { kept: string | undefined; cacheDir: string; workspace: string; reporter: Reporter },
  fn: () => Promise<T>
): Promise<T> {
  if (!o.kept || insideWorkspace(o.cacheDir, o.workspace) !== undefined) return fn()
  const kept = resolve(o.workspace, o.kept)
  const db = join(resolve(o.workspace, o.cacheDir), 'db')
  if (existsSync(kept)) {
    await refuseTrackedCache(kept, o.workspace)
    if (!existsSync(db)) {
      mkdirSync(resolve(o.workspace, o.cacheDir), { recursive: true })
      try {
        renameSync(kept, db)
      } catch {
        // Another file system (a volume), or a folder the job may not change: copied.
        cpSync(kept, db, { recursive: true })
      }
      o.reporter.info(`Trivy DB from GitLab's cache (${o.kept}) moved to ${db}, out of the build context`)
    }
    try {
      rmSync(kept, { recursive: true, force: true })
    } catch (e) {
      o.reporter.warning(
        `the Trivy DB GitLab's cache restored could not be taken out of the project (${errorMessage(e)}): keep ${o.kept} out of the build context (.dockerignore)`
      )
    }
  }
  try {
    return await fn()
  } finally {
    if (existsSync(db))
      try {
        rmSync(kept, { recursive: true, force: true })
        cpSync(db, kept, { recursive: true })
      } catch (e) {
        o.reporter.warning(
          `the Trivy DB could not be put back for GitLab's cache (${o.kept}): ${errorMessage(e)}`
        )
      }
  }
}
