import { StepError } from '../../errors.js'
import { BESIDE_BUILD_NICE, type RunOptions, type RunResult } from '../../infra/process.js'
import type { DockerGate } from './docker-gate.js'
import type { Trivy } from './trivy.js'

type OnLine = NonNullable<RunOptions['onLine']>

/** How long a scan started early waits for its image; after that it is ended and the scan starts afresh. */
export const MAX_WAIT_MS = 120_000

/** The same Trivy arguments with another `--timeout`. */
export function withTimeout(args: readonly string[], seconds: number): string[] {
  const i = args.indexOf('--timeout')
  return i < 0 ? [...args] : [...args.slice(0, i + 1), `${seconds}s`, ...args.slice(i + 2)]
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The `trivy image` of the image being built, started before the build ends and held at a
 * DockerGate: a Trivy start costs about a second of CPU before it reads anything, paid here while
 * the image builds. `open` (the image is built) lets it read the daemon; `take` hands it to the
 * scan that would have run the very same arguments. Its log is held until then.
 */
export class PrestartedScan {
  private readonly stop = new AbortController()
  private readonly held: Array<[string, 'stdout' | 'stderr']> = []
  private onLine: OnLine | undefined
  private result!: Promise<RunResult>
  private waitTimer: NodeJS.Timeout | undefined
  private deadline: NodeJS.Timeout | undefined
  private opened = false
  private taken = false
  private ended = false
  private timedOut = false

  private constructor(
    private readonly args: readonly string[],
    private readonly gate: DockerGate,
    private readonly timeoutSeconds: number
  ) {}

  static start(
    trivy: Trivy,
    args: readonly string[],
    gate: DockerGate,
    opts: { timeoutSeconds: number; maxWaitMs?: number }
  ): PrestartedScan {
    const maxWaitMs = opts.maxWaitMs ?? MAX_WAIT_MS
    const scan = new PrestartedScan(args, gate, opts.timeoutSeconds)
    // Trivy's deadline counts from its start, so the wait is added to it; the scan-timeout itself
    // is kept here, from the moment the gate opens.
    scan.result = trivy.runWith(
      withTimeout(args, opts.timeoutSeconds + Math.ceil(maxWaitMs / 1000)),
      { DOCKER_HOST: gate.host },
      {
        signal: scan.stop.signal,
        nice: BESIDE_BUILD_NICE,
        onLine: (line, stream) => (scan.onLine ? scan.onLine(line, stream) : scan.held.push([line, stream]))
      }
    )
    scan.result.catch(() => undefined) // awaited when taken; an unused one is ended by close()
    scan.waitTimer = setTimeout(() => scan.end(), maxWaitMs)
    scan.waitTimer.unref()
    return scan
  }

  /** The image is built: the held Trivy reads it now. */
  open(): void {
    if (this.opened || this.ended) return
    this.opened = true
    clearTimeout(this.waitTimer)
    this.gate.open()
    this.deadline = setTimeout(() => {
      this.timedOut = true
      this.stop.abort()
    }, this.timeoutSeconds * 1000)
    this.deadline.unref()
  }

  /**
   * This scan's run, when it was started with exactly these arguments and is still there (it is
   * opened if it was not); otherwise it is ended, and the caller runs Trivy itself.
   */
  take(args: readonly string[]): ((onLine?: OnLine) => Promise<RunResult>) | undefined {
    if (this.taken) return undefined
    if (this.ended || !same(args, this.args)) {
      this.end()
      return undefined
    }
    this.taken = true
    this.open()
    return async onLine => {
      this.onLine = onLine ?? (() => undefined)
      for (const [line, stream] of this.held.splice(0)) this.onLine(line, stream)
      try {
        return await this.result
      } catch (e) {
        if (this.timedOut)
          throw new StepError(`trivy image did not finish within the scan-timeout (${this.timeoutSeconds}s)`)
        throw e
      } finally {
        clearTimeout(this.deadline)
      }
    }
  }

  /** Ends it if no scan took it, and closes the gate. */
  close(): void {
    if (!this.taken) this.end()
    clearTimeout(this.deadline)
    this.gate.close()
  }

  private end(): void {
    this.ended = true
    clearTimeout(this.waitTimer)
    this.stop.abort()
  }
}
