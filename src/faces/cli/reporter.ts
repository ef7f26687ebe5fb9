import type { Location, Reporter } from '../../reporter.js'
import { oneLine, secretParts, stripControls } from '../../text.js'
import { interruptedBy } from '../../infra/signals.js'

export interface CliReporterOptions {
  /** Where log lines go (stderr by default, so stdout stays free for --json). */
  write: (text: string) => void
  /** GITLAB_CI=true: stages become collapsible sections of the job log. */
  gitlab: boolean
  debug?: boolean
  /** Milliseconds since the epoch (tests pass a clock). */
  now?: () => number
}

const ESC = '\x1b'

/** A name GitLab accepts for a section: letters, digits, `_`, `.`, `-`. */
export const sectionName = (n: number, title: string): string =>
  `oci_${n}_${title
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)}`

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(1)}s`
  const m = Math.floor(s / 60)
  return `${m}m${String(Math.round(s - m * 60)).padStart(2, '0')}s`
}

const where = (w?: Location): string =>
  w?.file
    ? oneLine(` (${w.file}${w.startLine ? `:${w.startLine}` : ''}${w.title ? `, ${w.title}` : ''})`)
    : ''

/**
 * The Reporter of the command line: plain text, stage headers with durations, GitLab's
 * collapsible sections when GITLAB_CI=true, registered secrets shown as *** in every line.
 */
export class CliReporter implements Reporter {
  readonly outputs = new Map<string, string>()
  readonly markdown: string[] = []
  private secrets: string[] = []
  private sections = 0
  private readonly now: () => number

  constructor(private readonly opts: CliReporterOptions) {
    this.now = opts.now ?? Date.now
  }

  /** Replaces every registered secret (and each line of a multi-line one) with ***. */
  mask(text: string): string {
    let out = text
    for (const s of this.secrets) out = out.split(s).join('***')
    return out
  }

  /** Control characters are taken out: a `\r` or an escape sequence in a tool's output would rewrite GitLab's log. */
  private line(text: string): void {
    // After a signal, what fails is the consequence of the children being ended: not reported.
    if (interruptedBy()) return
    this.opts.write(this.mask(stripControls(text)) + '\n')
  }

  info = (m: string): void => this.line(m)
  debug = (m: string): void => {
    if (this.opts.debug) this.line(`debug: ${m}`)
  }
  notice = (m: string, w?: Location): void => this.line(`notice: ${m}${where(w)}`)
  warning = (m: string, w?: Location): void => this.line(`warning: ${m}${where(w)}`)
  error = (m: string, w?: Location): void => this.line(`error: ${m}${where(w)}`)

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const name = sectionName(++this.sections, title)
    const start = this.now()
    if (this.opts.gitlab)
      this.opts.write(
        `${ESC}[0Ksection_start:${Math.floor(start / 1000)}:${name}[collapsed=true]\r${ESC}[0K${ESC}[1m${this.mask(oneLine(title))}${ESC}[0m\n`
      )
    else this.line(`==> ${title}`)
    let failed = false
    try {
      return await fn()
    } catch (e) {
      failed = true
      throw e
    } finally {
      const end = this.now()
      const took = `${title}: ${failed ? 'failed after' : 'done in'} ${formatDuration(end - start)}`
      if (this.opts.gitlab) {
        this.opts.write(`${ESC}[0Ksection_end:${Math.floor(end / 1000)}:${name}\r${ESC}[0K`)
        this.line(took)
      } else this.line(`<== ${took}`)
    }
  }

  setOutput = (name: string, value: string): void => void this.outputs.set(name, value)

  setSecret(value: string): void {
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = [...new Set([...this.secrets, ...secretParts(value)])].sort((a, b) => b.length - a.length)
  }

  summary = (md: string): void => void this.markdown.push(md)

  /** The summary as collected, masked. */
  summaryText(): string {
    return this.mask(this.markdown.join('\n'))
  }
}
