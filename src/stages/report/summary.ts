import { LEVELS } from '../../findings.js'
import { SEVERITIES, type SeverityCounts } from '../scan/model.js'
import { cell, code, duration, firstLine, plural, table } from './markdown.js'
import { STAGES, type RunModel, type StageName, type StageRecord } from './run-model.js'
import { detailBlocks } from './summary-details.js'

export type { RunModel } from './run-model.js'

const STAGE_TITLE: Record<StageName, string> = {
  lint: 'Lint',
  build: 'Build',
  scan: 'Scan',
  sign: 'Sign',
  push: 'Push'
}

const STATE: Record<StageRecord<unknown>['state'], string> = {
  done: '✅ done',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  cancelled: '⏹️ cancelled'
}

export const severityCounts = (c: SeverityCounts): string =>
  SEVERITIES.map(s => `${c[s]} ${s.toLowerCase()}`).join(' · ')

/** The first line: pushed or not, the image, and why. */
function title(m: RunModel): string {
  if (m.pushed) return `## ✅ Pushed ${code(m.image)}`
  const failed = STAGES.find(s => m.stages[s].state === 'failed')
  if (failed) {
    const why = m.stages[failed].reason
    return `## ❌ Not pushed: ${code(m.image)} — ${failed} failed${why ? `: ${cell(why)}` : ''}`
  }
  if (m.error) return `## ❌ Not pushed: ${code(m.image)} — ${cell(firstLine(m.error))}`
  const built = m.stages.build.state === 'done' ? 'Built, not pushed' : 'Not pushed'
  return `## ☑️ ${built}: ${code(m.image)} — ${cell(m.pushReason)}`
}

function lintCell(m: RunModel): string {
  const lint = m.stages.lint.result
  if (!lint) return ''
  const counts = LEVELS.map(l => `${lint.counts[l]} ${l}`).join(' · ')
  return `${counts} (fails at ${lint.threshold})`
}

function scanCell(m: RunModel): string {
  const scan = m.stages.scan.result
  if (!scan) return ''
  const packages = scan.scans.reduce((n, s) => n + s.packages, 0)
  if (scan.unchecked) return `**vulnerabilities not checked**; SBOM of ${plural(packages, 'package')}`
  const gate = scan.gate
  const verdict =
    gate.threshold === 'none' && !gate.failOnNew
      ? 'gate off'
      : gate.failed
        ? '**gate failed**'
        : 'gate passed'
  const unfixed = new Set(gate.unfixed.map(v => `${v.id} ${v.pkg}`)).size
  const aside =
    unfixed && !gate.gateUnfixed
      ? `; ${plural(unfixed, 'finding')} at or above ${gate.threshold} with no fix, not gating`
      : ''
  return `${severityCounts(scan.counts)}; ${verdict}${aside}`
}

function buildCell(m: RunModel): string {
  const b = m.stages.build.result
  if (!b) return ''
  return `image ID ${code(b.imageId.slice(0, 19))}${b.platforms.length > 1 ? ` (${b.platforms.join(', ')})` : ''}`
}

function pushCell(m: RunModel): string {
  const p = m.stages.push.result
  if (!p) return ''
  return `${p.tags.length ? plural(p.tags.length, 'tag') : 'by digest, no tag'}, ${code(p.digest.slice(0, 19))}`
}

function signCell(m: RunModel): string {
  const s = m.stages.sign.result
  if (!s) return ''
  const what = s.attestations.length ? `; attested ${s.attestations.join(', ')}` : ''
  return `${s.by}, ${plural(s.images, 'image')}${s.signature ? `, signature ${code(s.signature.slice(0, 19))}` : ''}${what}`
}

const RESULT: Record<StageName, (m: RunModel) => string> = {
  lint: lintCell,
  build: buildCell,
  scan: scanCell,
  sign: signCell,
  push: pushCell
}

function resultCell(m: RunModel, stage: StageName): string {
  const record = m.stages[stage]
  // A failed stage's reason is the title's; its result says the rest.
  return RESULT[stage](m) || (record.state !== 'done' && record.reason ? cell(record.reason) : '–')
}

/** Where the SBOMs are: the artifact (linked where the face gives a link) and the file. */
function sbomLines(m: RunModel): string[] {
  return (m.stages.scan.result?.sboms ?? []).map(s => {
    const what = s.platform ? ` (${s.platform})` : ''
    const artifact = s.artifact
      ? s.artifact.url
        ? `[${s.artifact.name}](${s.artifact.url})`
        : `artifact ${code(s.artifact.name)}`
      : s.uploadError
        ? `not uploaded: ${cell(s.uploadError)}`
        : ''
    return `**SBOM${what}:** ${[artifact, code(s.path)].filter(Boolean).join(' · ')}  `
  })
}

/**
 * The job summary, from what the run recorded: the verdict and the image first, what could not
 * be checked, the pull command and the SBOM, one row per stage, then the details, collapsed.
 */
export function renderSummary(m: RunModel): string {
  const lines = [title(m), '']
  if (m.error) lines.push('> [!CAUTION]', `> ${firstLine(m.error)}`, '')
  const unchecked = m.stages.scan.result?.unchecked
  if (unchecked)
    lines.push(
      '> [!WARNING]',
      `> **Vulnerabilities were not checked**: ${firstLine(unchecked)}`,
      '> The SBOM lists the image’s packages all the same; with a vulnerability DB the next run checks them.',
      ''
    )
  const push = m.stages.push.result
  if (m.pushed && push) lines.push('```sh', `docker pull ${push.reference}`, '```', '')
  const sboms = sbomLines(m)
  if (sboms.length) lines.push(...sboms, '')
  lines.push(
    ...table(
      ['Stage', 'Status', 'Result', 'Time'],
      STAGES.map(s => [
        STAGE_TITLE[s],
        STATE[m.stages[s].state],
        resultCell(m, s),
        duration(m.stages[s].durationMs)
      ]),
      ['---', '---', '---', '--:']
    ),
    ''
  )
  if (m.engines.length) lines.push(`**Engines:** ${m.engines.join(' · ')}  `)
  for (const u of m.sarif)
    lines.push(`**SARIF ${code(u.category)}:** ${u.uploaded ? '' : 'not uploaded: '}${cell(u.message)}  `)
  if (m.engines.length || m.sarif.length) lines.push('')
  lines.push(...detailBlocks(m))
  return lines.join('\n').replace(/\n+$/, '') + '\n'
}
