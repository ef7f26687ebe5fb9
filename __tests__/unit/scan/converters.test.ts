import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { conversionsFor, Converters } from '../../../src/stages/scan/converters.js'
import { Trivy } from '../../../src/stages/scan/trivy.js'
import { alive, until } from '../../support/processes.js'

/** A Trivy 0.58 whose `convert` writes down its pid, then prints `<format>:<GOGC>:` and the JSON it reads. */
function standIn(dir: string): string {
  const path = join(dir, 'trivy')
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'case "$1" in --version) echo "Version: 0.58.0"; exit 0;; esac',
      `echo $$ >"${dir}/$3.pid"`,
      'eval "input=\\${$#}"',
      'printf "%s:%s:" "$3" "$GOGC"',
      'exec cat "$input"',
      ''
    ].join('\n')
  )
  chmodSync(path, 0o755)
  return path
}

describe('Converters', () => {
  it('lists the reports of one scan: SARIF and the SBOMs asked for (GitLab’s report is written from the model)', () => {
    expect(conversionsFor({ sbomFormats: ['cyclonedx'] })).toEqual(['sarif', 'cyclonedx'])
    expect(conversionsFor({ sbomFormats: ['spdx-json', 'cyclonedx'] })).toEqual([
      'sarif',
      'cyclonedx',
      'spdx-json'
    ])
    expect(conversionsFor({ sbomFormats: [] })).toEqual(['sarif'])
  })

  it('converts a JSON written after they started, each once, and ends the ones never used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-converters-'))
    const trivy = await Trivy.detect(standIn(dir))
    const converters = Converters.start(trivy, ['sarif', 'cyclonedx', 'spdx-json'])
    await until(() => ['sarif', 'cyclonedx', 'spdx-json'].every(f => !!readPid(dir, f)))

    const json = join(dir, 'trivy.json')
    writeFileSync(json, '{"SchemaVersion":2}\n')
    const sarif = converters.take('sarif')
    expect(sarif).toBeDefined()
    expect(converters.take('sarif')).toBeUndefined()
    await sarif!(json, join(dir, 'out.sarif'))
    expect(readFileSync(join(dir, 'out.sarif'), 'utf8')).toBe('sarif:off:{"SchemaVersion":2}\n')

    const cdx = converters.take('cyclonedx')
    converters.close()
    // Taken before close: still converts. Never taken: ended.
    await cdx!(json, join(dir, 'out.cdx.json'))
    expect(readFileSync(join(dir, 'out.cdx.json'), 'utf8')).toBe('cyclonedx:off:{"SchemaVersion":2}\n')
    expect(await until(() => !alive(readPid(dir, 'spdx-json')))).toBe(true)
    expect(converters.take('spdx-json')).toBeUndefined()
  })

  it('starts none where no named pipe can be made (no mkfifo), so each report is converted as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-converters-'))
    const trivy = await Trivy.detect(standIn(dir), undefined, { ...process.env, PATH: join(dir, 'empty') })
    const converters = Converters.start(trivy, ['sarif', 'cyclonedx'])
    expect(converters.take('sarif')).toBeUndefined()
    expect(converters.take('cyclonedx')).toBeUndefined()
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(readPid(dir, 'sarif')).toBe(0)
  })

  it('ends a converter whose JSON cannot be read, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-converters-'))
    const converters = Converters.start(await Trivy.detect(standIn(dir)), ['sarif'])
    await until(() => !!readPid(dir, 'sarif'))
    await expect(converters.take('sarif')!(join(dir, 'missing.json'), join(dir, 'out'))).rejects.toThrow(
      /ENOENT/
    )
    expect(await until(() => !alive(readPid(dir, 'sarif')))).toBe(true)
  })
})

function readPid(dir: string, format: string): number {
  try {
    return Number(readFileSync(join(dir, `${format}.pid`), 'utf8'))
  } catch {
    return 0
  }
}
