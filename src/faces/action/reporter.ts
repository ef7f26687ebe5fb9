import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import type { Location, Reporter } from '../../reporter.js'
import { oneLine, secretParts, stripControls } from '../../text.js'
import { interruptedBy } from '../../infra/signals.js'
import { metadataEnvName } from '../../stages/metadata/outputs.js'

const props = (w?: Location): core.AnnotationProperties | undefined =>
  w
    ? {
        ...(w.file !== undefined ? { file: oneLine(w.file) } : {}),
        startLine: w.startLine,
        endLine: w.endLine,
        ...(w.title !== undefined ? { title: oneLine(w.title) } : {})
      }
    : undefined

/**
 * Whether the runner would read a line of `text` as a workflow command: `::name::…` at the start of a
 * line (after blanks), or the older `##[name]…` anywhere in one.
 */
export const looksLikeCommand = (text: string): boolean => /(^|\n)\s*::|##\[/.test(text)

/**
 * Log text, as the runner must show it: control characters taken out, and text that holds what
 * looks like a workflow command (a package name with `\n::add-mask::`, a tool's output) between
 * `::stop-commands::<random token>` and `::<token>::`, so the runner runs none of it.
 */
export function logText(message: string, token = (): string => randomBytes(16).toString('hex')): string {
  const text = stripControls(message)
  if (!looksLikeCommand(text)) return text
  let stop = token()
  while (text.includes(stop)) stop = token()
  return `::stop-commands::${stop}\n${text}\n::${stop}::`
}

/** Once the run is interrupted, what its ended children make fail is not reported: only the interruption is. */
const live = (): boolean => interruptedBy() === undefined

/** The Reporter on a GitHub runner: workflow commands, outputs, the step summary. */
export class GitHubReporter implements Reporter {
  private readonly markdown: string[] = []
  info = (m: string): void => void (live() && core.info(logText(m)))
  debug = (m: string): void => void (live() && core.debug(stripControls(m)))
  notice = (m: string, w?: Location): void => void (live() && core.notice(stripControls(m), props(w)))
  warning = (m: string, w?: Location): void => void (live() && core.warning(stripControls(m), props(w)))
  error = (m: string, w?: Location): void => void (live() && core.error(stripControls(m), props(w)))
  group = <T>(name: string, fn: () => Promise<T>): Promise<T> => core.group(oneLine(name), fn)
  /** docker/metadata-action's outputs also become DOCKER_METADATA_OUTPUT_* variables of later steps. */
  setOutput = (name: string, value: string): void => {
    core.setOutput(name, value)
    const variable = metadataEnvName(name, process.env)
    if (variable) core.exportVariable(variable, value)
  }
  /** Each line of a multi-line secret is masked on its own (the runner matches line by line). */
  setSecret = (value: string): void => {
    for (const part of secretParts(value)) core.setSecret(part)
  }
  summary = (md: string): void => void this.markdown.push(md)

  /** Writes the collected summary, where the runner offers one. */
  async flush(): Promise<void> {
    if (!this.markdown.length || !process.env.GITHUB_STEP_SUMMARY) return
    await core.summary.addRaw(this.markdown.join('\n')).write()
    this.markdown.length = 0
  }
}
