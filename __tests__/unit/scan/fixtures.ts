import {
  countBySeverity,
  type ImageScan,
  type Severity,
  type Vulnerability
} from '../../../src/stages/scan/model.js'

export const vuln = (id: string, severity: Severity, fixed?: string, pkg = 'libfoo'): Vulnerability => ({
  id,
  pkg,
  installed: '1.0',
  ...(fixed ? { fixed } : {}),
  severity,
  title: `${id} title`,
  target: 'app:1 (debian 12.5)'
})

export const scanOf = (vulnerabilities: Vulnerability[], platform?: string, image = 'app:1'): ImageScan => ({
  image,
  ...(platform ? { platform } : {}),
  vulnerabilities,
  counts: countBySeverity(vulnerabilities),
  packages: 10,
  paths: { json: 'j', table: 't', sarif: 's', gitlab: 'g' }
})
