import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'
import { RegistryProcess } from './support/registry-process.js'

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

// The whole pipeline (lint, build with a BuildKit secret, scan with SBOM and SARIF, push) with a
// recognisable registry password, GitHub token and build secret, searched for everywhere a user or
// another process could read them. __tests__/integration/action.test.ts checks the log part; this
// adds the report files, the SBOMs and a run with the scan on.
describeWithEnv('secrets never leak', env => {
  let e: TestEnv
  let reg: RegistryProcess
  const password = `Rel1ability-Pa55-${RUN}-zq`
  const token = `ghs_Rel1abilityT0ken${RUN}Zq`
  const secret = `Rel1ability-BuildSecret-${RUN}-zq`
  beforeAll(async () => {
    e = env()
    reg = await RegistryProcess.create({ username: 'rel-bot', password })
    await reg.start()
  })
  afterAll(() => reg.stop())

  it('the password, the token and a build secret appear in no output, report, SBOM or command line', async () => {
    const repo = `rel-${RUN}/secrets`
    const trivyCache = mkdtempSync(join(tmpdir(), 'oci-rel-trivy-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    const run = await runAction({
      node: e.node24,
      workspace: workspace(
        [
          `FROM ${pinnedRef(e.baseImages.busybox)}`,
          // The secret is used (its length checked) but never written to a layer.
          'RUN --mount=type=secret,id=api_key test -s /run/secrets/api_key',
          'USER nobody',
          ''
        ].join('\n')
      ),
      inputs: {
        images: `${reg.host}/${repo}`,
        tags: 'type=raw,value=s1',
        username: 'rel-bot',
        password,
        'github-token': token,
        secrets: `api_key=${secret}`,
        linters: 'checklist',
        'lint-failure-threshold': 'none',
        scan: 'true',
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache,
        'sbom-format': 'both',
        'fail-on-severity': 'none'
      },
      event: push('refs/heads/main')
    })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.code).toBe(0)
    const client = new RegistryClient(reg.host, 'rel-bot', password)
    expect((await client.manifest(repo, 's1'))?.digest).toBe(run.outputs.digest)

    // Reports of every kind were written, so the search below has something to search.
    const files = filesUnder(run.runnerTemp)
    const reports = files.filter(f => f.includes(`${join(run.runnerTemp, 'oci-pipeline')}/`))
    expect(reports.some(f => f.endsWith('.sarif'))).toBe(true)
    expect(reports.some(f => /cdx|cyclonedx/i.test(f))).toBe(true)
    expect(reports.some(f => /spdx/i.test(f))).toBe(true)

    const leaks: string[] = []
    const search = (where: string, text: string): void => {
      for (const [name, value] of Object.entries({ password, token, secret }))
        if (text.includes(value)) leaks.push(`${name} in ${where}`)
    }
    search('stdout, stderr, GITHUB_OUTPUT or the summary', run.everything)
    // Every file of the run: reports, SBOMs, SARIF, Trivy JSON, the event, even the docker config
    // (which stores credentials base64-encoded by design, never as they were given).
    for (const f of files) search(f, readFileSync(f, 'utf8'))
    for (const cmd of run.argvSeen) search(`the command line "${cmd.slice(0, 80)}…"`, cmd)
    // The image itself: a secret passed as a build arg would be in its history.
    const config = await client.config(repo, 's1')
    search('the image config', JSON.stringify(config))
    expect(leaks).toEqual([])

    // The secret reached BuildKit as a file, never as a build arg.
    const build = run.argvSeen.filter(c => / build --progress /.test(c) && c.includes(reg.host))
    expect(build.length).toBeGreaterThan(0)
    for (const c of build) {
      expect(c).toMatch(/--secret id=api_key,src=\S+/)
      expect(c).not.toMatch(/--build-arg api_key/i)
    }
    // The login took the password on stdin.
    expect(run.argvSeen.some(c => c.includes(`login ${reg.host} --username rel-bot --password-stdin`))).toBe(
      true
    )
  })
})
