import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'

// Every process is spawned with an argument array, never through a shell: shell syntax in free-text
// inputs reaches the image as text and runs nothing.
describeWithEnv('shell metacharacters in free-text inputs', env => {
  let e: TestEnv
  beforeAll(() => (e = env()))

  it('labels, build-args and team with $(…), backticks, ; and | arrive as text, and nothing runs', async () => {
    const marker = (n: number): string => join(tmpdir(), `oci-pwned-${RUN}-${n}`)
    const label = `$(touch ${marker(1)}); \`touch ${marker(2)}\` | touch ${marker(3)} && echo "'q'"`
    const buildArg = `\`touch ${marker(4)}\`;$(touch ${marker(5)})|tee ${marker(6)} > /dev/null`
    const team = `Team $(touch ${marker(7)}); echo | \`touch ${marker(8)}\``
    const repo = `rel-${RUN}/metachar`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(
        [
          `FROM ${pinnedRef(e.baseImages.busybox)}`,
          'ARG META',
          'LABEL org.example.from-arg="${META}"',
          'USER nobody',
          ''
        ].join('\n')
      ),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=meta',
        labels: `org.example.meta=${label}`,
        'build-args': `META=${buildArg}`,
        'label-schema': 'oci,skao',
        team,
        username: e.username,
        password: e.password,
        linters: 'checklist',
        'lint-failure-threshold': 'none',
        scan: 'false'
      },
      event: push('refs/heads/main')
    })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.code).toBe(0)
    const labels =
      (await new RegistryClient(e.registry, e.username, e.password).config(repo, 'meta')).config?.Labels ?? {}
    expect(labels['org.example.meta']).toBe(label)
    expect(labels['org.example.from-arg']).toBe(buildArg)
    expect(labels['int.skao.image.team']).toBe(team)
    for (let n = 1; n <= 8; n++) expect([marker(n), existsSync(marker(n))]).toEqual([marker(n), false])
    // No shell ever started with the inputs on its command line.
    expect(
      run.argvSeen.filter(c => /^(\/bin\/|\/usr\/bin\/)?(ba|da)?sh -c/.test(c) && c.includes(RUN))
    ).toEqual([])
  })
})
