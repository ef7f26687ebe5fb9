// The bench's image (scripts/bench.mjs). With no application it is the small example: a build
// stage with `buildSeconds` of work. With `appMb`, an application like a Python environment: four
// layers of many files, about half of it Python sources and half machine code, made of real files
// so that it compresses as such an environment does (random bytes favour some compressors: Go's
// gzip passes over what does not compress, zlib does not). Each layer is copies of a small corpus,
// and the round's STAMP in each layer makes every round's layers new.
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join, relative } from 'node:path'

/** Megabytes of each corpus (one copy of it per 10 MB of a layer). */
const CORPUS_MB = 10
const MIB = 1024 * 1024

/** Files under `dir` in a stable order, depth first. */
function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.isFile()) yield path
  }
}

/**
 * The build context's `corpus/`: `text/`, the first CORPUS_MB of the host Python's standard library
 * sources (`.py` files, in their folders), and `binary/`, 1 MiB pieces taken evenly along a real
 * executable (`binary`: the bench's Node), as a wheel's shared libraries are.
 */
export function writeCorpus(dir, binary) {
  const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_path("stdlib"))'])
    .toString()
    .trim()
  let bytes = 0
  for (const file of walk(stdlib)) {
    if (!file.endsWith('.py') || file.includes('site-packages')) continue
    const size = statSync(file).size
    if (bytes + size > CORPUS_MB * MIB) continue
    const target = join(dir, 'text', relative(stdlib, file))
    mkdirSync(join(target, '..'), { recursive: true })
    copyFileSync(file, target)
    bytes += size
  }
  if (bytes < CORPUS_MB * MIB * 0.9) throw new Error(`${stdlib}: under ${CORPUS_MB} MB of Python sources`)
  const size = statSync(binary).size
  if (size < CORPUS_MB * MIB) throw new Error(`${binary}: under ${CORPUS_MB} MB`)
  mkdirSync(join(dir, 'binary'), { recursive: true })
  const fd = openSync(binary, 'r')
  try {
    const step = Math.floor(size / CORPUS_MB / MIB) * MIB
    for (let i = 0; i < CORPUS_MB; i++) {
      const piece = Buffer.alloc(MIB)
      readSync(fd, piece, 0, MIB, i * step)
      writeFileSync(join(dir, 'binary', `lib${i}.so`), piece)
    }
  } finally {
    closeSync(fd)
  }
}

export function appDockerfile(base, { appMb, buildSeconds }) {
  const work = buildSeconds > 0 ? ` && sleep ${buildSeconds}` : ''
  const lines = [`FROM ${base} AS build`, 'ARG STAMP', `RUN echo "$STAMP" > /stamp${work}`]
  const copies = []
  if (appMb > 0) {
    lines.push('COPY corpus /corpus')
    const layers = [
      ['site-packages', 0.35, 'text'],
      ['lib', 0.3, 'binary'],
      ['share', 0.15, 'text'],
      ['app', 0.2, 'binary']
    ]
    for (const [dir, share, kind] of layers) {
      const times = Math.max(1, Math.round((appMb * share) / CORPUS_MB))
      lines.push(
        `RUN i=0; while [ $i -lt ${times} ]; do mkdir -p /opt/${dir}/c$i && ` +
          `cp -R /corpus/${kind}/. /opt/${dir}/c$i/; i=$((i+1)); done && echo "$STAMP" > /opt/${dir}/stamp`
      )
      copies.push(`COPY --from=build --chown=root:root /opt/${dir} /opt/${dir}`)
    }
  }
  return [
    ...lines,
    `FROM ${base}`,
    'COPY --from=build --chown=root:root --chmod=444 /stamp /app/stamp',
    ...copies,
    'USER nobody',
    ''
  ].join('\n')
}
