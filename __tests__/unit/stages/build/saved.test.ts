import { createHash } from 'node:crypto'
import { goLabels, goString, relabelConfig } from '../../../../src/stages/build/saved.js'

const digestOf = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`

// An image config as the classic store keeps it (Go's encoding/json: no spaces, <>& escaped).
const engineConfig = (labels: string): string =>
  `{"architecture":"amd64","config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh"],"Labels":${labels}},` +
  `"created":"2026-12-03T13:04:29.974717261Z","history":[{"created":"2026-12-03T13:04:29.955129552Z",` +
  `"created_by":"RUN /bin/sh -c echo hi \\u003e /x # buildkit","comment":"buildkit.dockerfile.v0"}],` +
  `"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:${'a'.repeat(64)}"]}}`

describe('the engine config written again with new labels', () => {
  it.each([
    ['plain text', 'v1.2.3', '"v1.2.3"'],
    ['HTML characters', 'a<b>&c', '"a\\u003cb\\u003e\\u0026c"'],
    ['quotes and backslashes', 'say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
    ['control characters', 'l1\nl2\r\tx\u0001', '"l1\\nl2\\r\\tx\\u0001"'],
    ['line separators', 'a\u2028b\u2029', '"a\\u2028b\\u2029"'],
    ['non-ASCII as it is', 'é 🔭', '"é 🔭"'],
    ['a lone surrogate as U+FFFD', 'x\ud800', '"x\\ufffd"']
  ])('writes %s as Go does', (_what, value, json) => {
    expect(goString(value)).toBe(json)
  })

  it('orders the keys by their bytes, as Go sorts a map', () => {
    // UTF-16 order puts U+1F52D (a surrogate pair) before U+FF5E; their UTF-8 bytes, the other way.
    expect(goLabels({ b: '2', '\uff5e': 'w', a: '1', '\u{1f52d}': 't', B: '0' })).toBe(
      '{"B":"0","a":"1","b":"2","\uff5e":"w","\u{1f52d}":"t"}'
    )
    expect(goLabels({})).toBe('{}')
  })

  it('replaces the one Labels object and keeps every other byte', () => {
    const before = engineConfig(
      '{"org.opencontainers.image.created":"2026-12-01T00:00:01Z","x\\u003c":"{\\"}"}'
    )
    const after = relabelConfig(before, {
      'x<': '{"}',
      'org.opencontainers.image.created': '2026-12-02T00:00:02Z'
    })
    expect(after).toBe(
      engineConfig('{"org.opencontainers.image.created":"2026-12-02T00:00:02Z","x\\u003c":"{\\"}"}')
    )
    // The same labels give the same bytes, so the same digest: what the image ID is checked against.
    expect(
      digestOf(
        relabelConfig(before, { 'org.opencontainers.image.created': '2026-12-01T00:00:01Z', 'x<': '{"}' })!
      )
    ).toBe(digestOf(before))
  })

  it('gives nothing where the config has no Labels or several', () => {
    expect(relabelConfig('{"config":{"Env":[]},"os":"linux"}', { a: '1' })).toBeUndefined()
    expect(
      relabelConfig('{"config":{"Labels":{"a":"1"}},"container_config":{"Labels":{"a":"1"}}}', { a: '2' })
    ).toBeUndefined()
    expect(relabelConfig('{"config":{"Labels":{"a":"1"', { a: '2' })).toBeUndefined()
  })
})
