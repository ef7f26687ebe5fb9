import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import {
  CODE_QUALITY_REPORT,
  CONTAINER_SCANNING_REPORT,
  sbomFileName
} from '../../src/faces/gitlab/reports.js'
import { ROOT } from '../support/env.js'

const TEMPLATE = readFileSync(join(ROOT, 'templates', 'gitlab-ci.yml'), 'utf8')
const schema = JSON.parse(readFileSync(join(ROOT, '__tests__', 'fixtures', 'gitlab-ci-schema.json'), 'utf8'))
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
const validate = ajv.compile(schema)

interface Input {
  type?: string
  default?: unknown
  description?: string
  options?: string[]
}
type Job = Record<string, unknown> & {
  stage?: string
  script?: string[]
  extends?: string | string[]
  artifacts?: { reports?: Record<string, string>; paths?: string[] }
  rules?: Array<Record<string, unknown>>
}

const docs = parseAllDocuments(TEMPLATE)
const header = docs[0]?.toJS() as { spec: { inputs: Record<string, Input> } }
const inputs = header.spec.inputs

/** GitLab's interpolation of `$[[ inputs.name ]]`, with the defaults unless overridden (arrays as YAML flow). */
function interpolate(overrides: Record<string, unknown> = {}): Record<string, Job> {
  const text = TEMPLATE.split(/^---$/m)[1] ?? ''
  const done = text.replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_m, name: string) => {
    if (!(name in inputs)) throw new Error(`the template uses an undeclared input ${name}`)
    const value = overrides[name] ?? inputs[name]?.default
    return Array.isArray(value) ? JSON.stringify(value) : value === '' ? "''" : String(value)
  })
  return parseAllDocuments(done)[0]?.toJS() as Record<string, Job>
}

/**
 * With no runner tags the jobs say `tags: []`: GitLab accepts it (its Tags entry is any array of
 * strings, below 50), while the editor's JSON schema asks for at least one tag. Left out for it.
 */
function withoutEmptyTags(jobs: Record<string, Job>): Record<string, Job> {
  return Object.fromEntries(
    Object.entries(jobs).map(([k, j]) => {
      if (!Array.isArray(j?.tags) || j.tags.length) return [k, j]
      const rest = { ...j }
      delete rest.tags
      return [k, rest]
    })
  )
}

const isHash = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** GitLab's `extends`: hashes merged deeply, in order, the job's own keys last; arrays replaced. */
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a }
  for (const [k, v] of Object.entries(b)) out[k] = isHash(v) && isHash(out[k]) ? merge(out[k], v) : v
  return out
}
function resolved(jobs: Record<string, Job>, name: string): Job {
  const job = jobs[name] as Job
  const parents = job.extends === undefined ? [] : [job.extends].flat()
  const base = parents.reduce<Record<string, unknown>>((acc, p) => merge(acc, resolved(jobs, p)), {})
  const own = Object.fromEntries(Object.entries(job).filter(([k]) => k !== 'extends'))
  return merge(base, own) as Job
}

/** The configuration as GitLab runs it: every visible job with its `extends` merged in, the hidden ones gone. */
function expanded(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const jobs = interpolate(overrides)
  return Object.fromEntries(
    Object.keys(jobs)
      .filter(k => !k.startsWith('.'))
      .map(k => [k, k === 'workflow' ? jobs[k] : resolved(jobs, k)])
  )
}

const errors = (doc: unknown): string =>
  validate(doc) ? '' : ajv.errorsText(validate.errors, { separator: '\n' })

describe('templates/gitlab-ci.yml', () => {
  it('is a spec header and one jobs document', () => {
    expect(docs).toHaveLength(2)
    for (const d of docs) expect(d.errors).toEqual([])
  })

  it('has a spec header that GitLab’s schema accepts, every input with a default and a description', () => {
    expect(errors({ spec: header.spec })).toBe('')
    for (const [name, spec] of Object.entries(inputs)) {
      expect([name, spec.type === 'array' ? Array.isArray(spec.default) : typeof spec.default]).toEqual([
        name,
        spec.type === 'array' ? true : 'string'
      ])
      expect([name, (spec.description ?? '').length > 10]).toEqual([name, true])
      if (spec.options) expect(spec.options).toContain(spec.default)
    }
  })

  it.each<Record<string, unknown>>([
    {},
    { docker: 'dind' },
    { 'stage-build': 'images', team: 'kilo' },
    { 'runner-tags': ['$SKA_DEFAULT_RUNNER', 'docker'], 'job-user': 'node:988' }
  ])('validates against GitLab’s CI schema with inputs %j', overrides => {
    expect(errors(withoutEmptyTags(interpolate(overrides)))).toBe('')
    expect(errors(withoutEmptyTags(expanded(overrides) as Record<string, Job>))).toBe('')
  })

  it('runs every job on the runners runner-tags names, as the job image’s user job-user', () => {
    const tags = ['$SKA_DEFAULT_RUNNER', 'docker']
    const jobs = interpolate({ 'runner-tags': tags, 'job-user': 'node:988' })
    for (const name of ['oci-image-lint', 'oci-image-build', 'oci-image-scan', 'oci-image-publish']) {
      const job = resolved(jobs, name)
      expect([name, job.tags]).toEqual([name, tags])
      expect([name, job.image]).toEqual([name, { name: inputs.image?.default, docker: { user: 'node:988' } }])
    }
    expect(resolved(interpolate(), 'oci-image-build').tags).toEqual([])
  })

  it('has workflow rules that run one pipeline per push: the merge request’s, not also the branch’s', () => {
    const rules = (interpolate() as unknown as { workflow: { rules: Array<Record<string, string>> } })
      .workflow.rules
    expect(rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
      { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS && $CI_PIPELINE_SOURCE == "push"', when: 'never' },
      { when: 'always' }
    ])
  })

  it('is checked by a schema that catches a misspelt keyword, and empty tags', () => {
    expect(errors({ ...withoutEmptyTags(interpolate()), 'oci-image-extra': { scrpt: ['true'] } })).not.toBe(
      ''
    )
    expect(errors(expanded())).toMatch(/tags must NOT have fewer than 1 items/)
  })

  it('leaves the tag rules to the CLI, so a project’s OCI_PIPELINE_TAGS is never overridden by a rule', () => {
    expect(TEMPLATE).not.toMatch(/OCI_PIPELINE_TAGS/)
  })

  it('declares every input it uses, and uses every input it declares', () => {
    const used = new Set([...TEMPLATE.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map(m => m[1]))
    expect([...used].sort()).toEqual(Object.keys(inputs).sort())
  })

  it('has SKAO’s jobs in the stages of a default GitLab project, none named like GitLab’s own container_scanning', () => {
    const jobs = interpolate()
    const visible = Object.keys(jobs).filter(k => !k.startsWith('.') && k !== 'workflow')
    expect(visible.sort()).toEqual([
      'oci-image-build',
      'oci-image-lint',
      'oci-image-publish',
      'oci-image-scan'
    ])
    // GitLab's default stages are build, test and deploy (and .pre, .post).
    expect(Object.fromEntries(visible.map(j => [j, jobs[j]?.stage]))).toEqual({
      'oci-image-lint': 'build',
      'oci-image-build': 'build',
      'oci-image-scan': 'test',
      'oci-image-publish': 'deploy'
    })
    const own = interpolate({ 'stage-lint': 'lint', 'stage-scan': 'scan', 'stage-publish': 'publish' })
    expect(Object.fromEntries(visible.map(j => [j, own[j]?.stage]))).toEqual({
      'oci-image-lint': 'lint',
      'oci-image-build': 'build',
      'oci-image-scan': 'scan',
      'oci-image-publish': 'publish'
    })
  })

  it('runs the CLI as oci-pipeline unless OCI_PIPELINE_CLI says otherwise', () => {
    const jobs = interpolate()
    for (const name of ['oci-image-lint', 'oci-image-build', 'oci-image-scan', 'oci-image-publish'])
      expect(jobs[name]?.script?.join('\n')).toMatch(
        /^\$\{OCI_PIPELINE_CLI:-oci-pipeline\} (lint|build|scan|publish)\b/
      )
  })

  it('reads the dotenv reports from where the CLI writes them', () => {
    const jobs = interpolate({ 'report-dir': 'out/reports' })
    for (const name of ['oci-image-build', 'oci-image-publish']) {
      const job = jobs[name] as Job
      const written = job.script?.join(' ').match(/--dotenv (\S+)/)?.[1]
      expect([name, job.artifacts?.reports?.dotenv]).toEqual([name, written])
      expect(written?.startsWith('out/reports/')).toBe(true)
    }
    expect(jobs['.oci-image-tool']?.artifacts?.paths).toEqual(['out/reports/'])
  })

  it('declares the GitLab reports under the names the CLI writes, and keeps them as artifacts', () => {
    const jobs = interpolate({ 'report-dir': 'out/reports' })
    const reports = (name: string) => resolved(jobs, name).artifacts?.reports
    expect(reports('oci-image-lint')).toEqual({ codequality: `out/reports/${CODE_QUALITY_REPORT}` })
    const scanReports = {
      container_scanning: `out/reports/${CONTAINER_SCANNING_REPORT}`,
      cyclonedx: 'out/reports/gl-sbom-*.cdx.json'
    }
    expect(reports('oci-image-build')).toEqual({ dotenv: 'out/reports/image.env', ...scanReports })
    expect(reports('oci-image-scan')).toEqual({ dotenv: 'out/reports/scan.env', ...scanReports })
    expect(reports('oci-image-publish')).toEqual({ dotenv: 'out/reports/publish.env' })
    expect(sbomFileName('registry.example.org/grp/demo:1.0', 'linux/arm64')).toMatch(
      /^gl-sbom-.*\.cdx\.json$/
    )
    for (const name of ['oci-image-lint', 'oci-image-build', 'oci-image-scan', 'oci-image-publish']) {
      const job = resolved(jobs, name)
      expect([name, job.artifacts?.paths, (job.artifacts as { when?: string })?.when]).toEqual([
        name,
        ['out/reports/'],
        'always'
      ])
      // The CLI writes where the reports are declared: report-dir reaches it as OCI_PIPELINE_REPORT_DIR.
      expect((job.variables as Record<string, string>).OCI_PIPELINE_REPORT_DIR).toBe('out/reports')
    }
  })

  it('scans with the gate the inputs give, and Trivy’s cache outside the project (the build context)', () => {
    const jobs = interpolate({ 'fail-on-severity': 'HIGH', 'trivy-cache-dir': '/var/cache/trivy' })
    expect(inputs['trivy-cache-dir']?.default).toBe('/tmp/oci-pipeline-trivy')
    for (const name of ['oci-image-build', 'oci-image-scan']) {
      const job = resolved(jobs, name)
      expect(job.variables).toMatchObject({
        OCI_PIPELINE_FAIL_ON_SEVERITY: 'HIGH',
        OCI_PIPELINE_TRIVY_CACHE_DIR: '/var/cache/trivy',
        // GitLab caches folders of the project only: the CLI moves the DB out of it for the run.
        OCI_TRIVY_DB_CACHE: '.oci-pipeline-cache/trivy-db'
      })
      // One cache per branch or tag: a branch's pipelines cannot hand their DB to another ref's.
      expect(job.cache).toEqual({
        key: 'oci-pipeline-trivy-db-$CI_COMMIT_REF_SLUG',
        paths: ['.oci-pipeline-cache/trivy-db/']
      })
    }
    expect(resolved(jobs, 'oci-image-scan').rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }])
  })

  it('never tags latest, and publishes only on git tags', () => {
    const jobs = interpolate()
    expect((jobs['.oci-image-tool']?.variables as Record<string, string>).OCI_PIPELINE_FLAVOR).toBe(
      'latest=false'
    )
    const publishRules = jobs['oci-image-publish']?.rules ?? []
    expect(publishRules.at(-1)).toEqual({ if: '$CI_COMMIT_TAG' })
    expect(TEMPLATE).not.toMatch(/value=latest/)
  })

  it('uses a docker:dind service only when asked', () => {
    const host = interpolate()
    const dind = interpolate({ docker: 'dind' })
    expect(host['.oci-image-docker']?.extends).toContain('.oci-image-docker-host')
    expect(dind['.oci-image-docker']?.extends).toContain('.oci-image-docker-dind')
    expect(dind['.oci-image-docker-dind']?.services).toEqual([
      {
        name: 'docker:27.5.1-dind@sha256:aa3df78ecf320f5fafdce71c659f1629e96e9de0968305fe1de670e0ca9176ce',
        alias: 'docker'
      }
    ])
    expect(host['.oci-image-docker-host']?.services).toBeUndefined()
  })

  it('builds and publishes only after the lint passed; the lint and the scheduled scan need nothing', () => {
    const jobs = interpolate()
    const needs = (name: string) => (jobs[name] as Job & { needs?: unknown }).needs
    expect(needs('oci-image-lint')).toEqual([])
    expect(needs('oci-image-scan')).toEqual([])
    expect(needs('oci-image-build')).toEqual([{ job: 'oci-image-lint', artifacts: false }])
    expect(needs('oci-image-publish')).toEqual([
      { job: 'oci-image-lint', artifacts: false },
      { job: 'oci-image-build', artifacts: true }
    ])
  })
})
