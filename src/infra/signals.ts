import { endChildren, removeTempDirs } from './process.js'

/** The signals a cancelled run gets (a runner sends SIGINT first, then SIGTERM), with the exit code of each. */
export const INTERRUPTS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
export type Interrupt = keyof typeof INTERRUPTS

/** How long the children get to end before they are killed; the whole handler stays under 10 s. */
export const CHILDREN_GRACE_MS = 4000
const REPORT_MS = 2000

let received: Interrupt | undefined

/**
 * The signal the run was interrupted by, if any. What fails after it (a build whose process was
 * ended) is its consequence, not news: the faces say only that the run was interrupted.
 */
export const interruptedBy = (): Interrupt | undefined => received

const within = (ms: number, work: Promise<unknown>): Promise<unknown> =>
  Promise.race([work.catch(() => undefined), new Promise(resolve => setTimeout(resolve, ms).unref())])

/**
 * On SIGINT, SIGTERM or SIGHUP: the temporary files (build secrets, the run's docker config) are
 * removed at once, every child is ended (killed if it has not ended after CHILDREN_GRACE_MS), then
 * `report` says so (at most 2 s) and the process exits with 128 + the signal's number. A second
 * signal meanwhile changes nothing. Returns the function that takes the handlers away again.
 */
export function onInterrupt(
  report: (signal: Interrupt) => Promise<void> | void,
  exit: (code: number) => void = code => process.exit(code)
): () => void {
  let handling = false
  const handler = (signal: Interrupt): void => {
    if (handling) return
    handling = true
    received = signal
    removeTempDirs()
    void (async () => {
      await endChildren(CHILDREN_GRACE_MS)
      removeTempDirs() // anything a child made meanwhile
      await within(
        REPORT_MS,
        Promise.resolve().then(() => report(signal))
      )
      exit(INTERRUPTS[signal])
    })()
  }
  const names = Object.keys(INTERRUPTS) as Interrupt[]
  for (const name of names) process.on(name, handler)
  return () => {
    for (const name of names) process.removeListener(name, handler)
  }
}
