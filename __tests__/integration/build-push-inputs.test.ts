import { runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'

/*
 * docker/build-push-action's secret inputs through the action, as the runner runs it: a multi-line
 * secret in `secrets` (CSV, quoted), `secret-envs` and `secret-files` reach the build, which checks
 * each one, and their values appear in no output and no command line.
 */
describeWithEnv('build-push-action secrets through the action', env => {
  let e: TestEnv

  beforeAll(() => {
    e = env()
  })

  it('a quoted multi-line secret, secret-envs and secret-files reach the build and nowhere else', async () => {
    const repo = `it-${RUN}/secret-kinds`
    const pem = `-----BEGIN PRIVATE KEY-----\nSecretPemLine1${RUN}\nSecretPemLine2${RUN}\n-----END PRIVATE KEY-----`
    const fromEnv = `EnvSecret-${RUN}-zq`
    const fromFile = `FileSecret-${RUN}-zq`
    const ws = workspace(
      [
        `FROM ${pinnedRef(e.baseImages.busybox)}`,
        // Each secret is checked inside the build: the PEM's four lines, the others' presence.
        'RUN --mount=type=secret,id=pem test "$(grep -c . /run/secrets/pem)" -eq 4',
        'RUN --mount=type=secret,id=env_key test -s /run/secrets/env_key',
        'RUN --mount=type=secret,id=file_key test -s /run/secrets/file_key',
        'USER nobody',
        ''
      ].join('\n'),
      { 'file-secret.txt': fromFile }
    )
    const run = await runAction({
      node: e.node24,
      workspace: ws,
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=s',
        username: e.username,
        password: e.password,
        secrets: `"pem=${pem}"`,
        'secret-envs': 'env_key=IT_ENV_SECRET',
        'secret-files': 'file_key=file-secret.txt',
        linters: 'checklist',
        'lint-failure-threshold': 'none',
        scan: 'false'
      },
      event: push('refs/heads/main'),
      env: { IT_ENV_SECRET: fromEnv }
    })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.code).toBe(0)
    const registry = new RegistryClient(e.registry, e.username, e.password)
    expect((await registry.manifest(repo, 's'))?.digest).toBe(run.outputs.digest)

    const values = [...pem.split('\n').filter(l => l.includes(RUN)), fromEnv, fromFile]
    const seen = [run.everything, ...run.argvSeen, JSON.stringify(await registry.config(repo, 's'))].join(
      '\n'
    )
    expect(values.filter(v => seen.includes(v))).toEqual([])
    const build = run.argvSeen.filter(c => / build --progress /.test(c) && c.includes(e.registry)).join(' ')
    expect(build).toMatch(/--secret id=pem,src=\S+/)
    expect(build).toMatch(/--secret id=env_key,env=IT_ENV_SECRET/)
    expect(build).toMatch(/--secret id=file_key,src=\S+file-secret\.txt/)
  })
})
