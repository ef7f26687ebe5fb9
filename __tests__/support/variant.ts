import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TestEnv } from './env.js'

/**
 * Which engine and builder the build-related suites run on (jest projects, see jest.config.js):
 * - docker: the docker driver of Docker Engine 26 with the classic image store (Docker's default
 *   on an existing install);
 * - buildkit: a BuildKit builder in a container (docker-container driver), made current in each
 *   run's DOCKER_CONFIG as docker/setup-buildx-action leaves it;
 * - containerd: the docker driver of an engine with the containerd image store (Docker 29's
 *   default on fresh installs).
 */
export type Variant = 'docker' | 'buildkit' | 'containerd'

export const VARIANT: Variant = ((): Variant => {
  const v = process.env.OCI_TEST_VARIANT ?? 'docker'
  if (v !== 'docker' && v !== 'buildkit' && v !== 'containerd') throw new Error(`OCI_TEST_VARIANT=${v}?`)
  return v
})()

/** The variant's daemon for every process a test starts (the test's own `docker` calls too). */
export function variantEnv(env: TestEnv): Record<string, string> {
  return VARIANT === 'containerd' ? { DOCKER_HOST: env.dockerHosts.containerd } : {}
}

/** Makes a run's DOCKER_CONFIG hold the variant's builder, as the current one. */
export function prepareDockerConfig(dir: string, env: TestEnv): void {
  if (VARIANT !== 'buildkit') return
  const instance = join(env.builder.dockerConfig, 'buildx', 'instances', env.builder.name)
  if (!existsSync(instance)) throw new Error(`${instance} is missing: run scripts/test-env.sh`)
  mkdirSync(join(dir, 'buildx', 'instances'), { recursive: true })
  copyFileSync(instance, join(dir, 'buildx', 'instances', env.builder.name))
  execFileSync('docker', ['buildx', 'use', env.builder.name], {
    env: { ...process.env, DOCKER_CONFIG: dir },
    stdio: 'ignore'
  })
}
