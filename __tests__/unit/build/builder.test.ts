import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { buildOptions } from '../../../src/config/build-options.js'
import { InputError } from '../../../src/errors.js'
import { outputMode } from '../../../src/stages/build/argv.js'
import { buildFailure, builderOf } from '../../../src/stages/build/buildx.js'
import { CONTEXTS } from '../../support/contexts.js'
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

describe('a failed build names the input to change where buildx says which', () => {
  const ws = mkdtempSync(join(tmpdir(), 'oci-build-failure-'))
  writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n')
  const options = (inputs: Record<string, string>) =>
    buildOptions(n => inputs[n] ?? '', { ...CONTEXTS.pushMain, workspace: ws }, {})
  const classic = builderOf(recorded('docker-classic'))
  const buildkit = builderOf(recorded('docker-container'))
  // buildx's last lines, as it printed them on the test bed.
  const manifestLists =
    'ERROR: failed to build: failed to solve: docker exporter does not currently support exporting manifest lists'
  const dockerDriver = 'ERROR: failed to build: Multi-platform build is not supported for the docker driver.'

  test.each([
    [
      'load with provenance on a BuildKit builder',
      { load: 'true', provenance: 'mode=max' },
      buildkit,
      manifestLists,
      'Input "load": this engine\'s image store cannot load an image list (attestations): leave "load" off, or turn the attestations off ("provenance: false", "sbom: false", no "attests")'
    ],
    [
      'two platforms on the classic docker driver',
      { platforms: 'linux/amd64,linux/arm64' },
      classic,
      dockerDriver,
      'Input "platforms": the docker driver builds several platforms only with the containerd image store: set "builder" to a BuildKit builder (docker/setup-buildx-action) for linux/amd64,linux/arm64'
    ],
    [
      'anything else',
      { load: 'true' },
      buildkit,
      'ERROR: process "/bin/sh -c false" did not complete',
      undefined
    ]
  ])('%s', (_name, inputs, builder, last, message) => {
    const error = buildFailure(options(inputs), builder, 1, ['#5 DONE 0.1s', last])
    if (message) {
      expect(error).toBeInstanceOf(InputError)
      expect(error.message).toBe(message)
    } else {
      expect(error).not.toBeInstanceOf(InputError)
      expect(error.message.split('\n')[0]).toBe('the build failed (docker buildx build exited with 1)')
    }
  })
})
