import type { Location, Reporter } from '../reporter.js'

type Line = (r: Reporter) => void

/**
 * One task's log. Its lines go to the log as they come while it is the live lane; otherwise they
 * are held and written as one group later. Outputs, secrets and the summary go through at once
 * (they are not log lines, and a secret must be masked straight away).
 */
export class Lane implements Reporter {
  private held: Line[] = []
  private live = false
  private closed = false
  private failure?: unknown
  private endGroup?: (failure?: unknown) => void
  /** Settles once the lane's group is written and ended. */
  readonly written: Promise<void>
  private markWritten!: () => void

  constructor(
    readonly title: string,
    private readonly target: Reporter
  ) {
    this.written = new Promise(resolve => (this.markWritten = resolve))
  }

  private line(l: Line): void {
    if (this.live) l(this.target)
    else this.held.push(l)
  }

  info = (m: string): void => this.line(r => r.info(m))
  debug = (m: string): void => this.line(r => r.debug(m))
  notice = (m: string, w?: Location): void => this.line(r => r.notice(m, w))
  warning = (m: string, w?: Location): void => this.line(r => r.warning(m, w))
  error = (m: string, w?: Location): void => this.line(r => r.error(m, w))
  setOutput = (name: string, value: string): void => this.target.setOutput(name, value)
  setSecret = (value: string): void => this.target.setSecret(value)
  summary = (md: string): void => this.target.summary(md)

  /** Groups cannot nest in CI logs: inside a task's group a nested one is a heading line. */
  group = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    this.line(r => r.info(`── ${name}`))
    return fn()
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Opens the lane's group, writes what was held, and from now on writes lines as they come. */
  goLive(): void {
    if (this.live) return
    void this.target
      .group(
        this.title,
        () =>
          // The group ends as its task did: a face that marks failed groups sees the failure.
          new Promise<void>((resolve, reject) => {
            const end = (failure?: unknown): void => (failure === undefined ? resolve() : reject(failure))
            this.live = true
            for (const l of this.held.splice(0)) l(this.target)
            if (this.closed) end(this.failure)
            else this.endGroup = end
          })
      )
      .then(this.markWritten, this.markWritten)
  }

  /** The task is over (`failure` when it failed): a live group ends; a held one ends when written. */
  close(failure?: unknown): void {
    this.closed = true
    this.failure = failure
    this.endGroup?.(failure)
  }
}

/**
 * The log of tasks that run beside each other: one lane is live at a time, the others are held and
 * written as whole groups when the live one ends (finished ones first, in the order they started),
 * then the first one still running becomes live.
 */
export class LogLanes {
  private readonly waiting: Lane[] = []
  private live?: Lane
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly target: Reporter) {}

  open(title: string): Lane {
    const lane = new Lane(title, this.target)
    if (this.live) this.waiting.push(lane)
    else this.goLive(lane)
    return lane
  }

  /** Closes a lane; resolves once what can be written has been. */
  close(lane: Lane, failure?: unknown): Promise<void> {
    lane.close(failure)
    if (lane === this.live) this.chain = this.chain.then(() => this.handOver(lane))
    return this.chain
  }

  private goLive(lane: Lane): void {
    this.live = lane
    lane.goLive()
  }

  private async handOver(lane: Lane): Promise<void> {
    await lane.written
    this.live = undefined
    for (const done of this.waiting.filter(l => l.isClosed)) {
      this.waiting.splice(this.waiting.indexOf(done), 1)
      done.goLive()
      await done.written
    }
    const next = this.waiting.shift()
    if (next) this.goLive(next)
  }

  /** Everything written: the run is over. */
  async flush(): Promise<void> {
    await this.chain
    for (const lane of this.waiting.splice(0)) {
      lane.close()
      lane.goLive()
      await lane.written
    }
  }
}
