import type { Location, Reporter } from '../../reporter.js'

/**
 * A Reporter for work that runs beside another stage: log lines wait and are replayed as one group
 * when the work is done, so two stages never interleave in the log. Outputs, secrets and the
 * summary go through at once (they are not log lines, and a secret must be masked straight away).
 */
export class BufferedReporter implements Reporter {
  private readonly lines: Array<(r: Reporter) => void> = []
  constructor(private readonly target: Reporter) {}

  info = (m: string): void => void this.lines.push(r => r.info(m))
  debug = (m: string): void => void this.lines.push(r => r.debug(m))
  notice = (m: string, w?: Location): void => void this.lines.push(r => r.notice(m, w))
  warning = (m: string, w?: Location): void => void this.lines.push(r => r.warning(m, w))
  error = (m: string, w?: Location): void => void this.lines.push(r => r.error(m, w))
  setOutput = (name: string, value: string): void => this.target.setOutput(name, value)
  setSecret = (value: string): void => this.target.setSecret(value)
  summary = (md: string): void => this.target.summary(md)

  /** Groups cannot nest in CI logs: inside the replayed group a nested one becomes a heading line. */
  group = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    this.lines.push(r => r.info(`── ${name}`))
    return fn()
  }

  /** How many lines are held back. */
  get held(): number {
    return this.lines.length
  }

  /** Writes what was held back, as one group of the target (or of another reporter). */
  replay(name: string, target: Reporter = this.target): Promise<void> {
    return target.group(name, async () => {
      for (const line of this.lines.splice(0)) line(target)
    })
  }
}
