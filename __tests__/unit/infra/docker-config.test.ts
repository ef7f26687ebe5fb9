import { execFileSync } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runDockerConfig, storeLoginInFile } from '../../../src/infra/docker-config.js'
import { makeTempDir, removeTempDir } from '../../../src/infra/process.js'
import { refuseTrackedCache, trackedFiles } from '../../../src/infra/tracked.js'

const auth = (user: string, pw: string): string => Buffer.from(`${user}:${pw}`).toString('base64')

describe('the run’s own docker config', () => {
  it('starts as a copy of the user’s: logins, helpers, contexts, buildx builders, and a link to the plugins', () => {
    const home = mkdtempSync(join(tmpdir(), 'docker-home-'))
    const user = join(home, '.docker')
    mkdirSync(join(user, 'buildx', 'instances'), { recursive: true })
    mkdirSync(join(user, 'contexts', 'meta', 'abc'), { recursive: true })
    mkdirSync(join(user, 'cli-plugins'))
    const config = {
      auths: { 'ghcr.io': { auth: auth('octocat', 'from-login-action') } },
      credHelpers: { '123.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' },
      currentContext: 'remote'
    }
    writeFileSync(join(user, 'config.json'), JSON.stringify(config))
    writeFileSync(join(user, 'buildx', 'current'), '{"Name":"builder-1"}')
    writeFileSync(
      join(user, 'buildx', 'instances', 'builder-1'),
      '{"Name":"builder-1","Driver":"docker-container"}'
    )
    writeFileSync(join(user, 'contexts', 'meta', 'abc', 'meta.json'), '{"Name":"remote"}')

    const run = runDockerConfig({ HOME: home, PATH: '/bin' }, makeTempDir)
    try {
      expect(run.env).toEqual({ HOME: home, PATH: '/bin', DOCKER_CONFIG: run.dir })
      expect(statSync(run.dir).mode & 0o777).toBe(0o700)
      expect(JSON.parse(readFileSync(join(run.dir, 'config.json'), 'utf8'))).toEqual(config)
      expect(statSync(join(run.dir, 'config.json')).mode & 0o777).toBe(0o600)
      expect(readFileSync(join(run.dir, 'buildx', 'current'), 'utf8')).toBe('{"Name":"builder-1"}')
      expect(existsSync(join(run.dir, 'buildx', 'instances', 'builder-1'))).toBe(true)
      expect(existsSync(join(run.dir, 'contexts', 'meta', 'abc', 'meta.json'))).toBe(true)
      expect(lstatSync(join(run.dir, 'cli-plugins')).isSymbolicLink()).toBe(true)
      expect(readlinkSync(join(run.dir, 'cli-plugins'))).toBe(join(user, 'cli-plugins'))
    } finally {
      removeTempDir(run.dir)
    }
    expect(existsSync(run.dir)).toBe(false)
    // Removing it touched nothing of the user's (the plugins link pointed there).
    expect(existsSync(join(user, 'cli-plugins'))).toBe(true)
    expect(JSON.parse(readFileSync(join(user, 'config.json'), 'utf8'))).toEqual(config)
  })

  it('turns the credential helper off for a host the run logs in to, in its own config only', () => {
    const user = mkdtempSync(join(tmpdir(), 'docker-user-'))
    const config = { credsStore: 'desktop', credHelpers: { 'ghcr.io': 'gh' } }
    writeFileSync(join(user, 'config.json'), JSON.stringify(config))
    const run = runDockerConfig({ DOCKER_CONFIG: user }, makeTempDir)
    try {
      storeLoginInFile('ghcr.io', run.env)
      storeLoginInFile('docker.io', run.env)
      expect(JSON.parse(readFileSync(join(run.dir, 'config.json'), 'utf8'))).toEqual({
        credsStore: 'desktop',
        credHelpers: { 'ghcr.io': '', 'https://index.docker.io/v1/': '' }
      })
      // The user's own config is never edited.
      storeLoginInFile('ghcr.io', { DOCKER_CONFIG: user })
      expect(JSON.parse(readFileSync(join(user, 'config.json'), 'utf8'))).toEqual(config)
    } finally {
      removeTempDir(run.dir)
    }
  })

  it('starts empty where the user has no docker config', () => {
    const run = runDockerConfig({ DOCKER_CONFIG: join(tmpdir(), 'no-such-docker-config') }, makeTempDir)
    expect(readFileSync(join(run.dir, 'config.json'), 'utf8')).toBe('{}\n')
    removeTempDir(run.dir)
  })
})

describe('a Trivy cache inside the checkout', () => {
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' })

  it('is refused when the repository committed files into it, and taken when it holds only untracked ones', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'tracked-cache-'))
    git(ws, 'init', '-q')
    mkdirSync(join(ws, '.oci-pipeline-cache', 'trivy', 'db'), { recursive: true })
    writeFileSync(
      join(ws, '.oci-pipeline-cache', 'trivy', 'db', 'metadata.json'),
      '{"NextUpdate":"2099-01-01"}'
    )
    await expect(refuseTrackedCache(join(ws, '.oci-pipeline-cache/trivy'), ws)).resolves.toBeUndefined()
    git(ws, 'add', '.')
    git(ws, 'commit', '-q', '-m', 'a DB of our own')
    expect(await trackedFiles('.oci-pipeline-cache/trivy', ws)).toEqual([
      '.oci-pipeline-cache/trivy/db/metadata.json'
    ])
    await expect(refuseTrackedCache(join(ws, '.oci-pipeline-cache/trivy'), ws)).rejects.toThrow(
      /the Trivy cache .* holds files committed to the repository \(\.oci-pipeline-cache\/trivy\/db\/metadata\.json\)/
    )
  })

  it('is not looked at when it lies outside the checkout, or the checkout is no git repository', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'untracked-ws-'))
    expect(await trackedFiles(join(ws, 'cache'), ws)).toEqual([])
    expect(await trackedFiles('/var/cache/trivy', ws)).toEqual([])
  })
})
