import { parseArgs } from 'node:util'
import pkg from '../../../package.json' with { type: 'json' }
import {
  COMMANDS,
  DESCRIPTIONS,
  SECRET_OPTIONS,
  optionsFor,
  type Command,
  type OptionSpec
} from './options.js'

/** The package's version, inlined by the bundler: dist/cli/ needs no package.json to know it. */
export const VERSION: string = pkg.version

/** A command line the CLI cannot act on: one clear message, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export const envName = (option: string): string => `OCI_PIPELINE_${option.toUpperCase().replace(/-/g, '_')}`

/** Booleans whose empty default is a third choice (`ignore-unfixed`: report, not gate); bare means true. */
const UNSET_BOOLEANS = ['ignore-unfixed']
const takesBareFlag = (o: OptionSpec): boolean =>
  !!o.flag || o.default === 'true' || o.default === 'false' || UNSET_BOOLEANS.includes(o.name)

export interface ParsedArgs {
  command?: Command
  help: boolean
  /** `oci-pipeline --version` (or `-V`): print VERSION. */
  version?: boolean
  /** Values given on the command line, by option name. */
  values: Map<string, string>
}

function tokensWithBareBooleans(argv: readonly string[], specs: readonly OptionSpec[]): string[] {
  const bare = new Set(specs.filter(s => takesBareFlag(s) && !s.flag).map(s => `--${s.name}`))
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string
    const next = argv[i + 1]
    out.push(bare.has(token) && (next === undefined || next.startsWith('-')) ? `${token}=true` : token)
  }
  return out
}

function usageMessage(e: unknown, command: string): string {
  const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '')
  return `${message}\nRun "oci-pipeline ${command} --help" for the options.`
}

/** Parses `oci-pipeline <command> [--option value …]`. Throws UsageError for anything it cannot read. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv
  if (first === '--version' || first === '-V') return { help: false, version: true, values: new Map() }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help')
    return { help: true, values: new Map(), command: rest[0] && isCommand(rest[0]) ? rest[0] : undefined }
  if (!isCommand(first))
    throw new UsageError(
      `unknown command "${first}" (known: ${COMMANDS.join(', ')})\nRun "oci-pipeline --help" for usage.`
    )
  const specs = optionsFor(first)
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: tokensWithBareBooleans(rest, specs),
      options: Object.fromEntries(
        specs.map(s => [s.name, { type: s.flag ? ('boolean' as const) : ('string' as const) }])
      ),
      strict: true,
      allowPositionals: first === 'verify'
    })
  } catch (e) {
    throw new UsageError(usageMessage(e, first))
  }
  const values = new Map<string, string>()
  // `verify IMAGE@DIGEST`: the one argument a command takes.
  if (parsed.positionals.length > 1 || (parsed.positionals[0] && parsed.values.image !== undefined))
    throw new UsageError(`${first} takes one image\nRun "oci-pipeline ${first} --help" for the options.`)
  if (parsed.positionals[0]) values.set('image', parsed.positionals[0])
  for (const [name, value] of Object.entries(parsed.values))
    if (typeof value === 'string') values.set(name, value)
    else if (value === true) values.set(name, 'true')
  for (const name of SECRET_OPTIONS)
    if (values.has(name))
      throw new UsageError(
        `--${name} is not taken on the command line, where other users can read it (ps, shell history): set ${envName(name)}${name === 'password' ? ', or pass it on stdin with --password-stdin' : ''}\nRun "oci-pipeline ${first} --help" for the options.`
      )
  // A key's path or KMS URI may be on the command line; the key itself may not.
  if (values.get('sign-key')?.includes('PRIVATE KEY'))
    throw new UsageError(
      `--sign-key holds a private key, which is not taken on the command line, where other users can read it: give its path, or set ${envName('sign-key')}\nRun "oci-pipeline ${first} --help" for the options.`
    )
  return { command: first, help: values.get('help') === 'true', values }
}

export const isCommand = (s: string): s is Command => (COMMANDS as readonly string[]).includes(s)

/** Reads an option: the command line first, then OCI_PIPELINE_<NAME>, then the given fallback. */
export function optionReader(
  values: ReadonlyMap<string, string>,
  env: NodeJS.ProcessEnv,
  fallback: (name: string) => string = () => ''
): (name: string) => string {
  return name => values.get(name) ?? (env[envName(name)] || fallback(name))
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.map(l => indent + l).join('\n')
}

export function programHelp(): string {
  const width = Math.max(...COMMANDS.map(c => c.length))
  return [
    'Usage: oci-pipeline <command> [options]',
    '',
    'Lint, build, label, tag, scan, push and publish container images, with the same logic as the',
    'oci-pipeline GitHub action and GitLab include.',
    '',
    'Commands:',
    ...COMMANDS.map(c => `  ${c.padEnd(width)}  ${DESCRIPTIONS[c]}`),
    '',
    'Every option can also be set in the environment: --build-args as OCI_PIPELINE_BUILD_ARGS.',
    'Exit codes: 0 done, 1 the pipeline failed, 2 a bad command line or input.',
    'Run "oci-pipeline <command> --help" for the options of a command.',
    '"oci-pipeline --version" (or -V) prints the version.',
    ''
  ].join('\n')
}

export function commandHelp(command: Command): string {
  const usage = command === 'verify' ? 'verify IMAGE@DIGEST [options]' : `${command} [options]`
  const lines = [`Usage: oci-pipeline ${usage}`, '', DESCRIPTIONS[command], '', 'Options:']
  for (const o of optionsFor(command)) {
    const secret = (SECRET_OPTIONS as readonly string[]).includes(o.name)
    const head = secret
      ? `${envName(o.name)} (environment only)`
      : o.flag
        ? `--${o.name}`
        : `--${o.name} <value>`
    const env = o.name === 'help' || secret ? '' : `  [env ${envName(o.name)}]`
    lines.push(`  ${head}${env}`)
    const def = o.default && !o.flag ? ` Default: ${o.default}.` : ''
    lines.push(wrap(`${o.description.replace(/`/g, '')}${def}`, 96, '      '))
  }
  if (command === 'build') lines.push('', 'The lint stage is off here: run "oci-pipeline lint" for it.')
  lines.push(
    '',
    "Multi-line values (build-args, labels, tags): separate the lines with newlines, e.g. $'a=1\\nb=2'.",
    ''
  )
  return lines.join('\n')
}
