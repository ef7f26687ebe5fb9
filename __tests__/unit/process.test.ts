import { run } from '../../src/infra/process.js'

describe('run', () => {
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
})
