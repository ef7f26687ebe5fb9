import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { StepError } from '../../errors.js'
import type { RawInputs } from '../../config/inputs.js'

export type ToolName = 'hadolint' | 'trivy' | 'cosign'

/** An executable on PATH, like `command -v`. */
export function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const path = join(dir, name)
    try {
      accessSync(path, constants.X_OK)
      return path
    } catch {
      // not in this directory
    }
  }
  return undefined
}

/** The CLI downloads nothing: `--<tool>-path`, else the tool on PATH, else a clear error. */
export function toolPath(name: ToolName, get: RawInputs, env: NodeJS.ProcessEnv): string {
  const path = get(`${name}-path`).trim() || onPath(name, env)
  if (!path)
    throw new StepError(
      `${name} is not on PATH: install it, or name it with --${name}-path (OCI_PIPELINE_${name.toUpperCase()}_PATH)`
    )
  return path
}
