import { existsSync } from 'node:fs'
import { namedPipe, run } from '../../src/infra/process.js'

const later = <T>(value: T, ms: number): Promise<T> =>
  new Promise(resolve => setTimeout(() => resolve(value), ms))

describe('run', () => {
  it.each([
    ['waits for its data', 'cat "$0"', 300],
    ['opens the pipe only after the data came', 'sleep 0.5; cat "$0"', 50]
  ])(
    'feeds a child started before its data exists through a named pipe: one that %s',
    async (_, script, ms) => {
      const pipe = namedPipe()
      // More than a pipe holds (64 KiB), so the writing waits for the child's reading.
      const data = Buffer.from('0123456789abcdef\n'.repeat(20_000))
      const result = await run('sh', ['-c', script, pipe.path], {
        feed: { pipe: pipe.path, data: later(data, ms) }
      })
      expect(result.stdout).toBe(data.toString())
      pipe.remove()
      expect(existsSync(pipe.path)).toBe(false)
    }
  )

  it('ends a child waiting on a pipe whose data is refused', async () => {
    const pipe = namedPipe()
    const refused = later(undefined, 100).then(() => Promise.reject(new Error('not needed')))
    refused.catch(() => undefined)
    await expect(run('cat', [pipe.path], { feed: { pipe: pipe.path, data: refused } })).rejects.toThrow(
      /cat .*ended by SIGTERM/
    )
    pipe.remove()
  })

  it('gives data nowhere, without failing, to a child that ended without opening its pipe', async () => {
    const pipe = namedPipe()
    const result = await run('true', [], { feed: { pipe: pipe.path, data: later(Buffer.from('x'), 200) } })
    expect(result.code).toBe(0)
    await later(undefined, 300)
    pipe.remove()
  })

  it('ends a cancelled child that lets the first SIGTERM pass (as the docker CLI does while it starts a plugin)', async () => {
    const cancel = new AbortController()
    const started = Date.now()
    const script =
      "n=0; trap 'n=$((n+1)); [ $n -ge 2 ] && exit 143' TERM; echo ready; while :; do sleep 0.1; done"
    const result = await run('sh', ['-c', script], {
      signal: cancel.signal,
      allowFailure: true,
      onLine: line => line === 'ready' && cancel.abort()
    })
    expect(result.code).toBe(143)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('runs a child at a lower priority when asked', async () => {
    // The niceness is set just after the start: read it once the child has slept past that.
    const result = await run('sh', ['-c', 'sleep 0.3; cut -d" " -f19 /proc/self/stat'], { nice: 10 })
    expect(result.stdout.trim()).toBe('10')
  })
})
