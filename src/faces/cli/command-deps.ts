import type { RawInputs } from '../../config/inputs.js'
import type { RunContext } from '../../context.js'
import type { Reporter } from '../../reporter.js'
import type { LintResult } from '../../stages/lint/index.js'
import type { NamedContext } from '../../stages/lint/checklist/types.js'
import type { ScanStageResult } from '../../stages/scan/index.js'
import type { Config } from '../../config/config.js'
import type { SkaoImage, SkaoImagePlan } from '../gitlab/images.js'

/** What the stages found, kept as each one ends, so the reports are written even when a later step fails. */
export interface StageResults {
  lint?: LintResult
  scan?: ScanStageResult
  /** With several images: what each image's run found, in build order (the reports merge them). */
  runs?: Array<{ lint?: LintResult; scan?: ScanStageResult }>
}

/** SKAO's images of the project (GitLab, or OCI_IMAGES given), and each one's inputs. */
export interface ImageSet {
  plan: SkaoImagePlan
  /** The inputs of one image: its Dockerfile, context, repositories, and FROM pins (`--build-context` lines). */
  inputsFor(image: SkaoImage, pins?: string[], reportDir?: string): RawInputs
}

/** Changes the config of one run before it starts (the version a face knows better). */
export type ConfigHook = (config: Config) => Promise<Config>

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
  /** SKAO's images, when the run follows their layout; undefined: one image, as the inputs say. */
  images?: ImageSet
  /** For `lint`: FROMs naming an image the pipeline builds earlier, which its build pins by digest. */
  runContexts?: ReadonlyMap<string, NamedContext>
}
