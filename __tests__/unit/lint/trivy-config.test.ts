import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULES } from '../../../src/stages/lint/checklist/registry.js'
import {
  configFlagsForVersion,
  parseConfigHelp,
  parseTrivyConfigJson,
  parseTrivyVersion,
  trivyConfigArgs,
  trivyLevel
} from '../../../src/stages/lint/trivy-config.js'
import { ROOT } from '../../support/env.js'

describe('trivy config', () => {
  it('picks the offline flag this build has', () => {
    const old = parseConfigHelp(
      '      --skip-policy-update          skip fetching rego policy updates\n      --file-patterns strings'
    )
    expect(old).toEqual({
      skipUpdate: '--skip-policy-update',
      misconfigScanners: false,
      filePatterns: true,
      skipVersionCheck: false
    })
    const recent = parseConfigHelp(
      '      --skip-check-update    skip\n      --misconfig-scanners strings   x\n      --skip-version-check   y'
    )
    expect(trivyConfigArgs('/w/docker/app.df', recent)).toEqual([
      'config',
      '--format',
      'json',
      '--quiet',
      '--skip-check-update',
      '--misconfig-scanners',
      'dockerfile',
      '--skip-version-check',
      '/w/docker/app.df'
    ])
    expect(trivyConfigArgs('/w/app.df', old, '/c')).toContain('dockerfile:(^|/)app\\.df$')
  })

  it.each([
    [
      '0.45.1',
      {
        skipUpdate: '--skip-policy-update',
        misconfigScanners: false,
        filePatterns: true,
        skipVersionCheck: false
      }
    ],
    [
      '0.48.0',
      {
        skipUpdate: '--skip-policy-update',
        misconfigScanners: true,
        filePatterns: true,
        skipVersionCheck: false
      }
    ],
    [
      '0.62.1',
      {
        skipUpdate: '--skip-check-update',
        misconfigScanners: true,
        filePatterns: true,
        skipVersionCheck: false
      }
    ],
    [
      '0.69.3',
      {
        skipUpdate: '--skip-check-update',
        misconfigScanners: true,
        filePatterns: true,
        skipVersionCheck: true
      }
    ]
  ])('knows a release’s flags from its number (%s), without asking its help', (version, flags) => {
    expect(configFlagsForVersion(version)).toEqual(flags)
  })

  it('reads versions, including the npm-shipped "dev" build', () => {
    expect(parseTrivyVersion('Version: 0.69.3\nVulnerability DB:\n')).toBe('0.69.3')
    expect(parseTrivyVersion('Version: dev\n')).toBe('dev')
  })

  it('maps severities and reads failed checks with their lines', () => {
    expect(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'].map(trivyLevel)).toEqual([
      'error',
      'error',
      'warning',
      'info',
      'info'
    ])
    const json = JSON.stringify({
      Results: [
        {
          Target: 'Dockerfile',
          Misconfigurations: [
            {
              ID: 'DS002',
              Title: "Image user should not be 'root'",
              Message: 'Specify at least 1 USER',
              Severity: 'HIGH',
              Status: 'FAIL',
              CauseMetadata: {}
            },
            {
              ID: 'DS017',
              Title: 'update alone',
              Severity: 'HIGH',
              Status: 'FAIL',
              PrimaryURL: 'https://avd.aquasec.com/misconfig/ds017',
              CauseMetadata: { StartLine: 2, EndLine: 4 }
            },
            { ID: 'DS001', Severity: 'MEDIUM', Status: 'PASS' }
          ]
        }
      ]
    })
    expect(parseTrivyConfigJson(json, 'docker/Dockerfile')).toEqual([
      {
        engine: 'trivy',
        ruleId: 'DS002',
        level: 'error',
        message: "Image user should not be 'root': Specify at least 1 USER",
        file: 'docker/Dockerfile',
        line: 1
      },
      {
        engine: 'trivy',
        ruleId: 'DS017',
        level: 'error',
        message: 'update alone',
        file: 'docker/Dockerfile',
        line: 2,
        endLine: 4,
        helpUri: 'https://avd.aquasec.com/misconfig/ds017'
      }
    ])
    expect(() => parseTrivyConfigJson('FATAL', 'D')).toThrow(
      'trivy config printed something that is not JSON'
    )
  })
})

/** The guides the rules come from, by the titles docs/rules/README.md lists them under. */
const GUIDES = [
  'Container Image Build Guide',
  'Container Base images',
  'Images: Build Process',
  'Kubeflow image process',
  'Containerisation and Orchestration - exercise 02'
]

/** A guide cited by its title, in italics (`*…*` or `_…_`). */
const cites = (text: string, title: string): boolean =>
  text.includes(`*${title}*`) || text.includes(`_${title}_`)

describe('rule pages', () => {
  it('docs/rules/README.md lists the guides by title', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8')
    for (const title of GUIDES) expect(cites(readme, title)).toBe(true)
  })

  it.each(RULES.map(r => r.id))(
    'docs/rules/%s.md says why, citing a guide by its title, and shows the fix',
    id => {
      const page = join(ROOT, 'docs', 'rules', `${id}.md`)
      expect(existsSync(page)).toBe(true)
      const text = readFileSync(page, 'utf8')
      expect(text).toMatch(/^# OP\d{3}: /)
      expect(GUIDES.some(title => cites(text, title))).toBe(true)
      expect(text).not.toMatch(/\/work\/|[0-9]{3}_[0-9a-f]{16}\.txt|shared\/reference/)
      expect(text).toContain('## Fix')
    }
  )
})
