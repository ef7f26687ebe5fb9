import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitHubReporter } from '../../src/faces/action/reporter.js'

/* The action's outputs, and the DOCKER_METADATA_OUTPUT_* variables docker/metadata-action sets beside them. */
describe('the GitHub reporter', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  const files = (): { output: string; env: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-gh-files-'))
    const output = join(dir, 'output')
    const env = join(dir, 'env')
    writeFileSync(output, '')
    writeFileSync(env, '')
    process.env.GITHUB_OUTPUT = output
    process.env.GITHUB_ENV = env
    return { output, env }
  }

  it('sets a metadata output and its DOCKER_METADATA_OUTPUT_ variable; other outputs only as outputs', () => {
    const f = files()
    const r = new GitHubReporter()
    r.setOutput('tag-names', 'dev\nmy')
    r.setOutput('digest', 'sha256:abc')
    expect(readFileSync(f.output, 'utf8')).toMatch(/^tag-names<<(\S+)\ndev\nmy\n\1\n/)
    expect(readFileSync(f.output, 'utf8')).toContain('digest<<')
    expect(readFileSync(f.env, 'utf8')).toMatch(/^DOCKER_METADATA_OUTPUT_TAG_NAMES<<(\S+)\ndev\nmy\n\1\n$/)
  })

  it('DOCKER_METADATA_SET_OUTPUT_ENV=false: outputs only', () => {
    const f = files()
    process.env.DOCKER_METADATA_SET_OUTPUT_ENV = 'false'
    new GitHubReporter().setOutput('version', '1.2.3')
    expect(readFileSync(f.output, 'utf8')).toContain('version<<')
    expect(readFileSync(f.env, 'utf8')).toBe('')
  })
})
