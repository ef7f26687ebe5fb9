import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { plainDefaultBuilder } from '../../../src/stages/build/buildx.js'

/** A docker config folder with the given files (paths relative to it; one ending in / is an empty folder). */
function dockerConfig(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-docker-config-'))
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('/')) {
      mkdirSync(join(dir, path), { recursive: true })
      continue
    }
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const DOCKER_DAEMON_KEY = 'unix:///var/run/docker.sock'
const DEFAULT = { name: 'default', driver: 'docker', caps: { attestations: false } }

describe('plainDefaultBuilder: the daemon’s own builder, known without asking buildx', () => {
  it.each<[string, string | undefined, Record<string, string>, Record<string, string>, boolean]>([
    ['no buildx store yet', undefined, {}, {}, true],
    // buildx writes `current` with no name after any build on the default builder.
    [
      'a store whose current names no builder',
      undefined,
      { 'buildx/current': JSON.stringify({ Key: DOCKER_DAEMON_KEY, Name: '', Global: false }) },
      {},
      true
    ],
    ['an empty defaults folder (buildx makes it)', undefined, { 'buildx/defaults/': '' }, {}, true],
    ['the builder input', 'ci', {}, {}, false],
    ['BUILDX_BUILDER', undefined, {}, { BUILDX_BUILDER: 'ci' }, false],
    ['BUILDX_CONFIG (a store elsewhere)', undefined, {}, { BUILDX_CONFIG: '/elsewhere' }, false],
    ['DOCKER_CONTEXT', undefined, {}, { DOCKER_CONTEXT: 'remote' }, false],
    [
      'a current context in config.json',
      undefined,
      { 'config.json': '{"currentContext":"desktop-linux"}' },
      {},
      false
    ],
    [
      '`docker buildx use ci`',
      undefined,
      { 'buildx/current': JSON.stringify({ Key: DOCKER_DAEMON_KEY, Name: 'ci', Global: false }) },
      {},
      false
    ],
    [
      '`docker buildx use --default ci`',
      undefined,
      { 'buildx/defaults/0123456789abcdef0123': 'ci' },
      {},
      false
    ],
    ['a current file it cannot read', undefined, { 'buildx/current': '{not json' }, {}, false]
  ])('%s', (_name, builder, files, env, known) => {
    const dir = dockerConfig(files)
    expect(plainDefaultBuilder(builder, { DOCKER_CONFIG: dir, ...env })).toEqual(known ? DEFAULT : undefined)
  })
})
