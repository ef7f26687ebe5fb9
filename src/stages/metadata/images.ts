import { InputError } from '../../errors.js'
import { parseAttrs, parseList } from '../../config/lists.js'
import type { RepoInfo } from '../../context.js'
import { parseImageName, type ImageName } from './reference.js'

/**
 * The `images` input, as docker/metadata-action reads it: names one per line or comma-separated,
 * or `name=…,enable=true|false` lines. Empty means `ghcr.io/<owner>/<repo>`.
 */
export function parseImages(value: string, repo: RepoInfo): ImageName[] {
  const images: ImageName[] = []
  const lines = value.trim() ? value.split(/\r?\n/) : [`ghcr.io/${repo.owner}/${repo.name}`]
  for (const raw of lines) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    if (line.includes('=')) {
      const attrs = parseAttrs('images', line)
      for (const key of attrs.keys())
        if (key !== 'name' && key !== 'enable')
          throw new InputError('images', `unknown attribute "${key}" in "${line}"`)
      const enable = attrs.get('enable') ?? 'true'
      if (enable !== 'true' && enable !== 'false')
        throw new InputError('images', `enable must be true or false in "${line}"`)
      if (enable === 'true') images.push(parseImageName('images', attrs.get('name') ?? ''))
    } else {
      for (const name of parseList('images', line)) images.push(parseImageName('images', name))
    }
  }
  if (images.length === 0) throw new InputError('images', 'no image is enabled')
  return images.filter((img, i) => images.findIndex(o => o.name === img.name) === i)
}
