import { InputError } from '../../errors.js'
import { csvFields, parseList } from '../../config/lists.js'
import type { RepoInfo } from '../../context.js'
import { parseImageName, type ImageName } from './reference.js'

/** One `name=…,enable=…` line; a bare field is the name (`ghcr.io/o/app,enable=false`). */
function imageLine(line: string): { name: string; enable: boolean } {
  let name = ''
  let enable = true
  for (const field of csvFields('images', line)) {
    const eq = field.indexOf('=')
    const key = eq < 0 ? 'name' : field.slice(0, eq).trim().toLowerCase()
    const value = eq < 0 ? field : field.slice(eq + 1).trim()
    if (key === 'name') name = value
    else if (key === 'enable') {
      if (value !== 'true' && value !== 'false')
        throw new InputError('images', `enable must be true or false in "${line}"`)
      enable = value === 'true'
    } else throw new InputError('images', `unknown attribute "${key}" in "${line}" (known: name, enable)`)
  }
  if (!name) throw new InputError('images', `"${line}" names no image`)
  return { name, enable }
}

/**
 * The `images` input, as docker/metadata-action reads it: names one per line or comma-separated,
 * or `name=…,enable=true|false` lines (a bare field being the name). Names are lowercased, as
 * metadata-action does. Empty means `ghcr.io/<owner>/<repo>`, unless `tags` names whole references
 * (docker/build-push-action's way): then those are the images, and there is none beside them.
 */
export function parseImages(value: string, repo: RepoInfo, tagsNameImages = false): ImageName[] {
  if (!value.trim())
    return tagsNameImages ? [] : [parseImageName('images', `ghcr.io/${repo.owner}/${repo.name}`)]
  const images: ImageName[] = []
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    if (line.includes('=')) {
      const { name, enable } = imageLine(line)
      if (enable) images.push(parseImageName('images', name))
    } else for (const name of parseList('images', line)) images.push(parseImageName('images', name))
  }
  if (images.length === 0) throw new InputError('images', 'no image is enabled')
  return images.filter((img, i) => images.findIndex(o => o.name === img.name) === i)
}
