import { mapBuildFlags, shellWords } from '../../../src/faces/gitlab/build-flags.js'
import {
  gitlabInputs,
  gitlabTagRules,
  imageInputs,
  skipsPush,
  withGitLabInputs
} from '../../../src/faces/gitlab/defaults.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const gitlab = {
  GITLAB_CI: 'true',
  CI_COMMIT_SHA: SHA,
  CI_COMMIT_SHORT_SHA: SHA.slice(0, 8),
  CI_COMMIT_REF_NAME: 'main',
  CI_COMMIT_BRANCH: 'main',
  CI_PROJECT_NAME: 'ska-demo',
  CI_PROJECT_DIR: '/builds/ska-telescope/ska-demo',
  CI_REGISTRY: 'registry.gitlab.com',
  CI_REGISTRY_IMAGE: 'registry.gitlab.com/ska-telescope/ska-demo',
  CI_REGISTRY_USER: 'gitlab-ci-token',
  CI_REGISTRY_PASSWORD: 'tok',
  CI_JOB_URL: 'https://gitlab.com/ska-telescope/ska-demo/-/jobs/7'
}

describe('OCI_BUILD_ADDITIONAL_ARGS: every docker build flag the pipeline has an input for', () => {
  it.each<[string, Record<string, string[]>, Record<string, string>]>([
    ['--build-arg A=1 --build-arg=B="two words"', { 'build-args': ['A=1', 'B=two words'] }, {}],
    ['--build-arg HOME --build-arg UNSET', { 'build-args': ['HOME=/home/ci'] }, {}],
    ['--target runtime', {}, { target: 'runtime' }],
    ['--platform linux/amd64,linux/arm64', { platforms: ['linux/amd64,linux/arm64'] }, {}],
    ['--label a=1 --label=b=2', { labels: ['a=1', 'b=2'] }, {}],
    ['--no-cache --pull', {}, { 'no-cache': 'true', pull: 'true' }],
    ['--pull=false', {}, { pull: 'false' }],
    ['--network host --add-host db:10.0.0.2', { 'add-hosts': ['db:10.0.0.2'] }, { network: 'host' }],
    [
      '--cache-from type=registry,ref=r/c --cache-to type=inline',
      { 'cache-from': ['type=registry,ref=r/c'], 'cache-to': ['type=inline'] },
      {}
    ],
    [
      '--build-context base=docker-image://alpine:3',
      { 'build-contexts': ['base=docker-image://alpine:3'] },
      {}
    ],
    [
      '--ssh default --shm-size 2g --ulimit nofile=1024:2048',
      { ssh: ['default'], ulimit: ['nofile=1024:2048'] },
      { 'shm-size': '2g' }
    ],
    [
      '--allow network.host --no-cache-filter build',
      { allow: ['network.host'], 'no-cache-filters': ['build'] },
      {}
    ],
    [
      '--provenance mode=max --sbom true --attest type=sbom',
      { attests: ['type=sbom'] },
      { provenance: 'mode=max', sbom: 'true' }
    ],
    [
      '--secret id=npm,env=NPM_TOKEN --secret id=pip,src=pip.conf',
      { 'secret-envs': ['npm=NPM_TOKEN'], 'secret-files': ['pip=pip.conf'] },
      {}
    ],
    ['--secret id=NPM_TOKEN', { 'secret-envs': ['NPM_TOKEN=NPM_TOKEN'] }, {}],
    ['--builder remote', {}, { builder: 'remote' }]
  ])('%s', (text, lines, values) => {
    const out = mapBuildFlags(text, { HOME: '/home/ci', NPM_TOKEN: 'x' })
    expect(out.lines).toEqual(lines)
    expect(out.values).toEqual(values)
    expect(out.ignored).toEqual([])
  })

  it('drops only what changes the printing, and says so', () => {
    expect(mapBuildFlags('--progress plain -q --rm --force-rm --progress=tty', {}).ignored).toEqual([
      '--progress plain',
      '-q',
      '--rm',
      '--force-rm',
      '--progress tty'
    ])
  })

  it.each([
    [
      '-t x:1',
      /-t is not taken here: the tags come from the tag rules: add more with OCI_BUILD_ADDITIONAL_TAGS/
    ],
    ['--push', /--push is not taken here: the image is pushed only once it passed the lint and the scan/],
    ['--output type=local,dest=out', /--output is not taken here/],
    ['-f other/Dockerfile', /the Dockerfile is OCI_IMAGE_FILE_PATH/],
    ['--memory 2g', /--memory is not a docker buildx build flag the pipeline can pass on/],
    ['.', /"\." is not a flag \(the build context is OCI_IMAGE_BUILD_CONTEXT/],
    ['--target', /--target needs a value/],
    ['--secret env=X', /--secret "env=X" has no id=/],
    ['--secret id=MISSING', /the environment variable MISSING is not set/],
    ['--no-cache=maybe', /--no-cache is true or false/]
  ])('refuses %s, naming the variable and what to do', (text, message) => {
    expect(() => mapBuildFlags(text, {})).toThrow(/^Input "OCI_BUILD_ADDITIONAL_ARGS": /)
    expect(() => mapBuildFlags(text, {})).toThrow(message)
  })

  it('splits words like a shell, without expanding anything', () => {
    expect(shellWords(`a "b c" 'd $e' f\\ g ""`)).toEqual(['a', 'b c', 'd $e', 'f g', ''])
  })
})

describe('GitLab and SKAO variables as inputs', () => {
  it('default the image, registry and login to the project registry', () => {
    const g = gitlabInputs({ ...gitlab, OCI_IMAGE: 'ska-demo-api' })
    expect(g.defaults).toEqual({
      images: 'registry.gitlab.com/ska-telescope/ska-demo/ska-demo-api',
      registry: 'registry.gitlab.com',
      username: 'gitlab-ci-token',
      password: 'tok'
    })
    expect(gitlabInputs({ ...gitlab, CI_REGISTRY_IMAGE: 'r/x' }).defaults.images).toBe('r/x/ska-demo')
  })

  it('take publish’s digest only from OCI_IMAGE_SCANNED_DIGEST, never the plain OCI_IMAGE_DIGEST', () => {
    const d = 'sha256:' + 'b'.repeat(64)
    expect(gitlabInputs({ ...gitlab, OCI_IMAGE_DIGEST: d }).defaults['source-digest']).toBeUndefined()
    expect(gitlabInputs({ ...gitlab, OCI_IMAGE_SCANNED_DIGEST: d }).defaults['source-digest']).toBe(d)
  })

  // SKAO's makefile tests `[ -z "$(OCI_SKIP_PUSH)" ]`: any value at all skips the push.
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['true', true],
    ['1', true],
    ['false', true],
    ['no', true]
  ])('OCI_SKIP_PUSH=%j skips the push: %s', (value, skips) => {
    const env = value === undefined ? gitlab : { ...gitlab, OCI_SKIP_PUSH: value }
    expect(skipsPush(env)).toBe(skips)
    expect(gitlabInputs(env).defaults.push).toBe(skips ? 'false' : undefined)
  })

  it.each<[string, Record<string, string>, string | undefined]>([
    ['a branch: the dev tag', {}, `type=raw,value={{version}}-dev.c${SHA.slice(0, 8)}`],
    [
      'a branch, asked for the mutable version tag too',
      { OCI_IMAGE_DEV_RELEASE_TAG: 'true' },
      `type=raw,value={{version}}-dev.c${SHA.slice(0, 8)}\ntype=raw,value={{version}}`
    ],
    [
      'a branch, OCI_IMAGE_DEV_RELEASE_TAG false',
      { OCI_IMAGE_DEV_RELEASE_TAG: 'false' },
      `type=raw,value={{version}}-dev.c${SHA.slice(0, 8)}`
    ],
    ['a git tag: the version', { CI_COMMIT_TAG: '1.2.3' }, 'type=raw,value={{version}}'],
    [
      'no short sha given: 8 characters of the sha',
      { CI_COMMIT_SHORT_SHA: '' },
      `type=raw,value={{version}}-dev.c${SHA.slice(0, 8)}`
    ],
    ['outside GitLab: none (the CLI’s own defaults)', { GITLAB_CI: '' }, undefined]
  ])('tag rules on %s', (_, more, rules) => {
    expect(gitlabTagRules({ ...gitlab, ...more })).toBe(rules)
  })

  it('put every layer under what the user gave, and the release registry in as a build arg', () => {
    const env = {
      ...gitlab,
      OCI_BUILD_ADDITIONAL_ARGS: '--build-arg A=1 --label team=x --target rt',
      OCI_BUILD_ADDITIONAL_TAGS: 'extra1  extra2',
      CAR_OCI_REGISTRY_HOST: 'harbor.example.org/production',
      CAR_OCI_REGISTRY_USERNAME: 'u',
      CAR_OCI_REGISTRY_PASSWORD: 'p'
    }
    const g = gitlabInputs(env)
    expect(g.defaults).toMatchObject({
      'release-image': 'harbor.example.org/production/ska-demo',
      'release-username': 'u',
      'release-password': 'p',
      target: 'rt'
    })
    const user: Record<string, string> = { 'build-args': 'A=2', labels: 'CI_JOB_URL=mine', target: 'mine' }
    const raw = withGitLabInputs(name => user[name] ?? '', g)
    expect(raw('build-args')).toBe('CAR_OCI_REGISTRY_HOST=harbor.example.org/production\nA=1\nA=2')
    expect(raw('labels').split('\n').slice(-2)).toEqual(['team=x', 'CI_JOB_URL=mine'])
    expect(raw('labels')).toContain(`CI_COMMIT_SHA=${SHA}`)
    expect(raw('target')).toBe('mine')
    expect(raw('tags')).toBe(
      `type=raw,value={{version}}-dev.c${SHA.slice(0, 8)}\ntype=raw,value=extra1\ntype=raw,value=extra2`
    )
    expect(withGitLabInputs(name => (name === 'tags' ? 'type=ref,event=branch' : ''), g)('tags')).toBe(
      'type=ref,event=branch\ntype=raw,value=extra1\ntype=raw,value=extra2'
    )
  })

  it('give each image its own repositories, Dockerfile, context and FROM pins', () => {
    const env = { ...gitlab, CAR_OCI_REGISTRY_HOST: 'harbor.example.org/production' }
    const g = imageInputs(
      gitlabInputs(env),
      { name: 'app', file: 'images/app/Dockerfile', context: 'images/app' },
      env,
      ['r/base:1=docker-image://r/base@sha256:' + 'a'.repeat(64)]
    )
    const raw = withGitLabInputs(() => '', g)
    expect([raw('images'), raw('release-image'), raw('file'), raw('context')]).toEqual([
      'registry.gitlab.com/ska-telescope/ska-demo/app',
      'harbor.example.org/production/app',
      'images/app/Dockerfile',
      'images/app'
    ])
    expect(raw('build-contexts')).toBe('r/base:1=docker-image://r/base@sha256:' + 'a'.repeat(64))
  })
})
