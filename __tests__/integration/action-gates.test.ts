import { createServer, type IncomingMessage, type Server } from 'node:http'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A stand-in for the GitHub API's code-scanning endpoint: answers `status`, keeps what it got. */
async function codeScanningApi(status: number): Promise<{ server: Server; url: string; bodies: Json[] }> {
  const bodies: Json[] = []
  const server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', d => (body += d))
    req.on('end', () => {
      if (
        req.method === 'POST' &&
        /\/repos\/Example-Org\/Demo-App\/code-scanning\/sarifs$/.test(req.url ?? '')
      )
        bodies.push(JSON.parse(body) as Json)
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          status < 300
            ? { id: `sarif-${bodies.length}` }
            : { message: 'Resource not accessible by integration' }
        )
      )
    })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  return { server, url: `http://127.0.0.1:${port}`, bodies }
}

/** The image that Trivy sees as Debian 12 with one vulnerable package (CRITICAL fixable, MEDIUM not). */
const vulnerable = (base: string): string => `FROM ${base}\nUSER nobody\n`

describeWithEnv('the action gates: lint and scan stop the push', env => {
  let e: TestEnv
  let registry: RegistryClient
  let trivyCache: string
  const common = (): Record<string, string> => ({
    username: e.username,
    password: e.password,
    linters: 'trivy,checklist',
    'trivy-path': e.trivy,
    'trivy-cache-dir': trivyCache,
    'sbom-format': 'both'
  })
  beforeAll(() => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-trivy-cache-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
  })

  it('fails the CRITICAL gate: exit 1, the error names the CVE, the summary says why, nothing pushed', async () => {
    const repo = `it-${RUN}/gate-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(vulnerable(pinnedRef(e.baseImages.debianVuln))),
      inputs: { images: `${e.registry}/${repo}`, tags: 'type=raw,value=1.0', ...common() },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*CVE-2099-0001 in oci-test-lib 1\.0\.0-1 \(fixed in 1\.0\.0-2\)/)
    expect(run.stdout).toMatch(
      /::error::scan: 1 vulnerability with a fix at or above CRITICAL, so nothing was pushed\. To change the decision: .*fail-on-severity \(now CRITICAL/
    )
    expect(await registry.tags(repo)).toEqual([])
    expect(run.outputs.digest ?? '').toBe('')
    // The layers sent beside the scan are deleted again (this registry allows it): the config too.
    expect(run.stdout).toMatch(/gate-app: the [1-9]\d* blobs uploaded before the gate failed were removed/)
    expect(await registry.hasBlob(repo, run.outputs.imageid ?? '')).toBe(false)
    expect(JSON.parse(run.outputs.vulnerabilities ?? '{}')).toEqual({
      CRITICAL: 1,
      HIGH: 0,
      MEDIUM: 1,
      LOW: 0,
      UNKNOWN: 0,
      total: 2
    })
    expect(run.summary.split('\n')[0]).toBe(
      `## ❌ Not pushed: \`${e.registry}/${repo}:1.0\` — scan failed: 1 vulnerability with a fix at or above CRITICAL`
    )
    expect(run.summary).toContain('**Gate: failed** — the image was not pushed.')
    expect(run.summary).toMatch(
      /\| \[CVE-2099-0001\]\(.*\) \| CRITICAL \| oci-test-lib \| 1\.0\.0-1 \| 1\.0\.0-2 \|/
    )
  })

  it('with the gate off, pushes the scanned image: same digest, and SBOM, SARIF and outputs agree', async () => {
    const repo = `it-${RUN}/gate-off-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(vulnerable(pinnedRef(e.baseImages.debianVuln))),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=1.0',
        'fail-on-severity': 'none',
        ...common()
      },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(0)
    const pushed = await registry.manifest(repo, '1.0')
    expect(pushed?.digest).toBe(run.outputs.digest)
    const config = await registry.config(repo, '1.0')
    const cdxPath = run.outputs['sbom-path'] ?? ''
    const spdxPath = join(cdxPath, '..', 'sbom.spdx.json')
    const scanned = JSON.parse(readFileSync(join(cdxPath, '..', 'trivy.json'), 'utf8')) as Json
    expect(scanned.Metadata.ImageID).toBe(config.digest)

    const cdx = JSON.parse(readFileSync(cdxPath, 'utf8')) as Json
    const lib = (cdx.components as Json[]).find(c => c.name === 'oci-test-lib')
    expect(lib?.version).toBe('1.0.0-1')
    expect((cdx.vulnerabilities as Json[]).map(v => v.id).sort()).toEqual(['CVE-2099-0001', 'CVE-2099-0002'])
    const spdx = JSON.parse(readFileSync(spdxPath, 'utf8')) as Json
    expect(
      (spdx.packages as Json[]).some(p => p.name === 'oci-test-lib' && p.versionInfo === '1.0.0-1')
    ).toBe(true)

    const sarif = JSON.parse(readFileSync(run.outputs['scan-sarif'] ?? '', 'utf8')) as Json
    const results = sarif.runs[0].results as Json[]
    expect(results.map(r => r.ruleId).sort()).toEqual(['CVE-2099-0001', 'CVE-2099-0002'])
    expect(JSON.parse(run.outputs.vulnerabilities ?? '{}')).toMatchObject({ CRITICAL: 1, MEDIUM: 1 })
    expect(run.summary).toMatch(/\| `[^`]*gate-off-app:1\.0` \| – \| 1 \| 0 \| 1 \| 0 \| 0 \|/)
  })

  it('with ignore-unfixed and the CRITICAL in a .trivyignore, passes the gate and pushes', async () => {
    const repo = `it-${RUN}/ignored-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(vulnerable(pinnedRef(e.baseImages.debianVuln)), {
        '.trivyignore': 'CVE-2099-0001\n'
      }),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=1.0',
        'ignore-unfixed': 'true',
        trivyignores: '.trivyignore',
        ...common()
      },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.vulnerabilities ?? '{}')).toMatchObject({ CRITICAL: 0, MEDIUM: 0 })
    expect((await registry.manifest(repo, '1.0'))?.digest).toBe(run.outputs.digest)
  })

  it('fails a lint error before the push: annotation with file and line, SARIF upload refused → a warning', async () => {
    const repo = `it-${RUN}/lint-app`
    const api = await codeScanningApi(403)
    try {
      const base = e.baseImages.busybox
      const run = await runAction({
        node: e.node24,
        workspace: workspace(`FROM ${pinnedRef(base)}\nRUN echo hi\nUSER root\n`),
        inputs: {
          images: `${e.registry}/${repo}`,
          'github-token': 'ghs_TokenForSarif',
          scan: 'false',
          ...common()
        },
        event: push('refs/heads/main'),
        env: { GITHUB_API_URL: api.url }
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /::error title=OP004 \(checklist\),file=Dockerfile,line=3,endLine=3::USER root on line 3/
      )
      expect(run.stdout).toMatch(
        /::error::lint: findings at or above "error" \(.*1 error.*\), so nothing was pushed/
      )
      expect(run.stdout).toMatch(
        /::warning::SARIF \(oci-pipeline-lint\) not uploaded: the token may not write security events/
      )
      expect(await registry.tags(repo)).toEqual([])
      const findings = JSON.parse(run.outputs['lint-findings'] ?? '{}') as Record<string, number>
      expect(findings.error).toBe(1)
      // What reached the API is the lint SARIF, in its category, for this commit.
      expect(api.bodies).toHaveLength(1)
      const sent = JSON.parse(
        gunzipSync(Buffer.from(api.bodies[0]?.sarif as string, 'base64')).toString()
      ) as Json
      expect(sent.runs[0].automationDetails).toEqual({ id: 'oci-pipeline-lint/' })
      const onDisk = JSON.parse(readFileSync(run.outputs['lint-sarif'] ?? '', 'utf8')) as Json
      expect(sent.runs[0].results).toEqual(onDisk.runs[0].results)
      expect(api.bodies[0]?.commit_sha).toBe('0123456789abcdef0123456789abcdef01234567')
    } finally {
      api.server.close()
    }
  })

  it('uploads the lint and the scan SARIF, each in its own category, when the API accepts them', async () => {
    const repo = `it-${RUN}/sarif-app`
    const api = await codeScanningApi(202)
    try {
      const run = await runAction({
        node: e.node24,
        workspace: workspace(`FROM ${pinnedRef(e.baseImages.busybox)}\nUSER nobody\n`),
        inputs: { images: `${e.registry}/${repo}`, 'github-token': 'ghs_TokenForSarif', ...common() },
        event: push('refs/heads/main'),
        env: { GITHUB_API_URL: api.url }
      })
      expect(run.code).toBe(0)
      // The lint's and the scan's uploads go on side by side: either may come first.
      expect(run.stdout).toMatch(/SARIF \(oci-pipeline-lint\) uploaded to code scanning: sarif-[12]\b/)
      expect(run.stdout).toMatch(/SARIF \(oci-pipeline-scan\) uploaded to code scanning: sarif-[12]\b/)
      const categories = api.bodies.map(
        b =>
          (JSON.parse(gunzipSync(Buffer.from(b.sarif as string, 'base64')).toString()) as Json).runs[0]
            .automationDetails.id
      )
      expect(categories.sort()).toEqual(['oci-pipeline-lint/', 'oci-pipeline-scan/'])
    } finally {
      api.server.close()
    }
  })

  it('cancels the build when the lint fails beside it: the build never finishes, nothing is pushed', async () => {
    const repo = `it-${RUN}/cancel-app`
    const base = pinnedRef(e.baseImages.busybox)
    // The build's one RUN takes minutes; the checklist finds USER root at once. The RUN prints
    // a computed word, so the log holds it only if the command really ran to its end (BuildKit
    // echoes the command line itself, which has the unexpanded $((...))).
    const dockerfile = `FROM ${base}\nRUN sleep 240 && echo build-$((40+2))-${RUN}\nUSER root\n`
    const started = Date.now()
    const run = await runAction({
      node: e.node24,
      workspace: workspace(dockerfile),
      inputs: { images: `${e.registry}/${repo}`, ...common(), linters: 'checklist', scan: 'false' },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::lint: findings at or above "error"/)
    expect(run.stdout).not.toContain(`build-42-${RUN}`)
    expect(Date.now() - started).toBeLessThan(200_000)
    expect(run.stdout).not.toContain('the build failed')
    expect(run.outputs.imageid ?? '').toBe('')
    expect(await registry.tags(repo)).toEqual([])
  })
})
