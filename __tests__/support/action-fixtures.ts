import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GitHubEvent } from './action-runner.js'

export const RUN = Date.now().toString(36)
export const SHA = '0123456789abcdef0123456789abcdef01234567'

export function workspace(dockerfile: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-ws-'))
  writeFileSync(join(dir, 'Dockerfile'), dockerfile)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

export const multiStage = (base: string): string =>
  [
    `ARG BASE=${base}`,
    'FROM ${BASE} AS build',
    'RUN echo hello > /hello.txt',
    'FROM ${BASE}',
    'COPY --from=build --chown=root:root --chmod=444 /hello.txt /app/hello.txt',
    'USER nobody',
    'ENTRYPOINT ["/bin/cat", "/app/hello.txt"]',
    ''
  ].join('\n')

export const repoPayload = {
  name: 'Demo-App',
  full_name: 'Example-Org/Demo-App',
  html_url: 'https://github.com/Example-Org/Demo-App',
  description: 'A demo image',
  default_branch: 'main',
  license: { spdx_id: 'Apache-2.0' }
}

export const push = (ref: string): GitHubEvent => ({
  eventName: 'push',
  ref,
  sha: SHA,
  repository: 'Example-Org/Demo-App',
  payload: { ref, repository: repoPayload }
})
