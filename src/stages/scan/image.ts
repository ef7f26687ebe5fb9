import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { slug } from './artifacts.js'
import {
  readTrivyReport,
  type ImageScan,
  type ReportPaths,
  type TrivyReport,
  type Vulnerability
} from './model.js'
import type { ScanOptions } from './options.js'
import { gitlabContainerScanning, vulnerabilityTable } from './reports.js'
import type { Reporter } from '../../reporter.js'
import type { Trivy } from './trivy.js'
import { scanArgs, type ConvertFormat, type ScanSource, type TrivyCapabilities } from './trivy-flags.js'
import { hiddenBy, ignorePlan, locateSuppressed } from './suppressed.js'
import { prepareVex } from './vex.js'
import { InputError } from '../../errors.js'

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
  /** Why no vulnerability is checked (no DB): the scan lists the packages only. */
  unchecked?: string
  /**
   * Where the SARIF and SBOM conversions go when the caller writes them later (beside the push,
   * off the gate's path); otherwise each scan writes its own before it returns.
   */
  laterConversions?: Array<() => Promise<void>>
}

/**
 * The ignore files Trivy is given: `trivyignores`, else the workspace's `.trivyignore`, the file
 * Trivy itself would read; that one only where Trivy can say what it hid (0.55+), so that nothing
 * is hidden unseen.
 */
function ignoreFiles(options: ScanOptions, caps: TrivyCapabilities): string[] {
  if (options.trivyignores.length) return options.trivyignores
  return options.rootIgnore && caps.showSuppressed ? [options.rootIgnore] : []
}

/**
 * A layout or archive is scanned by its path, which Trivy takes for the image's name: the report
 * (and so the SBOMs converted from it) names the image as users know it.
 */
function nameScannedImage(json: string, image: string): void {
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    ArtifactName?: string
    Metadata?: { RepoTags?: string[] }
  }
  report.ArtifactName = image
  if (report.Metadata && /:[^/@]+$/.test(image)) report.Metadata.RepoTags = [image]
  writeFileSync(json, JSON.stringify(report))
}

/** The reports written from the scan's JSON by `trivy convert` (the table and GitLab's are the model's). */
export function conversionsFor(options: Pick<ScanOptions, 'sbomFormats'>): ConvertFormat[] {
  return [
    'sarif',
    ...(options.sbomFormats.includes('cyclonedx') ? (['cyclonedx'] as const) : []),
    ...(options.sbomFormats.includes('spdx-json') ? (['spdx-json'] as const) : [])
  ]
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
  const ignore = ignorePlan(ignoreFiles(options, trivy.caps), dir)
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
    ...(ignore ? { ignoreFile: ignore.path } : {}),
    ...(vex.files.length ? { vexFiles: vex.files } : {})
  }
  return {
    paths,
    scanInput,
    ignore,
    vex,
    args: scanArgs(options, trivy.caps, { ...scanInput, output: paths.json })
  }
}

/**
 * Scans one image with ONE Trivy run on the image (JSON with every package), then derives SARIF
 * and the SBOMs from that JSON with `trivy convert`, which reads no image, and writes the table and
 * GitLab's report from it itself. A Trivy older than `convert` (0.42) writes the table, SARIF and
 * SBOMs with a scan each instead.
 */
export async function scanImage(target: ScanTarget, ctx: ScanContext): Promise<ImageScan> {
  const { trivy, options, reporter } = ctx
  const { paths, scanInput, args, ignore, vex } = scanPlan(target, trivy, options, ctx.outDir, m =>
    reporter.warning(m)
  )
  const label = target.platform ? `${target.image} (${target.platform})` : target.image
  if (!trivy.caps.showSuppressed && options.rootIgnore && !options.trivyignores.length)
    reporter.warning(
      `${options.rootIgnore} is not honoured: Trivy ${trivy.caps.version} cannot report what it hides (0.55+); name it in trivyignores to use it anyway`
    )
  if (!trivy.caps.showSuppressed && options.trivyignores.length)
    reporter.warning(
      `Trivy ${trivy.caps.version} cannot report what the ignore files hide (0.55+): the summary cannot list them`
    )

  const derive = async (format: ConvertFormat, output: string): Promise<void> => {
    if (trivy.caps.convert) await trivy.convert(paths.json, format, output)
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
    await trivy.run(args, line => reporter.debug(line))
    if ('tar' in target.source) nameScannedImage(paths.json, target.image)
    // Conversions only read the JSON: with `trivy convert` they run side by side. The table and
    // GitLab's report are written from the model below (a Trivy start costs more than either).
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
    if (!trivy.caps.convert) for (const format of conversions) await derive(format, outputs[format]!)
    else {
      const convert = async (): Promise<void> => {
        await Promise.all(conversions.map(format => derive(format, outputs[format]!)))
      }
      if (ctx.laterConversions) ctx.laterConversions.push(convert)
      else await convert()
    }
  })
  const end = new Date()

  const read = readTrivyReport(JSON.parse(readFileSync(paths.json, 'utf8')) as TrivyReport)
  for (const f of read.suppressed ?? []) f.source = vex.givenAs.get(f.source) ?? f.source
  const located = locateSuppressed(read.suppressed ?? [], ignore)
  // The file that hid each one, as the summary shows it: relative to the workspace.
  const suppressed = located.map(h => ({
    ...h,
    source: hiddenBy({ ...h, line: undefined }, options.workspace)
  }))
  const report = { ...read, suppressed }
  for (const h of report.suppressed)
    reporter.warning(
      `${h.id} (${h.severity}${h.pkg ? `, ${h.pkg} ${h.installed ?? ''}`.trimEnd() : ''}) in ${label} is hidden from the gate by ${hiddenBy(h)}`,
      {
        file: h.source,
        ...(h.line ? { startLine: h.line } : {})
      }
    )
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
