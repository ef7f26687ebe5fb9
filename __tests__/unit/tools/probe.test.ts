import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forgetProbes, probe, probeCacheDir } from '../../../src/infra/tools/probe.js'

// A stand-in tool that counts its starts in a file and answers with its own text.
function tool(dir: string, answer: string): string {
  const path = join(dir, 'tool')
  writeFileSync(path, `#!/bin/sh\necho x >> "${dir}/starts"\necho "${answer} $*"\n`)
  chmodSync(path, 0o755)
  return path
}
const starts = (dir: string): number => readFileSync(join(dir, 'starts'), 'utf8').trim().split('\n').length

describe('probe', () => {
  let dir: string
  let cache: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'probe-'))
    cache = join(dir, 'cache')
    forgetProbes()
  })

  it('starts a binary once per question, in this process and in the next', async () => {
    const bin = tool(dir, 'v1')
    const [a, b] = await Promise.all([
      probe(bin, ['--version'], process.env, { cacheDir: cache }),
      probe(bin, ['--version'], process.env, { cacheDir: cache })
    ])
    expect(a.stdout).toBe('v1 --version\n')
    expect(b).toEqual(a)
    await probe(bin, ['image', '--help'], process.env, { cacheDir: cache })
    expect(starts(dir)).toBe(2)
    forgetProbes() // a later run: the answers come from disk
    expect((await probe(bin, ['--version'], process.env, { cacheDir: cache })).stdout).toBe('v1 --version\n')
    expect(starts(dir)).toBe(2)
  })

  it('asks again when the binary is replaced by another build', async () => {
    const bin = tool(dir, 'v1')
    await probe(bin, ['--version'], process.env, { cacheDir: cache })
    forgetProbes()
    tool(dir, 'version-two') // other size, other mtime
    expect((await probe(bin, ['--version'], process.env, { cacheDir: cache })).stdout).toBe(
      'version-two --version\n'
    )
    expect(starts(dir)).toBe(2)
  })

  it('keeps a failing answer as it is, exit code included', async () => {
    const path = join(dir, 'failing')
    writeFileSync(path, '#!/bin/sh\necho nope >&2\nexit 3\n')
    chmodSync(path, 0o755)
    expect(await probe(path, ['--version'], process.env, { cacheDir: cache })).toEqual({
      code: 3,
      stdout: '',
      stderr: 'nope\n'
    })
  })

  it('keeps nothing in a folder others can write to, and asks the binary instead', async () => {
    const bin = tool(dir, 'v1')
    const shared = join(dir, 'shared')
    mkdirSync(shared, { mode: 0o777 })
    chmodSync(shared, 0o777)
    await probe(bin, ['--version'], process.env, { cacheDir: shared })
    expect(readdirSync(shared)).toEqual([])
    forgetProbes()
    await probe(bin, ['--version'], process.env, { cacheDir: shared })
    expect(starts(dir)).toBe(2)
  })
})

describe('probeCacheDir', () => {
  it.each([
    [{ RUNNER_TEMP: '/runner/_temp', HOME: '/home/u' }, '/runner/_temp/oci-pipeline-probes'],
    [{ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, '/x/cache/oci-pipeline/probes'],
    [{ HOME: '/home/u' }, '/home/u/.cache/oci-pipeline/probes']
  ])('is never a shared, predictable /tmp path: %j → %s', (env, dir) => {
    expect(probeCacheDir(env)).toBe(dir)
  })
})
