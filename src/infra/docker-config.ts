import { chmodSync, cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** What this project reads of the docker CLI's config. */
export interface DockerConfig {
  auths?: Record<string, { auth?: string; identitytoken?: string }>
  credHelpers?: Record<string, string>
  credsStore?: string
  currentContext?: string
}

/** The docker CLI's config folder: $DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
}

/** The docker CLI's config ($DOCKER_CONFIG/config.json, else ~/.docker), or undefined where there is none. */
export function readDockerConfig(env: NodeJS.ProcessEnv): DockerConfig | undefined {
  const file = join(dockerConfigDir(env), 'config.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DockerConfig) : undefined
}

/** Whether the docker CLI uses its default context: neither DOCKER_CONTEXT nor its config names another. */
export function usesDefaultContext(env: NodeJS.ProcessEnv): boolean {
  if (env.DOCKER_CONTEXT && env.DOCKER_CONTEXT !== 'default') return false
  let current: string | undefined
  try {
    current = readDockerConfig(env)?.currentContext
  } catch {
    // a config that cannot be read chooses no context: the default daemon
  }
  return !current || current === 'default'
}

/**
 * The local Docker daemon's socket, as the docker CLI and Trivy find it: DOCKER_HOST when it is a
 * unix socket, else the default one. Undefined when the daemon is reached any other way (tcp, ssh,
 * TLS, a docker context): then only the docker CLI is trusted to reach it.
 */
export function localDockerSocket(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform
): string | undefined {
  if (platform === 'win32' || env.DOCKER_TLS_VERIFY) return undefined
  const host = env.DOCKER_HOST?.trim()
  if (host) return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined
  return usesDefaultContext(env) ? '/var/run/docker.sock' : undefined
}

/** The key `docker login` stores Docker Hub's credentials under. */
const HUB_KEY = 'https://index.docker.io/v1/'
const isHub = (host: string): boolean =>
  ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host)

/** What the run's docker config takes from the user's beside config.json: folders copied, or linked. */
const COPIED = ['buildx', 'contexts']
const LINKED = ['cli-plugins']

/** The docker config folders made for runs of this process (login may edit those, never the user's). */
const ofRuns = new Set<string>()

export interface RunDockerConfig {
  /** The private folder (mode 0700) the run's docker and buildx calls use as DOCKER_CONFIG. */
  dir: string
  /** `env` with DOCKER_CONFIG pointing at it. */
  env: NodeJS.ProcessEnv
}

/**
 * A docker config folder of the run's own, under RUNNER_TEMP where there is one: `docker login`
 * then stores the run's credentials there, never in ~/.docker, and the caller removes it when the
 * run ends (a signal removes it too, with the other temporary folders). It starts as a copy of the
 * user's (DOCKER_CONFIG, else ~/.docker): the credentials an earlier docker/login-action stored,
 * the credential helpers, the contexts and buildx's builders (docker/setup-buildx-action's), and a
 * link to its CLI plugins.
 */
export function runDockerConfig(
  env: NodeJS.ProcessEnv,
  makeDir: (prefix: string) => string
): RunDockerConfig {
  const source = dockerConfigDir(env)
  const dir = makeDir('oci-pipeline-docker-')
  chmodSync(dir, 0o700)
  let config: DockerConfig = {}
  try {
    config = readDockerConfig(env) ?? {}
  } catch {
    // unreadable: docker would not have read it either
  }
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n', { mode: 0o600 })
  for (const name of COPIED)
    if (existsSync(join(source, name)))
      cpSync(join(source, name), join(dir, name), { recursive: true, verbatimSymlinks: true })
  for (const name of LINKED)
    if (existsSync(join(source, name))) symlinkSync(join(source, name), join(dir, name))
  ofRuns.add(dir)
  return { dir, env: { ...env, DOCKER_CONFIG: dir } }
}

/**
 * Before the run logs in to `host` itself: in a run's docker config, that host's credential helper
 * (or the default credsStore) is turned off, so `docker login` writes the password to the private
 * config.json, removed with it, rather than to a keychain that outlives the run.
 */
export function storeLoginInFile(host: string, env: NodeJS.ProcessEnv): void {
  const dir = env.DOCKER_CONFIG
  if (!dir || !ofRuns.has(dir)) return
  const config = (readDockerConfig(env) ?? {}) as DockerConfig & { credHelpers?: Record<string, string> }
  config.credHelpers = { ...config.credHelpers, [isHub(host) ? HUB_KEY : host]: '' }
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n', { mode: 0o600 })
}
