/**
 * Variables no child process is given. The runner hands every input to the action as INPUT_<NAME>
 * (the password, the token and the build secrets among them), and the CLI and GitLab take their
 * credentials from the environment; none of the tools the pipeline starts (docker, buildx, Trivy,
 * hadolint, git, tar) needs them: a password reaches `docker login` on stdin, a build secret reaches
 * BuildKit as a file.
 */
const SECRET_VARIABLES = [
  'OCI_PIPELINE_PASSWORD',
  'OCI_PIPELINE_RELEASE_PASSWORD',
  'OCI_PIPELINE_GITHUB_TOKEN',
  'OCI_PIPELINE_SECRETS',
  'CI_REGISTRY_PASSWORD',
  'CI_JOB_TOKEN',
  'CI_DEPENDENCY_PROXY_PASSWORD',
  'CAR_OCI_REGISTRY_PASSWORD'
]

const isSecret = (name: string): boolean => name.startsWith('INPUT_') || SECRET_VARIABLES.includes(name)

/** The environment a child is started with: the given one without the action's inputs and the known credentials. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) if (!isSecret(name)) out[name] = value
  return out
}

/**
 * Trivy reads any flag from TRIVY_<FLAG> (TRIVY_SEVERITY, TRIVY_SKIP_DIRS, TRIVY_IGNOREFILE,
 * TRIVY_CONFIG, TRIVY_SERVER, …), so a variable set for the job (a group-level CI/CD variable, a
 * runner's environment) could weaken the gate unseen. Only these reach Trivy: where it logs in, which
 * mirrors it downloads from, how it talks; everything that decides what is reported is an input.
 */
export const TRIVY_VARIABLES_KEPT = [
  'TRIVY_USERNAME',
  'TRIVY_PASSWORD',
  'TRIVY_REGISTRY_TOKEN',
  'TRIVY_INSECURE',
  'TRIVY_NON_SSL',
  'TRIVY_CACERT',
  'TRIVY_DB_REPOSITORY',
  'TRIVY_JAVA_DB_REPOSITORY',
  'TRIVY_CHECKS_BUNDLE_REPOSITORY',
  'TRIVY_NO_PROGRESS',
  'TRIVY_QUIET',
  'TRIVY_DEBUG'
]

/** The inputs that replace the TRIVY_* variables users set most, for the warning. */
const INPUT_FOR: Record<string, string> = {
  TRIVY_SEVERITY: 'severity',
  TRIVY_IGNOREFILE: 'trivyignores',
  TRIVY_IGNORE_UNFIXED: 'ignore-unfixed',
  TRIVY_SKIP_DIRS: 'skip-dirs',
  TRIVY_SKIP_FILES: 'skip-files',
  TRIVY_IGNORE_POLICY: 'ignore-policy',
  TRIVY_CONFIG: 'trivy-config',
  TRIVY_SCANNERS: 'scanners',
  TRIVY_PKG_TYPES: 'vuln-type',
  TRIVY_VULN_TYPE: 'vuln-type',
  TRIVY_TIMEOUT: 'scan-timeout'
}

/** Read by the pipeline itself (not passed on as such): no warning for them. */
const READ_BY_PIPELINE = ['TRIVY_CACHE_DIR', 'TRIVY_SKIP_DB_UPDATE']

/** The environment of a Trivy run: childEnv without the TRIVY_* variables not kept. */
export function trivyEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = childEnv(env)
  for (const name of Object.keys(out))
    if (name.startsWith('TRIVY_') && !TRIVY_VARIABLES_KEPT.includes(name)) delete out[name]
  return out
}

/** One sentence per TRIVY_* variable of the job that Trivy is not given, naming its input where there is one. */
export function droppedTrivyVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter(n => n.startsWith('TRIVY_') && !TRIVY_VARIABLES_KEPT.includes(n) && !READ_BY_PIPELINE.includes(n))
    .sort()
    .map(n => (INPUT_FOR[n] ? `${n} is ignored: set the "${INPUT_FOR[n]}" input instead` : `${n} is ignored`))
}

/**
 * hadolint reads HADOLINT_IGNORE, HADOLINT_OVERRIDE_INFO (which demotes errors), … from the
 * environment: a job's variables would change what the lint reports unseen. Its configuration is
 * the `hadolint-config` input (else the checkout's `.hadolint.yaml`), and nothing else.
 */
export function hadolintEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = childEnv(env)
  for (const name of Object.keys(out)) if (name.startsWith('HADOLINT_')) delete out[name]
  return out
}
