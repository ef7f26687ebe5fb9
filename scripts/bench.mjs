#!/usr/bin/env node
// Times the pipeline against the usual hand-assembled steps and against the tools alone, in one
// run, interleaved, on the test environment (scripts/test-env.sh: the engine, the registry, the
// pinned Trivy and BuildKit, and an offline Trivy DB made by the tests' generator). Prints medians,
// min-max and ratios; writes the raw figures and ours' per-stage timings to .cache/bench/results.json.
//
// Usage: npm run bench [-- --rounds N] [--app-mb MB] [--build-seconds S]
//   [--builder docker|containerd|buildkit]: the docker driver on the classic image store (Docker's
//   default before 29), on the containerd image store (29's default), or a BuildKit builder.
//   --app-mb MB: an application of MB megabytes in several layers of many files, as a Python
//   environment is (Python sources and machine code, from real files); 0 is the small example.
import { spawn, execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { appDockerfile, writeCorpus } from './bench-image.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const OUT = join(ROOT, '.cache', 'bench')
const option = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const rounds = Number(option('--rounds', 5)) || 5
const appMb = Number(option('--app-mb', 0))
// Seconds of build work in the example's build stage (a sleep, standing in for compiling).
const buildSeconds = Number(option('--build-seconds', 2))
const builderKind = option('--builder', 'docker')
if (!['docker', 'containerd', 'buildkit'].includes(builderKind))
  throw new Error('--builder is docker, containerd or buildkit')
const env = JSON.parse(readFileSync(join(ROOT, '.cache', 'test-env.json'), 'utf8'))
if (builderKind === 'containerd') process.env.DOCKER_HOST = env.dockerHosts.containerd
const shims = join(ROOT, '.cache', 'bench-shims')
rmSync(OUT, { recursive: true, force: true })
mkdirSync(join(OUT, 'runner'), { recursive: true })

// The offline DB: the tests' generator, compiled once.
execFileSync(
  'npx',
  [
    '--no-install',
    'tsc',
    '--outDir',
    join(OUT, 'lib'),
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--skipLibCheck',
    '__tests__/support/trivy-db/index.ts'
  ],
  { cwd: ROOT, stdio: 'inherit' }
)
writeFileSync(join(OUT, 'lib', 'package.json'), '{"type":"module"}')
const db = await import(join(OUT, 'lib', 'index.js'))
const cache = join(OUT, 'trivy-cache')
db.writeTrivyDb(cache, 'debian 12', db.TEST_ADVISORIES)

// Shims log each tool's start and end, for the action's own overhead. Every variant runs its tools
// through them, so the logging costs each the same (a bash builtin clock: about 3 ms a run).
const toolLog = join(OUT, 'tools.log')
mkdirSync(shims, { recursive: true })
for (const [name, real] of [
  ['docker', execFileSync('sh', ['-c', 'command -v docker']).toString().trim()],
  ['trivy', env.trivy],
  ['hadolint', env.hadolint]
]) {
  const text = [
    '#!/bin/bash',
    'log="${BENCH_TOOL_LOG:-/dev/null}"',
    `printf '%s start %s %s %s\\n' "$EPOCHREALTIME" "$$" "\${0##*/}" "$*" >>"$log"`,
    `"${real}" "$@"`,
    'rc=$?',
    `printf '%s end %s\\n' "$EPOCHREALTIME" "$$" >>"$log"`,
    'exit $rc',
    ''
  ].join('\n')
  const path = join(shims, name)
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text)
  chmodSync(path, 0o755)
}
const trivy = join(shims, 'trivy')
const hadolint = join(shims, 'hadolint')

const ws = join(OUT, 'ws')
mkdirSync(ws)
const base = `${env.baseImages.debianVuln.name}:${env.baseImages.debianVuln.tag}@${env.baseImages.debianVuln.digest}`
writeFileSync(join(ws, 'Dockerfile'), appDockerfile(base, { appMb, buildSeconds }))
if (appMb > 0) writeCorpus(join(ws, 'corpus'), env.node24)
writeFileSync(join(OUT, 'event.json'), '{"ref":"refs/heads/main"}')
const dockerConfig = join(OUT, 'docker-config')
mkdirSync(join(dockerConfig, 'buildx', 'instances'), { recursive: true })
// The BuildKit builder as docker/setup-buildx-action leaves it: the current one.
if (builderKind === 'buildkit') {
  const instance = join(env.builder.dockerConfig, 'buildx', 'instances', env.builder.name)
  writeFileSync(join(dockerConfig, 'buildx', 'instances', env.builder.name), readFileSync(instance))
  execFileSync('docker', ['buildx', 'use', env.builder.name], {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig }
  })
}
const baseEnv = { ...process.env, DOCKER_CONFIG: dockerConfig }

function sh(cmd, args, extraEnv = {}, input = undefined) {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, {
      cwd: ws,
      env: { ...baseEnv, PATH: `${shims}:${process.env.PATH}`, ...extraEnv },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    p.stdin?.end(input)
    let out = ''
    p.stdout.on('data', d => (out += d))
    p.stderr.on('data', d => (out += d))
    p.on('close', code =>
      code === 0 || (cmd.endsWith('trivy') && code === 1)
        ? ok(out)
        : fail(new Error(`${cmd} ${args.join(' ')}: ${code}\n${out.slice(-2000)}`))
    )
  })
}
// The same scanners as ours.
const trivyScan = ['image', '--scanners', 'vuln', '--cache-dir', cache, '--skip-db-update', '--no-progress']

async function ours(stamp, { warm = false } = {}) {
  rmSync(toolLog, { force: true })
  // A cold run starts as on a fresh runner: no blobs or lint answers kept from earlier builds
  // (RUNNER_TEMP is emptied after each job); the warm one reuses what the cold one left.
  if (!warm)
    for (const name of readdirSync(join(OUT, 'runner'), { withFileTypes: true }))
      if (/^oci-pipeline-(blobs|lint)-/.test(name.name))
        rmSync(join(OUT, 'runner', name.name), { recursive: true })
  const outputs = join(OUT, `outputs-${stamp}`)
  writeFileSync(outputs, '')
  const inputs = {
    images: `${env.registry}/bench/ours`,
    tags: `type=raw,value=${stamp}`,
    'build-args': `STAMP=${stamp}`,
    // The default engines, as users run them: hadolint, Trivy's checks and the checklist.
    'lint-failure-threshold': 'none',
    'hadolint-path': hadolint,
    'trivy-path': trivy,
    'trivy-cache-dir': cache,
    'fail-on-severity': 'none',
    // The work the usual and the floor do: Trivy's secret scanner (on by default, as in
    // trivy-action) reads every file of every layer, and is measured on its own (performance.md).
    scanners: 'vuln',
    'sbom-upload': 'false',
    username: env.username,
    password: env.password
  }
  const vars = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const start = Date.now() / 1000
  await sh(env.node24, [join(ROOT, 'dist', 'index.js')], {
    ...vars,
    BENCH_TOOL_LOG: toolLog,
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: outputs,
    RUNNER_TEMP: join(OUT, 'runner'),
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(OUT, 'event.json')
  })
  const end = Date.now() / 1000
  // Time outside every child process: the wall time minus the union of the tools' intervals.
  const lines = readFileSync(toolLog, 'utf8')
    .trim()
    .split('\n')
    .map(l => l.split(' '))
  const events = lines.map(([t, k]) => [Number(t), k]).sort((a, b) => a[0] - b[0])
  // Each tool's run, from the run's start: what ran beside what, and what the first tool waited for.
  const ended = new Map(lines.filter(([, k]) => k === 'end').map(([t, , pid]) => [pid, Number(t)]))
  const tools = lines
    .filter(([, k]) => k === 'start')
    .map(([t, , pid, name, ...args]) => ({
      tool: [name, ...args].join(' ').slice(0, 120),
      start: Number((Number(t) - start).toFixed(3)),
      seconds: ended.has(pid) ? Number((ended.get(pid) - Number(t)).toFixed(3)) : undefined
    }))
    .sort((a, b) => a.start - b.start)
  let busy = 0
  let depth = 0
  let since = 0
  for (const [t, k] of events) {
    if (k === 'start' && depth++ === 0) since = t
    if (k === 'end' && --depth === 0) busy += t - since
  }
  const stages = /^stages<<(.+)\n([\s\S]*?)\n\1$/m.exec(readFileSync(outputs, 'utf8'))?.[2]
  return {
    seconds: end - start,
    firstTool: events[0][0] - start,
    outside: end - start - busy,
    stages: stages ? JSON.parse(stages) : undefined,
    tools
  }
}

// Each variant logs in, as its workflow would (docker/login-action runs the same command).
const login = () =>
  sh('docker', ['login', '-u', env.username, '--password-stdin', env.registry], {}, env.password)
const build = (stamp, tag, ...more) =>
  sh('docker', ['buildx', 'build', '--build-arg', `STAMP=${stamp}`, '-t', tag, ...more, '.'])
// The push as each builder's users make it: docker push of the loaded image (docker driver), or
// build-push-action's second build, from the cache, with push (a BuildKit builder).
const pushLoaded = (stamp, tag) =>
  builderKind !== 'buildkit'
    ? sh('docker', ['push', '-q', tag])
    : build(stamp, tag, '--push', '--provenance=false')

// hadolint (as hadolint/hadolint-action runs it), docker/build-push-action (load),
// aquasecurity/trivy-action three times (gate, SARIF, SBOM), then the push.
async function usual(stamp) {
  const tag = `${env.registry}/bench/usual:${stamp}`
  const start = Date.now()
  await login()
  await sh(hadolint, ['--no-fail', 'Dockerfile'])
  await build(stamp, tag, '--load')
  await sh(trivy, [...trivyScan, '--format', 'table', '--exit-code', '1', '--severity', 'CRITICAL', tag])
  await sh(trivy, [...trivyScan, '--format', 'sarif', '--output', join(OUT, 'usual.sarif'), tag])
  await sh(trivy, [...trivyScan, '--format', 'cyclonedx', '--output', join(OUT, 'usual.cdx.json'), tag])
  await pushLoaded(stamp, tag)
  return { seconds: (Date.now() - start) / 1000 }
}

// The tools alone, once each: the Dockerfile's check, the build, one scan, the push.
async function floor(stamp) {
  const tag = `${env.registry}/bench/floor:${stamp}`
  const start = Date.now()
  await login()
  await sh(trivy, ['config', '--cache-dir', cache, '--quiet', 'Dockerfile'])
  await build(stamp, tag, '--load')
  await sh(trivy, [
    ...trivyScan,
    '--format',
    'json',
    '--list-all-pkgs',
    '--output',
    join(OUT, 'floor.json'),
    tag
  ])
  await pushLoaded(stamp, tag)
  return { seconds: (Date.now() - start) / 1000 }
}

const runs = { ours: [], usual: [], floor: [], oursWarm: [], floorWarm: [] }
const order = [
  ['ours', ours],
  ['usual', usual],
  ['floor', floor]
]
for (let r = 0; r < rounds; r++) {
  const stamp = `r${r}-${Date.now().toString(36)}`
  // Rotate the order so no variant always runs first (cold) or last.
  for (let k = 0; k < order.length; k++) {
    const [name, fn] = order[(r + k) % order.length]
    runs[name].push(await fn(`${name}-${stamp}`))
  }
  // Warm, no change: the same stamp again.
  runs.oursWarm.push(await ours(`ours-${stamp}`, { warm: true }))
  runs.floorWarm.push(await floor(`floor-${stamp}`))
  process.stderr.write(`round ${r + 1}/${rounds} done\n`)
}

// The images the variants left in the engine, removed: thousands of them slow its tagging.
const images = execFileSync('docker', [
  'image',
  'ls',
  '--quiet',
  ...['ours', 'usual', 'floor'].map(v => `--filter=reference=${env.registry}/bench/${v}`)
])
  .toString()
  .split('\n')
  .filter(Boolean)
try {
  if (images.length)
    execFileSync('docker', ['image', 'rm', '--force', ...new Set(images)], { stdio: 'ignore' })
} catch {
  // an image still in use stays; the next run's removal takes it
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const spread = xs => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`
const ratio = (a, b) => runs[a].map((x, i) => x.seconds / runs[b][i].seconds)
const secs = name => runs[name].map(x => x.seconds)
// Ours' stages: each one's median duration over the rounds (cold runs).
const stageNames = [...new Set(runs.ours.flatMap(r => (r.stages ?? []).map(s => s.name)))]
const stages = Object.fromEntries(
  stageNames.map(n => [n, runs.ours.map(r => r.stages?.find(s => s.name === n)?.seconds ?? 0)])
)
const summary = {
  rounds,
  builder: builderKind,
  seconds: Object.fromEntries(Object.keys(runs).map(k => [k, secs(k)])),
  ratios: {
    'ours/usual': ratio('ours', 'usual'),
    'ours/floor': ratio('ours', 'floor'),
    'oursWarm/floorWarm': ratio('oursWarm', 'floorWarm')
  },
  overhead: {
    firstToolSeconds: runs.ours.map(x => x.firstTool),
    outsideChildrenSeconds: runs.ours.map(x => x.outside)
  },
  stages
}
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ appMb, buildSeconds, ...summary, runs }, null, 2))
console.log(`builder ${builderKind}, app ${appMb} MB, build work ${buildSeconds} s, ${rounds} rounds`)
for (const k of Object.keys(runs)) console.log(`${k.padEnd(22)} ${spread(secs(k))} s`)
for (const [k, v] of Object.entries(summary.ratios)) console.log(`${k.padEnd(22)} ${spread(v)}`)
console.log(`${'start → first tool'.padEnd(22)} ${spread(summary.overhead.firstToolSeconds)} s`)
console.log(`${'outside children'.padEnd(22)} ${spread(summary.overhead.outsideChildrenSeconds)} s`)
for (const [k, v] of Object.entries(stages)) console.log(`${`  stage ${k}`.padEnd(22)} ${spread(v)} s`)
console.log(`raw figures: ${join(OUT, 'results.json')}`)
