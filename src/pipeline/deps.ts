import type { Reporter } from '../reporter.js'
import type { LintResult } from '../stages/lint/index.js'
import type { SarifUpload } from '../stages/report/run-model.js'
import type { ArtifactUploader, DbCache, ScanStageResult } from '../stages/scan/index.js'

export type ToolName = 'hadolint' | 'trivy' | 'cosign'

/** What a face gives the pipeline: where it reports, and the services only some faces have. */
export interface PipelineDeps {
  reporter: Reporter
  env?: NodeJS.ProcessEnv
  now?: () => Date
  /**
   * Where a tool's executable is: an installed one, or a verified download (GitHub face). Throws
   * when it cannot be had; the lint carries on without that linter, the scan stops.
   */
  tools?: (name: ToolName) => Promise<string | undefined>
  /** Base URL of docs/rules for rule links in reports. */
  docsBase?: string
  /** Uploads SARIF to code scanning, where the face can (GitHub), and says how it went. */
  uploadSarif?: (path: string, category: string) => Promise<SarifUpload | void>
  /** Keeps Trivy's DB between runs (GitHub: the Actions cache). */
  dbCache?: DbCache
  /** Uploads the SBOM as an artifact (GitHub: the workflow's artifacts). */
  artifacts?: ArtifactUploader
  /** Told each stage's result when it has one, before a failed lint or gate fails the run (GitLab reports). */
  onLint?: (lint: LintResult) => void
  onScan?: (scan: ScanStageResult) => void
}

/** Asks for each tool once: the lint and the scan both want Trivy. */
export function onceEach(tools: NonNullable<PipelineDeps['tools']>): NonNullable<PipelineDeps['tools']> {
  const asked = new Map<ToolName, Promise<string | undefined>>()
  return name => {
    if (!asked.has(name)) asked.set(name, tools(name))
    return asked.get(name) as Promise<string | undefined>
  }
}
