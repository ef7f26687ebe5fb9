import { InputError } from '../../../src/errors.js'
import { reportedFailure, runGraph, type Task, type TaskContext } from '../../../src/pipeline/graph.js'
import type { Reporter } from '../../../src/reporter.js'

/** Writes the log as a CI runner shows it: group markers and lines, in order. */
class LogReporter implements Reporter {
  readonly log: string[] = []
  readonly outputs: string[] = []
  info = (m: string): void => void this.log.push(m)
  debug = (m: string): void => void this.log.push(`debug ${m}`)
  notice = (m: string): void => void this.log.push(`notice ${m}`)
  warning = (m: string): void => void this.log.push(`warning ${m}`)
  error = (m: string): void => void this.log.push(`error ${m}`)
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.log.push(`::group::${name}`)
    try {
      return await fn()
    } finally {
      this.log.push('::endgroup::')
    }
  }
  setOutput = (n: string, v: string): void => void this.outputs.push(`${n}=${v}`)
  setSecret = (): void => undefined
  summary = (): void => undefined
}

/** A deferred: a task that ends when the test says so. */
function gate<T = void>() {
  let open!: (v: T) => void
  let fail!: (e: Error) => void
  const p = new Promise<T>((res, rej) => ((open = res), (fail = rej)))
  return { p, open, fail }
}

const tick = () => new Promise(r => setTimeout(r, 0))

function task(
  name: string,
  needs: string[],
  run: (ctx: TaskContext) => Promise<unknown>,
  more: Partial<Task> = {}
): Task {
  return { name, title: name, needs, run, ...more }
}

describe('runGraph', () => {
  it('starts each task once its needs are done, beside the others, and hands results on', async () => {
    const order: string[] = []
    const tasks = [
      task('metadata', [], async () => (order.push('metadata'), { tags: ['a'] })),
      task('lint', ['metadata'], async () => (order.push('lint'), 'lint ok')),
      task(
        'build',
        ['metadata'],
        async ctx => (order.push('build'), `built ${ctx.get<{ tags: string[] }>('metadata')?.tags}`)
      ),
      task('push', ['lint', 'build'], async ctx => `${ctx.get('build')} + ${ctx.get('lint')}`)
    ]
    const run = await runGraph(tasks, new LogReporter())
    expect(order).toEqual(['metadata', 'lint', 'build'])
    expect(run.failures).toEqual([])
    expect(run.records.get('push')).toMatchObject({ status: 'done', result: 'built a + lint ok' })
    for (const r of run.records.values()) expect(r.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('times each task on one clock: what starts after another ended never reads as earlier', async () => {
    // A clock the test moves: the gate starts at 3057.5 ms and takes 0.5 ms; the push starts
    // right then. Rounding start and duration apart gave the gate an end of 3059, after the push.
    const clock = [0, 3057.5, 3058.0, 3058.0, 3058.3]
    let i = 0
    const now = (): number => clock[Math.min(i++, clock.length - 1)]!
    const run = await runGraph(
      [task('gate', [], async () => 1), task('push', ['gate'], async () => 2)],
      new LogReporter(),
      now
    )
    const gateRecord = run.records.get('gate')!
    const pushRecord = run.records.get('push')!
    expect([gateRecord.startMs, gateRecord.durationMs, pushRecord.startMs]).toEqual([3058, 0, 3058])
    expect(pushRecord.startMs!).toBeGreaterThanOrEqual(gateRecord.startMs! + gateRecord.durationMs!)
  })

  it('skips a task with its reason, and what needs it still runs (reading undefined)', async () => {
    const run = await runGraph(
      [
        task('lint', [], async () => 'never', { skip: () => 'lint is off (input "lint")' }),
        task('push', ['lint'], async ctx => `lint was ${String(ctx.get('lint'))}`)
      ],
      new LogReporter()
    )
    expect(run.records.get('lint')).toMatchObject({ status: 'skipped', reason: 'lint is off (input "lint")' })
    expect(run.records.get('push')).toMatchObject({ status: 'done', result: 'lint was undefined' })
  })

  it('cancels what needs a failure, aborts running work nothing needs any more, and keeps standalone work', async () => {
    const lintGate = gate()
    const buildSignal: { aborted?: boolean; reason?: string } = {}
    let lintEnded = false
    const tasks = [
      task(
        'lint',
        [],
        async () => {
          await lintGate.p
          lintEnded = true
          return 'findings'
        },
        { standalone: true }
      ),
      task(
        'build',
        [],
        ctx =>
          new Promise((_, reject) =>
            ctx.signal.addEventListener('abort', () => {
              buildSignal.aborted = true
              buildSignal.reason = (ctx.signal.reason as Error).message
              reject(new Error('the build was cancelled'))
            })
          )
      ),
      task('trivy-db', [], async () => {
        throw new Error('no DB could be had')
      }),
      task('scan', ['build', 'trivy-db'], async () => 'scanned'),
      task('push', ['lint', 'scan'], async () => 'pushed')
    ]
    const pending = runGraph(tasks, new LogReporter())
    await tick()
    lintGate.open()
    const run = await pending
    expect(run.failures.map(f => f.name)).toEqual(['trivy-db'])
    expect(run.records.get('scan')).toMatchObject({ status: 'cancelled', reason: 'trivy-db failed' })
    expect(run.records.get('push')).toMatchObject({ status: 'cancelled', reason: 'scan was cancelled' })
    // The build only fed the scan and the push: it is stopped, and its error is not a failure.
    expect(buildSignal).toEqual({ aborted: true, reason: 'nothing that needs it will run' })
    expect(run.records.get('build')).toMatchObject({ status: 'cancelled' })
    // The lint's findings matter on their own.
    expect(lintEnded).toBe(true)
    expect(run.records.get('lint')).toMatchObject({ status: 'done', result: 'findings' })
  })

  it('a failed lint stops the build beside it, as nothing can be pushed', async () => {
    let aborted = false
    const run = await runGraph(
      [
        task(
          'lint',
          [],
          async () => {
            await tick()
            throw new Error('lint: 1 error')
          },
          { standalone: true }
        ),
        task(
          'build',
          [],
          ctx =>
            new Promise((_, reject) =>
              ctx.signal.addEventListener('abort', () => ((aborted = true), reject(new Error('x'))))
            )
        ),
        task('push', ['lint', 'build'], async () => 'pushed')
      ],
      new LogReporter()
    )
    expect(aborted).toBe(true)
    expect(run.failures.map(f => [f.name, f.reason])).toEqual([['lint', 'lint: 1 error']])
    expect(run.records.get('push')?.status).toBe('cancelled')
  })

  it('writes one task live and holds the others, so groups never interleave', async () => {
    const r = new LogReporter()
    const buildGate = gate()
    await runGraph(
      [
        task('build', [], async ctx => {
          ctx.reporter.info('build 1')
          await buildGate.p
          ctx.reporter.info('build 2')
        }),
        task('lint', [], async ctx => {
          ctx.reporter.info('lint 1')
          ctx.reporter.setOutput('lint-sarif', 'x.sarif')
          await tick()
          ctx.reporter.warning('lint 2')
          buildGate.open()
        }),
        task('scan', ['build'], async ctx => void ctx.reporter.info('scan 1'))
      ],
      r
    )
    expect(r.log).toEqual([
      '::group::build',
      'build 1',
      'build 2',
      '::endgroup::',
      '::group::lint',
      'lint 1',
      'warning lint 2',
      '::endgroup::',
      '::group::scan',
      'scan 1',
      '::endgroup::'
    ])
    // Outputs are not held back.
    expect(r.outputs).toEqual(['lint-sarif=x.sarif'])
  })

  describe('in the shape of a build', () => {
    /** The pipeline's graph with stand-in work: each task waits for its gate, or fails. */
    function shape(fails: string, skip: string[] = []) {
      const started: string[] = []
      const aborted: string[] = []
      const needs: Record<string, string[]> = {
        login: [],
        metadata: ['login'],
        lint: ['metadata'],
        build: ['metadata'],
        trivy: [],
        scan: ['build', 'trivy'],
        gate: ['scan'],
        reports: ['scan'],
        upload: ['build'],
        push: ['upload', 'gate', 'lint']
      }
      const tasks = Object.entries(needs).map(([name, n]) =>
        task(
          name,
          n,
          ctx =>
            new Promise((resolve, reject) => {
              started.push(name)
              ctx.signal.addEventListener('abort', () => (aborted.push(name), reject(new Error('aborted'))))
              // The lint is slow when something else fails; everything else takes a tick.
              const wait = name === 'lint' && fails !== 'lint' ? 30 : name === 'build' ? 20 : 1
              setTimeout(() => (name === fails ? reject(new Error(`${name} said no`)) : resolve(name)), wait)
            }),
          {
            ...(name === 'lint' ? { standalone: true } : {}),
            ...(name === 'reports' ? { byProduct: true } : {}),
            ...(skip.includes(name) ? { skip: () => `${name} is off` } : {})
          }
        )
      )
      return { run: runGraph(tasks, new LogReporter()), started, aborted }
    }
    const statuses = (run: Awaited<ReturnType<typeof runGraph>>) =>
      Object.fromEntries([...run.records.values()].map(r => [r.name, r.status]))

    it('a failed lint stops the build and all that serves the push', async () => {
      const s = shape('lint')
      const run = await s.run
      expect(statuses(run)).toEqual({
        login: 'done',
        metadata: 'done',
        lint: 'failed',
        build: 'cancelled',
        trivy: 'done',
        scan: 'cancelled',
        gate: 'cancelled',
        reports: 'cancelled',
        upload: 'cancelled',
        push: 'cancelled'
      })
      expect(s.aborted).toEqual(['build'])
    })

    it('with the scan off, a failed lint still stops the build', async () => {
      const s = shape('lint', ['trivy', 'scan', 'gate', 'reports'])
      const run = await s.run
      expect(run.records.get('build')?.status).toBe('cancelled')
      expect(s.started).not.toContain('upload')
    })

    it('a failed gate stops the upload and the push, but the reports and the lint go on', async () => {
      const s = shape('gate')
      const run = await s.run
      expect(statuses(run)).toMatchObject({
        gate: 'failed',
        reports: 'done',
        lint: 'done',
        push: 'cancelled'
      })
      expect(['cancelled', 'done']).toContain(run.records.get('upload')?.status)
    })

    it('no DB: the scan never starts, the build stops, the lint goes on', async () => {
      const s = shape('trivy')
      const run = await s.run
      expect(statuses(run)).toMatchObject({
        trivy: 'failed',
        scan: 'cancelled',
        build: 'cancelled',
        lint: 'done'
      })
      expect(s.started).not.toContain('scan')
    })
  })

  it('never hides bad input behind a cancellation: a tool that cannot be had fails beside it', async () => {
    const run = await runGraph(
      [
        task('trivy', [], async () => {
          throw new Error('trivy is not on PATH')
        }),
        task('metadata', [], async () => {
          await tick()
          throw new InputError('target', 'no stage named "tests"')
        }),
        task('build', ['metadata'], async () => 'built'),
        task('scan', ['build', 'trivy'], async () => 'scanned')
      ],
      new LogReporter()
    )
    expect(run.records.get('metadata')?.status).toBe('failed')
    expect(reportedFailure(run)?.error).toBeInstanceOf(InputError)
  })

  it('refuses a graph that names a missing task or has a cycle', async () => {
    await expect(runGraph([task('a', ['b'], async () => 1)], new LogReporter())).rejects.toThrow(
      'task a needs b, which is not in the graph'
    )
    await expect(
      runGraph([task('a', ['b'], async () => 1), task('b', ['a'], async () => 1)], new LogReporter())
    ).rejects.toThrow('tasks form a cycle')
  })
})
