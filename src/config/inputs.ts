import table from './inputs.json' with { type: 'json' }

/**
 * Every input and output of the pipeline (inputs.json): action.yml and docs/inputs.md's tables are
 * written from it (node scripts/docs.mjs) and the CLI derives its flags and defaults from it.
 * Defaults written `${{ … }}` are GitHub expressions; elsewhere they read as empty.
 */
export interface InputSpec {
  name: string
  default: string
  description: string
}

export interface OutputSpec {
  name: string
  description: string
}

export const INPUTS: readonly InputSpec[] = table.inputs
export const OUTPUTS: readonly OutputSpec[] = table.outputs

export type RawInputs = (name: string) => string
