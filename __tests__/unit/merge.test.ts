import { checkIndexPlatforms } from '../../src/pipeline/merge.js'

const d = (c: string): string => `sha256:${c.repeat(64)}`

describe('checkIndexPlatforms: the merged index must list every platform, once', () => {
  it.each([
    [
      ['linux/amd64', 'linux/arm64'],
      [d('a'), d('b')],
      ['linux/amd64', 'linux/arm64']
    ],
    [['linux/amd64', 'linux/arm64'], [d('a'), d('b')], []],
    [['linux/arm/v7'], [d('a')], ['linux/arm/v7']]
  ])('%j from %j covers %j', (planned, digests, expected) => {
    expect(() => checkIndexPlatforms(planned, digests, expected)).not.toThrow()
  })

  it.each([
    [
      ['linux/amd64'],
      [d('a')],
      ['linux/amd64', 'linux/arm64'],
      'the images are for linux/amd64, not linux/arm64'
    ],
    [['linux/amd64', 'linux/amd64'], [d('a'), d('b')], [], 'two images are for linux/amd64'],
    [['linux/amd64'], [d('a'), d('b')], [], '2 digests gave 1 platform images'],
    [[], [d('a')], ['linux/amd64'], 'the images are for no platform, not linux/amd64']
  ])('%j from %j for %j fails: %s', (planned, digests, expected, message) => {
    expect(() => checkIndexPlatforms(planned, digests, expected)).toThrow(`merge-digests: ${message}`)
  })
})
