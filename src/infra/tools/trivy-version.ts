import semver from 'semver'

/**
 * The version in `trivy --version` output: `Version: 0.58.1` → `0.58.1`; anything else (a build
 * from source, like the npm-shipped one) → `dev`. The lint and the scan both read it.
 */
export function parseTrivyVersion(output: string): string {
  const m = /Version:\s*v?(\S+)/.exec(output)
  const v =
    m?.[1] && semver.valid(semver.coerce(m[1]) ?? '') && /^\d/.test(m[1])
      ? semver.coerce(m[1])!.version
      : undefined
  return v ?? 'dev'
}
