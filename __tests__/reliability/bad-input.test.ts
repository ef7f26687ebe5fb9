import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildConfig } from '../../src/config/config.js'
import { InputError } from '../../src/errors.js'
import { computeMetadata } from '../../src/stages/metadata/index.js'
import { CONTEXTS } from '../support/contexts.js'

// Bad input, each kind not already in __tests__/unit/config.test.ts: one InputError naming the
// input, thrown before anything runs (buildConfig, then the metadata the pipeline computes before
// the build). The action and the CLI turn exactly this error into their one error line.
const ws = mkdtempSync(join(tmpdir(), 'oci-reliability-input-'))
const dockerfile = 'FROM docker.io/library/busybox:1.36 AS build\nFROM build AS final\nUSER nobody\n'
writeFileSync(join(ws, 'Dockerfile'), dockerfile)
mkdirSync(join(ws, 'sub'))
symlinkSync('/etc', join(ws, 'escape'))
symlinkSync(join(ws, 'gone'), join(ws, 'dangling.Dockerfile'))
mkdirSync(join(ws, 'broken'))
writeFileSync(join(ws, 'broken', 'Dockerfile'), 'RUN echo no base image\nCMD ["true"]\n')
mkdirSync(join(ws, 'noimage'))
writeFileSync(join(ws, 'noimage', 'Dockerfile'), 'FROM --platform=linux/amd64\nRUN true\n')
mkdirSync(join(ws, 'binary'))
writeFileSync(join(ws, 'binary', 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 10]))
const ctx = { ...CONTEXTS.pushMain, workspace: ws }
const pwned = join(tmpdir(), `oci-pwned-${process.pid}`)

/** Everything the pipeline checks before it starts any process. */
function prepare(inputs: Record<string, string>, c = ctx): void {
  const config = buildConfig(name => inputs[name] ?? '', c, { RUNNER_TEMP: ws })
  computeMetadata(config, c, { dockerfile: readFileSync(config.build.file, 'utf8'), now: new Date() })
}

const good = { images: 'registry.example.org/team/app', tags: 'type=sha' }
const long = (n: number): string => 'a'.repeat(n)

type Case = [input: string, inputs: Record<string, string>, message: string]

const cases: Case[] = [
  // image names
  ['images', { images: 'registry.example.org/my app' }, '"registry.example.org/my app" contains white space'],
  ['images', { images: 'registry.example.org/team/../app' }, 'has a "." or ".." path component'],
  ['images', { images: `registry.example.org/${long(250)}` }, 'characters long; the limit is 255'],
  [
    'images',
    { images: 'registry.example.org/team/-app' },
    '"registry.example.org/team/-app" is not a valid image name'
  ],
  ['images', { images: 'registry.example.org/app:1.0' }, 'must be a name without a tag or digest'],
  ['images', { images: 'name=registry.example.org/app,tag=1' }, 'unknown attribute "tag"'],
  // tags and flavor
  ['tags', { tags: 'bad tag!' }, 'tag "bad tag!" may only hold letters, digits'],
  ['tags', { tags: `type=raw,value=${long(129)}` }, 'is 129 characters long; the limit is 128'],
  ['tags', { tags: 'type=raw,value=-starts-with-dash' }, 'must not start with "." or "-"'],
  ['tags', { tags: 'type=raw,value=a/b' }, 'tag "a/b" may only hold'],
  ['tags', { tags: `$(touch ${pwned})` }, `"$(touch ${pwned})" contains white space`],
  ['tags', { tags: '$(id)' }, 'tag "$(id)" may only hold'],
  ['tags', { tags: 'type=raw,value={{nope}}' }, 'unknown expression {{nope}}'],
  ['tags', { tags: 'type=semver' }, 'type=semver needs a pattern'],
  ['tags', { tags: 'type=ref' }, 'type=ref needs event=branch, event=tag or event=pr'],
  ['tags', { tags: 'type=raw,=value' }, '"=value" in "type=raw,=value" is not of the form key=value'],
  ['tags', { tags: 'type=raw,value=a,value=b' }, '"value" is given twice'],
  ['tags', { tags: 'type=sha,format=medium' }, 'format must be short or long'],
  ['tags', { tags: 'type=raw,value=x,priority=high' }, 'priority must be a whole number'],
  ['tags', { tags: 'type=sha,pattern=x' }, '"pattern" is not an attribute of type=sha'],
  ['tags', { tags: 'type=raw,value="a,b"' }, 'is not of the form key=value'],
  ['flavor', { flavor: 'prefix=v/' }, 'tag "v/x" may only hold'],
  ['flavor', { flavor: `suffix=-${long(128)}` }, 'the limit is 128'],
  ['flavor', { flavor: 'colour=blue' }, 'unknown key "colour"'],
  // labels and team
  [
    'labels',
    { labels: 'org.example.note=first\rsecond' },
    'the value of "org.example.note" holds a line break'
  ],
  ['labels', { labels: 'org.example\rkey=x' }, 'is not a valid label key'],
  ['labels', { labels: '=no-key' }, '"=no-key" is not of the form key=value'],
  ['team', { team: 'Team\nKilo', 'label-schema': 'skao' }, 'holds a line break'],
  // key=value lists
  // The entry is not quoted back: it may be the secret itself.
  ['secrets', { secrets: 'TOKEN' }, 'an entry is not of the form id=value'],
  ['build-args', { 'build-args': 'GOOD=1\nbad line' }, '"bad line" is not of the form key=value'],
  // severities, thresholds, rule IDs
  ['severity', { severity: 'HIGH,SEVERE' }, '"SEVERE" is not one of CRITICAL, HIGH'],
  ['severity', { severity: ',' }, 'names no severity'],
  ['fail-on-severity', { 'fail-on-severity': 'URGENT' }, '"URGENT" is not one of'],
  [
    'fail-on-severity',
    { severity: 'CRITICAL', 'fail-on-severity': 'HIGH' },
    'HIGH needs HIGH to be reported'
  ],
  ['lint-failure-threshold', { 'lint-failure-threshold': 'fatal' }, '"fatal" is not one of'],
  ['lint-rules', { 'lint-rules': 'OP999' }, 'unknown checklist rule "OP999"'],
  ['lint-rules', { 'lint-rules': 'OP004=fatal' }, '"fatal" in "OP004=fatal" is not a level'],
  ['lint-rules', { 'lint-rules': '-OP004=warning' }, 'disables a rule and sets its level'],
  ['lint-rules', { 'lint-rules': 'image=app' }, 'image is one of runtime, builder, base'],
  ['lint-ignore', { 'lint-ignore': 'XX123' }, '"XX123" is not a rule ID'],
  ['lint-ignore', { 'lint-ignore': 'OP999' }, 'unknown checklist rule "OP999"'],
  ['linters', { linters: 'shellcheck' }, 'unknown linter "shellcheck"'],
  ['scanners', { scanners: 'malware' }, '"malware" is not one of vuln, secret, misconfig, license'],
  ['sbom-format', { 'sbom-format': 'xml' }, '"xml" is not one of'],
  ['scan-timeout', { 'scan-timeout': 'forever' }, 'is not a duration'],
  ['trivy-version', { 'trivy-version': 'latest' }, 'is not a release version'],
  ['sbom-retention-days', { 'sbom-retention-days': '365' }, 'from 1 to 90'],
  ['lint-data-size-limit', { 'lint-data-size-limit': 'big' }, 'is not a size'],
  // platforms, context, file, target
  ['platforms', { platforms: 'linux' }, '"linux" is not of the form os/arch[/variant]'],
  ['platforms', { platforms: 'Linux/AMD64' }, 'is not of the form os/arch[/variant]'],
  ['platforms', { platforms: 'linux/arm64/v8/extra' }, 'is not of the form os/arch[/variant]'],
  [
    'load',
    { load: 'true', platforms: 'linux/amd64\nlinux/arm/v7' },
    'a multi-platform image cannot be loaded'
  ],
  // fan-out across runners: push-by-digest per platform, merge-digests in the joining job
  ['push-by-digest', { 'push-by-digest': 'always' }, '"always" is not a boolean'],
  [
    'push-by-digest',
    { 'push-by-digest': 'true', platforms: 'linux/amd64,linux/arm64' },
    'pushes one platform; give one in "platforms" per job'
  ],
  ['push-by-digest', { 'push-by-digest': 'true', push: 'false' }, 'is true but push is false'],
  ['merge-digests', { 'merge-digests': 'sha256:abc' }, '"sha256:abc" is not a sha256:<64 hex> digest'],
  ['merge-digests', { 'merge-digests': `${'a'.repeat(64)}` }, 'is not a sha256:<64 hex> digest'],
  [
    'merge-digests',
    { 'merge-digests': `sha256:${'a'.repeat(64)}`, 'push-by-digest': 'true' },
    'cannot be given with push-by-digest'
  ],
  [
    'merge-digests',
    { 'merge-digests': `sha256:${'b'.repeat(64)}`, push: 'false' },
    'is given but push is false'
  ],
  ['context', { context: 'sub/../..' }, 'is outside the workspace'],
  ['context', { context: 'escape/ssl' }, 'is outside the workspace'],
  ['file', { file: 'escape/passwd' }, 'is outside the workspace'],
  ['file', { file: 'dangling.Dockerfile' }, 'cannot read the Dockerfile dangling.Dockerfile'],
  ['file', { context: 'broken' }, 'the Dockerfile has no FROM instruction'],
  ['file', { context: 'binary' }, 'the Dockerfile has no FROM instruction'],
  ['file', { context: 'noimage' }, 'FROM on line 1 names no image'],
  ['target', { target: 'tests' }, 'no stage named "tests" (stages: build, final)'],
  // credentials
  ['password', { images: 'ghcr.io/example-org/app', username: 'bot' }, 'pushing to ghcr.io needs one']
]

describe('bad input gives one error naming the input, before anything runs', () => {
  it('has the cases the issue asks for (with those of config.test.ts, well over 40)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases)('%s: %j', (input, inputs, message) => {
    let error: unknown
    try {
      prepare({ ...good, ...inputs })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe(input)
    expect((error as Error).message).toContain(`Input "${input}": `)
    expect((error as Error).message).toContain(message)
    expect((error as Error).message.split('\n')).toHaveLength(1)
  })

  it('an empty username where a password is given names username', () => {
    const noActor = { ...ctx, actor: '' }
    expect(() => prepare({ ...good, password: 'pw' }, noActor)).toThrow('Input "username": is empty')
  })

  it('the good inputs the cases start from pass', () => {
    expect(() => prepare(good)).not.toThrow()
    expect(existsSync(pwned)).toBe(false)
  })
})
