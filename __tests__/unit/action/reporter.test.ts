import { jest } from '@jest/globals'
import { GitHubReporter, logText } from '../../../src/faces/action/reporter.js'
import { vulnerabilityTable } from '../../../src/stages/scan/reports.js'
import { secretParts } from '../../../src/text.js'
import { vuln } from '../scan/fixtures.js'

/**
 * The workflow commands a runner would act on in a step's output: it reads the output line by line
 * (a `\r` ends a line as `\n` does), takes `::name …::value` at the start of a line (after blanks),
 * the older `##[name …]value` anywhere in one, and nothing between `::stop-commands::<token>` and
 * `::<token>::`.
 */
function commandsRun(stdout: string): string[] {
  const run: string[] = []
  let stopped: string | undefined
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const text = line.trimStart()
    if (stopped !== undefined) {
      if (text === `::${stopped}::`) stopped = undefined
      continue
    }
    const v2 = /^::([\w-]+)[^:]*::(.*)$/.exec(text)
    if (v2) {
      run.push(`${v2[1]}:${v2[2]}`)
      if (v2[1] === 'stop-commands') stopped = v2[2]
    } else if (text.includes('##[')) run.push(`v1:${text.slice(text.indexOf('##['))}`)
  }
  return run
}

describe('the GitHub reporter', () => {
  let out: string
  beforeEach(() => {
    out = ''
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => ((out += String(chunk)), true))
  })
  afterEach(() => jest.restoreAllMocks())

  it.each([
    ['a package name with \\r::add-mask::', 'oci-test-lib\r::add-mask::hide-the-log'],
    ['a package name with \\n::add-mask::', 'oci-test-lib\n::add-mask::hide-the-log'],
    ['a line starting with blanks and ::', 'ok\n   ::add-mask::hide-the-log'],
    ['an older ##[add-mask] anywhere in a line', 'lib ##[add-mask]hide-the-log'],
    ['a stop-commands of its own', '::stop-commands::abc\n::add-mask::hide-the-log\n::abc::']
  ])('runs no command hidden in tool output: %s', (_, text) => {
    new GitHubReporter().info(text)
    const run = commandsRun(out)
    expect(run.filter(c => !c.startsWith('stop-commands:'))).toEqual([])
    expect(out).toContain('hide-the-log') // shown, not run
  })

  it('runs none from a scanned image’s package names in the vulnerability table', () => {
    const table = vulnerabilityTable({
      image: 'app:1',
      vulnerabilities: [vuln('CVE-1', 'HIGH', '1.1', 'lib\r::add-mask::x\n##[set-output name=a]b')]
    })
    new GitHubReporter().info(table)
    expect(commandsRun(out).filter(c => !c.startsWith('stop-commands:'))).toEqual([])
    expect(table.includes('\r') || table.includes('\u001b')).toBe(false)
  })

  it('leaves plain output as it is, unwrapped', () => {
    new GitHubReporter().info('#5 [2/3] RUN apt-get install -y curl')
    expect(out).toBe('#5 [2/3] RUN apt-get install -y curl\n')
  })

  it('takes control characters, escape sequences and bidirectional overrides out of the log and annotations', () => {
    const r = new GitHubReporter()
    r.info('a\u001b[31mred\u001b[0m\u0007\u202eb')
    r.warning('w\u001b]0;title\u0007x', { file: 'Dock\rerfile', startLine: 2, title: 't\u0000' })
    expect(out.split('\n')).toEqual(['aredb', '::warning title=t,file=Dockerfile,line=2::w0;titlex', ''])
  })

  it('keeps an annotation a single command however its text breaks lines', () => {
    new GitHubReporter().error('bad\r\n::add-mask::x')
    expect(commandsRun(out)).toEqual(['error:bad%0A::add-mask::x'])
  })

  it('masks each line of a multi-line secret, as the runner matches line by line', () => {
    const key = '{\n  "type": "service_account",\n  "private_key": "-----BEGIN KEY-----abc"\n}'
    new GitHubReporter().setSecret(key)
    const masks = commandsRun(out).filter(c => c.startsWith('add-mask:'))
    expect(masks).toEqual([
      `add-mask:${key.replace(/\n/g, '%0A')}`,
      'add-mask:"type": "service_account",',
      'add-mask:"private_key": "-----BEGIN KEY-----abc"'
    ])
  })
})

describe('logText', () => {
  it('draws another token while the text holds the first', () => {
    const tokens = ['aaa', 'bbb']
    expect(logText('::x::aaa', () => tokens.shift() as string)).toBe(
      '::stop-commands::bbb\n::x::aaa\n::bbb::'
    )
  })
})

describe('secretParts', () => {
  it.each([
    ['one line', 'hunter2', ['hunter2']],
    ['a short one, still masked whole', 'ab', ['ab']],
    [
      'lines of a multi-line one, the short ones left',
      'line-one\r\n}\nline-two',
      ['line-one\r\n}\nline-two', 'line-one', 'line-two']
    ],
    ['nothing', '', []]
  ])('%s', (_, value, parts) => {
    expect(secretParts(value)).toEqual(parts)
  })
})
