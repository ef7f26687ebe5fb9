import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../support/env.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Json
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/oci-image.yml'), 'utf8')) as Json
const call = workflow.on.workflow_call as Json
const jobs = workflow.jobs as Json
const actionStep = (job: string): Json => (jobs[job].steps as Json[]).find(s => s.id === 'image') as Json

/** Inputs of the workflow that the action does not have, and why. */
const WORKFLOW_ONLY = ['runners', 'runs-on'] // where each platform's job runs
/** Action inputs the workflow leaves out, and why. */
const ACTION_ONLY = new Map([
  ['password', 'a secret of the workflow'],
  ['github-token', 'the called workflow has its own token'],
  ['secrets', 'the secret build-secrets'],
  ['push-by-digest', 'set by the fan-out'],
  ['merge-digests', 'set by the merge job'],
  ['load', 'nothing to load into in a reusable workflow'],
  ['builder', 'the runner default builder'],
  ['hadolint-path', 'runner paths are unknown to the caller'],
  ['trivy-path', 'runner paths are unknown to the caller'],
  ['hadolint-config', 'read from the repository (.hadolint.yaml)'],
  ['trivy-cache-dir', 'the Actions cache keeps the DB'],
  ['report-dir', 'reports go to the runner temp folder and artifacts'],
  ['summary', 'always on'],
  ['lint-rules', 'rarely needed'],
  ['lint-minimal-bases', 'rarely needed'],
  ['lint-data-size-limit', 'rarely needed'],
  ['scanners', "Trivy's own default (vuln,secret)"],
  ['vuln-type', 'os,library by default'],
  ['scan-timeout', 'default'],
  ['sbom-retention-days', 'repository default'],
  // docker/metadata-action's and build-push-action's inputs, not passed through the workflow yet.
  ['annotations', 'the generated annotations only'],
  ['metadata-context', 'the event gives the ref'],
  ['sep-tags', 'the outputs are newline-separated'],
  ['sep-labels', 'the outputs are newline-separated'],
  ['sep-annotations', 'the outputs are newline-separated'],
  ['build-contexts', 'not passed through yet'],
  ['secret-envs', 'not passed through yet'],
  ['secret-files', 'not passed through yet'],
  ['ssh', 'not passed through yet'],
  ['no-cache-filters', 'not passed through yet'],
  ['network', 'not passed through yet'],
  ['shm-size', 'not passed through yet'],
  ['ulimit', 'not passed through yet'],
  ['add-hosts', 'not passed through yet'],
  ['allow', 'not passed through yet'],
  ['sbom', 'not passed through yet'],
  ['attests', 'not passed through yet'],
  [
    'sign',
    'signing is not wired into the reusable workflow yet (keyless needs id-token: write from every caller)'
  ],
  ['sign-key', 'would be a secret of the workflow: not wired yet'],
  ['sign-key-password', 'would be a secret of the workflow: not wired yet'],
  ['attest', 'signing is not wired into the reusable workflow yet'],
  ['rekor-url', 'signing is not wired into the reusable workflow yet'],
  ['fulcio-url', 'signing is not wired into the reusable workflow yet'],
  ['sigstore-trusted-root', 'signing is not wired into the reusable workflow yet'],
  ['cosign-path', 'runner paths are unknown to the caller']
])

describe('the reusable workflow .github/workflows/oci-image.yml', () => {
  it('mirrors the action inputs: same names, same defaults (expression defaults become empty)', () => {
    const inputs = Object.entries(call.inputs as Json)
    for (const [name, spec] of inputs) {
      if (WORKFLOW_ONLY.includes(name)) continue
      const mine = action.inputs[name] as Json | undefined
      expect({ name, known: mine !== undefined }).toEqual({ name, known: true })
      const expected = String(mine?.default ?? '').startsWith('${{') ? '' : String(mine?.default ?? '')
      expect({ name, default: String(spec.default) }).toEqual({ name, default: expected })
      expect(spec.type).toBe('string')
    }
    const covered = new Set([...inputs.map(([n]) => n), ...ACTION_ONLY.keys()])
    expect(Object.keys(action.inputs as Json).filter(n => !covered.has(n))).toEqual([])
  })

  it.each(['build', 'build-sarif'])('job %s passes every mirrored input to the action unchanged', job => {
    const step = actionStep(job)
    for (const name of Object.keys(call.inputs as Json)) {
      if (WORKFLOW_ONLY.includes(name) || ['platforms', 'sarif-upload'].includes(name)) continue
      expect({ name, value: step.with[name] }).toEqual({ name, value: `\${{ inputs.${name} }}` })
    }
    expect(step.with.platforms).toBe('${{ matrix.platform }}')
    expect(step.with['push-by-digest']).toBe('${{ needs.plan.outputs.multi }}')
    expect(step.with.password).toBe('${{ secrets.password }}')
    expect(step.with.secrets).toBe('${{ secrets.build-secrets }}')
    for (const key of Object.keys(step.with as Json))
      expect(Object.keys(action.inputs as Json)).toContain(key)
  })

  it('the two build jobs differ only in SARIF upload and the permission it needs', () => {
    const strip = (job: Json): Json => {
      const copy = structuredClone(job)
      delete copy.if
      delete copy.permissions
      delete (copy.steps as Json[]).find(s => s.id === 'image')?.with['sarif-upload']
      return copy
    }
    expect(strip(jobs.build)).toEqual(strip(jobs['build-sarif']))
    expect(actionStep('build').with['sarif-upload']).toBe('false')
    expect(actionStep('build-sarif').with['sarif-upload']).toBe('true')
  })

  it('asks for the least permissions: security-events write only where SARIF is uploaded', () => {
    expect(workflow.permissions).toEqual({})
    expect(jobs.plan.permissions).toEqual({})
    expect(jobs.build.permissions).toEqual({ contents: 'read', packages: 'write' })
    expect(jobs['build-sarif'].permissions).toEqual({
      contents: 'read',
      packages: 'write',
      'security-events': 'write'
    })
    expect(jobs.merge.permissions).toEqual({ contents: 'read', packages: 'write' })
  })

  it('outputs image, digest, tags and version, each an output of the action', () => {
    expect(Object.keys(call.outputs as Json).sort()).toEqual(['digest', 'image', 'tags', 'version'])
    for (const [name, spec] of Object.entries(call.outputs as Json)) {
      expect(Object.keys(action.outputs as Json)).toContain(name)
      for (const job of ['merge', 'build', 'build-sarif']) {
        expect(spec.value).toContain(`jobs.${job}.outputs.${name}`)
        expect(jobs[job].outputs[name]).toBe(`\${{ steps.image.outputs.${name} }}`)
      }
    }
  })

  it('merges only after every platform job passed, with the digests they uploaded', () => {
    expect(jobs.merge.needs).toEqual(['plan', 'build', 'build-sarif'])
    expect(jobs.merge.if).toContain("!contains(needs.*.result, 'failure')")
    const step = actionStep('merge')
    expect(step.with['merge-digests']).toBe('${{ steps.digests.outputs.list }}')
    expect(step.with.platforms).toBe('${{ inputs.platforms }}')
    const upload = (jobs.build.steps as Json[]).find(s =>
      String(s.uses).startsWith('actions/upload-artifact')
    )
    const download = (jobs.merge.steps as Json[]).find(s =>
      String(s.uses).startsWith('actions/download-artifact')
    )
    expect(download?.with.pattern.replace('*', '')).toBe(upload?.with.name.replace('${{ matrix.slug }}', ''))
  })

  it('uses the action the README names, pinned by commit SHA (scripts/release-pins.mjs moves it)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const name = /uses: (\S+\/oci-pipeline)@\S+/.exec(readme)?.[1]
    for (const job of ['build', 'build-sarif', 'merge'])
      expect(actionStep(job).uses).toMatch(new RegExp(`^${name}@[0-9a-f]{40}$`))
  })

  it('ends the merge job’s digest list with a random delimiter, never a fixed EOF', () => {
    const run = (jobs.merge.steps as Json[]).find(s => s.id === 'digests')?.run as string
    expect(run).not.toMatch(/\bEOF\b/)
    expect(run).toMatch(/delimiter=.*\/dev\/urandom/)
    expect(run).toContain('echo "list<<$delimiter"')
  })

  // The plan step's own script, run as the runner runs `shell: bash` (with jq and GITHUB_OUTPUT).
  const plan = (env: Record<string, string>): Record<string, string> => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-plan-'))
    const out = join(dir, 'output')
    const script = join(dir, 'plan.sh')
    writeFileSync(script, (jobs.plan.steps as Json[])[0]?.run as string)
    const defaults = {
      RUNNERS: call.inputs.runners.default,
      RUNS_ON: 'ubuntu-latest',
      PUSH: '',
      PLATFORMS: ''
    }
    const res = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      env: { PATH: process.env.PATH, ...defaults, ...env, GITHUB_OUTPUT: out },
      encoding: 'utf8'
    })
    expect(res.stderr).toBe('')
    expect(res.status).toBe(0)
    return Object.fromEntries(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )
  }

  it.each([
    ['no platform: one job, no merge', { PLATFORMS: '' }, 'false', [['', 'ubuntu-latest', false]]],
    [
      'one platform: one job, no merge',
      { PLATFORMS: 'linux/arm64' },
      'false',
      [['linux/arm64', 'ubuntu-24.04-arm', false]]
    ],
    [
      'two platforms: one native job each, then a merge',
      { PLATFORMS: 'linux/amd64, linux/arm64' },
      'true',
      [
        ['linux/amd64', 'ubuntu-latest', false],
        ['linux/arm64', 'ubuntu-24.04-arm', false]
      ]
    ],
    [
      'a platform with no native runner is emulated',
      { PLATFORMS: 'linux/amd64\nlinux/s390x', RUNS_ON: 'self-hosted' },
      'true',
      [
        ['linux/amd64', 'self-hosted', false],
        ['linux/s390x', 'self-hosted', true]
      ]
    ],
    [
      'push false: each platform built and scanned, nothing merged',
      { PLATFORMS: 'linux/amd64,linux/arm64', PUSH: 'False' },
      'false',
      [
        ['linux/amd64', 'ubuntu-latest', false],
        ['linux/arm64', 'ubuntu-24.04-arm', false]
      ]
    ],
    [
      'runners given by the caller',
      { PLATFORMS: 'linux/arm64', RUNNERS: '{"linux/arm64":"arm-big"}' },
      'false',
      [['linux/arm64', 'arm-big', false]]
    ]
  ])('plan: %s', (_, env, multi, expected) => {
    const out = plan(env)
    expect(out.multi).toBe(multi)
    expect(out.token).toMatch(/^[0-9a-f]{16}$/)
    const matrix = JSON.parse(out.matrix ?? '[]') as Json[]
    expect(matrix.map(m => [m.platform, m.runner, m.emulate])).toEqual(expected)
    expect(new Set(matrix.map(m => m.slug)).size).toBe(matrix.length)
  })
})
