import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDockerfile, properties } from '../../../src/stages/dockerfile.js'
import { PINS, type ToolName } from '../../../src/infra/tools/pins.js'
import { ROOT } from '../../support/env.js'

const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
const df = parseDockerfile(text)

/** Every ARG default of the Dockerfile, whatever stage declares it. */
const defaults = new Map<string, string>(
  df.ast
    .getInstructions()
    .filter(i => i.getKeyword() === 'ARG')
    .flatMap(i => properties(i))
)

/** The Dockerfile's per-architecture ARG suffix for a pinned platform key. */
const ARCHES: Record<string, string> = { 'linux-x64': 'AMD64', 'linux-arm64': 'ARM64' }

describe('the tool image (root Dockerfile)', () => {
  it.each(['hadolint', 'trivy', 'cosign'] as ToolName[])(
    'downloads %s at the version, URL and SHA-256 sums of src/infra/tools/pins.ts',
    tool => {
      const pin = PINS[tool]
      const name = tool.toUpperCase()
      expect(defaults.get(`${name}_VERSION`)).toBe(pin.version)
      expect(defaults.get(`${name}_BASE_URL`)).toBe(pin.baseUrl)
      expect(text).toContain(`"$${name}_BASE_URL/v$${name}_VERSION/`)
      for (const [key, suffix] of Object.entries(ARCHES)) {
        const asset = pin.assets[key]
        expect([key, asset]).toEqual([key, expect.anything()])
        expect([key, defaults.get(`${name}_SHA256_${suffix}`)]).toEqual([key, asset?.sha256])
        // The release file the RUN asks for, at `<base URL>/v<version>/<file>` as downloadFor builds it.
        expect(text.replaceAll(`\${${name}_VERSION}`, pin.version)).toContain(asset?.file)
      }
    }
  )

  it('pins every base by digest, fully qualified and tagged, behind a build argument', () => {
    expect(df.stages.map(s => s.written)).toEqual(['${DOCKER_CLI_IMAGE}', '${NODE_IMAGE}', '${NODE_IMAGE}'])
    for (const name of ['NODE_IMAGE', 'DOCKER_CLI_IMAGE'])
      expect([name, df.globalArgs.get(name)]).toEqual([
        name,
        expect.stringMatching(/^docker\.io\/library\/[a-z0-9.-]+:[\w.-]+@sha256:[0-9a-f]{64}$/)
      ])
    expect(df.globalArgs.get('NODE_IMAGE')).toMatch(/-slim@/)
  })
})
