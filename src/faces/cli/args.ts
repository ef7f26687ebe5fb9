import { parseArgs } from 'node:util'
import pkg from '../../../package.json' with { type: 'json' }
import { INPUTS, type InputSpec } from '../../config/inputs.js'
import { VERIFY_INPUTS, VERIFY_OPTIONS } from './verify-options.js'

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

export const COMMANDS = ['run', 'lint', 'build', 'scan', 'publish', 'metadata', 'verify'] as const
export type Command = (typeof COMMANDS)[number]

export interface OptionSpec {
  name: string
  description: string
  default: string
  /** A flag without a value (`--json`); inputs with a true/false default also take a bare flag. */
  flag?: boolean
}

/** Options of the CLI itself, beside the pipeline's inputs; every subcommand has them. */
export const CLI_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'dotenv',
    default: '',
    description:
      'Write OCI_IMAGE_REF, OCI_IMAGE_DIGEST, OCI_IMAGE_VERSION, … to this file (a GitLab dotenv report).'
  },
  { name: 'summary-file', default: '', description: 'Write the summary (Markdown) to this file.' },
  { name: 'json', default: '', flag: true, description: 'Print the outputs as one JSON object on stdout.' },
  {
    name: 'workspace',
    default: '',
    description:
      'The project directory. Empty: CI_PROJECT_DIR, GITHUB_WORKSPACE, the git top level, or the current one.'
  },
  {
    name: 'password-stdin',
    default: '',
    flag: true,
    description:
      'Read the registry password from stdin (as `docker login --password-stdin`); else OCI_PIPELINE_PASSWORD.'
  },
  { name: 'help', default: '', flag: true, description: 'Show this help.' }
]

/**
 * Options never taken on the command line: other users of the machine read a process's argv (ps,
 * /proc) and shells keep it in their history. Each comes from its OCI_PIPELINE_* variable (the
 * password also from stdin).
 */
export const SECRET_OPTIONS = [
  'password',
  'release-password',
  'github-token',
  'secrets',
  'sign-key-password'
] as const

/** What `publish` needs beside `registry`, `username` and `password` (the staging registry's login). */
export const PUBLISH_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'source-image',
    default: '',
    description:
      'The pushed image: `name:tag`, `name@digest` or `name:tag@digest` (OCI_IMAGE_REF from the build). GitLab: `$CI_REGISTRY_IMAGE/$OCI_IMAGE:<version>`.'
  },
  {
    name: 'source-digest',
    default: '',
    description: 'Digest the source must have (OCI_IMAGE_DIGEST from the build).'
  },
  {
    name: 'release-image',
    default: '',
    description: 'Release image name without a tag. GitLab: `$CAR_OCI_REGISTRY_HOST/$OCI_IMAGE`.'
  },
  { name: 'version', default: '', description: 'The release tag. Empty: the git tag, else `.release`.' },
  {
    name: 'release-registry',
    default: '',
    description: "Release registry to log in to. Empty: the release image's."
  },
  {
    name: 'release-username',
    default: '',
    description: 'Release registry user (GitLab: CAR_OCI_REGISTRY_USERNAME).'
  },
  {
    name: 'release-password',
    default: '',
    description:
      'Release registry password (GitLab: CAR_OCI_REGISTRY_PASSWORD). Sent with --password-stdin, masked.'
  }
]

const SCAN_IMAGE: OptionSpec = {
  name: 'image',
  default: '',
  description:
    'The image to scan, `name:tag` or `name@digest`; a tag is resolved to its digest first. Empty: `<release-image>:<version>` (GitLab: `$CAR_OCI_REGISTRY_HOST/$OCI_IMAGE:<version>`, the latest release), else `<images>:<version>`.'
}

/** `lint --format`: what it prints on stdout (the report files are written either way). */
export const LINT_FORMATS = ['text', 'json', 'sarif', 'codequality'] as const
const LINT_FORMAT: OptionSpec = {
  name: 'format',
  default: 'text',
  description: `What \`lint\` prints on stdout: ${LINT_FORMATS.join(', ')} (SARIF and code quality as their report files hold them).`
}

const SOURCE_LOGIN = ['registry', 'username', 'password']

/** The inputs `scan` reads (src/scan/options.ts), beside its login and reports; `scan` itself is implied. */
export const SCAN_INPUTS = [
  'severity',
  'fail-on-severity',
  'ignore-unfixed',
  'trivyignores',
  'trivy-config',
  'skip-dirs',
  'skip-files',
  'ignore-policy',
  'vex',
  'scanners',
  'vuln-type',
  'trivy-path',
  'trivy-cache-dir',
  'trivy-db-max-age',
  'scan-timeout',
  'sbom-format',
  'compare-to',
  'fail-on-new',
  'report-dir',
  'summary'
]
/** The inputs `metadata` reads: docker/metadata-action's, and what the Dockerfile's labels depend on. */
export const METADATA_INPUTS = [
  'images',
  'tags',
  'flavor',
  'labels',
  'annotations',
  'label-schema',
  'team',
  'metadata-context',
  'sep-tags',
  'sep-labels',
  'sep-annotations',
  'context',
  'file',
  'target',
  'build-args'
]
const SCAN_RELEASE = ['release-image', 'version', 'release-registry', 'release-username', 'release-password']

const DESCRIPTIONS: Record<Command, string> = {
  run: 'Lint, build, label, tag, scan and push: the whole pipeline, as the GitHub action runs it.',
  lint: 'Lint the Dockerfile; writes SARIF and a GitLab code quality report.',
  build: 'Build, label, tag, scan, gate and push to the staging registry (no lint).',
  scan: 'Scan an image already pushed, by digest, and write the reports; exits 1 when the gate fails.',
  publish:
    'Promote a pushed, scanned image by digest to the release registry, without rebuilding. Skips, without failing, a version that is already there.',
  metadata:
    'Print as JSON the version, tags, labels and annotations a run would give here (GitHub, GitLab or git), as docker/metadata-action computes them. No Docker needed.',
  verify:
    "Verify an image's signature and attestations by digest with cosign (oci-pipeline verify IMAGE@DIGEST --key cosign.pub); prints the SBOM's package count, the scan's counts and gate, the provenance's source and commit; exits 1 unless all hold."
}

/** The options a subcommand accepts, derived from the one input list at run time. */
export function optionsFor(command: Command): OptionSpec[] {
  const inputs = INPUTS.map((i: InputSpec): OptionSpec => ({
    name: i.name,
    description: i.description,
    default: i.default.startsWith('${{') ? '' : i.default
  }))
  const own =
    command === 'publish'
      ? [...PUBLISH_OPTIONS, ...inputs.filter(i => SOURCE_LOGIN.includes(i.name))]
      : command === 'scan'
        ? [
            SCAN_IMAGE,
            ...inputs.filter(i => SCAN_INPUTS.includes(i.name) || SOURCE_LOGIN.includes(i.name)),
            ...PUBLISH_OPTIONS.filter(o => SCAN_RELEASE.includes(o.name))
          ]
        : command === 'lint'
          ? [LINT_FORMAT, ...inputs]
          : command === 'metadata'
            ? inputs.filter(i => METADATA_INPUTS.includes(i.name))
            : command === 'verify'
              ? [
                  ...VERIFY_OPTIONS,
                  ...inputs.filter(i => VERIFY_INPUTS.includes(i.name) || SOURCE_LOGIN.includes(i.name))
                ]
              : inputs
  return [...own, ...CLI_OPTIONS]
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
