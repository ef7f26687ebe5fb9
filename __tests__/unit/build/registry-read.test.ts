import { parseRemoteRef } from '../../../src/infra/registry/read.js'

describe('parseRemoteRef', () => {
  it.each([
    ['127.0.0.1:5000/team/app:1.0', { host: '127.0.0.1:5000', repo: 'team/app', reference: '1.0' }],
    ['ghcr.io/org/app', { host: 'ghcr.io', repo: 'org/app', reference: 'latest' }],
    [
      'localhost:5000/app@sha256:' + 'a'.repeat(64),
      { host: 'localhost:5000', repo: 'app', reference: 'sha256:' + 'a'.repeat(64) }
    ],
    ['registry.example/a/b/c:v2-rc.1', { host: 'registry.example', repo: 'a/b/c', reference: 'v2-rc.1' }]
  ])('reads %s', (ref, want) => {
    expect(parseRemoteRef(ref)).toEqual(want)
  })

  it.each([['alpine:3.20'], ['library/alpine:3.20'], ['org/app']])(
    'leaves %s (Docker Hub, no host) to buildx',
    ref => {
      expect(parseRemoteRef(ref)).toBeUndefined()
    }
  )
})
