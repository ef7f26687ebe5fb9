import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeWithEnv, ROOT } from '../support/env.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function bash(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const child = spawn('bash', [script], { cwd: ROOT, env: { ...process.env, ...env } })
  let stdout = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stdout += d))
  return new Promise(resolve => child.on('close', code => resolve({ code: code ?? 128, stdout })))
}

describeWithEnv('scripts/example.sh, with no vulnerability DB to be had (offline)', () => {
  it('still writes a CycloneDX SBOM and prints its path; the summary says nothing was checked', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'oci-example-')), 'run')
    const run = await bash('scripts/example.sh', {
      // The environment is up (the tests' own); an empty cache and a DB registry that no lookup
      // reaches are what an air-gapped machine has.
      OCI_EXAMPLE_NO_SETUP: '1',
      OCI_EXAMPLE_OUT: out,
      OCI_EXAMPLE_TRIVY_CACHE: mkdtempSync(join(tmpdir(), 'oci-example-trivy-')),
      TRIVY_DB_REPOSITORY: 'trivy-db.oci-pipeline-offline.invalid/trivy-db:2'
    })
    expect(run.stdout).toContain('The example runs with fail-on-severity: none')
    expect(run.code).toBe(0)
    const sbom = /^SBOM: +(\S+)$/m.exec(run.stdout)?.[1] ?? ''
    expect(sbom).toMatch(/sbom\.cdx\.json$/)
    expect(existsSync(sbom)).toBe(true)
    const cdx = JSON.parse(readFileSync(sbom, 'utf8')) as Json
    expect(cdx.bomFormat).toBe('CycloneDX')
    const image = /^Image: +(\S+)@sha256:/m.exec(run.stdout)?.[1]
    expect(cdx.metadata.component).toMatchObject({
      type: 'container',
      name: expect.stringContaining(`${image}:`)
    })
    expect(run.stdout).toMatch(/^Scan: +vulnerabilities not checked \(no vulnerability DB\)/m)
    const summary = readFileSync(join(out, 'summary.md'), 'utf8').split('\n')
    expect(summary[0]).toMatch(/^## ✅ Pushed `/)
    expect(summary).toContainEqual(
      expect.stringMatching(
        /^\| Scan \| ✅ done \| \*\*vulnerabilities not checked\*\*; SBOM of \d+ packages? \|/
      )
    )
    expect(summary.slice(2, 4)).toEqual([
      '> [!WARNING]',
      expect.stringMatching(
        /^> \*\*Vulnerabilities were not checked\*\*: The Trivy vulnerability DB could not be downloaded/
      )
    ])
  })
})
