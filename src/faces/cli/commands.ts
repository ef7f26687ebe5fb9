import type { Command } from './options.js'
import type { CommandDeps } from './command-deps.js'
import { runForImages } from './images.js'
import { metadataCommand } from './metadata.js'
import { publishCommand } from './publish.js'
import { lint, pipeline, withoutLint } from './runs.js'
import { scanCommand } from './scan.js'
import { verifyCommand } from './verify.js'

export { publishVersion } from './publish.js'
export { onPath } from './tools.js'
export { formatLint } from './runs.js'
export type { CommandDeps, StageResults } from './command-deps.js'

export async function runCommand(command: Command, d: CommandDeps): Promise<number> {
  if (d.images) return runForImages(command, d, d.images)
  switch (command) {
    case 'run':
      return pipeline(d, d.raw)
    case 'build':
      return pipeline(d, withoutLint(d.raw))
    case 'lint':
      return lint(d)
    case 'publish':
      return publishCommand(d)
    case 'scan':
      return scanCommand(d)
    case 'metadata':
      return metadataCommand(d)
    case 'verify':
      return verifyCommand(d)
  }
}
