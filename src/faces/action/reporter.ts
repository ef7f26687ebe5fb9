import * as core from '@actions/core'
import type { Location, Reporter } from '../../reporter.js'
import { metadataEnvName } from '../../stages/metadata/outputs.js'

const props = (w?: Location): core.AnnotationProperties | undefined =>
  w ? { file: w.file, startLine: w.startLine, endLine: w.endLine, title: w.title } : undefined

/** The Reporter on a GitHub runner: workflow commands, outputs, the step summary. */
export class GitHubReporter implements Reporter {
  private readonly markdown: string[] = []
  info = (m: string): void => core.info(m)
  debug = (m: string): void => core.debug(m)
  notice = (m: string, w?: Location): void => core.notice(m, props(w))
  warning = (m: string, w?: Location): void => core.warning(m, props(w))
  error = (m: string, w?: Location): void => core.error(m, props(w))
  group = <T>(name: string, fn: () => Promise<T>): Promise<T> => core.group(name, fn)
  /** docker/metadata-action's outputs also become DOCKER_METADATA_OUTPUT_* variables of later steps. */
  setOutput = (name: string, value: string): void => {
    core.setOutput(name, value)
    const variable = metadataEnvName(name, process.env)
    if (variable) core.exportVariable(variable, value)
  }
  setSecret = (value: string): void => core.setSecret(value)
  summary = (md: string): void => void this.markdown.push(md)

  /** Writes the collected summary, where the runner offers one. */
  async flush(): Promise<void> {
    if (!this.markdown.length || !process.env.GITHUB_STEP_SUMMARY) return
    await core.summary.addRaw(this.markdown.join('\n')).write()
  }
}
