import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { errorMessage, InputError } from '../../errors.js'
import { writeGitLabReports } from '../gitlab/reports.js'
import { commandHelp, optionReader, parseCommandLine, programHelp, UsageError, VERSION } from './args.js'
import type { Command } from './options.js'
import { runCommand, type StageResults } from './commands.js'
import { secretValues } from '../../config/secrets.js'
import { reportDirOf } from '../../config/config.js'
import { contextFromGit, detectContext, platformOf } from './context.js'
import { readGitFacts, readGitHubPayload } from './git.js'
import { dotenvText, dotenvVariables } from './outputs.js'
import { CliReporter } from './reporter.js'
import { inputLayer, type InputLayer } from './input-layer.js'
import { withKeptTrivyDb } from './kept-cache.js'
import { waitForDocker } from './docker-wait.js'
import { runDockerConfig } from '../../infra/docker-config.js'
import { makeTempDir, removeTempDir } from '../../infra/process.js'

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  /** All of standard input (`--password-stdin`). */
  stdin?: () => Promise<string>
}

const SECRET_INPUTS = ['password', 'github-token', 'release-password', 'sign-key-password']

/**
 * GitLab's report files (GITLAB_CI, or whenever report-dir is given): code quality, container
 * scanning, CycloneDX SBOMs from what the stages found, and a dotenv report of the outputs.
 */
function writeReports(
  command: Command,
  o: { dir: string; dotenv: string; stages: StageResults; reporter: CliReporter; workspace: string }
): void {
  const r = o.reporter
  const shown = (p: string): string => relative(o.workspace, p) || p
  try {
    const runs = o.stages.runs ?? [o.stages]
    const findings = runs.flatMap(r => r.lint?.findings ?? [])
    const written = writeGitLabReports(o.dir, {
      ...(runs.some(r => r.lint) ? { lint: { findings } } : {}),
      scans: runs.flatMap(r => r.scan?.scans ?? [])
    })
    for (const p of [written.codequality, written.containerScanning, ...written.cyclonedx])
      if (p) r.info(`GitLab report ${shown(p)}`)
  } catch (e) {
    r.warning(`the GitLab reports could not all be written: ${errorMessage(e)}`)
  }
  const vars = dotenvVariables(r.outputs)
  if (!o.dotenv && Object.keys(vars).length > 0) {
    const path = join(o.dir, `${command}.env`)
    writeFileSync(path, r.mask(dotenvText(vars)))
    r.info(`GitLab dotenv report ${shown(path)}`)
  }
}

/**
 * GitLab hands the report directory to later jobs as an artifact, and an executor may copy it in
 * as root (gitlab-ci-local does; GitLab's runner leaves it world-writable). A job image user in
 * group 0, as OpenShift runs them and as a docker socket's group gives, can then still add its
 * own reports: the directory is made group-writable when this job creates it.
 */
function groupWritable(dir: string): void {
  if (existsSync(dir)) return
  try {
    mkdirSync(dir, { recursive: true })
    chmodSync(dir, 0o775)
  } catch {
    // The reports say why when they are written.
  }
}

/** The command line face: argv and the environment in, an exit code out (2: bad usage or input). */
export async function cli(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`oci-pipeline: ${e.message}\n`)
      return 2
    }
    throw e
  }
  if (parsed.version) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  if (parsed.help || !parsed.command) {
    io.stdout(parsed.command ? commandHelp(parsed.command) : programHelp())
    return 0
  }
  const command = parsed.command
  if (parsed.values.get('password-stdin') === 'true') {
    const password = ((await io.stdin?.()) ?? '').replace(/\r?\n$/, '')
    if (!password) {
      io.stderr('oci-pipeline: --password-stdin: standard input held no password\n')
      return 2
    }
    parsed.values.set('password', password)
  }
  const platform = platformOf(env)
  const read = optionReader(parsed.values, env)
  const workspaceOption = read('workspace')
  const git = platform === 'local' ? await readGitFacts(io.cwd) : {}
  const found = detectContext(env, {
    git,
    cwd: io.cwd,
    payload: platform === 'github' ? readGitHubPayload(env.GITHUB_EVENT_PATH) : undefined,
    workspace: workspaceOption ? resolve(io.cwd, workspaceOption) : undefined
  })
  // gitlab-ci-local's shell executor names a CI_PROJECT_DIR that exists only in its containers.
  let ctx = existsSync(found.workspace) ? found : { ...found, workspace: io.cwd }
  // metadata-context: git takes the ref and commit from the checkout (a bad value fails in the config).
  if (read('metadata-context').trim() === 'git' && platform !== 'local')
    ctx = contextFromGit(ctx, await readGitFacts(ctx.workspace))
  const reporter = new CliReporter({
    write: io.stderr,
    gitlab: env.GITLAB_CI === 'true',
    debug: env.OCI_PIPELINE_DEBUG === 'true' || env.CI_DEBUG_TRACE === 'true'
  })
  let layer: InputLayer
  try {
    layer = inputLayer(env, read, ctx, platform)
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    io.stderr(`error: ${e.message}\n`)
    return 2
  }
  const raw = layer.raw
  for (const name of SECRET_INPUTS) if (raw(name)) reporter.setSecret(raw(name))
  // A key's path or KMS URI is no secret; its PEM text is (each of its lines masked too).
  if (raw('sign-key').includes('PRIVATE KEY')) reporter.setSecret(raw('sign-key'))
  for (const value of secretValues(raw('secrets'))) reporter.setSecret(value)
  reporter.info(
    `oci-pipeline ${command}: ${platform}, ${ctx.eventName} ${ctx.ref || '(no ref)'} ${ctx.sha.slice(0, 8) || '(no commit)'}, workspace ${ctx.workspace}`
  )
  for (const word of layer.ignoredArgs)
    reporter.notice(
      `OCI_BUILD_ADDITIONAL_ARGS: "${word}" only changes how docker prints the build, so it is left out`
    )

  const reportDir = reportDirOf(raw('report-dir'), ctx.workspace, env)
  if (platform === 'gitlab') groupWritable(reportDir)
  const stages: StageResults = {}
  let code: number
  // Every docker and buildx call of the run reads and writes this one; nothing is left in ~/.docker.
  const docker = command === 'lint' ? undefined : runDockerConfig(env, makeTempDir)
  try {
    const childEnv = docker?.env ?? env
    if (docker && env.OCI_PIPELINE_DOCKER === 'dind' && command !== 'metadata')
      await waitForDocker(childEnv, reporter)
    const trivyCache = {
      kept: env.OCI_TRIVY_DB_CACHE,
      cacheDir: raw('trivy-cache-dir'),
      workspace: ctx.workspace
    }
    const usesTrivy = ['run', 'build', 'scan'].includes(command) && !!trivyCache.cacheDir
    const go = (): Promise<number> =>
      runCommand(command, {
        raw,
        ctx,
        reporter,
        env: childEnv,
        readFile: p => {
          const path = resolve(ctx.workspace, p)
          return existsSync(path) ? readFileSync(path, 'utf8') : undefined
        },
        reportDir,
        stages,
        stdout: io.stdout,
        ...(layer.images ? { images: layer.images } : {})
      })
    code = usesTrivy ? await withKeptTrivyDb({ ...trivyCache, reporter }, go) : await go()
  } catch (e) {
    reporter.error(errorMessage(e))
    code = e instanceof InputError ? 2 : 1
  } finally {
    if (docker) removeTempDir(docker.dir)
  }
  const dotenv = read('dotenv')
  if (platform === 'gitlab' || raw('report-dir'))
    writeReports(command, { dir: reportDir, dotenv, stages, reporter, workspace: ctx.workspace })
  const write = (file: string, text: string): void => {
    const path = resolve(ctx.workspace, file)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  }
  if (dotenv) write(dotenv, reporter.mask(dotenvText(dotenvVariables(reporter.outputs))))
  const summaryFile = read('summary-file')
  if (summaryFile && reporter.markdown.length) write(summaryFile, reporter.summaryText())
  if (read('json') === 'true' && command !== 'metadata')
    io.stdout(reporter.mask(JSON.stringify(Object.fromEntries(reporter.outputs))) + '\n')
  return code
}
