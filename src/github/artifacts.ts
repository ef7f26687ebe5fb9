import { DefaultArtifactClient } from '@actions/artifact'
import type { ArtifactUploader } from '../scan/artifacts.js'

/** Workflow artifacts through the Actions results service (@actions/artifact v2+ protocol). */
export class GitHubArtifactUploader implements ArtifactUploader {
  constructor(private readonly client = new DefaultArtifactClient()) {}

  async upload(
    name: string,
    files: string[],
    rootDir: string,
    opts: { retentionDays?: number } = {}
  ): Promise<void> {
    await this.client.uploadArtifact(name, files, rootDir, {
      ...(opts.retentionDays !== undefined ? { retentionDays: opts.retentionDays } : {})
    })
  }
}
