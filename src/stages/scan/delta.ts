import { bySeverity, countBySeverity, type SeverityCounts, type Vulnerability } from './model.js'

export interface ScanDelta {
  /** What the delta compared against (an image reference). */
  baseline?: string
  before: SeverityCounts
  after: SeverityCounts
  /** In the new image, not in the previous one. */
  added: Vulnerability[]
  /** In the previous image, gone from the new one. */
  removed: Vulnerability[]
}

// A vulnerability is the same one while the same ID affects the same package, whatever the
// installed version or the target's name (which carries the image's tag).
const key = (v: Vulnerability): string => `${v.id}\u0000${v.pkg}`

function unique(vulns: readonly Vulnerability[]): Map<string, Vulnerability> {
  const seen = new Map<string, Vulnerability>()
  for (const v of vulns) if (!seen.has(key(v))) seen.set(key(v), v)
  return seen
}

/** Before/after counts by severity and what was added or removed; platforms are merged. */
export function compareScans(
  before: readonly Vulnerability[],
  after: readonly Vulnerability[],
  baseline?: string
): ScanDelta {
  const b = unique(before)
  const a = unique(after)
  return {
    ...(baseline ? { baseline } : {}),
    before: countBySeverity([...b.values()]),
    after: countBySeverity([...a.values()]),
    added: [...a.entries()]
      .filter(([k]) => !b.has(k))
      .map(([, v]) => v)
      .sort(bySeverity),
    removed: [...b.entries()]
      .filter(([k]) => !a.has(k))
      .map(([, v]) => v)
      .sort(bySeverity)
  }
}
