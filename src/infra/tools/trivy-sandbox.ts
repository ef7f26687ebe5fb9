import { existsSync, readdirSync } from 'node:fs'
import { trivyEnv } from '../child-env.js'
import { makeTempDir } from '../process.js'

let folder: string | undefined

/**
 * Trivy's working folder: empty and the run's own. Trivy reads `trivy.yaml`, `trivy-secret.yaml` and
 * `.trivyignore` from its working folder (checked on 0.69.3 by tracing its file opens); started in
 * the checkout, a committed `trivy.yaml` (`severity: [LOW]`, `skip-dirs`) let an image with a
 * CRITICAL vulnerability through the gate. Every path Trivy is given is absolute, and a config file
 * is read only when the `trivy-config` input names it.
 */
export function trivyCwd(): string {
  if (!folder || !existsSync(folder) || readdirSync(folder).length > 0)
    folder = makeTempDir('oci-pipeline-trivy-cwd-')
  return folder
}

/** How every Trivy process is started: in trivyCwd, with trivyEnv. */
export const trivySandbox = (env: NodeJS.ProcessEnv): { cwd: string; env: NodeJS.ProcessEnv } => ({
  cwd: trivyCwd(),
  env: trivyEnv(env)
})
