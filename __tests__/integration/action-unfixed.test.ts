import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { WILL_NOT_FIX_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A VEX statement, as a team writes one after triage: the CRITICAL does not affect this image. */
const OPENVEX = JSON.stringify({
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.test/vex/demo-app-1',
  author: 'Demo team',
  timestamp: '2026-01-01T00:00:00Z',
  version: 1,
  statements: [
    {
      vulnerability: { name: 'CVE-2099-0003' },
      products: [{ '@id': 'pkg:deb/debian/oci-test-lib@1.0.0-1' }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path'
    }
  ]
})

/** The same decision as a CycloneDX VEX, its ref a BOM-link to the package (Trivy's bom-refs are purls). */
const CYCLONEDX_VEX = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  vulnerabilities: [
    {
      id: 'CVE-2099-0003',
      analysis: {
        state: 'not_affected',
        justification: 'code_not_reachable',
        detail: 'the archiver is never called'
      },
      affects: [
        {
          ref: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:deb/debian/oci-test-lib@1.0.0-1?arch=amd64'
        }
      ]
    }
  ]
})

/**
 * The image Trivy sees as Debian 12 whose only CRITICAL (CVE-2099-0003) the distribution will not
 * fix, beside an unfixed MEDIUM: what a first run on a Debian 12 image meets (zlib's CVE-2023-45853).
 */
describeWithEnv('the default gate: a CRITICAL with no fix is reported, not gating', env => {
  let e: TestEnv
  let registry: RegistryClient
  let trivyCache: string
  beforeAll(() => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-trivy-cache-'))
    writeTrivyDb(trivyCache, 'debian 12', WILL_NOT_FIX_ADVISORIES)
  })
  const run = (repo: string, inputs: Record<string, string>, files: Record<string, string> = {}) =>
    runAction({
      node: e.node24,
      workspace: workspace(`FROM ${pinnedRef(e.baseImages.debianVuln)}\nUSER nobody\n`, files),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=1.0',
        username: e.username,
        password: e.password,
        linters: 'checklist',
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache,
        ...inputs
      },
      event: push('refs/heads/main')
    })
  const sarifIds = (path: string | undefined): string[] =>
    ((JSON.parse(readFileSync(path ?? '', 'utf8')) as Json).runs[0].results as Json[])
      .map(r => r.ruleId)
      .sort()

  it('pushes it with no gate input: the finding is in the summary and in SARIF', async () => {
    const repo = `it-${RUN}/unfixed-app`
    const r = await run(repo, {})
    expect([r.code, r.stdout]).toEqual([0, expect.not.stringMatching(/::error/)])
    expect((await registry.manifest(repo, '1.0'))?.digest).toBe(r.outputs.digest)
    expect(JSON.parse(r.outputs.vulnerabilities ?? '{}')).toMatchObject({ CRITICAL: 1, MEDIUM: 1, total: 2 })
    const lines = r.summary.split('\n')
    expect(lines[0]).toBe(`## ✅ Pushed \`${e.registry}/${repo}:1.0\``)
    expect(r.summary).toContain(`docker pull ${e.registry}/${repo}@${r.outputs.digest}`)
    expect(r.summary).toMatch(
      /^\| Scan \| ✅ done \| 1 critical · 0 high · 1 medium · 0 low · 0 unknown; gate passed; 1 finding at or above CRITICAL with no fix, not gating \|/m
    )
    expect(r.summary).toMatch(
      /\| \[?CVE-2099-0003\]?(\([^)]+\))? \| CRITICAL \| oci-test-lib \| 1\.0\.0-1 \| no fix \(will_not_fix\) \|/
    )
    expect(r.summary).toContain(
      '1 vulnerability at or above CRITICAL has no fix (will_not_fix): reported here and in SARIF, not gating. `ignore-unfixed: false` gates on them.'
    )
    expect(sarifIds(r.outputs['scan-sarif'])).toEqual(['CVE-2099-0002', 'CVE-2099-0003'])
  })

  it('refuses it with ignore-unfixed: false, the message naming that input; nothing pushed', async () => {
    const repo = `it-${RUN}/unfixed-strict-app`
    const r = await run(repo, { 'ignore-unfixed': 'false' })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::scan: 1 vulnerability at or above CRITICAL, so nothing was pushed\. To change the decision: .*leave ignore-unfixed unset to report vulnerabilities with no fix without gating on them \(it is false now\)/
    )
    expect(r.stdout).toContain('CVE-2099-0003 in oci-test-lib 1.0.0-1 (no fix: will_not_fix)')
    expect(await registry.tags(repo)).toEqual([])
    expect(r.summary.split('\n')[0]).toBe(
      `## ❌ Not pushed: \`${e.registry}/${repo}:1.0\` — scan failed: 1 vulnerability at or above CRITICAL`
    )
    expect(r.summary).toMatch(/^\| Push \| ⏭️ skipped \| the scan gate failed \|/m)
  })

  it.each([
    ['OpenVEX', 'app.openvex.json', OPENVEX],
    ['CycloneDX VEX', 'app.vex.cdx.json', CYCLONEDX_VEX]
  ])(
    'passes ignore-unfixed: false once a %s file states the CRITICAL does not affect the image',
    async (_, file, text) => {
      const repo = `it-${RUN}/unfixed-vex-${file.split('.')[1]}`
      const r = await run(repo, { 'ignore-unfixed': 'false', vex: file }, { [file]: text })
      expect(r.code).toBe(0)
      expect((await registry.manifest(repo, '1.0'))?.digest).toBe(r.outputs.digest)
      expect(JSON.parse(r.outputs.vulnerabilities ?? '{}')).toMatchObject({ CRITICAL: 0, MEDIUM: 1 })
      expect(r.summary).toContain('<summary>Set aside: 1 (1 not affected by VEX)</summary>')
      expect(r.summary).toContain(
        `| CVE-2099-0003 | CRITICAL | oci-test-lib | 1.0.0-1 | **not affected** | vulnerable_code_not_in_execute_path | \`${file}\` |`
      )
      expect(sarifIds(r.outputs['scan-sarif'])).toEqual(['CVE-2099-0002'])
    }
  )
})
