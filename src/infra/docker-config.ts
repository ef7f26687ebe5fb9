import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** What this project reads of the docker CLI's config. */
export interface DockerConfig {
  auths?: Record<string, { auth?: string }>
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
