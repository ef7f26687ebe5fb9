import type { DefaultArtifactClient } from '@actions/artifact'
import type { ArtifactUploader } from '../../stages/scan/artifacts.js'

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
  ): Promise<void> {
    this.client ??= import('@actions/artifact').then(m => new m.DefaultArtifactClient())
    await (
      await this.client
    ).uploadArtifact(name, files, rootDir, {
      ...(opts.retentionDays !== undefined ? { retentionDays: opts.retentionDays } : {})
    })
  }
}
