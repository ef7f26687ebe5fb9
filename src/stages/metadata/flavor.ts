import { InputError } from '../../errors.js'
import { parseAttrs } from '../../config/lists.js'
import { checkTag } from './reference.js'

export interface Flavor {
  latest: 'auto' | 'true' | 'false'
  prefix: string
  prefixOnLatest: boolean
  suffix: string
  suffixOnLatest: boolean
}

/** docker/metadata-action's `flavor` input: `latest=auto|true|false`, `prefix=`, `suffix=` (with `,onlatest=`). */
export function parseFlavor(value: string): Flavor {
  const flavor: Flavor = {
    latest: 'auto',
    prefix: '',
    prefixOnLatest: false,
    suffix: '',
    suffixOnLatest: false
  }
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const attrs = parseAttrs('flavor', line)
    const [key] = [...attrs.keys()]
    const val = attrs.get(key ?? '') ?? ''
    const onlatest = attrs.get('onlatest')
    if (onlatest !== undefined && !['true', 'false'].includes(onlatest))
      throw new InputError('flavor', `onlatest must be true or false, not "${onlatest}"`)
    switch (key) {
      case 'latest':
        if (!['auto', 'true', 'false'].includes(val))
          throw new InputError('flavor', `latest must be auto, true or false, not "${val}"`)
        flavor.latest = val as Flavor['latest']
        break
      case 'prefix':
        if (val) checkTag('flavor', `${val}x`)
        flavor.prefix = val
        flavor.prefixOnLatest = onlatest === 'true'
        break
      case 'suffix':
        if (val) checkTag('flavor', `x${val}`)
        flavor.suffix = val
        flavor.suffixOnLatest = onlatest === 'true'
        break
      default:
        throw new InputError('flavor', `unknown key "${key}" (known: latest, prefix, suffix)`)
    }
  }
  return flavor
}
