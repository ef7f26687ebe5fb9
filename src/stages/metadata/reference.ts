import { InputError } from '../../errors.js'

// The grammar of github.com/distribution/reference, which every registry and docker itself use.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*'
const NAME = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)$`)
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const DIGEST = /^sha256:[a-f0-9]{64}$/
const NAME_MAX = 255

export interface ImageName {
  /** As written to the registry, e.g. ghcr.io/owner/app */
  name: string
  /** Registry host (docker.io when the name has none). */
  registry: string
  repository: string
}

export const isGhcr = (registry: string): boolean => registry.toLowerCase() === 'ghcr.io'

/** The first component is a registry host only when it looks like one (docker's rule). */
function splitDomain(name: string): [string | undefined, string] {
  const slash = name.indexOf('/')
  if (slash < 0) return [undefined, name]
  const first = name.slice(0, slash)
  if (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first)
    return [first, name.slice(slash + 1)]
  return [undefined, name]
}

/**
 * Validates an image name (no tag, no digest) for `input`. Names are lowercased, as
 * docker/metadata-action does: no registry takes upper case, and GitHub owners often have it.
 */
export function parseImageName(input: string, raw: string): ImageName {
  const trimmed = raw.trim()
  if (!trimmed) throw new InputError(input, 'an image name is empty')
  if (/\s/.test(trimmed)) throw new InputError(input, `"${trimmed}" contains white space`)
  if (trimmed.includes('@') || /:[^/]*$/.test(trimmed.replace(/^[^/]*\//, '/')))
    throw new InputError(input, `"${trimmed}" must be a name without a tag or digest (tags come from "tags")`)
  const [domain, repository] = splitDomain(trimmed.toLowerCase())
  const registry = domain ?? 'docker.io'
  const name = domain ? `${domain}/${repository}` : repository
  if (name.length > NAME_MAX)
    throw new InputError(input, `"${trimmed}" is ${name.length} characters long; the limit is ${NAME_MAX}`)
  if (repository.split('/').some(c => c === '..' || c === '.'))
    throw new InputError(input, `"${trimmed}" has a "." or ".." path component`)
  if (!NAME.test(name)) throw new InputError(input, `"${trimmed}" is not a valid image name`)
  return { name, registry, repository }
}

/** Validates a tag the user wrote (raw values, prefixes): an error, never a silent change. */
export function checkTag(input: string, tag: string): string {
  if (!TAG.test(tag)) {
    const why =
      tag.length > 128
        ? `is ${tag.length} characters long; the limit is 128`
        : 'may only hold letters, digits, "_", "." and "-", and must not start with "." or "-"'
    throw new InputError(input, `tag "${tag.length > 60 ? tag.slice(0, 60) + '…' : tag}" ${why}`)
  }
  return tag
}

/** Makes a tag out of a derived value (a branch or git tag name): invalid characters become "-". */
export function sanitizeTag(value: string): string {
  let tag = value.replace(/[^A-Za-z0-9_.-]+/g, '-')
  tag = tag.replace(/^[.-]+/, '')
  return tag.slice(0, 128)
}

export const isDigest = (value: string): boolean => DIGEST.test(value)

/** Splits `name[:tag][@digest]`. */
export function splitReference(ref: string): { name: string; tag?: string; digest?: string } {
  let rest = ref
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest }
  return { name: rest, digest }
}

/** docker.io names as docker shows them in full: library/ for official images. */
export function fullyQualified(name: string): string {
  const [domain, rest] = splitDomain(name)
  if (domain) return name
  return `docker.io/${rest.includes('/') ? rest : `library/${rest}`}`
}
