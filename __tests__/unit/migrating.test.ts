import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { buildConfig } from '../../src/config/config.js'
import { INPUTS, OUTPUTS } from '../../src/config/inputs.js'
import { buildxArgs, outputMode } from '../../src/stages/build/argv.js'
import { computeMetadata } from '../../src/stages/metadata/index.js'
import { expand } from '../../src/stages/metadata/expressions.js'
import { TAG_TYPES } from '../../src/stages/metadata/tags.js'
import { ROOT } from '../support/env.js'
import { backticked, contextOf, resolved, steps, table, withOf } from '../support/migrating-doc.js'
import { metadataFor, NOW, recordedContext, recordedEnv, workspaceWith } from '../support/recorded.js'

const META = 'docker/metadata-action'
const BUILD = 'docker/build-push-action'
const TRIVY = 'aquasecurity/trivy-action'
const OURS = 'oci-pipeline/oci-pipeline'
const INPUT_NAMES = new Set(INPUTS.map(i => i.name))
const OUTPUT_NAMES = new Set(OUTPUTS.map(o => o.name))
/**
 * trivy-action's inputs that other branches add to oci-pipeline (the lint/scan work); each is
 * checked as soon as it is in inputs.json, and this list can then go.
 */
const PENDING = new Set(['trivy-config', 'skip-dirs', 'skip-files', 'ignore-policy', 'vex'])
const known = (name: string): boolean => INPUT_NAMES.has(name) || PENDING.has(name)
const split = (cell: string): string[] => cell.split(/,\s*/).filter(Boolean)
/** Inputs that say what to do with the image, not what it is: left out when comparing tags. */
const withoutPush = (inputs: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(inputs).filter(([k]) => k !== 'push'))

describe.each(['metadata-basic', 'metadata-semver', 'metadata-labels'])(
  'docs/migrating.md, %s: docker/metadata-action → oci-pipeline',
  example => {
    const before = withOf(steps(example, 'before'), META)
    const after = withoutPush(withOf(steps(example, 'after'), OURS))

    it('the "before" inputs are oci-pipeline inputs of the same name', () => {
      expect(Object.keys(before).filter(k => !INPUT_NAMES.has(k))).toEqual([])
    })

    it.each(table(example, 'expected'))('%s %s → %s', (event, ref, tags, version) => {
      const [ctx, env] = contextOf(event as string, ref as string)
      const short = recordedEnv(ctx).GITHUB_SHA?.slice(0, 7) as string
      const names = split(tags as string).map(t => t.replace('<short>', short))
      const fromBefore = metadataFor(ctx, before, { env }).meta
      expect({ names: fromBefore.tagValues, version: fromBefore.version }).toEqual({ names, version })
      expect(fromBefore.tags).toEqual(names.map(n => `name/app:${n}`))
      expect(metadataFor(ctx, after, { env }).meta.tags).toEqual(fromBefore.tags)
    })
  }
)

describe('docs/migrating.md: the labels metadata-action documents', () => {
  it.each(table('metadata-labels', 'expected-labels'))('%s: %s', (key, value) => {
    const [ctx, env] = contextOf('push', 'refs/tags/v1.2.3')
    const run = recordedContext(ctx, env)
    const described: Record<string, string | undefined> = {
      "the repository's description": run.repo.description,
      "the repository's page": run.repo.url,
      'the time of the run': NOW.toISOString(),
      'the commit': run.sha,
      "the repository's licence (SPDX)": run.repo.licenses
    }
    const before = withOf(steps('metadata-labels', 'before'), META)
    const { labels } = metadataFor(ctx, before, { env }).meta
    expect(labels[key as string]).toBe(described[value as string] ?? value)
  })
})

describe('docs/migrating.md: docker/metadata-action inputs, outputs and rules', () => {
  it('the ones named "same" are oci-pipeline inputs, outputs or variables it reads', () => {
    const source = readdirSync(join(ROOT, 'src'), { recursive: true })
      .map(f => join(ROOT, 'src', String(f)))
      .filter(f => f.endsWith('.ts') && statSync(f).isFile())
      .map(f => readFileSync(f, 'utf8'))
      .join('\n')
    for (const name of backticked('metadata-action', 'same')) {
      if (/^[A-Z_]+\*?$/.test(name))
        expect({ name, read: source.includes(name.replace('*', '')) }).toEqual({ name, read: true })
      else
        expect({ name, known: INPUT_NAMES.has(name) || OUTPUT_NAMES.has(name) }).toEqual({
          name,
          known: true
        })
    }
  })

  it('every rule type and expression it names is one oci-pipeline knows', () => {
    const named = backticked('metadata-action', 'rules')
    const types = named.filter(n => !n.startsWith('{{'))
    expect(types.sort()).toEqual([...TAG_TYPES].sort())
    const ctx = recordedContext('push-main')
    for (const e of named.filter(n => n.startsWith('{{')))
      expect(() =>
        expand('tags', e.replace('FORMAT', 'YYYY').replace('Zone', 'UTC'), { ctx, now: NOW })
      ).not.toThrow()
  })

  it('the new names are oci-pipeline inputs; what is dropped is not one', () => {
    for (const [theirs, ours] of table('metadata-action', 'mapping')) {
      if (ours !== '—')
        expect({ ours, known: INPUT_NAMES.has(ours as string) }).toEqual({ ours, known: true })
      else
        for (const name of (theirs as string).split(/,\s*/).map(t => t.split(' ').pop() as string))
          expect({ name, ours: INPUT_NAMES.has(name) }).toEqual({ name, ours: false })
    }
  })
})

describe('docs/migrating.md: docker/build-push-action → oci-pipeline', () => {
  const metaInputs = withOf(steps('build-push', 'before'), META)
  const buildBefore = withOf(steps('build-push', 'before'), BUILD)
  const after = withOf(steps('build-push', 'after'), OURS)
  const merged = withOf(steps('build-push', 'merged'), OURS)

  it('the build step moves over unchanged: the same inputs, the same values', () => {
    expect(after).toEqual(buildBefore)
    expect(Object.keys(buildBefore).filter(k => !INPUT_NAMES.has(k))).toEqual([])
    for (const name of backticked('build-push-action', 'same'))
      expect({ name, known: INPUT_NAMES.has(name) }).toEqual({ name, known: true })
  })

  it.each(table('build-push', 'expected-tags'))(
    '%s %s: the tags of metadata-action are the tags pushed',
    (event, ref, tags, version) => {
      const [ctx, refEnv] = contextOf(event as string, ref as string)
      const env = { ...refEnv, PIP_TOKEN: 'a token' }
      const fromMeta = metadataFor(ctx, metaInputs, { env })
      expect(fromMeta.meta.tags).toEqual(split(tags as string))
      expect(fromMeta.meta.version).toBe(version)
      // Kept in front, metadata-action's outputs become oci-pipeline's `tags`, `labels`, `annotations`.
      const keptInFront = metadataFor(ctx, withoutPush(resolved(after, fromMeta.outputs)), {
        env,
        dockerfile: 'FROM scratch\n'
      })
      expect(keptInFront.meta.tags).toEqual(fromMeta.meta.tags)
      expect(keptInFront.meta.labels).toMatchObject(fromMeta.meta.labels)
      // Or in one step.
      expect(metadataFor(ctx, withoutPush(merged), { env }).meta.tags).toEqual(fromMeta.meta.tags)
    }
  )

  it.each(table('build-push', 'expected'))('%s → %s', (input, flags) => {
    const ws = workspaceWith()
    mkdirSync(join(ws, 'shared'))
    const ctx = {
      ...recordedContext('tag', {}, ws),
      runUrl: 'https://github.com/octo-org/hello-image/actions/runs/1'
    }
    const env = { PIP_TOKEN: 'not-in-argv' }
    const inputs: Record<string, string> = { 'github-token': 'ghs-test-token', ...merged }
    const config = buildConfig(n => inputs[n] ?? '', ctx, env)
    const meta = computeMetadata(config, ctx, { dockerfile: 'FROM scratch\n', now: NOW })
    const out = { mode: outputMode({ attestations: true }), metadataFile: '/t/m', iidFile: '/t/i' }
    const args = buildxArgs(config.build, meta, out, { attestations: true }, [])
    const [flag, value] = (flags as string).split(/ (.*)/s) as [string, string]
    const at = args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []))
    expect({ input, flag, values: at }).toEqual({
      input,
      flag,
      values: expect.arrayContaining([value.replace('<run>', ctx.runUrl)])
    })
    expect(args.join(' ')).not.toContain('not-in-argv')
  })

  it('what it drops is not an oci-pipeline input', () => {
    for (const [theirs, ours] of table('build-push-action', 'mapping')) {
      expect({ theirs, ours: INPUT_NAMES.has(theirs as string) }).toEqual({ theirs, ours: false })
      expect(ours).toBe('—')
    }
  })
})

describe('docs/migrating.md: aquasecurity/trivy-action → oci-pipeline', () => {
  const before = withOf(steps('trivy', 'before'), TRIVY)
  const after = withOf(steps('trivy', 'after'), OURS)
  const mapping = table('trivy-action', 'mapping')
  const theirNames = (cell: string): string[] => cell.split(/,\s*| with /).filter(Boolean)

  it('every input of the "before" step is in the mapping table', () => {
    const mapped = new Set(mapping.flatMap(([theirs]) => theirNames(theirs as string)))
    expect(Object.keys(before).filter(k => !mapped.has(k))).toEqual([])
  })

  it('the oci-pipeline names in the table and the "after" step are inputs', () => {
    for (const [, ours] of mapping)
      if (ours !== '—') expect({ ours, known: known(ours as string) }).toEqual({ ours, known: true })
    expect(Object.keys(after).filter(k => !known(k))).toEqual([])
  })

  it('one-to-one rows carry the value over unchanged', () => {
    // An input that is part of a row of several (severity, with exit-code) moves with that row.
    const several = mapping.map(([t]) => theirNames(t as string)).filter(names => names.length > 1)
    const inSeveral = new Set(several.flat())
    for (const [theirs, ours] of mapping) {
      const name = theirs as string
      if (ours === '—' || inSeveral.has(name) || before[name] === undefined) continue
      expect({ name, value: after[ours as string] }).toEqual({ name, value: before[name] })
    }
  })

  it('the "after" inputs give the gate and scan the "before" ran', () => {
    const ws = workspaceWith()
    const inputs: Record<string, string> = { 'github-token': 'ghs-test-token', ...after }
    const config = buildConfig(n => inputs[n] ?? '', recordedContext('tag', {}, ws), {})
    expect(config.scan).toMatchObject({
      failOnSeverity: 'HIGH',
      ignoreUnfixed: true,
      vulnTypes: ['os', 'library'],
      scanners: ['vuln', 'secret'],
      trivyignores: [join(ws, '.trivyignore')],
      timeoutSeconds: 600,
      trivyVersion: 'v0.69.3'
    })
  })
})
