import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../support/env.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/oci-image.yml'), 'utf8')) as Json
const call = workflow.on.workflow_call as Json
const jobs = workflow.jobs as Json

/*
 * The scripts of the reusable workflow's steps, run as the runner runs `shell: bash` (with jq and
 * GITHUB_OUTPUT) in a checkout: GitHub cannot run here, its scripts can.
 */
describe('the reusable workflow’s plan: images, platforms and waves', () => {
  /** A step's own script, run as the runner runs `shell: bash` (with jq and GITHUB_OUTPUT), in `cwd`. */
  const runStep = (script: string, env: Record<string, string>, cwd: string) => {
    const out = join(mkdtempSync(join(tmpdir(), 'oci-step-')), 'output')
    const res = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd,
      env: { PATH: process.env.PATH, RUNNER_TEMP: cwd, ...env, GITHUB_OUTPUT: out },
      encoding: 'utf8'
    })
    let text = ''
    try {
      text = readFileSync(out, 'utf8')
    } catch {
      // nothing written
    }
    return { code: res.status, stdout: res.stdout, stderr: res.stderr, text }
  }

  /** A checkout holding `files`. */
  const checkout = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-plan-'))
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true })
      writeFileSync(join(dir, name), text)
    }
    return dir
  }

  // The plan step's own script.
  const plan = (
    env: Record<string, string>,
    files: Record<string, string> = { Dockerfile: 'FROM scratch\n' }
  ) => {
    const step = (jobs.plan.steps as Json[]).find(s => s.id === 'plan') as Json
    const defaults = {
      RUNNERS: call.inputs.runners.default,
      RUNS_ON: 'ubuntu-latest',
      PUSH: '',
      PLATFORMS: '',
      IMAGE_NAMES: '',
      IMAGE_ROOT: 'images',
      IMAGES: '',
      CONTEXT: '.',
      FILE: '',
      BUILD_ARGS: '',
      REPOSITORY: 'Acme/Demo',
      WAVES: String(step.env.WAVES)
    }
    const run = runStep(step.run as string, { ...defaults, ...env }, checkout(files))
    const out = Object.fromEntries(
      run.text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )
    const wave = (k: number): Json[] => JSON.parse(out[`wave${k}`] ?? '[]') as Json[]
    return { ...run, out, wave }
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
  ])('plan, one image: %s', (_, env, multi, expected) => {
    const run = plan(env)
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', ''])
    expect(run.out.multi).toBe(multi)
    expect(run.out.token).toMatch(/^[0-9a-f]{16}$/)
    const matrix = run.wave(1)
    expect(matrix.map(m => [m.platform, m.runner, m.emulate])).toEqual(expected)
    // The image of the inputs: no name, its context, file and images the inputs' own.
    for (const m of matrix)
      expect(m).toMatchObject({ n: 0, image: '', context: '', file: '', images: '', pins: [] })
    expect(new Set(matrix.map(m => m.slug)).size).toBe(matrix.length)
    for (const k of [2, 3, 4]) expect(run.wave(k)).toEqual([])
  })

  const skao = {
    'images/base/Dockerfile': 'FROM docker.io/library/alpine:3.20@sha256:' + 'a'.repeat(64) + '\n',
    'images/app/Dockerfile': 'ARG REGISTRY=ghcr.io/acme/demo\nFROM ${REGISTRY}/base:1.0 AS b\nFROM b\n',
    'images/docs/README.md': 'not an image\n'
  }

  it('plan, images/* found: each image in the wave after the one it builds FROM, pinned to its digest', () => {
    const run = plan({ PLATFORMS: 'linux/amd64,linux/arm64' }, skao)
    expect([run.code, run.stdout]).toEqual([0, ''])
    const entries = (k: number) => run.wave(k).map(m => [m.image, m.platform, m.slug])
    expect(entries(1)).toEqual([
      ['base', 'linux/amd64', 'n1-linux-amd64'],
      ['base', 'linux/arm64', 'n1-linux-arm64']
    ])
    expect(entries(2)).toEqual([
      ['app', 'linux/amd64', 'n0-linux-amd64'],
      ['app', 'linux/arm64', 'n0-linux-arm64']
    ])
    expect(run.wave(2)[0]).toMatchObject({
      context: 'images/app',
      file: 'images/app/Dockerfile',
      images: 'ghcr.io/acme/demo/app',
      pins: [{ key: 'ghcr.io/acme/demo/base:1.0', n: 1, repository: 'ghcr.io/acme/demo/base' }]
    })
    expect(JSON.parse(run.out.merge2 ?? '')).toEqual([
      {
        n: 0,
        image: 'app',
        context: 'images/app',
        file: 'images/app/Dockerfile',
        images: 'ghcr.io/acme/demo/app'
      }
    ])
    expect(JSON.parse(run.out.built ?? '')).toEqual([
      { n: 1, image: 'base', repository: 'ghcr.io/acme/demo/base' },
      { n: 0, image: 'app', repository: 'ghcr.io/acme/demo/app' }
    ])
  })

  it.each<[string, Record<string, string>, Record<string, string>, string[][]]>([
    [
      'image-names in order, build-args giving the registry',
      { IMAGE_NAMES: 'base app', BUILD_ARGS: 'REGISTRY=ghcr.io/acme/demo' },
      { 'images/app/Dockerfile': 'ARG REGISTRY\nFROM $REGISTRY/base\n' },
      [['base'], ['app']]
    ],
    [
      'the images input as the prefix',
      { IMAGES: 'registry.example.org/team' },
      { 'images/app/Dockerfile': 'FROM registry.example.org/team/base:1\n' },
      [['base'], ['app']]
    ],
    [
      'a FROM of another registry’s image of the same name: ordered, not pinned',
      {},
      { 'images/app/Dockerfile': 'FROM docker.io/other/base:1\n' },
      [['base'], ['app']]
    ],
    [
      'independent images: one wave',
      { IMAGE_NAMES: 'app,base' },
      { 'images/app/Dockerfile': 'FROM alpine:3\n' },
      [['app', 'base']]
    ]
  ])('plan: %s', (_, env, files, waves) => {
    const run = plan(env, { ...skao, ...files })
    expect([run.code, run.stdout]).toEqual([0, ''])
    expect([1, 2, 3, 4].map(k => run.wave(k).map(m => m.image)).filter(w => w.length)).toEqual(waves)
    const app = [1, 2].flatMap(k => run.wave(k)).find(m => m.image === 'app')
    const pinned = !files['images/app/Dockerfile']?.includes('docker.io/other') && waves.length > 1
    expect(app?.pins.length).toBe(pinned ? 1 : 0)
  })

  it.each<[string, Record<string, string>, Record<string, string>, RegExp]>([
    [
      'an image listed before the one it builds FROM',
      { IMAGE_NAMES: 'app base' },
      {},
      /::error::image-names: app builds FROM base, which comes after it: put base first/
    ],
    [
      'images built FROM each other',
      {},
      { 'images/base/Dockerfile': 'FROM ghcr.io/acme/demo/app\n' },
      /::error::images: app, base build FROM each other in a circle/
    ],
    [
      'a name that is no image name',
      { IMAGE_NAMES: 'Base' },
      {},
      /::error::image-names: "Base" is not an image name/
    ],
    [
      'a listed image without a Dockerfile',
      { IMAGE_NAMES: 'docs' },
      {},
      /::error::image-names: docs has no images\/docs\/Dockerfile/
    ],
    [
      'a chain deeper than the waves',
      {},
      {
        'images/c/Dockerfile': 'FROM ghcr.io/acme/demo/app\n',
        'images/d/Dockerfile': 'FROM ghcr.io/acme/demo/c\n',
        'images/e/Dockerfile': 'FROM ghcr.io/acme/demo/d\n'
      },
      /::error::images: e build on 4 or more images of the list, one on another; this workflow builds 4 waves/
    ]
  ])('plan refuses %s', (_, env, files, message) => {
    const run = plan(env, { ...skao, ...files })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(message)
  })

  it('pins each FROM of an earlier wave to the digest that wave uploaded, after the given build-contexts', () => {
    const step = (jobs['build-2'].steps as Json[]).find(s => s.id === 'contexts') as Json
    const dir = checkout({ 'built/n1': `sha256:${'c'.repeat(64)}\n` })
    const run = runStep(
      step.run as string,
      {
        GIVEN: 'tools=docker-image://alpine:3',
        PINS: JSON.stringify([
          { key: 'ghcr.io/acme/demo/base:1.0', n: 1, repository: 'ghcr.io/acme/demo/base' }
        ])
      },
      dir
    )
    expect(run.code).toBe(0)
    const lines = run.text.split('\n')
    expect(lines.slice(1, 3)).toEqual([
      'tools=docker-image://alpine:3',
      `ghcr.io/acme/demo/base:1.0=docker-image://ghcr.io/acme/demo/base@sha256:${'c'.repeat(64)}`
    ])
    // The image it builds FROM was not pushed by the waves before: the job fails, it does not guess.
    expect(
      runStep(
        step.run as string,
        { GIVEN: '', PINS: JSON.stringify([{ key: 'k', n: 7, repository: 'r' }]) },
        dir
      ).code
    ).not.toBe(0)
  })
})
