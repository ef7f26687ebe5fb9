import { posix } from 'node:path'
import { InputError } from '../../errors.js'
import type { Env } from './context.js'

/** One image of SKAO's layout: `<OCI_IMAGE_ROOT_DIR>/<name>/Dockerfile`, or the one at the top. */
export interface SkaoImage {
  name: string
  /** The Dockerfile, relative to the workspace; undefined: the default (`Dockerfile`). */
  file?: string
  /** The build context, relative to the workspace; undefined: the default (`.`). */
  context?: string
  /** The image's own `.release`, relative to the workspace, when it has one. */
  releaseFile?: string
}

export interface SkaoImagePlan {
  /** In build order. */
  images: SkaoImage[]
  /** The names OCI_IMAGES_TO_PUBLISH gives (all, when it is not set), in build order. */
  publish: string[]
  /** How the list was found, for the log. */
  from: 'OCI_IMAGES' | 'OCI_IMAGE' | 'Dockerfile' | 'OCI_IMAGE_ROOT_DIR' | 'project'
}

/** What the plan reads of the workspace (paths relative to it). */
export interface WorkspaceView {
  exists(path: string): boolean
  /** The sub-directories of a directory, none when it is not one. */
  directories(path: string): string[]
}

/** A repository path component, as registries accept it. */
const NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/

/** OCI_IMAGES and OCI_IMAGES_TO_PUBLISH: names separated by white space or commas. */
export const nameList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean)

/**
 * `$(PWD)` (and `${PWD}`, `$PWD`, `$(CURDIR)`) is the project directory: SKAO's makefile expands it
 * before it changes directory, and GitLab leaves `$(…)` as written. Returns a path relative to the
 * workspace, or undefined when the text does not start with one.
 */
export function projectDirPath(text: string): string | undefined {
  const m = /^(?:\$\(PWD\)|\$\{PWD\}|\$PWD(?![A-Za-z0-9_])|\$\(CURDIR\))(\/.*)?$/.exec(text.trim())
  if (!m) return undefined
  return posix.normalize(`./${m[1] ?? ''}`).replace(/\/$/, '') || '.'
}

/** OCI_IMAGE_BUILD_CONTEXT for an image under `dir`: relative to it, `$(PWD)` the project. */
function contextFor(env: Env, dir: string): string {
  const given = (env.OCI_IMAGE_BUILD_CONTEXT ?? '').trim() || '.'
  const project = projectDirPath(given)
  if (project !== undefined) return project
  return given.startsWith('/') ? given : posix.join(dir, given)
}

function checkNames(variable: string, names: string[]): string[] {
  for (const n of names)
    if (!NAME.test(n))
      throw new InputError(
        variable,
        `"${n}" is not an image name (lower-case letters, digits, and . _ - between them)`
      )
  const twice = names.find((n, i) => names.indexOf(n) !== i)
  if (twice) throw new InputError(variable, `"${twice}" is named twice`)
  return names
}

/**
 * The images a SKAO project builds, as its makefile finds them: OCI_IMAGES in that order; else
 * OCI_IMAGE; else the project's one image when a Dockerfile is at the top; else every directory
 * of OCI_IMAGE_ROOT_DIR (`images`) that holds a Dockerfile, by name; else the project's name.
 * Each image is `<root>/<name>/<OCI_IMAGE_FILE_PATH>` with its context OCI_IMAGE_BUILD_CONTEXT
 * relative to that directory, or, with no such directory, the Dockerfile at the top with the
 * whole project as its context. Pure.
 */
export function skaoImagePlan(env: Env, ws: WorkspaceView, projectName: string): SkaoImagePlan {
  const root = (env.OCI_IMAGE_ROOT_DIR ?? '').trim().replace(/\/+$/, '') || 'images'
  const fileName = (env.OCI_IMAGE_FILE_PATH ?? '').trim() || 'Dockerfile'
  const oneShot = ws.exists(fileName)
  let names: string[]
  let from: SkaoImagePlan['from']
  const listed = nameList(env.OCI_IMAGES ?? '')
  if (listed.length) [names, from] = [checkNames('OCI_IMAGES', listed), 'OCI_IMAGES']
  else if (env.OCI_IMAGE?.trim())
    [names, from] = [checkNames('OCI_IMAGE', [env.OCI_IMAGE.trim()]), 'OCI_IMAGE']
  else if (oneShot || !projectName) [names, from] = [[projectName], 'Dockerfile']
  else {
    const found = ws
      .directories(root)
      .filter(d => NAME.test(d) && ws.exists(posix.join(root, d, fileName)))
      .sort()
    ;[names, from] = found.length ? [found, 'OCI_IMAGE_ROOT_DIR'] : [[projectName], 'project']
  }
  const images = names.map((name): SkaoImage => {
    const dir = posix.join(root, name)
    if (name && ws.exists(posix.join(dir, fileName))) {
      const release = posix.join(dir, '.release')
      return {
        name,
        file: posix.join(dir, fileName),
        context: contextFor(env, dir),
        ...(ws.exists(release) ? { releaseFile: release } : {})
      }
    }
    if (oneShot || names.length === 1)
      return { name, ...(env.OCI_IMAGE_FILE_PATH?.trim() ? { file: fileName } : {}) }
    throw new InputError(
      from,
      `image "${name}" has no ${posix.join(dir, fileName)}, and there is no ${fileName} at the top`
    )
  })
  const toPublish = env.OCI_IMAGES_TO_PUBLISH
  const publish = toPublish === undefined ? names : checkNames('OCI_IMAGES_TO_PUBLISH', nameList(toPublish))
  for (const p of publish)
    if (!names.includes(p))
      throw new InputError(
        'OCI_IMAGES_TO_PUBLISH',
        `"${p}" is not one of the images built here (${names.join(', ')}): a release is only ever what this pipeline built and scanned`
      )
  return { images, publish: names.filter(n => publish.includes(n)), from }
}
