import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseKeyValues } from '../../config/lists.js'
import { parseDockerfile } from '../../stages/dockerfile.js'
import { orderByFrom, runImageOf } from '../gitlab/pins.js'
import type { RawInputs } from '../../config/inputs.js'
import type { RunContext } from '../../context.js'
import { InputError } from '../../errors.js'
import { gitlabInputs, imageInputs, withGitLabInputs } from '../gitlab/defaults.js'
import {
  nameList,
  skaoImagePlan,
  type SkaoImage,
  type SkaoImagePlan,
  type WorkspaceView
} from '../gitlab/images.js'
import type { ImageSet } from './command-deps.js'
import type { Platform } from './context.js'

export interface InputLayer {
  raw: RawInputs
  /** OCI_BUILD_ADDITIONAL_ARGS words dropped (they only change how the build prints). */
  ignoredArgs: string[]
  images?: ImageSet
}

/** Images found under OCI_IMAGE_ROOT_DIR, each after the ones its Dockerfile builds FROM. */
function discoveredOrder(
  plan: SkaoImagePlan,
  inputsFor: (image: SkaoImage) => RawInputs,
  workspace: string
): SkaoImagePlan {
  const runImages = plan.images.map(image => ({ ...runImageOf(image, inputsFor(image)), image }))
  const ordered = orderByFrom(runImages, ({ image }) => {
    const raw = inputsFor(image)
    const file = resolve(workspace, raw('file') || join(raw('context') || '.', 'Dockerfile'))
    return parseDockerfile(
      readFileSync(file, 'utf8'),
      new Map(parseKeyValues('build-args', raw('build-args'))),
      'file'
    )
  }).map(r => r.image)
  const publish = ordered.map(i => i.name).filter(n => plan.publish.includes(n))
  return { ...plan, images: ordered, publish }
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
  const found = skaoImagePlan(env, workspaceView(ctx.workspace), env.CI_PROJECT_NAME || ctx.repo.name)
  if (found.images.length > 1)
    for (const name of ONE_IMAGE)
      if (read(name))
        throw new InputError(
          name,
          `names one image, but ${found.images.length} are built here (${found.images.map(i => i.name).join(', ')}, from ${found.from}): leave it unset, or set OCI_IMAGES to one name`
        )
  const inputsFor = (image: SkaoImage, pins: string[] = [], reportDir?: string): RawInputs => {
    const raw = withGitLabInputs(read, imageInputs(project, image, env, pins))
    return name => (name === 'report-dir' && reportDir ? reportDir : raw(name))
  }
  const plan = found.from === 'OCI_IMAGE_ROOT_DIR' ? discoveredOrder(found, inputsFor, ctx.workspace) : found
  return {
    raw: inputsFor(plan.images[0] as SkaoImage),
    ignoredArgs: project.ignoredArgs,
    images: { plan, inputsFor }
  }
}
