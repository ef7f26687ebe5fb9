import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { InputError, StepError } from '../../errors.js'
import type { KeptAnswers } from '../../infra/kept-answers.js'
import { atOrAbove, countByLevel, type Finding, type Level } from '../../findings.js'
import { toCodeQuality } from '../report/codequality.js'
import { toSarif, type SarifEngine } from '../report/sarif.js'
import type { Location, Reporter } from '../../reporter.js'
import { bakeContexts } from './bake.js'
import { RULES, runChecklist } from './checklist/registry.js'
import type { ImageKind, NamedContext } from './checklist/types.js'
import { dedupe, withoutIgnored } from './dedupe.js'
import { hadolintConfig, hadolintVersion, readHadolintConfig, runHadolint } from './hadolint.js'
import {
  applyRuleItems,
  defaultSelection,
  LINTERS,
  type Linter,
  type LintOptions,
  type RuleSelection
} from './options.js'
import { readPragmas, withoutPragmaIgnored, type Pragmas } from './pragmas.js'
import { readRepoConfig, settingsFor, type LintSettings } from './repo-config.js'
import { runTrivyConfig, withoutRemoteAddAdvice } from './trivy-config.js'

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
  /** Trivy's answers for this Dockerfile from earlier runs (`trivy config` is the lint's longest engine). */
  keptAnswers?: KeptAnswers
  /** `build-contexts` lines (`name=value`): the named contexts the build is given. */
  buildContexts?: readonly string[]
  /** Named contexts the run itself provides (an image built earlier in the same run), by name. */
  runContexts?: ReadonlyMap<string, NamedContext>
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
  /** What kind of image the Dockerfile was linted as, when not a runtime one, and why. */
  kind?: string
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

/** What the run applies: the repository's `.oci-pipeline.yaml`, then the inputs, then the file's own comments. */
interface Effective {
  selection: RuleSelection
  ignore: string[]
  kind: ImageKind
  /** Why the kind is what it is, when it is not `runtime`. */
  kindFrom?: string
  minimalBases: string[]
  nonRootBases: string[]
}

/** A Dockerfile whose path says it builds a build environment (`images/venv-builder/Dockerfile`, `.devcontainer/`). */
const BUILDER_PATH = /(^|[/._-])(builder|buildenv|build-env|toolchain|devcontainer)([/._-]|$)/i

function effective(opts: LintRunOptions, file: string, pragmas: Pragmas): Effective {
  const config = readRepoConfig(opts.workspace)
  const layers: LintSettings[] = settingsFor(config, file)
  let selection = defaultSelection()
  let kind: ImageKind | undefined
  let kindFrom: string | undefined
  for (const layer of layers) {
    selection = applyRuleItems(config?.path ?? '', layer.rules, { ...selection, image: undefined })
    const image = layer.image ?? selection.image
    if (image) [kind, kindFrom] = [image, config?.path]
  }
  // Options built by parseLintOptions carry the items as written; others carry the rules alone.
  if (opts.ruleItems)
    selection = applyRuleItems('lint-rules', opts.ruleItems, { ...selection, image: undefined })
  else if (!layers.length)
    selection = { rules: opts.rules, external: opts.externalRules ?? new Map(), image: opts.image }
  if (selection.image) [kind, kindFrom] = [selection.image, 'lint-rules']
  if (pragmas.image) [kind, kindFrom] = [pragmas.image.kind, `line ${pragmas.image.line}`]
  if (!kind && BUILDER_PATH.test(file)) [kind, kindFrom] = ['builder', `its path, ${file}`]
  return {
    selection,
    ignore: [...layers.flatMap(l => l.ignore), ...opts.ignore],
    kind: kind ?? 'runtime',
    kindFrom,
    minimalBases: [...opts.minimalBases, ...layers.flatMap(l => l.minimalBases)],
    nonRootBases: layers.flatMap(l => l.nonRootBases)
  }
}

/** Named build contexts the bake files beside the workspace, the context and the Dockerfile define. */
function namedContexts(opts: LintRunOptions, path: string): Map<string, NamedContext> {
  const dirs = [opts.workspace, resolve(opts.workspace, opts.context), dirname(path)]
  const given = (opts.buildContexts ?? []).flatMap((line): Array<[string, NamedContext]> => {
    const eq = line.indexOf('=')
    return eq > 0 ? [[line.slice(0, eq), { value: line.slice(eq + 1), definedIn: 'build-contexts' }]] : []
  })
  return new Map([
    ...[...new Set(dirs)].flatMap(d => [...bakeContexts(d, path)]),
    ...given,
    ...(opts.runContexts ?? [])
  ])
}

/** One engine's findings, and how SARIF names it. */
interface EngineRun {
  findings: Finding[]
  engine: SarifEngine
  /** Where the findings came from, when not from running the engine now. */
  note?: string
}

/** Lints the Dockerfile with the chosen engines, reports every finding, and says whether the run fails. */
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

  const text = readFileSync(path, 'utf8')
  const pragmas = readPragmas(text)
  const settings = effective(opts, file, pragmas)
  if (settings.kindFrom)
    reporter.info(`${file} is linted as a ${settings.kind} image (from ${settings.kindFrom})`)
  for (const p of pragmas.unreadable)
    reporter.warning(
      `"${p.text}" is not an oci-pipeline comment this version reads (ignore=…, global ignore=…, image=runtime|builder|base)`,
      { file, startLine: p.line, endLine: p.line, title: 'lint' }
    )
  // The engines run at once (two tools and the checklist in this process); their logs follow in turn.
  const runEngine = async (linter: Linter): Promise<EngineRun> => {
    if (linter === 'hadolint') {
      const binary = tools.hadolint as string
      const [findings, version] = await Promise.all([
        runHadolint({ binary, path, file, config: opts.hadolintConfig, workspace: opts.workspace }),
        hadolintVersion(binary)
      ])
      return {
        findings,
        engine: {
          name: 'hadolint',
          ...(version ? { version } : {}),
          informationUri: 'https://github.com/hadolint/hadolint'
        }
      }
    }
    if (linter === 'trivy') {
      const { findings, version, kept } = await runTrivyConfig({
        binary: tools.trivy as string,
        path,
        file,
        cacheDir: opts.trivyCacheDir,
        kept: opts.keptAnswers
      })
      return {
        findings: withoutRemoteAddAdvice(findings, text, opts.buildArgs),
        engine: { name: 'trivy', version, informationUri: 'https://trivy.dev' },
        ...(kept ? { note: `the answer of an earlier run of trivy ${version} on these same bytes` } : {})
      }
    }
    await new Promise(setImmediate) // this process's own work, once the tools have started
    return {
      findings: runChecklist({
        text,
        file,
        dockerfilePath: path,
        context: resolve(opts.workspace, opts.context),
        target: opts.target,
        buildArgs: opts.buildArgs,
        rules: settings.selection.rules,
        labelSchemas: opts.labelSchemas,
        providedLabels: opts.providedLabels ?? [],
        minimalBases: settings.minimalBases,
        nonRootBases: settings.nonRootBases,
        kind: settings.kind,
        namedContexts: namedContexts(opts, path),
        dataSizeLimit: opts.dataSizeLimit,
        docsBase: opts.docsBase
      }),
      engine: { name: 'checklist', titles: new Map(RULES.map(r => [r.id, r.title])) }
    }
  }
  const linters = LINTERS.filter(l => opts.linters.includes(l))
  const outcomes = await Promise.allSettled(linters.map(runEngine))
  const engines: SarifEngine[] = []
  const all: Finding[] = []
  for (const [i, linter] of linters.entries())
    await reporter.group(`Lint: ${linter}`, async () => {
      const outcome = outcomes[i] as PromiseSettledResult<EngineRun>
      if (outcome.status === 'rejected') throw outcome.reason
      all.push(...outcome.value.findings)
      engines.push(outcome.value.engine)
      const { findings, note } = outcome.value
      reporter.info(
        `${linter}: ${findings.length} finding(s) before de-duplication${note ? ` (${note})` : ''}`
      )
    })

  const merged = dedupe(all, {
    ran: opts.linters,
    rules: settings.selection.rules,
    external: settings.selection.external,
    hadolintConfig: opts.linters.includes('hadolint')
      ? readHadolintConfig(hadolintConfig(opts.hadolintConfig, opts.workspace))
      : undefined
  })
  const findings = withoutPragmaIgnored(withoutIgnored(merged, settings.ignore), pragmas)
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
  const kind =
    settings.kindFrom && settings.kind !== 'runtime'
      ? `a ${settings.kind} image (from ${settings.kindFrom})`
      : undefined
  return { findings, counts, failed, sarifPath, codeQualityPath, engines: names, ...(kind ? { kind } : {}) }
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
