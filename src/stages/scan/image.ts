import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../../errors.js'
import { slug } from './artifacts.js'
import { conversionsFor, type Converters } from './converters.js'
import {
  readTrivyReport,
  type ImageScan,
  type ReportPaths,
  type TrivyReport,
  type Vulnerability
} from './model.js'
import type { ScanOptions } from './options.js'
import type { PrestartedScan } from './prestarted.js'
import { gitlabContainerScanning, vulnerabilityTable } from './reports.js'
import type { Reporter } from '../../reporter.js'
import type { Trivy } from './trivy.js'
import { scanArgs, type ConvertFormat, type ScanSource } from './trivy-flags.js'
import { prepareVex } from './vex.js'

export interface ScanTarget {
  /** The image as users know it (`registry/name:tag`), for reports and artifact names. */
  image: string
  source: ScanSource
  platform?: string
  sizeBytes?: number
}

export interface ScanContext {
  trivy: Trivy
  options: ScanOptions
  reporter: Reporter
  /** Reports go to `<outDir>/<image>-<platform>/`. */
  outDir: string
  /** This tool's version, for the GitLab report's analyzer. */
  analyzerVersion?: string
  /** Conversions still running when scanImage returns; the stage awaits them. */
  pending?: Array<Promise<unknown>>
  /** `trivy convert`s started beforehand, waiting for a JSON (the pipeline starts them beside the build). */
  converters?: Converters
  /** The `trivy image` started beside the build, used when its arguments are this scan's. */
  prestarted?: PrestartedScan
  /** Why no vulnerability is checked (no DB): the scan lists the packages only. */
  unchecked?: string
}

/** One ignore file for Trivy (it takes one): the given file, or the plain ones concatenated. */
function ignoreFileFor(files: readonly string[], dir: string): string | undefined {
  for (const f of files) if (!existsSync(f)) throw new InputError('trivyignores', `${f} does not exist`)
  if (files.length <= 1) return files[0]
  if (files.some(f => /\.ya?ml$/.test(f)))
    throw new InputError('trivyignores', 'a YAML ignore file cannot be merged with others: give one')
  const merged = join(dir, 'trivyignore')
  writeFileSync(merged, files.map(f => readFileSync(f, 'utf8').trimEnd()).join('\n') + '\n')
  return merged
}

/** Where one image's reports go, and the arguments of the Trivy run that scans it. */
export function scanPlan(
  target: ScanTarget,
  trivy: Trivy,
  options: ScanOptions,
  outDir: string,
  warn: (message: string) => void = () => undefined
) {
  const name = slug(`${target.image}${target.platform ? `-${target.platform}` : ''}`)
  const dir = join(outDir, name)
  mkdirSync(dir, { recursive: true })
  const ignoreFile = ignoreFileFor(options.trivyignores, dir)
  if (options.vex.length > 0 && !trivy.caps.vex)
    throw new InputError(
      'vex',
      `needs Trivy 0.49 or later to scan an image with VEX; this one is ${trivy.caps.version}`
    )
  const vex = prepareVex(options.vex, dir, warn)
  const paths: ReportPaths = {
    json: join(dir, 'trivy.json'),
    table: join(dir, 'trivy.txt'),
    sarif: join(dir, `${name}.sarif`),
    gitlab: join(dir, 'gl-container-scanning-report.json'),
    ...(options.sbomFormats.includes('cyclonedx') ? { cyclonedx: join(dir, 'sbom.cdx.json') } : {}),
    ...(options.sbomFormats.includes('spdx-json') ? { spdx: join(dir, 'sbom.spdx.json') } : {})
  }
  const scanInput = {
    source: target.source,
    cacheDir: options.cacheDir,
    ...(target.platform && !('tar' in target.source) ? { platform: target.platform } : {}),
    ...(ignoreFile ? { ignoreFile } : {}),
    ...(vex.files.length ? { vexFiles: vex.files } : {})
  }
  const args = scanArgs(options, trivy.caps, { ...scanInput, output: paths.json })
  return { paths, scanInput, args, vex }
}

/**
 * Scans one image with ONE Trivy run on the image (JSON with every package), then derives SARIF
 * and the SBOMs from that JSON with `trivy convert`, which reads no image, and writes the table and
 * GitLab's report from it itself. A Trivy older than `convert` (0.42) writes the table, SARIF and
 * SBOMs with a scan each instead.
 */
export async function scanImage(target: ScanTarget, ctx: ScanContext): Promise<ImageScan> {
  const { trivy, options, reporter } = ctx
  const { paths, scanInput, args, vex } = scanPlan(target, trivy, options, ctx.outDir, m =>
    reporter.warning(m)
  )
  const label = target.platform ? `${target.image} (${target.platform})` : target.image

  const derive = async (format: ConvertFormat, output: string): Promise<void> => {
    const waiting = ctx.converters?.take(format)
    if (waiting) await waiting(paths.json, output)
    else if (trivy.caps.convert) await trivy.convert(paths.json, format, output)
    else
      await trivy.run(scanArgs(options, trivy.caps, { ...scanInput, format, output }), line =>
        reporter.debug(line)
      )
  }
  if (!trivy.caps.convert)
    reporter.warning(
      `Trivy ${trivy.caps.version} has no "trivy convert" (0.42+), so each report is a scan of its own`
    )

  const start = new Date()
  await reporter.group(`Scan ${label} with Trivy ${trivy.caps.version}`, async () => {
    const onLine = (line: string): void => reporter.debug(line)
    const early = ctx.prestarted?.take(args)
    await (early ? early(onLine) : trivy.run(args, onLine))
    // Conversions only read the JSON: with `trivy convert` they run side by side, and beside
    // whatever follows the scan (the gate, the push). The table and GitLab's report are written
    // from the model below (a Trivy start costs more than either).
    const outputs: Record<ConvertFormat, string | undefined> = {
      table: paths.table,
      sarif: paths.sarif,
      cyclonedx: paths.cyclonedx,
      'spdx-json': paths.spdx
    }
    const conversions: ConvertFormat[] = [
      ...(trivy.caps.convert ? [] : ['table' as const]),
      ...conversionsFor(options)
    ]
    const converting = trivy.caps.convert
      ? Promise.all(conversions.map(format => derive(format, outputs[format]!)))
      : conversions.reduce(
          (chain, format) => chain.then(() => derive(format, outputs[format]!)),
          Promise.resolve()
        )
    if (ctx.pending) {
      converting.catch(() => undefined) // awaited with the others by the stage; never unhandled meanwhile
      ctx.pending.push(converting)
    } else await converting
  })
  const end = new Date()

  const report = readTrivyReport(JSON.parse(readFileSync(paths.json, 'utf8')) as TrivyReport)
  for (const s of report.suppressed ?? []) s.source = vex.givenAs.get(s.source) ?? s.source
  if (trivy.caps.convert) writeFileSync(paths.table, vulnerabilityTable({ image: target.image, ...report }))
  reporter.info(readFileSync(paths.table, 'utf8'))
  const info = {
    trivyVersion: trivy.caps.version,
    analyzerVersion: ctx.analyzerVersion ?? '0.0.0',
    start,
    end,
    ...(ctx.unchecked ? { unchecked: ctx.unchecked } : {})
  }
  const gitlab = gitlabContainerScanning({ image: target.image, ...report }, info)
  writeFileSync(paths.gitlab, JSON.stringify(gitlab, null, 2) + '\n')

  const sizeBytes =
    target.sizeBytes ??
    report.sizeBytes ??
    ('tar' in target.source ? statSync(target.source.tar).size : undefined)
  return {
    image: target.image,
    ...(target.platform ? { platform: target.platform } : {}),
    ...report,
    ...(sizeBytes !== undefined ? { sizeBytes } : {}),
    paths
  }
}

/**
 * The vulnerabilities of an image in a registry (the previous version, for the delta), or
 * undefined with a warning when it cannot be read (e.g. the first push of a name).
 */
export async function scanRemoteImage(
  ref: string,
  ctx: ScanContext,
  platform?: string
): Promise<Vulnerability[] | undefined> {
  const dir = join(ctx.outDir, slug(`baseline-${ref}${platform ? `-${platform}` : ''}`))
  mkdirSync(dir, { recursive: true })
  const output = join(dir, 'trivy.json')
  const args = scanArgs(ctx.options, ctx.trivy.caps, {
    source: { remote: ref },
    output,
    cacheDir: ctx.options.cacheDir,
    ...(platform ? { platform } : {})
  })
  try {
    await ctx.trivy.run(args, line => ctx.reporter.debug(line))
  } catch (e) {
    ctx.reporter.warning(
      `No comparison with ${ref}: it could not be scanned (${(e as Error).message.split('\n')[0]})`
    )
    return undefined
  }
  return readTrivyReport(JSON.parse(readFileSync(output, 'utf8')) as TrivyReport).vulnerabilities
}
