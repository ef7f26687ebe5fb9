import { mkdirSync, mkdtempSync, writeFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildConfig } from '../../src/config/config.js'
import { CONTEXTS } from '../support/contexts.js'

const ws = mkdtempSync(join(tmpdir(), 'oci-config-'))
writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n')
mkdirSync(join(ws, 'sub'))
mkdirSync(join(ws, 'adir'))
symlinkSync('/etc', join(ws, 'escape'))
const ctx = { ...CONTEXTS.pushMain, workspace: ws }

const config = (inputs: Record<string, string>, c = ctx) => buildConfig(name => inputs[name] ?? '', c)
const good = { 'github-token': 'ghs_x' }

describe('buildConfig', () => {
  it('the defaults: ghcr image, default tags, push with the github token as actor', () => {
    const c = config(good)
    expect(c.images.map(i => i.name)).toEqual(['ghcr.io/example-org/demo-app'])
    expect(c.build.context).toBe(ws)
    expect(c.build.file).toBe(join(ws, 'Dockerfile'))
    expect(c.push).toBe(true)
    expect(c.login).toEqual({ host: 'ghcr.io', username: 'octocat', password: 'ghs_x' })
    expect(c.labelSchemas).toEqual(['oci'])
  })

  it('a fork pull request builds without pushing, and says why', () => {
    const c = config(good, { ...ctx, ...CONTEXTS.pr, workspace: ws, isForkPullRequest: true })
    expect(c.push).toBe(false)
    expect(c.pushReason).toMatch(/fork/)
  })

  it('another registry without a password relies on stored credentials', () => {
    const c = config({ images: 'registry.example.org/app' })
    expect(c.push).toBe(true)
    expect(c.login).toBeUndefined()
  })

  it('tags holding whole references (build-push-action): their registry is logged in to, no default image', () => {
    const c = config({
      tags: 'registry.example.org/team/app:1.2\nregistry.example.org/team/app:latest',
      username: 'bot',
      password: 'pw'
    })
    expect(c.images.map(i => i.name)).toEqual(['registry.example.org/team/app'])
    expect(c.login).toEqual({ host: 'registry.example.org', username: 'bot', password: 'pw' })
  })

  it('an explicit password logs in to the first image registry', () => {
    const c = config({ images: 'registry.example.org/app', username: 'bot', password: 'pw' })
    expect(c.login).toEqual({ host: 'registry.example.org', username: 'bot', password: 'pw' })
  })

  it('a fan-out: one platform pushed by digest, then a job that merges the digests', () => {
    const one = config({ ...good, 'push-by-digest': 'true', platforms: 'linux/arm64' })
    expect([one.pushByDigest, one.push, one.mergeDigests]).toEqual([true, true, []])
    const d = (c: string) => `sha256:${c.repeat(64)}`
    const merge = config({
      ...good,
      'merge-digests': `${d('a')}\n${d('b')}`,
      platforms: 'linux/amd64,linux/arm64'
    })
    expect(merge.mergeDigests).toEqual([d('a'), d('b')])
    expect(merge.pushByDigest).toBe(false)
  })

  // Each bad input gives one error naming the input.
  it.each([
    ['file', { file: 'missing/Dockerfile' }, 'Input "file": cannot read the Dockerfile missing/Dockerfile'],
    ['file', { file: 'adir' }, 'Input "file": adir is a directory'],
    ['file', { file: '../../etc/passwd' }, 'Input "file": "../../etc/passwd" is outside the workspace'],
    ['context', { context: 'nope' }, 'Input "context": "nope" is not a directory'],
    ['context', { context: '..' }, 'Input "context": ".." is outside the workspace'],
    ['context', { context: 'escape' }, 'Input "context": "escape" is outside the workspace'],
    ['context', { context: '/tmp' }, 'Input "context": "/tmp" is outside the workspace'],
    [
      'platforms',
      { platforms: 'linux/amd64,arm64' },
      'Input "platforms": "arm64" is not of the form os/arch[/variant]'
    ],
    [
      'load',
      { load: 'true', platforms: 'linux/amd64,linux/arm64' },
      'Input "load": a multi-platform image cannot be loaded'
    ],
    ['load', { load: 'maybe' }, 'Input "load": "maybe" is not a boolean (true or false)'],
    [
      'push-by-digest',
      { 'push-by-digest': 'true', platforms: 'linux/amd64,linux/arm64' },
      'Input "push-by-digest": pushes one platform'
    ],
    ['merge-digests', { 'merge-digests': 'latest' }, 'Input "merge-digests": "latest" is not a sha256'],
    ['push', { push: 'yes please' }, 'Input "push": "yes please" is not a boolean'],
    ['no-cache', { 'no-cache': '2' }, 'Input "no-cache": "2" is not a boolean'],
    [
      'build-args',
      { 'build-args': 'NOEQUALS' },
      'Input "build-args": "NOEQUALS" is not of the form key=value'
    ],
    ['build-args', { 'build-args': '=value' }, 'Input "build-args": "=value" is not of the form key=value'],
    ['secrets', { secrets: 'bad id=x' }, 'Input "secrets": "bad id" is not a valid secret id'],
    ['labels', { labels: '=novalue' }, 'Input "labels": "=novalue" is not of the form key=value'],
    ['labels', { labels: 'a key=value' }, 'Input "labels": "a key" is not a valid label key'],
    [
      'label-schema',
      { 'label-schema': 'opencontainers' },
      'Input "label-schema": unknown schema "opencontainers"'
    ],
    ['images', { images: 'docker.io/app_' }, 'Input "images": "docker.io/app_" is not a valid image name'],
    ['images', { images: 'name=x.example/app,enable=no' }, 'Input "images": enable must be true or false'],
    ['images', { images: 'name=x.example/app,enable=false' }, 'Input "images": no image is enabled'],
    ['tags', { tags: 'type=unknown' }, 'Input "tags": unknown rule type "unknown"'],
    ['flavor', { flavor: 'latest=yes' }, 'Input "flavor": latest must be auto, true or false'],
    [
      'password',
      { 'github-token': '' },
      'Input "password": is empty and so is github-token, but pushing to ghcr.io needs one'
    ],
    [
      'password',
      { images: 'r.example/app', username: 'bot' },
      'Input "password": is empty, but username "bot" is set for r.example'
    ]
  ])('%s: %j', (_input, inputs, message) => {
    expect(() => config({ ...good, ...inputs })).toThrow(message)
  })
})
