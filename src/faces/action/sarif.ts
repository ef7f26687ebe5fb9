import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { RunContext } from '../../context.js'
import { errorMessage } from '../../errors.js'
import type { Reporter } from '../../reporter.js'
import type { SarifUpload } from '../../stages/report/run-model.js'

/** The SARIF with its category, as upload-sarif sets it, so lint and scan results stay apart. */
export function withCategory(sarif: string, category: string): string {
  const doc = JSON.parse(sarif) as { runs?: Array<Record<string, unknown>> }
  for (const run of doc.runs ?? []) run.automationDetails = { id: `${category}/` }
  return JSON.stringify(doc)
}

/**
 * Uploads SARIF through the code-scanning API. Never fails the run: when it cannot (no token, a
 * fork's token, no `security-events: write`, code scanning off), it says why, in the log and in
 * what it returns (for the summary).
 */
export async function uploadSarif(
  path: string,
  category: string,
  token: string,
  ctx: RunContext,
  r: Reporter
): Promise<SarifUpload> {
  const notUploaded = (message: string, level: 'warning' | 'notice' = 'warning'): SarifUpload => {
    r[level](`SARIF (${category}) not uploaded: ${message}`)
    return { category, uploaded: false, message }
  }
  if (!token) return notUploaded('no github-token')
  if (ctx.isForkPullRequest) return notUploaded('a pull request from a fork has a read-only token', 'notice')
  const sarif = gzipSync(withCategory(readFileSync(path, 'utf8'), category)).toString('base64')
  try {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(token)
    const res = await octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
      owner: ctx.repo.owner,
      repo: ctx.repo.name,
      commit_sha: ctx.sha,
      ref: ctx.ref,
      sarif,
      tool_name: 'oci-pipeline'
    })
    const id = (res.data as { id?: string }).id ?? 'accepted'
    r.info(`SARIF (${category}) uploaded to code scanning: ${id}`)
    return { category, uploaded: true, message: `uploaded to code scanning (${id})` }
  } catch (e) {
    const status = (e as { status?: number }).status
    const why =
      status === 403
        ? 'the token may not write security events (grant `permissions: security-events: write`)'
        : status === 404
          ? 'code scanning is not available for this repository'
          : errorMessage(e)
    return notUploaded(why)
  }
}
