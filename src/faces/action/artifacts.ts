import type { DefaultArtifactClient } from '@actions/artifact'
import type { ArtifactUploader } from '../../stages/scan/artifacts.js'

/** The artifact's page in the workflow run, from the runner's variables; undefined off a runner. */
export function artifactUrl(id: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const {
    GITHUB_SERVER_URL: server = 'https://github.com',
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: run
  } = env
  return repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined
}

/**
 * Workflow artifacts through the Actions results service (@actions/artifact v2+ protocol). The
 * client is loaded on the first upload: it is the largest part of the bundle, and most runs that
 * start never upload (a failed gate, no SBOM).
 */
export class GitHubArtifactUploader implements ArtifactUploader {
  private client?: Promise<Pick<DefaultArtifactClient, 'uploadArtifact'>>
  constructor(client?: Pick<DefaultArtifactClient, 'uploadArtifact'>) {
    if (client) this.client = Promise.resolve(client)
  }

  async upload(
    name: string,
    files: string[],
    rootDir: string,
    opts: { retentionDays?: number } = {}
  ): Promise<{ url?: string }> {
    this.client ??= import('@actions/artifact').then(m => new m.DefaultArtifactClient())
    const { id } = await (
      await this.client
    ).uploadArtifact(name, files, rootDir, {
      ...(opts.retentionDays !== undefined ? { retentionDays: opts.retentionDays } : {})
    })
    const url = id !== undefined ? artifactUrl(id) : undefined
    return url ? { url } : {}
  }
}
