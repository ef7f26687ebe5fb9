import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScanOptions } from '../../../src/stages/scan/options.js'
import { capabilitiesForVersion, scanArgs } from '../../../src/stages/scan/trivy-flags.js'

const NEW = capabilitiesForVersion('0.69.3')
const V0_52 = capabilitiesForVersion('0.52.0')

describe('scanArgs: the scan flags of trivy-action', () => {
  const ws = mkdtempSync(join(tmpdir(), 'scan-args-'))
  writeFileSync(join(ws, 'trivy.yaml'), 'severity: [LOW]\n')
  writeFileSync(join(ws, 'policy.rego'), 'package trivy\n')
  const values: Record<string, string> = {
    'trivy-cache-dir': '/c',
    'trivy-config': 'trivy.yaml',
    'skip-dirs': '/usr/share/doc,/opt/x',
    'skip-files': '/a.pem',
    'ignore-policy': 'policy.rego'
  }
  const options = parseScanOptions(name => values[name] ?? '', ws, {})
  const input = {
    source: { local: 'app:1' },
    output: '/o/trivy.json',
    cacheDir: '/c',
    ignoreFile: '/w/.trivyignore'
  }

  it('passes each as Trivy names it, with absolute paths, and asks for what ignore files hid', () => {
    const a = scanArgs(options, NEW, input)
    const after = (flag: string): string | undefined =>
      a.includes(flag) ? a[a.indexOf(flag) + 1] : undefined
    expect({
      config: after('--config'),
      skipDirs: after('--skip-dirs'),
      skipFiles: after('--skip-files'),
      policy: after('--ignore-policy'),
      ignorefile: after('--ignorefile'),
      scanners: after('--scanners'),
      suppressed: a.includes('--show-suppressed')
    }).toEqual({
      config: join(ws, 'trivy.yaml'),
      skipDirs: '/usr/share/doc,/opt/x',
      skipFiles: '/a.pem',
      policy: join(ws, 'policy.rego'),
      ignorefile: '/w/.trivyignore',
      scanners: 'vuln,secret',
      suppressed: true
    })
  })

  it('asks a Trivy whose JSON cannot hold suppressed findings (before 0.55) for none, and no other report for them', () => {
    expect(scanArgs(options, V0_52, input)).not.toContain('--show-suppressed')
    expect(scanArgs(options, NEW, { ...input, format: 'sarif' })).not.toContain('--show-suppressed')
  })

  it('passes no config file, skip or policy flag when none is given: Trivy reads no config on its own', () => {
    const bare = parseScanOptions(name => (name === 'trivy-cache-dir' ? '/c' : ''), ws, {})
    const a = scanArgs(bare, NEW, { ...input, ignoreFile: undefined })
    for (const flag of ['--config', '--skip-dirs', '--skip-files', '--ignore-policy', '--ignorefile'])
      expect(a).not.toContain(flag)
  })
})
