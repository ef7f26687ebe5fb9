import { metadataFor, type Recorded } from './recorded.js'

/*
 * Table rows for the metadata tests over recorded runner contexts (__tests__/fixtures/contexts).
 * The expected tags are docker/metadata-action's behaviour, as its documentation and test tables
 * give it for the same kind of event, ref and inputs.
 */

export type Inputs = Record<string, string>

/** [what, context, inputs, version, tags (with user/app unless `images` says else), env] */
export type Row = [string, Recorded, Inputs, string, string[], Record<string, string>?]

export const tag = (ref: string): Record<string, string> => ({ GITHUB_REF: `refs/tags/${ref}` })
export const lines = (...l: string[]): string => l.join('\n')

/** What git says of the commit where the event does not (schedule, release, pull request). */
export const COMMITTED = new Date('2026-02-27T13:21:09Z')

export const SEMVER3 = lines(
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}'
)
export const PEP440_4 = lines(
  'type=pep440,pattern={{raw}}',
  'type=pep440,pattern={{version}}',
  'type=pep440,pattern={{major}}.{{minor}}',
  'type=pep440,pattern={{major}}'
)
export const RAWS = lines('type=raw,my', 'type=raw,custom', 'type=raw,tags')
export const two = { images: 'org/app,ghcr.io/user/app' }
export const both = (...t: string[]): string[] => [
  ...t.map(x => `org/app:${x}`),
  ...t.map(x => `ghcr.io/user/app:${x}`)
]
export const u = (...t: string[]): string[] => t.map(x => `user/app:${x}`)

/** Runs each group of rows: the version and tags, and the OCI version label beside them. */
export function describeRows(groups: Array<[string, Row[]]>): void {
  describe.each(groups)('%s', (_group, rows) => {
    // A rest parameter: jest would take a sixth declared parameter missing from a row for `done`.
    it.each(rows)('%s (%s)', (...row: Row) => {
      const [, ctx, inputs, version, tags, env] = row
      const { meta } = metadataFor(ctx, { images: 'user/app', ...inputs }, { env, commitDate: COMMITTED })
      expect({ version: meta.version, tags: meta.tags }).toEqual({ version, tags })
      expect(meta.labels['org.opencontainers.image.version']).toBe(version || undefined)
    })
  })
}
