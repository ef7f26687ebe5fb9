import * as semver from 'semver'
import { InputError } from '../../errors.js'
import { isPep440Special, normalPep440, parsePep440 } from './pep440.js'

/** What a `type=semver` or `type=pep440` rule gives: a tag value, or nothing on purpose (`skip`). */
export interface VersionValue {
  value: string
  latest: boolean
  skip?: boolean
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\s*\}\}/g

/** A pattern that is `{{raw}}` alone: pre-releases keep it (docker/metadata-action's rule). */
export const isRawPattern = (pattern: string): boolean => /^\{\{\s*raw\s*\}\}$/.test(pattern)

function render(pattern: string, parts: Record<string, string>): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) => {
    const value = parts[name]
    if (value === undefined)
      throw new InputError(
        'tags',
        `${whole} is not a version placeholder (known: ${Object.keys(parts).join(', ')})`
      )
    return value
  })
}

// {{major}} alone on 0.x would promise a stability 0.x does not have: skipped, where
// docker/metadata-action tags `0` (its docs advise turning that rule off for v0 tags).
const isMajorOnly = (pattern: string): boolean =>
  [...pattern.matchAll(PLACEHOLDER)].map(m => m[1]).join(',') === 'major'

/**
 * `type=semver`: a strictly valid semver (a leading `v` allowed). A pre-release only ever gets its
 * full version (or `{{raw}}`), never `latest`. A string is a warning: the rule gives nothing.
 */
export function semverValue(raw: string, pattern: string): VersionValue | string {
  if (!semver.valid(raw)) return `${raw} is not a valid semver (https://semver.org)`
  const v = semver.parse(raw, { loose: true }) as semver.SemVer
  const parts = {
    raw,
    version: v.version,
    major: String(v.major),
    minor: String(v.minor),
    patch: String(v.patch)
  }
  if (v.prerelease.length > 0)
    return { value: render(isRawPattern(pattern) ? pattern : '{{version}}', parts), latest: false }
  if (v.major === 0 && isMajorOnly(pattern)) return { value: '', latest: false, skip: true }
  return { value: render(pattern, parts), latest: true }
}

/** `type=pep440`: Python versions; pre-, post- and dev releases only get their full (normal) version. */
export function pep440Value(raw: string, pattern: string): VersionValue | string {
  const v = parsePep440(raw)
  if (!v) return `${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/)`
  const version = normalPep440(v)
  if (isPep440Special(v)) return { value: isRawPattern(pattern) ? raw : version, latest: false }
  const parts = {
    raw,
    version,
    major: String(v.release[0] ?? 0),
    minor: String(v.release[1] ?? 0),
    patch: String(v.release[2] ?? 0)
  }
  if (v.release[0] === 0 && isMajorOnly(pattern)) return { value: '', latest: false, skip: true }
  return { value: render(pattern, parts), latest: true }
}
