import type { Finding, Level } from '../../findings.js'
import type { ScanDelta } from '../scan/delta.js'
import type { GateVerdict } from '../scan/gate.js'
import type { ImageScan, SeverityCounts } from '../scan/model.js'

/**
 * What one run did, stage by stage: the pipeline records it as it goes and the job summary is
 * rendered from it once, at the end (src/stages/report/summary.ts). Nothing here is Markdown.
 */

export const STAGES = ['lint', 'build', 'scan', 'sign', 'push'] as const
export type StageName = (typeof STAGES)[number]

/** `cancelled`: started and ended early because another stage failed (a build the lint stopped). */
export type StageState = 'done' | 'failed' | 'skipped' | 'cancelled'

export interface StageRecord<R> {
  state: StageState
  /** Why it failed, was skipped or was cancelled: one line a user can act on. */
  reason?: string
  /** Wall time from its start to its end (what the user waited for, beside the others). */
  durationMs?: number
  result?: R
}

export interface LintOutcome {
  findings: readonly Finding[]
  counts: Record<Level, number>
  /** `lint-failure-threshold`. */
  threshold: Level | 'none'
  failed: boolean
}

export interface BuildOutcome {
  /** The image ID (config digest) of what was built. */
  imageId: string
  platforms: readonly string[]
}

/** One SBOM file and where it went. */
export interface SbomRecord {
  image: string
  platform?: string
  path: string
  /** The workflow artifact it was uploaded as, with a link where the face can make one. */
  artifact?: { name: string; url?: string }
  /** Why it was not uploaded, when it was meant to be. */
  uploadError?: string
}

export interface ScanOutcome {
  scans: readonly ImageScan[]
  counts: SeverityCounts
  gate: GateVerdict
  delta?: ScanDelta
  /** Why no vulnerability could be checked (no DB): the SBOM lists the packages all the same. */
  unchecked?: string
  sboms: readonly SbomRecord[]
}

export interface PushOutcome {
  /** The manifest digest the registry serves, read back after the push. */
  digest: string
  tags: readonly string[]
  /** `name@digest`: what `docker pull` takes. */
  reference: string
}

/** What was signed: the pushed digest's signature, how, and the attestations made. */
export interface SignOutcome {
  /** The signature's referrer digest, beside the pushed digest. */
  signature?: string
  /** `key` or `keyless`. */
  by: string
  /** The attestations' kinds (sbom, vuln, provenance), once each. */
  attestations: readonly string[]
  /** How many images were signed (an index and its platform images each count). */
  images: number
}

export interface SarifUpload {
  category: string
  uploaded: boolean
  /** What code scanning answered, or why it was not sent. */
  message: string
}

export interface RunModel {
  /** The image as users name it: the first tag, else the first image name. */
  image: string
  tags: readonly string[]
  version?: string
  versionFrom?: string
  base?: string
  labels: Readonly<Record<string, string>>
  pushed: boolean
  /** Why push is what it is (the push input, a pull request from a fork, …). */
  pushReason: string
  /** The error that ended the run, if one did: it names the inputs that change the decision. */
  error?: string
  stages: {
    lint: StageRecord<LintOutcome>
    build: StageRecord<BuildOutcome>
    scan: StageRecord<ScanOutcome>
    sign: StageRecord<SignOutcome>
    push: StageRecord<PushOutcome>
  }
  /** The tools that ran, each with the version it reported (`trivy 0.69.3`). */
  engines: readonly string[]
  sarif: readonly SarifUpload[]
}

export const SIGN_NOT_YET = 'signing and attestations are not part of oci-pipeline yet'
