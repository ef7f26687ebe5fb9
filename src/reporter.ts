/** Where a message points in the user's files (GitHub annotations, GitLab code quality). */
export interface Location {
  file?: string
  startLine?: number
  endLine?: number
  title?: string
}

/**
 * What the pipeline may tell the outside world. The GitHub face implements it with @actions/core,
 * the CLI with plain stdout/stderr and GitLab's collapsible sections; stages never see which.
 */
export interface Reporter {
  info(message: string): void
  debug(message: string): void
  notice(message: string, where?: Location): void
  warning(message: string, where?: Location): void
  error(message: string, where?: Location): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  setOutput(name: string, value: string): void
  /** Registers a value to be masked in everything printed from now on. */
  setSecret(value: string): void
  /** Appends Markdown to the job summary. */
  summary(markdown: string): void
}
