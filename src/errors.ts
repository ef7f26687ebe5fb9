/** Bad input: names the input so the user knows which line of their workflow to fix. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string
  ) {
    super(`Input "${input}": ${problem}`)
    this.name = 'InputError'
  }
}

/** A tool or service failed; carries the last lines it printed. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly details: string = ''
  ) {
    super(details ? `${message}\n${details}` : message)
    this.name = 'StepError'
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
