import { DB_SCHEMA_VERSION } from './trivy-flags.js'

/** Trivy rebuilds its DB every few hours and says so in NextUpdate (a day after UpdatedAt): one further ahead is not taken at its word. */
export const MAX_NEXT_UPDATE_AHEAD_MS = 2 * 86_400_000
/** Clocks disagree by a little; a DB built more than this far in the future is not believed. */
const CLOCK_SKEW_MS = 3_600_000

export interface DbState {
  /** Usable without a download: the schema expected, built recently enough, its NextUpdate not passed (and believable). */
  fresh: boolean
  /** When it was built (UpdatedAt), where it says and that is believable. */
  updatedAt?: Date
  /** Older than the maximum age, or of an age that cannot be told: scanning with it fails the scan. */
  tooOld: boolean
}

const dateOf = (value: unknown): Date | undefined => {
  if (typeof value !== 'string') return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/**
 * What Trivy's `db/metadata.json` says, weighed against the clock. A restored or prepared DB is
 * trusted only as far as its metadata is believable: a NextUpdate days ahead (the DB would never be
 * refreshed) or an UpdatedAt in the future makes it not fresh, and its age unknown.
 */
export function dbState(metadataJson: string | undefined, now: Date, maxAgeMs: number): DbState {
  let meta: { Version?: unknown; NextUpdate?: unknown; UpdatedAt?: unknown } = {}
  try {
    meta = metadataJson ? (JSON.parse(metadataJson) as typeof meta) : {}
  } catch {
    // not JSON: nothing believable
  }
  const built = dateOf(meta.UpdatedAt)
  const next = dateOf(meta.NextUpdate)
  const t = now.getTime()
  const updatedAt = built && built.getTime() <= t + CLOCK_SKEW_MS ? built : undefined
  const tooOld = meta.Version !== DB_SCHEMA_VERSION || !updatedAt || t - updatedAt.getTime() > maxAgeMs
  const believable = !!next && next.getTime() - t <= MAX_NEXT_UPDATE_AHEAD_MS
  return {
    fresh: !tooOld && believable && t < (next as Date).getTime(),
    ...(updatedAt ? { updatedAt } : {}),
    tooOld
  }
}

/** `5d 3h`: an age, for the messages. */
export function formatAge(ms: number): string {
  const hours = Math.floor(ms / 3_600_000)
  return hours >= 48 ? `${Math.floor(hours / 24)}d ${hours % 24}h` : `${hours}h`
}
