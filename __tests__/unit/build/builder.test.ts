import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { outputMode } from '../../../src/stages/build/argv.js'
import { builderOf } from '../../../src/stages/build/buildx.js'
import { ROOT } from '../../support/env.js'

// `docker buildx inspect` as buildx 0.38 printed it on the test bed's Docker 26.1 engines.
const recorded = (name: string): string =>
  readFileSync(join(ROOT, '__tests__', 'fixtures', 'buildx-inspect', `${name}.txt`), 'utf8')

describe('the builder buildx names', () => {
  test.each([
    ['docker-classic', 'default', 'docker', 'daemon', 'daemon'],
    // Asked both, its BuildKit leaves the layout without the image's blobs (Docker 26.1).
    ['docker-containerd', 'default', 'docker', 'layout', 'daemon'],
    ['docker-container', 'oci-pipeline-buildkit', 'docker-container', 'layout', 'layout']
  ] as const)('%s: %s, driver %s, built to a %s (with load: %s)', (file, name, driver, mode, loaded) => {
    const builder = builderOf(recorded(file))
    expect(builder.name).toBe(name)
    expect(builder.driver).toBe(driver)
    expect(outputMode(builder.caps)).toBe(mode)
    expect(outputMode(builder.caps, true)).toBe(loaded)
  })

  test('a builder whose node does not answer has no driver', () => {
    expect(builderOf('Name: gone\nError: could not connect\n').driver).toBe('')
  })
})
