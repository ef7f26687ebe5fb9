import type { RawInputs } from '../../config/inputs.js'
import type { RunContext } from '../../context.js'
import type { Reporter } from '../../reporter.js'
import type { LintResult } from '../../stages/lint/index.js'
import type { ScanStageResult } from '../../stages/scan/index.js'

/** What the stages found, kept as each one ends, so the reports are written even when a later step fails. */
export interface StageResults {
  lint?: LintResult
  scan?: ScanStageResult
}

export interface CommandDeps {
  raw: RawInputs
  ctx: RunContext
  reporter: Reporter
  env: NodeJS.ProcessEnv
  /** Reads a file of the workspace, undefined when absent. */
  readFile: (path: string) => string | undefined
  /** Where reports go: report-dir, else $RUNNER_TEMP/oci-pipeline, else .oci-pipeline in the workspace. */
  reportDir: string
  stages: StageResults
  /** Standard output (lint --format). */
  stdout?: (text: string) => void
}
