import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, parseAllDocuments } from 'yaml'
import { ROOT } from '../../support/env.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/*
 * Everything the project's own CI, the reusable workflow and the GitLab include run that is not in
 * this repository is pinned by content: an action by full commit SHA, an image by digest. A tag
 * (v4, :1, :latest) names whatever its owner moves it to, and it runs with the job's token and the
 * caller's secrets.
 */
const SHA = /^[0-9a-f]{40}$/
const DIGEST = /@sha256:[0-9a-f]{64}$/

/** Why a `uses:` is not pinned, or undefined when it is. */
export function usesProblem(uses: string): string | undefined {
  if (uses.startsWith('./')) return undefined // this repository, at the commit that runs
  if (uses.startsWith('docker://')) return DIGEST.test(uses) ? undefined : 'an image without a digest'
  const at = uses.lastIndexOf('@')
  if (at < 0) return 'no ref'
  return SHA.test(uses.slice(at + 1)) ? undefined : `ref "${uses.slice(at + 1)}" is not a full commit SHA`
}

const imageProblem = (image: unknown): string | undefined =>
  typeof image !== 'string' ? 'not a string' : DIGEST.test(image) ? undefined : 'no digest'

/** Every unpinned `uses:`, container or service image, and setup-qemu-action's binfmt image of a workflow. */
export function unpinnedInWorkflow(text: string): string[] {
  const doc = parse(text) as Json
  const found: string[] = []
  for (const [name, job] of Object.entries((doc.jobs ?? {}) as Json)) {
    const j = job as Json
    if (typeof j.uses === 'string' && usesProblem(j.uses))
      found.push(`${name}: uses ${j.uses}: ${usesProblem(j.uses)}`)
    const container = typeof j.container === 'string' ? j.container : j.container?.image
    if (container !== undefined && imageProblem(container))
      found.push(`${name}: container ${container}: ${imageProblem(container)}`)
    for (const [service, spec] of Object.entries((j.services ?? {}) as Json)) {
      const image = typeof spec === 'string' ? spec : (spec as Json).image
      if (imageProblem(image)) found.push(`${name}: service ${service} ${image}: ${imageProblem(image)}`)
    }
    for (const step of (j.steps ?? []) as Json[]) {
      if (typeof step.uses !== 'string') continue
      const problem = usesProblem(step.uses)
      if (problem) found.push(`${name}: uses ${step.uses}: ${problem}`)
      // It starts its image privileged; its default is tonistiigi/binfmt:latest.
      if (step.uses.startsWith('docker/setup-qemu-action@') && imageProblem(step.with?.image))
        found.push(`${name}: setup-qemu-action image ${step.with?.image}: ${imageProblem(step.with?.image)}`)
    }
  }
  return found
}

const specInput = /^\$\[\[\s*inputs\.([\w-]+)\s*\]\]$/

/** Every unpinned job or service image of the GitLab include, `$[[ inputs.x ]]` read as its default. */
export function unpinnedInGitLab(text: string): string[] {
  const [spec, jobs] = parseAllDocuments(text).map(d => d.toJSON() as Json)
  const inputs = (spec?.spec?.inputs ?? {}) as Json
  const resolve = (image: unknown): unknown => {
    const m = typeof image === 'string' ? specInput.exec(image) : null
    return m ? inputs[m[1] as string]?.default : image
  }
  const found: string[] = []
  for (const [name, job] of Object.entries((jobs ?? {}) as Json)) {
    const j = job as Json
    const images = [j.image, ...((j.services ?? []) as unknown[])]
      .filter(i => i !== undefined)
      .map(i => (typeof i === 'object' && i !== null ? (i as Json).name : i))
    for (const image of images) {
      const problem = imageProblem(resolve(image))
      if (problem) found.push(`${name}: image ${String(image)} (${String(resolve(image))}): ${problem}`)
    }
  }
  return found
}

const WORKFLOWS = join(ROOT, '.github', 'workflows')
const workflowFiles = readdirSync(WORKFLOWS).filter(f => /\.ya?ml$/.test(f))

describe('pinning: every action by commit SHA, every image by digest', () => {
  it.each(workflowFiles)('.github/workflows/%s', file => {
    expect(unpinnedInWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8'))).toEqual([])
  })

  it('templates/gitlab-ci.yml (the job image and the docker:dind service)', () => {
    expect(unpinnedInGitLab(readFileSync(join(ROOT, 'templates', 'gitlab-ci.yml'), 'utf8'))).toEqual([])
  })

  it("the reusable workflow runs this repository's action by commit SHA, never by a tag", () => {
    const text = readFileSync(join(WORKFLOWS, 'oci-image.yml'), 'utf8')
    const own = [...text.matchAll(/uses:\s*([\w.-]+\/oci-pipeline@\S+)/g)].map(m => m[1] as string)
    // build, build-sarif and merge in each of the four waves.
    expect(own.length).toBe(12)
    for (const uses of own) expect(usesProblem(uses)).toBeUndefined()
  })
})

describe('the pin check bites', () => {
  it.each([
    ['actions/checkout@v4', 'ref "v4" is not a full commit SHA'],
    ['actions/checkout@11d5960', 'ref "11d5960" is not a full commit SHA'],
    ['OWNER/oci-pipeline@main', 'ref "main" is not a full commit SHA'],
    ['docker://alpine:3', 'an image without a digest'],
    ['actions/checkout', 'no ref']
  ])('uses: %s', (uses, problem) => {
    expect(usesProblem(uses)).toBe(problem)
  })

  it.each(['./', './.github/actions/x', 'actions/checkout@11d5960a326750d5838078e36cf38b85af677262'])(
    'accepts uses: %s',
    uses => expect(usesProblem(uses)).toBeUndefined()
  )

  it('finds a tagged action, a container, a service and the binfmt image in a workflow', () => {
    const bad = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    container: debian:12',
      '    services:',
      '      db: { image: postgres:16 }',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: docker/setup-qemu-action@c7c53464625b32c7a7e944ae62b3e17d2b600130',
      '  b:',
      '    uses: OWNER/oci-pipeline/.github/workflows/oci-image.yml@v1',
      ''
    ].join('\n')
    expect(unpinnedInWorkflow(bad)).toEqual([
      'a: container debian:12: no digest',
      'a: service db postgres:16: no digest',
      'a: uses actions/checkout@v4: ref "v4" is not a full commit SHA',
      'a: setup-qemu-action image undefined: not a string',
      'b: uses OWNER/oci-pipeline/.github/workflows/oci-image.yml@v1: ref "v1" is not a full commit SHA'
    ])
  })

  it('finds a job image given by a spec input whose default is a tag', () => {
    const bad = [
      'spec:',
      '  inputs:',
      '    image: { default: "ghcr.io/x/tool:1" }',
      '---',
      'job:',
      '  image: $[[ inputs.image ]]',
      '  services: [{ name: "docker:27-dind", alias: docker }]',
      '  script: [true]',
      ''
    ].join('\n')
    expect(unpinnedInGitLab(bad)).toEqual([
      'job: image $[[ inputs.image ]] (ghcr.io/x/tool:1): no digest',
      'job: image docker:27-dind (docker:27-dind): no digest'
    ])
  })
})
