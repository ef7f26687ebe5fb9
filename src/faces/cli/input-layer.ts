import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { RawInputs } from '../../config/inputs.js'
import type { RunContext } from '../../context.js'
import { InputError } from '../../errors.js'
import { gitlabInputs, imageInputs, withGitLabInputs } from '../gitlab/defaults.js'
import { nameList, skaoImagePlan, type SkaoImage, type WorkspaceView } from '../gitlab/images.js'
import type { ImageSet } from './command-deps.js'
import type { Platform } from './context.js'

export interface InputLayer {
  raw: RawInputs
  /** OCI_BUILD_ADDITIONAL_ARGS words dropped (they only change how the build prints). */
  ignoredArgs: string[]
  images?: ImageSet
}

export function workspaceView(workspace: string): WorkspaceView {
  return {
    exists: p => existsSync(resolve(workspace, p)),
    directories: p => {
      try {
        return readdirSync(resolve(workspace, p), { withFileTypes: true })
          .filter(e => e.isDirectory())
          .map(e => e.name)
      } catch {
        return []
      }
    }
  }
}

/** Options that name one image: with several images they would send every image to one place. */
const ONE_IMAGE = ['images', 'file', 'context', 'release-image', 'source-image', 'source-digest']

/**
 * The inputs as the command line and OCI_PIPELINE_* give them, over GitLab's and SKAO's variables.
 * SKAO's images (in GitLab, or wherever OCI_IMAGES or OCI_IMAGE is set) each get their own layer.
 */
export function inputLayer(
  env: NodeJS.ProcessEnv,
  read: RawInputs,
  ctx: RunContext,
  platform: Platform
): InputLayer {
  const project = gitlabInputs(env)
  const skao = platform === 'gitlab' || nameList(env.OCI_IMAGES ?? '').length > 0 || !!env.OCI_IMAGE?.trim()
  if (!skao) return { raw: withGitLabInputs(read, project), ignoredArgs: project.ignoredArgs }
  const plan = skaoImagePlan(env, workspaceView(ctx.workspace), env.CI_PROJECT_NAME || ctx.repo.name)
  if (plan.images.length > 1)
    for (const name of ONE_IMAGE)
      if (read(name))
        throw new InputError(
          name,
          `names one image, but ${plan.images.length} are built here (${plan.images.map(i => i.name).join(', ')}, from ${plan.from}): leave it unset, or set OCI_IMAGES to one name`
        )
  const inputsFor = (image: SkaoImage, pins: string[] = [], reportDir?: string): RawInputs => {
    const raw = withGitLabInputs(read, imageInputs(project, image, env, pins))
    return name => (name === 'report-dir' && reportDir ? reportDir : raw(name))
  }
  return {
    raw: inputsFor(plan.images[0] as SkaoImage),
    ignoredArgs: project.ignoredArgs,
    images: { plan, inputsFor }
  }
}
