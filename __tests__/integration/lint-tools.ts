import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, type TestEnv } from '../support/env.js'

/** The real hadolint and Trivy the lint tests run, from .cache/test-env.json. */
export interface LintTools {
  hadolint: string
  trivy: string
}

/** The tools, or why they cannot be had (the lint needs neither docker nor a registry). */
function probeLintTools(): { tools?: LintTools; why?: string } {
  const file = join(ROOT, '.cache', 'test-env.json')
  if (!existsSync(file)) return { why: `${file} is missing: run scripts/test-env.sh as root` }
  const env = JSON.parse(readFileSync(file, 'utf8')) as Partial<TestEnv>
  const missing = (['hadolint', 'trivy'] as const).filter(k => !env[k] || !existsSync(env[k] as string))
  if (missing.length) return { why: `${file} names no installed ${missing.join(' or ')}` }
  return { tools: { hadolint: env.hadolint as string, trivy: env.trivy as string } }
}

/**
 * `describe` for the lint tests that run the real hadolint and Trivy. Off CI they are skipped with
 * the reason when the tools are missing; with CI=true they fail, so a missing tool never passes.
 */
export function describeWithLintTools(name: string, fn: (tools: () => LintTools) => void): void {
  const { tools, why } = probeLintTools()
  if (!tools && process.env.CI !== 'true') {
    describe.skip(`${name} (skipped: ${why})`, () => fn(() => ({}) as LintTools))
    return
  }
  describe(name, () => {
    if (!tools)
      it('has hadolint and Trivy', () => {
        throw new Error(`the lint tools are missing: ${why}`)
      })
    else fn(() => tools)
  })
}
