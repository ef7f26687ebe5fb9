import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What scanned, and when: the vulnerability attestation states it. */
export interface ScannerInfo {
  name: 'trivy'
  version: string
  /** When the vulnerability DB was built (its metadata.json's UpdatedAt), if known. */
  dbUpdatedAt?: string
  startedAt: string
  finishedAt: string
}

/** The DB's build date, from the metadata.json Trivy keeps beside it. */
export function dbUpdatedAt(cacheDir: string): string | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(cacheDir, 'db', 'metadata.json'), 'utf8')) as {
      UpdatedAt?: string
    }
    return meta.UpdatedAt && !Number.isNaN(Date.parse(meta.UpdatedAt)) ? meta.UpdatedAt : undefined
  } catch {
    return undefined
  }
}
