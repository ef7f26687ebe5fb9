import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RUN } from './action-fixtures.js'
import { freshCliBundle, runProcess, type ProcessRun } from './cli-runner.js'
import { pinnedRef, type TestEnv } from './env.js'
import { registryAuthConfig } from './referrers.js'
import { TEST_ADVISORIES, writeTrivyDb } from './trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export const KEY_PASSWORD = 'key-Pa55-word-for-the-test'

export interface SignedBuild {
  run: ProcessRun
  outputs: Json
  repo: string
  reports: string
  /** RUNNER_TEMP of the run: where its private folder was. */
  runTemp: string
}

/**
 * What the key-based signing tests share: the bundled CLI, a cosign key pair, a git project whose
 * image Trivy sees as Debian 12 with two vulnerabilities, the test Trivy DB, and a docker config
 * with the registries' credentials for the test's own cosign and docker calls (each run logs in to
 * a config of its own, removed with it).
 */
export class SigningBed {
  readonly work = mkdtempSync(join(tmpdir(), 'oci-sign-it-'))
  readonly dockerConfig = join(this.work, 'docker-config')
  readonly pub = join(this.work, 'cosign.pub')
  readonly project = join(this.work, 'project')
  readonly trivyCache = join(this.work, 'trivy-cache')
  readonly cli = freshCliBundle()
  readonly pem: string
  readonly commit: string

  constructor(readonly e: TestEnv) {
    registryAuthConfig(this.dockerConfig, [e.registry, e.releaseRegistry], e)
    writeTrivyDb(this.trivyCache, 'debian 12', TEST_ADVISORIES)
    execFileSync(e.cosign, ['generate-key-pair'], {
      cwd: this.work,
      env: { ...process.env, COSIGN_PASSWORD: KEY_PASSWORD }
    })
    this.pem = readFileSync(join(this.work, 'cosign.key'), 'utf8')
    mkdirSync(this.project)
    writeFileSync(
      join(this.project, 'Dockerfile'),
      `FROM ${pinnedRef(e.baseImages.debianVuln)}\nUSER nobody\n`
    )
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        cwd: this.project
      })
        .toString()
        .trim()
    git('init', '-q', '-b', 'main')
    git('add', 'Dockerfile')
    git('commit', '-q', '-m', 'image')
    git('remote', 'add', 'origin', 'https://gitlab.example.org/group/app.git')
    this.commit = git('rev-parse', 'HEAD')
  }

  cosign(args: string[]): Promise<ProcessRun> {
    return runProcess(this.e.cosign, args, { cwd: this.work, env: { DOCKER_CONFIG: this.dockerConfig } })
  }

  oci(args: string[], vars: Record<string, string> = {}): Promise<ProcessRun> {
    return runProcess(this.e.node24, [this.cli, ...args], {
      cwd: this.project,
      env: { DOCKER_CONFIG: this.dockerConfig, OCI_PIPELINE_COSIGN_PATH: this.e.cosign, ...vars }
    })
  }

  /** The login the base images need (the referrers registry needs none to push). */
  creds(): Record<string, string> {
    return {
      OCI_PIPELINE_REGISTRY: this.e.registry,
      OCI_PIPELINE_USERNAME: this.e.username,
      OCI_PIPELINE_PASSWORD: this.e.password
    }
  }

  /** `build` with the key (PEM text) and its password in the environment, as GitLab's variables give them. */
  async signedBuild(registry: string, name: string): Promise<SignedBuild> {
    const repo = `sign-${RUN}/${name}`
    const reports = join(this.work, 'reports', name)
    const runTemp = mkdtempSync(join(this.work, 'runner-temp-'))
    const run = await this.oci(
      [
        'build',
        ...['--images', `${registry}/${repo}`, '--tags', 'type=raw,value=1.0'],
        ...['--trivy-cache-dir', this.trivyCache, '--fail-on-severity', 'none', '--sbom-format', 'both'],
        ...['--report-dir', reports, '--json']
      ],
      {
        ...this.creds(),
        OCI_PIPELINE_TRIVY_PATH: this.e.trivy,
        TRIVY_SKIP_DB_UPDATE: 'true',
        OCI_PIPELINE_SIGN_KEY: this.pem,
        OCI_PIPELINE_SIGN_KEY_PASSWORD: KEY_PASSWORD,
        RUNNER_TEMP: runTemp
      }
    )
    let outputs: Json = {}
    try {
      outputs = JSON.parse(run.stdout) as Json
    } catch {
      throw new Error(`build printed no JSON (exit ${run.code}):\n${run.stderr}`)
    }
    return { run, outputs, repo, reports, runTemp }
  }
}
