import { errorMessage, InputError } from '../errors.js'
import type { Reporter } from '../reporter.js'
import { LogLanes } from './log-lanes.js'

export type TaskStatus = 'done' | 'failed' | 'skipped' | 'cancelled'

/** What happened to one task of a run: the summary's row and the outputs' source. */
export interface TaskRecord {
  name: string
  title: string
  status: TaskStatus
  /** Why it was skipped or cancelled, or the error of a failure. */
  reason?: string
  error?: unknown
  result?: unknown
  /** Milliseconds from the run's start, and how long it ran (tasks that ran only). */
  startMs?: number
  durationMs?: number
}

export interface TaskContext {
  /** Aborted when the task is cancelled (a task it feeds failed, or nothing needs it any more). */
  signal: AbortSignal
  /** The task's log: live, or held back and replayed as one group so that tasks never interleave. */
  reporter: Reporter
  /** The result of a task named in `needs` (undefined when that one was skipped). */
  get<T>(name: string): T | undefined
}

export interface Task {
  name: string
  /** The log group's and the summary's name. */
  title: string
  /** Tasks whose results this one reads: it starts once each is done or skipped. */
  needs?: readonly string[]
  /**
   * Kept running after a failure when every task that needs it has been cancelled: its result
   * matters on its own (the lint's findings). Other tasks then stop, as their work serves nothing.
   */
  standalone?: boolean
  /**
   * A by-product (the scan's reports uploaded): it runs if what it needs gets done, but does not
   * keep that work going after a failure.
   */
  byProduct?: boolean
  /** Why it does not run (undefined: it runs); asked once, before anything starts. */
  skip?: () => string | undefined
  run(ctx: TaskContext): Promise<unknown>
}

export interface GraphRun {
  records: Map<string, TaskRecord>
  /** The failures, first first. */
  failures: TaskRecord[]
}

/**
 * The failure a run reports: bad input first (the user's fix, whatever failed beside it in the
 * same moment, such as a tool that cannot be had), else the first to happen.
 */
export const reportedFailure = (graph: GraphRun): TaskRecord | undefined =>
  graph.failures.find(f => f.error instanceof InputError) ?? graph.failures[0]

/** A task named in `needs` that is not in the graph, or a cycle: a programming error. */
function checkGraph(tasks: readonly Task[]): void {
  const names = new Set(tasks.map(t => t.name))
  for (const t of tasks)
    for (const n of t.needs ?? [])
      if (!names.has(n)) throw new Error(`task ${t.name} needs ${n}, which is not in the graph`)
  const seen = new Set<string>()
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) throw new Error(`tasks form a cycle: ${[...path, name].join(' → ')}`)
    if (seen.has(name)) return
    for (const n of tasks.find(t => t.name === name)?.needs ?? []) visit(n, [...path, name])
    seen.add(name)
  }
  for (const t of tasks) visit(t.name, [])
}

/**
 * Runs a small task graph: every task whose needs are done (or skipped) starts at once, beside the
 * others. A failure cancels every task that needs it, directly or not, and then every task that is
 * no longer needed by anything left and is not standalone; a cancelled task that is running has its
 * signal aborted, and what it then throws is not a failure of its own. Never throws for a task's
 * failure: the caller reads `failures`.
 */
export async function runGraph(
  tasks: readonly Task[],
  reporter: Reporter,
  now: () => number = () => performance.now()
): Promise<GraphRun> {
  checkGraph(tasks)
  const start = now()
  const records = new Map<string, TaskRecord>()
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>()
  const lanes = new LogLanes(reporter)
  const failures: TaskRecord[] = []
  const dependents = (name: string): Task[] => tasks.filter(t => t.needs?.includes(name))
  const settled = (name: string): boolean => records.has(name)

  const cancel = (task: Task, reason: string): void => {
    if (settled(task.name)) return
    records.set(task.name, { name: task.name, title: task.title, status: 'cancelled', reason })
    running.get(task.name)?.abort.abort(new Error(reason))
  }

  /** A task and everything that needs it, directly or not: none of them can run now. */
  const cancelWithDependents = (task: Task, reason: string): void => {
    cancel(task, reason)
    for (const d of dependents(task.name))
      if (!settled(d.name)) cancelWithDependents(d, `${task.title} was cancelled`)
  }
  const dead = (name: string): boolean =>
    ['cancelled', 'failed', 'skipped'].includes(records.get(name)?.status ?? '')

  /** After a failure: what needs it, then whatever no task left needs (lint and by-products aside). */
  const propagate = (failed: Task): void => {
    for (const d of dependents(failed.name))
      if (!settled(d.name)) cancelWithDependents(d, `${failed.title} failed`)
    for (let changed = true; changed;) {
      changed = false
      for (const t of tasks) {
        const ds = dependents(t.name)
        if (settled(t.name) || t.standalone || ds.length === 0) continue
        if (ds.every(d => dead(d.name) || d.byProduct)) {
          cancelWithDependents(t, 'nothing that needs it will run')
          changed = true
        }
      }
    }
  }

  const get = <T>(name: string): T | undefined => records.get(name)?.result as T | undefined

  const startTask = (task: Task): void => {
    const abort = new AbortController()
    const began = now()
    const lane = lanes.open(task.title)
    const done = (async (): Promise<void> => {
      let outcome: Pick<TaskRecord, 'status' | 'result' | 'error' | 'reason'>
      try {
        outcome = { status: 'done', result: await task.run({ signal: abort.signal, reporter: lane, get }) }
      } catch (e) {
        outcome = { status: 'failed', error: e, reason: errorMessage(e) }
      }
      await lanes.close(lane, outcome.status === 'failed' ? outcome.error : undefined)
      // Start and end rounded on one clock, so a task started after another ended never reads as
      // starting before it (rounding the duration apart could add a millisecond).
      const startMs = Math.round(began - start)
      const timing = { startMs, durationMs: Math.round(now() - start) - startMs }
      const cancelled = records.get(task.name)
      // Bad input is never hidden by a cancellation: it is what the user has to fix.
      const badInput = outcome.status === 'failed' && outcome.error instanceof InputError
      if (cancelled && !badInput) records.set(task.name, { ...cancelled, ...timing })
      else {
        const record: TaskRecord = { name: task.name, title: task.title, ...outcome, ...timing }
        records.set(task.name, record)
        if (record.status === 'failed') {
          failures.push(record)
          propagate(task)
        }
      }
      running.delete(task.name)
    })()
    running.set(task.name, { abort, done })
  }

  for (const t of tasks) {
    const reason = t.skip?.()
    if (reason !== undefined) records.set(t.name, { name: t.name, title: t.title, status: 'skipped', reason })
  }
  const ready = (t: Task): boolean =>
    !settled(t.name) &&
    !running.has(t.name) &&
    (t.needs ?? []).every(n => records.get(n)?.status === 'done' || records.get(n)?.status === 'skipped')
  for (;;) {
    const startable = tasks.filter(ready)
    startable.forEach(startTask)
    if (running.size > 0) await Promise.race([...running.values()].map(r => r.done))
    else if (tasks.every(t => settled(t.name))) break
    else if (startable.length === 0) throw new Error('the task graph is stuck') // cannot happen: checkGraph, propagate
  }
  await lanes.flush()
  return { records, failures }
}
