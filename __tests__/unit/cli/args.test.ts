import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli } from '../../../src/faces/cli/cli.js'
import {
  commandHelp,
  envName,
  optionReader,
  parseCommandLine,
  programHelp,
  UsageError,
  VERSION
} from '../../../src/faces/cli/args.js'
import { COMMANDS, optionsFor, SECRET_OPTIONS } from '../../../src/faces/cli/options.js'
import { INPUTS } from '../../../src/config/inputs.js'
import { ROOT } from '../../support/env.js'

async function runCli(
  argv: string[],
  stdin?: string
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await cli(
    argv,
    {},
    {
      stdout: t => void (stdout += t),
      stderr: t => void (stderr += t),
      cwd: '/',
      ...(stdin !== undefined ? { stdin: async () => stdin } : {})
    }
  )
  return { code, stdout, stderr }
}

const isSecret = (name: string): boolean => (SECRET_OPTIONS as readonly string[]).includes(name)

describe('the command line', () => {
  it.each(['run', 'build', 'lint'] as const)(
    '%s takes every input of the action as a flag, but the secrets',
    command => {
      const inputs = INPUTS.filter(i => !isSecret(i.name))
      const argv = [command, ...inputs.flatMap(i => [`--${i.name}`, `value of ${i.name}`])]
      const parsed = parseCommandLine(argv)
      for (const i of inputs)
        expect([i.name, parsed.values.get(i.name)]).toEqual([i.name, `value of ${i.name}`])
    }
  )

  it.each<[string[], Record<string, string>]>([
    [
      ['verify', 'ghcr.io/o/app@sha256:' + 'a'.repeat(64), '--key', 'cosign.pub'],
      { image: 'ghcr.io/o/app@sha256:' + 'a'.repeat(64), key: 'cosign.pub' }
    ],
    [
      ['verify', '--image', 'r.example.org/app@sha256:' + 'b'.repeat(64), '--attest', 'none'],
      { image: 'r.example.org/app@sha256:' + 'b'.repeat(64), attest: 'none' }
    ]
  ])('verify takes the image as its argument or as --image: %j', (argv, values) => {
    expect(Object.fromEntries(parseCommandLine(argv).values)).toEqual(values)
  })

  it.each([
    [['verify', 'a@sha256:1', 'b@sha256:2']],
    [['verify', 'a@sha256:1', '--image', 'b@sha256:2']],
    [['build', 'extra-argument']]
  ])('refuses a second image, or an argument where a command takes none: %j', argv => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError)
  })

  it.each([
    [['build', '--password', 'hunter2'], 'OCI_PIPELINE_PASSWORD, or pass it on stdin with --password-stdin'],
    [['run', '--password=hunter2'], 'OCI_PIPELINE_PASSWORD'],
    [['publish', '--release-password', 'hunter2'], 'OCI_PIPELINE_RELEASE_PASSWORD'],
    [['build', '--github-token', 'ghs_x'], 'OCI_PIPELINE_GITHUB_TOKEN'],
    [['build', '--secrets', 'k=v'], 'OCI_PIPELINE_SECRETS'],
    [['build', '--sign-key-password', 'hunter2'], 'OCI_PIPELINE_SIGN_KEY_PASSWORD'],
    [
      ['run', '--sign-key=-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nhunter2'],
      'give its path, or set OCI_PIPELINE_SIGN_KEY'
    ]
  ])('refuses a secret on the command line, where ps shows it: %j', async (argv, instead) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError)
    const { code, stdout, stderr } = await runCli(argv)
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toContain(`is not taken on the command line`)
    expect(stderr).toContain(instead)
    expect(stderr).not.toContain('hunter2')
  })

  it('reads the password from stdin with --password-stdin (a secret from then on), and refuses an empty one', async () => {
    // The error names the file, which holds the password: it is masked, so the password was taken.
    const argv = ['lint', '--password-stdin', '--file', '/nowhere/Pa55-from-stdin/Dockerfile']
    const { code, stderr } = await runCli(argv, 'Pa55-from-stdin\n')
    expect(code).toBe(2)
    expect(stderr).toContain('Input "file": cannot read the Dockerfile nowhere/***/Dockerfile')
    expect(await runCli(['build', '--password-stdin'], '\n')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'oci-pipeline: --password-stdin: standard input held no password\n'
    })
  })

  it('takes --name=value and a bare flag for true/false inputs', () => {
    const parsed = parseCommandLine(['build', '--no-cache', '--tags=type=sha', '--pull', 'false', '--load'])
    expect(Object.fromEntries(parsed.values)).toEqual({
      'no-cache': 'true',
      tags: 'type=sha',
      pull: 'false',
      load: 'true'
    })
  })

  it('names the environment fallback of an option in upper snake case', () => {
    expect(envName('build-args')).toBe('OCI_PIPELINE_BUILD_ARGS')
    expect(envName('release-password')).toBe('OCI_PIPELINE_RELEASE_PASSWORD')
  })

  it('reads the flag first, then OCI_PIPELINE_<NAME>, then the fallback', () => {
    const read = optionReader(
      new Map([['tags', 'type=sha']]),
      { OCI_PIPELINE_TAGS: 'x', OCI_PIPELINE_BUILD_ARGS: 'A=1', OCI_PIPELINE_TEAM: '' },
      n => `fallback ${n}`
    )
    expect(read('tags')).toBe('type=sha')
    expect(read('build-args')).toBe('A=1')
    expect(read('team')).toBe('fallback team')
  })

  it.each(COMMANDS)(
    '%s reads every option from OCI_PIPELINE_<OPTION> when the flag is not given',
    command => {
      for (const o of optionsFor(command).filter(o => !o.flag)) {
        const env = { [envName(o.name)]: `env ${o.name}` }
        expect([o.name, optionReader(parseCommandLine([command]).values, env)(o.name)]).toEqual([
          o.name,
          `env ${o.name}`
        ])
        if (isSecret(o.name)) continue
        const given = parseCommandLine([command, `--${o.name}=flag`]).values
        expect([o.name, optionReader(given, env)(o.name)]).toEqual([o.name, 'flag'])
      }
    }
  )

  it.each(COMMANDS)('%s --help lists every option with its environment variable', async command => {
    const { code, stdout } = await runCli([command, '--help'])
    expect(code).toBe(0)
    expect(stdout).toBe(commandHelp(command))
    expect(stdout).toContain(`Usage: oci-pipeline ${command}`)
    for (const o of optionsFor(command).filter(o => o.name !== 'help')) {
      if (isSecret(o.name)) expect(stdout).toContain(`${envName(o.name)} (environment only)`)
      else expect(stdout).toContain(`--${o.name}`)
      expect(stdout).toContain(envName(o.name))
    }
  })

  it('publish has its own options and the staging login, not the build inputs', () => {
    const names = optionsFor('publish').map(o => o.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'source-image',
        'source-digest',
        'release-image',
        'version',
        'release-username',
        'release-password',
        'registry',
        'username',
        'password',
        'dotenv'
      ])
    )
    expect(names).not.toContain('build-args')
  })

  it('prints the program help with no command or --help', async () => {
    for (const argv of [[], ['--help'], ['help']]) {
      const { code, stdout } = await runCli(argv)
      expect(code).toBe(0)
      expect(stdout).toBe(programHelp())
    }
    for (const c of COMMANDS) expect(programHelp()).toContain(`  ${c} `)
  })

  it.each([['--version'], ['-V']])('%s prints the package version and exits 0', async flag => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
    expect(await runCli([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
    // publish keeps its own --version (the release tag).
    expect(parseCommandLine(['publish', '--version', '1.2.3']).values.get('version')).toBe('1.2.3')
  })

  it.each([
    [['frob'], /unknown command "frob" \(known: run, lint, build, scan, publish, metadata, verify\)/],
    [['build', '--bogus', 'x'], /Unknown option '--bogus'[\s\S]*oci-pipeline build --help/],
    [['build', '--tags'], /Option '--tags <value>' argument missing/],
    [['publish', '--build-args', 'A=1'], /Unknown option '--build-args'/],
    [['lint', 'Dockerfile'], /Unexpected argument 'Dockerfile'/],
    [['build', '--images', '--push', 'false'], /argument is ambiguous/],
    [['scan', '--build-args', 'A=1'], /Unknown option '--build-args'[\s\S]*oci-pipeline scan --help/],
    [['scan', '--push'], /Unknown option '--push'/],
    [['scan', '--image'], /Option '--image <value>' argument missing/],
    [['publish', '--image', 'r/x:1'], /Unknown option '--image'/],
    [['lint', '--dotenv'], /Option '--dotenv <value>' argument missing/],
    [['run', '-x'], /Unknown option '-x'/]
  ])('%j: one clear error and exit code 2', async (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError)
    const { code, stdout, stderr } = await runCli(argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr.match(/oci-pipeline: /g)).toHaveLength(1)
    expect(stderr.trim().split('\n').pop()).toMatch(/^Run "oci-pipeline .*--help" for /)
  })
})
