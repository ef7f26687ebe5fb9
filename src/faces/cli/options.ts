import { INPUTS, type InputSpec } from '../../config/inputs.js'
import { VERIFY_INPUTS, VERIFY_OPTIONS } from './verify-options.js'

// The CLI's commands and the options each takes: its own, and the pipeline's inputs.

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

/** What each command does, for the help. */
export const DESCRIPTIONS: Record<Command, string> = {
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
