import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../support/env.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/tool-image.yml'), 'utf8')) as Json
const TEMPLATE = readFileSync(join(ROOT, 'templates', 'gitlab-ci.yml'), 'utf8')
const D = 'sha256:' + 'ab'.repeat(32)

/** The release job's `tags` step, run as the runner runs `shell: bash`, in a checkout holding `template`. */
function releaseTags(tag: string, template: string, repository = 'ghcr.io/Oci-Pipeline/oci-pipeline') {
  const dir = mkdtempSync(join(tmpdir(), 'oci-tool-release-'))
  mkdirSync(join(dir, 'templates'))
  writeFileSync(join(dir, 'templates', 'gitlab-ci.yml'), template)
  const step = (workflow.jobs.release.steps as Json[]).find(s => s.id === 'tags') as Json
  const out = join(dir, 'output')
  const res = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run as string], {
    cwd: dir,
    env: { PATH: process.env.PATH, TAG: tag, REPOSITORY: repository, GITHUB_OUTPUT: out },
    encoding: 'utf8'
  })
  let output: Record<string, string> = {}
  try {
    output = Object.fromEntries(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )
  } catch {
    // nothing written
  }
  return { code: res.status, stdout: res.stdout, output }
}

const pinned = (image: string): string => TEMPLATE.replace(/(^ {4}image:\n {6}default: )\S+$/m, `$1${image}`)

describe('.github/workflows/tool-image.yml', () => {
  it('builds on main and pull requests (sha and branch tags), and on a release tag only tags what the include pins', () => {
    expect(workflow.jobs.image.if).toBe("github.ref_type != 'tag'")
    expect(workflow.jobs.release.if).toBe("github.ref_type == 'tag'")
    const tags = (workflow.jobs.image.steps as Json[]).find(s => s.id === 'image')?.with.tags as string
    expect(tags.trim().split('\n')).toEqual([
      'type=ref,event=branch',
      'type=ref,event=pr',
      'type=sha',
      'type=sha,format=long'
    ])
    expect(JSON.stringify(workflow.jobs.release)).not.toMatch(/buildx build|uses: \.\//)
  })

  it.each<[string, string[]]>([
    ['v1.2.3', ['1.2.3', '1.2', '1']],
    ['v2.0.0', ['2.0.0', '2.0', '2']],
    ['v1.3.0-rc.1', ['1.3.0-rc.1']],
    ['v0.4.2', ['0.4.2']]
  ])('%s gives the pinned digest the tags %j', (tag, tags) => {
    const run = releaseTags(tag, pinned(`ghcr.io/oci-pipeline/oci-pipeline:sha-0123456@${D}`))
    expect(run.code).toBe(0)
    expect(run.output).toEqual({
      source: `ghcr.io/oci-pipeline/oci-pipeline@${D}`,
      digest: D,
      tags: tags.join(' ')
    })
  })

  it.each<[string, string, RegExp]>([
    ['v1.2.3', TEMPLATE, /pins no tool image digest .*run scripts\/release-pins\.mjs before tagging/],
    [
      'v1.2.3',
      pinned(`ghcr.io/someone-else/tool:1@${D}`),
      /pins ghcr\.io\/someone-else\/tool:1@sha256:[0-9a-f]+, not an image of ghcr\.io\/oci-pipeline\/oci-pipeline/
    ],
    [
      'release-1',
      pinned(`ghcr.io/oci-pipeline/oci-pipeline:1@${D}`),
      /release-1 is not a release tag vX\.Y\.Z/
    ]
  ])('refuses %s with a template that %#', (tag, template, message) => {
    const run = releaseTags(tag, template)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(message)
    expect(run.output).toEqual({})
  })

  it('the include’s default job image is the placeholder digest until the first release pins one', () => {
    expect(TEMPLATE).toMatch(
      /^ {4}image:\n {6}default: ghcr\.io\/oci-pipeline\/oci-pipeline:1@sha256:0{64}$/m
    )
  })
})
