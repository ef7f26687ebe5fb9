import { childEnv, droppedTrivyVariables, hadolintEnv, trivyEnv } from '../../../src/infra/child-env.js'
import { run } from '../../../src/infra/process.js'

const JOB = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  DOCKER_CONFIG: '/tmp/run-docker',
  ACTIONS_RUNTIME_TOKEN: 'kept: buildx type=gha caches need it',
  INPUT_PASSWORD: 'pw-from-input',
  'INPUT_GITHUB-TOKEN': 'ghs_token',
  INPUT_SECRETS: 'api_key=s3cret',
  INPUT_IMAGES: 'ghcr.io/o/app',
  OCI_PIPELINE_PASSWORD: 'pw-from-env',
  OCI_PIPELINE_RELEASE_PASSWORD: 'release-pw',
  OCI_PIPELINE_SECRETS: 'k=v',
  OCI_PIPELINE_TAGS: 'type=sha',
  CI_REGISTRY_PASSWORD: 'gitlab-pw',
  CI_JOB_TOKEN: 'job-token',
  CAR_OCI_REGISTRY_PASSWORD: 'car-pw'
}

describe('the environment of a child process', () => {
  it('holds no input of the action and no known credential variable', () => {
    expect(Object.keys(childEnv(JOB)).sort()).toEqual([
      'ACTIONS_RUNTIME_TOKEN',
      'DOCKER_CONFIG',
      'HOME',
      'OCI_PIPELINE_TAGS',
      'PATH'
    ])
  })

  it('is what every child started with run() gets, whatever environment the caller passes', async () => {
    const { stdout } = await run('sh', ['-c', 'env'], { env: JOB })
    const seen = stdout.split('\n').map(l => l.slice(0, l.indexOf('=')))
    for (const name of ['INPUT_PASSWORD', 'INPUT_GITHUB-TOKEN', 'INPUT_SECRETS', 'OCI_PIPELINE_PASSWORD'])
      expect(seen).not.toContain(name)
    expect(stdout).not.toMatch(/pw-from|ghs_token|s3cret|gitlab-pw|job-token|car-pw|release-pw/)
    expect(seen).toContain('DOCKER_CONFIG')
  })
})

describe("Trivy's environment", () => {
  const job = {
    ...JOB,
    TRIVY_SEVERITY: 'LOW',
    TRIVY_SKIP_DIRS: '/var/lib/dpkg',
    TRIVY_CONFIG: '/w/trivy.yaml',
    TRIVY_SERVER: 'http://evil:4954',
    TRIVY_IGNOREFILE: '/w/.trivyignore',
    TRIVY_USERNAME: 'mirror-user',
    TRIVY_PASSWORD: 'mirror-pw',
    TRIVY_DB_REPOSITORY: 'mirror.example/trivy-db:2',
    TRIVY_INSECURE: 'true',
    TRIVY_CACHE_DIR: '/c'
  }

  it('keeps only where Trivy logs in and downloads from, never what decides what it reports', () => {
    const env = trivyEnv(job)
    expect(
      Object.keys(env)
        .filter(n => n.startsWith('TRIVY_'))
        .sort()
    ).toEqual(['TRIVY_DB_REPOSITORY', 'TRIVY_INSECURE', 'TRIVY_PASSWORD', 'TRIVY_USERNAME'])
    expect(env.INPUT_PASSWORD).toBeUndefined()
  })

  it('says which variables were left out, and the input to use instead', () => {
    expect(droppedTrivyVariables(job)).toEqual([
      'TRIVY_CONFIG is ignored: set the "trivy-config" input instead',
      'TRIVY_IGNOREFILE is ignored: set the "trivyignores" input instead',
      'TRIVY_SERVER is ignored',
      'TRIVY_SEVERITY is ignored: set the "severity" input instead',
      'TRIVY_SKIP_DIRS is ignored: set the "skip-dirs" input instead'
    ])
  })
})

describe("hadolint's environment", () => {
  it('holds none of its HADOLINT_* settings (HADOLINT_OVERRIDE_INFO demotes errors, HADOLINT_IGNORE hides rules)', () => {
    const env = hadolintEnv({ ...JOB, HADOLINT_IGNORE: 'DL3002', HADOLINT_OVERRIDE_INFO: 'DL3002,DL3006' })
    expect(Object.keys(env).filter(n => n.startsWith('HADOLINT_') || n.startsWith('INPUT_'))).toEqual([])
    expect(env.PATH).toBe(JOB.PATH)
  })
})
