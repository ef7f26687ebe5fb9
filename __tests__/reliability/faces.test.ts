import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from '../../src/faces/cli/cli.js'
import { errorLines, runAction } from '../support/action-runner.js'
import { multiStage, push, RUN, workspace } from '../support/action-fixtures.js'
import { runCli } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'

// Bad input through the two faces a user meets: the action as the runner runs it (exit 1, one
// ::error naming the input, nothing in the registry) and the CLI (exit 2, one error line).

describeWithEnv('bad input through the action and the CLI', env => {
  let e: TestEnv
  let registry: RegistryClient
  beforeAll(() => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
  })
  const creds = (): Record<string, string> => ({
    username: e.username,
    password: e.password,
    linters: 'checklist',
    scan: 'false'
  })

  type ActionCase = [input: string, repo: string, inputs: Record<string, string>, dockerfile?: string]
  const actionCases: ActionCase[] = [
    ['tags', 'long-tag', { tags: `type=raw,value=${'t'.repeat(129)}` }],
    ['labels', 'cr-label', { labels: 'org.example.note=one\rtwo' }],
    ['fail-on-severity', 'bad-gate', { 'fail-on-severity': 'URGENT' }],
    ['target', 'no-stage', { target: 'tests' }],
    ['file', 'no-from', {}, 'RUN echo this is not a Dockerfile\n'],
    ['password', 'no-password', { username: 'bot', password: '' }]
  ]

  it.each(actionCases)(
    'the action: bad %s exits 1 with one ::error naming it, and pushes nothing (%s)',
    // Rest parameters: jest takes a callback with more parameters than the row for one wanting `done`.
    async (...[input, name, inputs, dockerfile]) => {
      const repo = `rel-${RUN}/${name}`
      const run = await runAction({
        node: e.node24,
        workspace: workspace(dockerfile ?? multiStage(pinnedRef(e.baseImages.busybox))),
        inputs: { images: `${e.registry}/${repo}`, tags: 'type=sha', ...creds(), ...inputs },
        event: push('refs/heads/main')
      })
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`Input "${input}": `)
      expect(run.argvSeen.filter(c => / buildx build /.test(c))).toEqual([])
      expect(await registry.tags(repo)).toEqual([])
      expect(run.everything).not.toContain(e.password)
    }
  )

  describe('the CLI', () => {
    const ws = workspace('FROM docker.io/library/busybox:1.36 AS app\nUSER nobody\n')
    mkdirSync(join(ws, 'broken'))
    writeFileSync(join(ws, 'broken', 'Dockerfile'), '# nothing here\nRUN true\n')
    const pwned = join(tmpdir(), `oci-cli-pwned-${RUN}`)
    const base = (): string[] => ['--workspace', ws, '--images', `${e.registry}/rel-${RUN}/cli`]

    type CliCase = [input: string, args: string[]]
    const cliCases: CliCase[] = [
      ['images', ['build', '--workspace', ws, '--images', `${'127.0.0.1:5000'}/rel/My App`]],
      ['tags', ['build', '--tags', `type=raw,value=${'t'.repeat(129)}`]],
      ['tags', ['build', '--tags', `$(touch ${pwned})`]],
      ['labels', ['build', '--labels', 'org.example.note=one\rtwo']],
      ['build-args', ['build', '--build-args', 'NO_EQUALS; rm -rf /']],
      ['severity', ['build', '--severity', 'SEVERE']],
      ['lint-failure-threshold', ['run', '--lint-failure-threshold', 'fatal']],
      ['lint-rules', ['run', '--lint-rules', 'OP999']],
      ['lint-ignore', ['run', '--lint-ignore', 'NOPE1']],
      ['platforms', ['build', '--platforms', 'linux/amd64,arm64']],
      ['load', ['build', '--load', '--platforms', 'linux/amd64,linux/arm64']],
      ['context', ['build', '--context', '..']],
      ['file', ['build', '--file', 'missing.Dockerfile']],
      ['file', ['build', '--context', 'broken']],
      ['target', ['build', '--target', 'tests']],
      ['password', ['build', '--username', 'bot']]
    ]

    it.each(cliCases)('cli(): bad %s exits 2 with one error naming it (%j)', async (input, args) => {
      const lines: string[] = []
      const stdout: string[] = []
      const argv = args.includes('--workspace') ? args : [...args, ...base()]
      const code = await cli(
        argv,
        { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: join(ws, '.docker') },
        {
          stdout: t => void stdout.push(t),
          stderr: t => void lines.push(...t.trimEnd().split('\n')),
          cwd: ws
        }
      )
      expect(code).toBe(2)
      const errors = lines.filter(l => /error/i.test(l))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`Input "${input}": `)
      expect(stdout.join('')).toBe('')
      expect(existsSync(pwned)).toBe(false)
    })

    it('the bundled CLI: bad tags exit 2 with one error naming the input', async () => {
      const run = await runCli(e.node24, ['build', ...base(), '--tags', 'bad tag!'], {
        cwd: ws,
        env: { DOCKER_CONFIG: join(ws, '.docker') }
      })
      expect(run.code).toBe(2)
      const errors = run.stderr.split('\n').filter(l => /error/i.test(l))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('Input "tags": tag "bad tag!" may only hold')
      expect(await registry.tags(`rel-${RUN}/cli`)).toEqual([])
    })
  })
})
