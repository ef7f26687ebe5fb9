import { readFileSync } from 'node:fs'
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
const WORKFLOW_ONLY = [
  'runners', // where each platform's job runs
  'runs-on',
  'image-names', // which images, each with its own job (and action run)
  'image-root'
]
const WAVES = [1, 2, 3, 4]
const BUILDS = WAVES.flatMap(k => [`build-${k}`, `build-sarif-${k}`])
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

  it.each(BUILDS)(
    'job %s passes every mirrored input to the action, the image’s own where it has one',
    job => {
      const step = actionStep(job)
      const own: Record<string, string> = {
        platforms: '${{ matrix.platform }}',
        images: '${{ matrix.images || inputs.images }}',
        context: '${{ matrix.context || inputs.context }}',
        file: '${{ matrix.file || inputs.file }}',
        'build-contexts': '${{ steps.contexts.outputs.list }}'
      }
      for (const name of Object.keys(call.inputs as Json)) {
        if (WORKFLOW_ONLY.includes(name) || name === 'sarif-upload') continue
        expect({ name, value: step.with[name] }).toEqual({
          name,
          value: own[name] ?? `\${{ inputs.${name} }}`
        })
      }
      expect(step.with['push-by-digest']).toBe('${{ needs.plan.outputs.multi }}')
      expect(step.with.password).toBe('${{ secrets.password }}')
      expect(step.with.secrets).toBe('${{ secrets.build-secrets }}')
      for (const key of Object.keys(step.with as Json))
        expect(Object.keys(action.inputs as Json)).toContain(key)
    }
  )

  it.each(WAVES)(
    'the two build jobs of wave %i differ only in SARIF upload and the permission it needs',
    k => {
      const strip = (job: Json): Json => {
        const copy = structuredClone(job)
        delete copy.if
        delete copy.permissions
        delete (copy.steps as Json[]).find(s => s.id === 'image')?.with['sarif-upload']
        return copy
      }
      expect(strip(jobs[`build-${k}`])).toEqual(strip(jobs[`build-sarif-${k}`]))
      expect(actionStep(`build-${k}`).with['sarif-upload']).toBe('false')
      expect(actionStep(`build-sarif-${k}`).with['sarif-upload']).toBe('true')
    }
  )

  it.each([2, 3, 4])('wave %i is wave 1 again, after the wave before it', k => {
    const as1 = (name: string): Json => {
      const copy = structuredClone(jobs[name]) as Json
      delete copy.needs
      return JSON.parse(
        JSON.stringify(copy)
          .replaceAll(`wave${k}`, 'wave1')
          .replaceAll(`merge${k}`, 'merge1')
          .replaceAll(`build-${k}`, 'build-1')
          .replaceAll(`build-sarif-${k}`, 'build-sarif-1')
      ) as Json
    }
    for (const job of ['build', 'build-sarif', 'merge']) {
      const first = structuredClone(jobs[`${job}-1`]) as Json
      delete first.needs
      expect(as1(`${job}-${k}`)).toEqual(first)
    }
    for (const job of ['build', 'build-sarif'])
      expect(jobs[`${job}-${k}`].needs).toEqual([
        'plan',
        `build-${k - 1}`,
        `build-sarif-${k - 1}`,
        `merge-${k - 1}`
      ])
    expect(jobs[`merge-${k}`].needs).toEqual(['plan', `build-${k}`, `build-sarif-${k}`])
  })

  it('runs a wave only when the waves before it passed, and only when it has images', () => {
    for (const k of WAVES)
      for (const job of [`build-${k}`, `build-sarif-${k}`, `merge-${k}`]) {
        expect(jobs[job].if).toContain('!cancelled()')
        expect(jobs[job].if).toContain("!contains(needs.*.result, 'failure')")
        expect(jobs[job].if).toContain(
          `needs.plan.outputs.${job.startsWith('merge') ? 'merge' : 'wave'}${k} != '[]'`
        )
      }
    expect(jobs.images.needs).toEqual([
      'plan',
      ...WAVES.flatMap(k => [`build-${k}`, `build-sarif-${k}`, `merge-${k}`])
    ])
  })

  it('asks for the least permissions: security-events write only where SARIF is uploaded', () => {
    expect(workflow.permissions).toEqual({})
    // The plan reads the repository: which images there are, and what each builds FROM.
    expect(jobs.plan.permissions).toEqual({ contents: 'read' })
    for (const k of WAVES) {
      expect(jobs[`build-${k}`].permissions).toEqual({ contents: 'read', packages: 'write' })
      expect(jobs[`build-sarif-${k}`].permissions).toEqual({
        contents: 'read',
        packages: 'write',
        'security-events': 'write'
      })
      expect(jobs[`merge-${k}`].permissions).toEqual({ contents: 'read', packages: 'write' })
    }
    expect(jobs.images.permissions).toEqual({})
  })

  it('outputs image, digest, tags and version of the first wave, and every image pushed', () => {
    expect(Object.keys(call.outputs as Json).sort()).toEqual(['digest', 'image', 'images', 'tags', 'version'])
    for (const [name, spec] of Object.entries(call.outputs as Json)) {
      if (name === 'images') {
        expect(spec.value).toBe('${{ jobs.images.outputs.built }}')
        continue
      }
      expect(Object.keys(action.outputs as Json)).toContain(name)
      for (const job of ['merge-1', 'build-1', 'build-sarif-1']) {
        expect(spec.value).toContain(`jobs.${job}.outputs.${name}`)
        expect(jobs[job].outputs[name]).toBe(`\${{ steps.image.outputs.${name} }}`)
      }
    }
  })

  it('merges an image only after every platform job passed, with the digests they uploaded', () => {
    const step = actionStep('merge-1')
    expect(step.with['merge-digests']).toBe('${{ steps.digests.outputs.list }}')
    expect(step.with.platforms).toBe('${{ inputs.platforms }}')
    expect(step.with.images).toBe('${{ matrix.images || inputs.images }}')
    const upload = (jobs['build-1'].steps as Json[]).find(
      s =>
        String(s.uses).startsWith('actions/upload-artifact') && String(s.with.name).startsWith('oci-digest-')
    )
    const download = (jobs['merge-1'].steps as Json[]).find(s =>
      String(s.uses).startsWith('actions/download-artifact')
    )
    // Per image (n<index>-), each platform's slug after it: an image's pattern takes no other's.
    expect(upload?.with.name).toBe('oci-digest-${{ needs.plan.outputs.token }}-${{ matrix.slug }}')
    expect(download?.with.pattern).toBe('oci-digest-${{ needs.plan.outputs.token }}-n${{ matrix.n }}-*')
  })

  it('uses the action the README names, pinned by commit SHA (scripts/release-pins.mjs moves it)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const name = /uses: (\S+\/oci-pipeline)@\S+/.exec(readme)?.[1]
    for (const k of WAVES)
      for (const job of [`build-${k}`, `build-sarif-${k}`, `merge-${k}`])
        expect(actionStep(job).uses).toMatch(new RegExp(`^${name}@[0-9a-f]{40}$`))
  })

  it('ends multi-line step outputs with a random delimiter, never a fixed EOF', () => {
    for (const run of [
      (jobs['merge-1'].steps as Json[]).find(s => s.id === 'digests')?.run as string,
      (jobs['build-1'].steps as Json[]).find(s => s.id === 'contexts')?.run as string
    ]) {
      expect(run).not.toMatch(/\bEOF\b/)
      expect(run).toMatch(/delimiter=.*\/dev\/urandom/)
      expect(run).toContain('echo "list<<$delimiter"')
    }
  })
})
