import type { Location, Reporter } from '../../reporter.js'

/**
 * One image's reporter among several: the log, the sections, the secrets and the summary go to
 * the job's reporter (sections named after the image); the outputs stay the image's own, so one
 * image's digest never stands for another's.
 */
export class ScopedReporter implements Reporter {
  readonly outputs = new Map<string, string>()

  constructor(
    private readonly parent: Reporter,
    private readonly image: string
  ) {}

  info = (m: string): void => this.parent.info(m)
  debug = (m: string): void => this.parent.debug(m)
  notice = (m: string, w?: Location): void => this.parent.notice(`${this.image}: ${m}`, w)
  warning = (m: string, w?: Location): void => this.parent.warning(`${this.image}: ${m}`, w)
  error = (m: string, w?: Location): void => this.parent.error(`${this.image}: ${m}`, w)
  group = <T>(title: string, fn: () => Promise<T>): Promise<T> =>
    this.parent.group(`${this.image}: ${title}`, fn)
  setOutput = (name: string, value: string): void => void this.outputs.set(name, value)
  setSecret = (value: string): void => this.parent.setSecret(value)
  summary = (md: string): void => this.parent.summary(md)
}
