import { buildConfig } from '../../config/config.js'
import type { RawInputs } from '../../config/inputs.js'
import { computeMetadata, readFacts } from '../../stages/metadata/index.js'
import { metadataOutputs } from '../../stages/metadata/outputs.js'
import { METADATA_INPUTS } from './options.js'
import type { CommandDeps, ConfigHook } from './command-deps.js'

/**
 * Only the inputs the metadata depends on: the rest (push, logins, secrets) is left empty, so a
 * laptop without a token or registry gets the same tags and labels as the run would.
 */
const metadataInputs =
  (raw: RawInputs): RawInputs =>
  name =>
    METADATA_INPUTS.includes(name) ? raw(name) : name === 'push' ? 'false' : ''

/**
 * `oci-pipeline metadata`: the version, tags, labels and annotations the action would give for the
 * run it is in, as JSON on stdout (the outputs too, for --dotenv). The base image's digest is
 * only known when the Dockerfile pins it: resolving it would ask the registry.
 */
export async function metadataCommand(
  d: CommandDeps,
  now = new Date(),
  adjust?: ConfigHook
): Promise<number> {
  const built = buildConfig(metadataInputs(d.raw), d.ctx, d.env)
  const config = adjust ? await adjust(built) : built
  const meta = computeMetadata(config, d.ctx, await readFacts(config, d.env, now))
  for (const w of meta.warnings) d.reporter.warning(w)
  for (const [name, value] of Object.entries(metadataOutputs(meta, config.metadata.separators)))
    d.reporter.setOutput(name, value)
  const { version, tags, tagValues, labels, annotations } = meta
  d.stdout?.(JSON.stringify({ version, tags, 'tag-names': tagValues, labels, annotations }, null, 2) + '\n')
  return 0
}
