import { markdownCode, oneLine } from '../../text.js'
import type { Metadata } from '../metadata/index.js'

export interface BuildSummary {
  meta?: Metadata
  imageId?: string
  digest?: string
  pushed: boolean
  pushReason: string
  error?: string
}

const code = markdownCode

/** The job summary's build section: what was built, where it went, with which labels. */
export function buildSummaryMarkdown(s: BuildSummary): string {
  const lines = ['## oci-pipeline: image', '']
  if (s.error) lines.push(`> [!CAUTION]`, `> ${oneLine(s.error.split('\n')[0] ?? '')}`, '')
  lines.push('| | |', '|---|---|')
  if (s.meta) lines.push(`| Version | ${code(s.meta.version)} (${s.meta.versionFrom}) |`)
  if (s.imageId) lines.push(`| Image ID | ${code(s.imageId)} |`)
  if (s.digest) lines.push(`| Digest | ${code(s.digest)} |`)
  lines.push(`| Pushed | ${s.pushed ? 'yes' : 'no'} (${s.pushReason}) |`)
  if (s.meta?.base)
    lines.push(
      `| Base | ${code(s.meta.base.digest ? `${s.meta.base.name}@${s.meta.base.digest}` : s.meta.base.name)} |`
    )
  if (s.meta?.tags.length) {
    lines.push('', '### Tags', '', ...s.meta.tags.map(t => `- ${code(t)}`))
  }
  if (s.meta) {
    lines.push('', '<details><summary>Labels</summary>', '', '| Label | Value |', '|---|---|')
    for (const [k, v] of Object.entries(s.meta.labels)) lines.push(`| ${code(k)} | ${code(v)} |`)
    lines.push('', '</details>')
  }
  return lines.join('\n') + '\n'
}
