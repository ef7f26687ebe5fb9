import type { Reporter } from '../../src/reporter.js'

/** A Reporter that says nothing. */
export const quiet: Reporter = {
  info: () => undefined,
  debug: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_name, fn) => fn(),
  setOutput: () => undefined,
  setSecret: () => undefined,
  summary: () => undefined
}
