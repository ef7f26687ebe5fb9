import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** What this project reads of the docker CLI's config. */
export interface DockerConfig {
  auths?: Record<string, { auth?: string }>
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
