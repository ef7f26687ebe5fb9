import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forgetProbes, probe } from '../../../src/infra/tools/probe.js'

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
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'probe-'))
    forgetProbes()
  })

  it('starts a binary once per question in a run, and asks again in the next', async () => {
    const bin = tool(dir, 'v1')
    const [a, b] = await Promise.all([
      probe(bin, ['--version'], process.env),
      probe(bin, ['--version'], process.env)
    ])
    expect(a.stdout).toBe('v1 --version\n')
    expect(b).toEqual(a)
    await probe(bin, ['image', '--help'], process.env)
    expect(starts(dir)).toBe(2)
    forgetProbes() // a later run: nothing is kept on disk
    expect((await probe(bin, ['--version'], process.env)).stdout).toBe('v1 --version\n')
    expect(starts(dir)).toBe(3)
  })

  it('asks again when the binary is replaced by another build', async () => {
    const bin = tool(dir, 'v1')
    await probe(bin, ['--version'], process.env)
    tool(dir, 'version-two') // other size, other mtime
    expect((await probe(bin, ['--version'], process.env)).stdout).toBe('version-two --version\n')
    expect(starts(dir)).toBe(2)
  })

  it('keeps a failing answer as it is, exit code included', async () => {
    const path = join(dir, 'failing')
    writeFileSync(path, '#!/bin/sh\necho nope >&2\nexit 3\n')
    chmodSync(path, 0o755)
    expect(await probe(path, ['--version'], process.env)).toEqual({
      code: 3,
      stdout: '',
      stderr: 'nope\n'
    })
  })
})
