import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { InputError, StepError } from '../../errors.js'
import { atOrAbove, countByLevel, type Finding, type Level } from '../../findings.js'
import { toCodeQuality } from '../report/codequality.js'
import { toSarif, type SarifEngine } from '../report/sarif.js'
import type { Location, Reporter } from '../../reporter.js'
import { RULES, runChecklist } from './checklist/registry.js'
import { dedupe, withoutIgnored } from './dedupe.js'
import { hadolintVersion, runHadolint } from './hadolint.js'
import { LINTERS, type Linter, type LintOptions } from './options.js'
import { runTrivyConfig } from './trivy-config.js'

export { parseLintOptions, LINT_DEFAULTS, type LintOptions } from './options.js'

export interface LintRunOptions extends LintOptions {
  /** The Dockerfile, relative to the workspace or absolute. */
  file: string
  /** The build context directory (relative to the workspace or absolute). */
  context: string
  labelSchemas: readonly string[]
  workspace: string
  target?: string
  buildArgs?: ReadonlyMap<string, string>
  /** Label keys the pipeline sets from its inputs, which OP013 need not find in the Dockerfile. */
  providedLabels?: readonly string[]
  /** Where lint.sarif and lint-codequality.json go; default `<workspace>/.oci-pipeline`. */
  reportDir?: string
  /** Base URL of docs/rules (e.g. https://github.com/<owner>/oci-pipeline/blob/<ref>/docs/rules), for rule links. */
  docsBase?: string
  trivyCacheDir?: string
}

export interface LintResult {
  findings: Finding[]
  counts: Record<Level, number>
  /** A finding is at or above `lint-failure-threshold`. */
  failed: boolean
  sarifPath?: string
  codeQualityPath?: string
  /** The engines that ran, each with the version it reported (`hadolint 2.12.0`). */
  engines: string[]
}

/** Executables of the external engines; a missing one the linters need is an error naming the others. */
export interface LintTools {
  hadolint?: string
  trivy?: string
}

function unavailable(linter: Linter, linters: readonly Linter[]): StepError {
  const others = linters.filter(l => l !== linter)
  const instead = others.length ? `, or leave it out: linters: ${others.join(',')}` : ''
  return new StepError(
    `${linter} is not available on this runner: set ${linter}-path to an installed ${linter}${instead}`
  )
}

const annotate = (reporter: Reporter, f: Finding): void => {
  const where: Location = {
    file: f.file,
    startLine: f.line,
    endLine: f.endLine ?? f.line,
    title: `${f.ruleId} (${f.engine})`
  }
  if (f.level === 'error') reporter.error(f.message, where)
  else if (f.level === 'warning') reporter.warning(f.message, where)
  else reporter.notice(f.message, where)
}

const posix = (p: string): string => p.split(sep).join('/')

/**
 * Lints the Dockerfile with the chosen engines, reports every finding (annotations, SARIF, code
 * quality), and says whether the run fails. The job summary is the caller's (report/summary.ts).
 */
export async function runLint(
  opts: LintRunOptions,
  tools: LintTools,
  reporter: Reporter
): Promise<LintResult> {
  if (!opts.enabled) return { findings: [], counts: countByLevel([]), failed: false, engines: [] }
  const path = resolve(opts.workspace, opts.file)
  if (!existsSync(path)) throw new InputError('file', `"${opts.file}" does not exist`)
  const file = posix(relative(opts.workspace, path))
  for (const linter of ['hadolint', 'trivy'] as const)
    if (opts.linters.includes(linter) && !tools[linter]) throw unavailable(linter, opts.linters)

  const engines: SarifEngine[] = []
  const all: Finding[] = []
  for (const linter of LINTERS.filter(l => opts.linters.includes(l)))
    await reporter.group(`Lint: ${linter}`, async () => {
      if (linter === 'hadolint') {
        all.push(
          ...(await runHadolint({
            binary: tools.hadolint as string,
            path,
            file,
            config: opts.hadolintConfig,
            workspace: opts.workspace,
            ignore: opts.ignore
          }))
        )
        const version = await hadolintVersion(tools.hadolint as string)
        engines.push({
          name: 'hadolint',
          ...(version ? { version } : {}),
          informationUri: 'https://github.com/hadolint/hadolint'
        })
      } else if (linter === 'trivy') {
        const { findings, version } = await runTrivyConfig({
          binary: tools.trivy as string,
          path,
          file,
          cacheDir: opts.trivyCacheDir
        })
        all.push(...findings)
        engines.push({ name: 'trivy', version, informationUri: 'https://trivy.dev' })
      } else {
        all.push(
          ...runChecklist({
            text: readFileSync(path, 'utf8'),
            file,
            dockerfilePath: path,
            context: resolve(opts.workspace, opts.context),
            target: opts.target,
            buildArgs: opts.buildArgs,
            rules: opts.rules,
            labelSchemas: opts.labelSchemas,
            providedLabels: opts.providedLabels ?? [],
            minimalBases: opts.minimalBases,
            dataSizeLimit: opts.dataSizeLimit,
            docsBase: opts.docsBase
          })
        )
        engines.push({ name: 'checklist', titles: new Map(RULES.map(r => [r.id, r.title])) })
      }
      reporter.info(
        `${linter}: ${all.filter(f => f.engine === linter).length} finding(s) before de-duplication`
      )
    })

  const findings = dedupe(withoutIgnored(all, opts.ignore))
  const counts = countByLevel(findings)
  const failed = findings.some(f => atOrAbove(f.level, opts.threshold))
  for (const f of findings) annotate(reporter, f)

  const reportDir = resolve(opts.workspace, opts.reportDir ?? '.oci-pipeline')
  mkdirSync(reportDir, { recursive: true })
  const sarifPath = join(reportDir, 'lint.sarif')
  const codeQualityPath = join(reportDir, 'lint-codequality.json')
  writeFileSync(sarifPath, JSON.stringify(toSarif(findings, engines, opts.workspace), null, 2) + '\n')
  writeFileSync(codeQualityPath, JSON.stringify(toCodeQuality(findings), null, 2) + '\n')

  reporter.setOutput('lint-findings', JSON.stringify(counts))
  reporter.setOutput('lint-sarif', sarifPath)
  const names = engines.map(e => (e.version ? `${e.name} ${e.version}` : e.name))
  return { findings, counts, failed, sarifPath, codeQualityPath, engines: names }
}

/** The one error of a failed lint: what failed it, and the inputs that change the decision. */
export function lintFailureMessage(lint: Pick<LintResult, 'counts'>, threshold: Level | 'none'): string {
  const counts = Object.entries(lint.counts)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(', ')
  return (
    `lint: findings at or above "${threshold}" (${counts}), so nothing was pushed. To change the decision: ` +
    `fix them (each is annotated on its line); or set lint-failure-threshold (now ${threshold}; none never fails), ` +
    'lint-ignore (rule IDs to ignore) or lint-rules (-OP004 turns one checklist rule off)'
  )
}
