import { contextFromGit, refFromGit } from '../../../src/faces/cli/context.js'
import { formatDate } from '../../../src/stages/metadata/date-format.js'
import { normalPep440, parsePep440 } from '../../../src/stages/metadata/pep440.js'
import { recordedContext, type Recorded } from '../../support/recorded.js'

const MAIN = '2f6e8c1d9b3a47e5a0c4d8f1b6e2a9c3d7f05e14'
const MERGE = '5d8a2c4e6f1b3079d8e2a4c6b1f3e5a7c9d1b426'
const HEAD = 'e7c9a1b3d5f2406817c3e5a9b2d4f6a8c1e3d539'

describe('the run as the GitHub faces read a recorded runner context', () => {
  it.each<[Recorded, Record<string, string>, Record<string, unknown>]>([
    [
      'push-main',
      {},
      { eventName: 'push', ref: 'refs/heads/main', sha: MAIN, commitDate: new Date('2026-02-27T13:21:09Z') }
    ],
    ['tag', {}, { ref: 'refs/tags/v1.2.3', baseRef: 'main', commitDate: new Date('2026-02-28T11:30:00Z') }],
    ['tag-without-base', {}, { ref: 'refs/tags/v2.0.8-beta.67', baseRef: undefined }],
    [
      'pull-request',
      {},
      { ref: 'refs/pull/15/merge', sha: MERGE, baseRef: 'main', isForkPullRequest: false }
    ],
    ['pull-request', { DOCKER_METADATA_PR_HEAD_SHA: 'true' }, { sha: HEAD }],
    ['pull-request-fork', {}, { ref: 'refs/pull/16/merge', isForkPullRequest: true }],
    [
      'pull-request-target',
      {},
      { eventName: 'pull_request_target', ref: 'refs/pull/15/merge', sha: MAIN, baseRef: 'main' }
    ],
    ['pull-request-target', { DOCKER_METADATA_PR_HEAD_SHA: 'true' }, { sha: HEAD }],
    ['schedule', {}, { eventName: 'schedule', ref: 'refs/heads/main', commitDate: undefined }],
    ['release', {}, { eventName: 'release', ref: 'refs/tags/v1.1.1', baseRef: undefined }],
    ['workflow-dispatch', {}, { eventName: 'workflow_dispatch', ref: 'refs/heads/dev' }]
  ])('%s %j', (name, env, expected) => {
    const ctx = recordedContext(name, env)
    const got = Object.fromEntries(Object.keys(expected).map(k => [k, ctx[k as keyof typeof ctx]]))
    expect(got).toEqual(expected)
    const where = { owner: 'octo-org', name: 'hello-image', url: 'https://github.com/octo-org/hello-image' }
    // A schedule's payload names no repository: the action face asks the API for the rest.
    expect(ctx.repo).toEqual(
      name === 'schedule'
        ? where
        : {
            ...where,
            description: 'A small image for testing',
            licenses: 'BSD-3-Clause',
            defaultBranch: 'main',
            private: false
          }
    )
  })

  it.each([
    [{ branch: 'dev', tag: 'v1' }, 'refs/heads/dev'],
    [{ tag: 'v1' }, 'refs/tags/v1'],
    [{ pullRef: 'pull/15/merge' }, 'refs/pull/15/merge'],
    [{}, '']
  ])('metadata-context: git takes the ref git gives (%j) and its commit', (git, ref) => {
    const ctx = contextFromGit(recordedContext('pull-request'), { sha: 'f'.repeat(40), ...git })
    expect(refFromGit(git)).toBe(ref)
    expect(ctx.ref).toBe(ref || 'refs/pull/15/merge')
    expect(ctx.sha).toBe('f'.repeat(40))
    expect(ctx.commitDate).toBeUndefined()
  })
})

describe("dates as {{date 'FORMAT' tz='Zone'}} renders them (Moment.js tokens)", () => {
  const d = new Date('2020-01-10T00:30:00.000Z')
  it.each([
    ['YYYYMMDD', 'UTC', '20200110'],
    ['YYYYMMDD-HHmmss', 'Asia/Tokyo', '20200110-093000'],
    ['dddd, MMMM Do YYYY, h:mm:ss a', 'UTC', 'Friday, January 10th 2020, 12:30:00 am'],
    ['YYYY-MM-DDTHH:mm:ss.SSS[Z]', 'UTC', '2020-01-10T00:30:00.000Z'],
    ['YY M D H m s', 'America/Los_Angeles', '20 1 9 16 30 0'],
    ['Z ZZ', 'Asia/Kolkata', '+05:30 +0530'],
    ['Q DDD DDDD d dd ddd W WW', 'UTC', '1 10 010 5 Fr Fri 2 02'],
    ['X x', 'UTC', '1578616200 1578616200000'],
    ['kk hh A', 'UTC', '24 12 AM'],
    [undefined, 'UTC', '2020-01-10T00:30:00Z'],
    [undefined, 'Asia/Tokyo', '2020-01-10T09:30:00+09:00']
  ])('%s in %s → %s', (format, zone, expected) => {
    expect(formatDate(d, format, zone)).toBe(expected)
  })

  it('an unknown zone is an error that says what a zone is', () => {
    expect(() => formatDate(d, 'YYYY', 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/)
  })
})

describe('PEP 440 versions', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['1.1beta2', '1.1b2'],
    ['1.0dev4', '1.0.dev4'],
    ['1.2post1', '1.2.post1'],
    ['1.2-1', '1.2.post1'],
    ['1.2.3RC2', '1.2.3rc2'],
    ['1.0c1', '1.0rc1'],
    ['2!1.0-preview.3+Ubuntu_1', '2!1.0rc3+ubuntu.1'],
    ['1.0.dev', '1.0.dev0']
  ])('%s → %s', (raw, normal) => {
    const v = parsePep440(raw)
    expect(v && normalPep440(v)).toBe(normal)
  })

  it.each(['sometag', '1.2.3-beta.67.x', 'v', '1..2'])('%s is not one', raw => {
    expect(parsePep440(raw)).toBeUndefined()
  })
})
