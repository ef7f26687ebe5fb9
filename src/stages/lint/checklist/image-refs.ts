/** Image references as docker reads them, and the lists of bases the rules know. */

export interface ImageRef {
  /** Registry host as written, undefined when docker would assume docker.io. */
  registry?: string
  /** Name without tag and digest, as written. */
  name: string
  tag?: string
  digest?: string
}

/** Splits `registry/path:tag@sha256:…` the way docker reads it. */
export function splitImageRef(ref: string): ImageRef {
  const at = ref.indexOf('@')
  const digest = at >= 0 ? ref.slice(at + 1) : undefined
  const rest = at >= 0 ? ref.slice(0, at) : ref
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  const tag = colon > slash ? rest.slice(colon + 1) : undefined
  const name = colon > slash ? rest.slice(0, colon) : rest
  const first = name.includes('/') ? name.slice(0, name.indexOf('/')) : undefined
  const registry =
    first && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined
  return { registry, name, tag, digest }
}

/** The name docker pulls: `python` → `docker.io/library/python`, `org/app` → `docker.io/org/app`. */
export function canonicalName(ref: ImageRef): string {
  const name = ref.name.toLowerCase()
  if (ref.registry) return name
  return name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const REFERENCE = new RegExp(
  `^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[a-z0-9]+:[a-fA-F0-9]{32,})?$`
)

/** Whether `text` is an image reference docker would accept (not a placeholder such as `<ubuntu>`). */
export const isImageReference = (text: string): boolean => REFERENCE.test(text)

/** Docker Hub official images people write as one word: a bare name outside this list is a build context. */
const OFFICIAL = new Set(
  `almalinux alpine amazoncorretto amazonlinux archlinux bash buildpack-deps busybox caddy cassandra centos
  clojure composer couchdb debian docker eclipse-temurin elasticsearch elixir erlang fedora gcc golang
  gradle haproxy haskell httpd ibmjava influxdb jetty julia kong mariadb maven memcached mongo mysql neo4j
  nginx node openjdk oraclelinux perl php postgres pypy python r-base rabbitmq redis registry rockylinux ruby
  rust sbt swift telegraf tomcat traefik ubuntu`.split(/\s+/)
)

/** A one-word name that Docker Hub serves as an official image (`python`, `alpine`…). */
export const isOfficialImage = (name: string): boolean => OFFICIAL.has(name.toLowerCase())

/** `*` matches any run of characters (slashes too), `?` one character; the whole text must match. */
export function globMatch(pattern: string, text: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${re}$`, 'i').test(text)
}

/**
 * Whether an image matches a pattern `name` or `name:tag` (globs). The name is compared with the
 * name as written and with the name docker pulls, so `python:*-slim` and
 * `docker.io/library/python:*-slim` both match `python:3.12-slim`; a pattern without a tag matches
 * every tag.
 */
export function matchesImage(pattern: string, ref: ImageRef): boolean {
  const slash = pattern.lastIndexOf('/')
  const colon = pattern.lastIndexOf(':')
  const [namePart, tagPart] =
    colon > slash ? [pattern.slice(0, colon), pattern.slice(colon + 1)] : [pattern, undefined]
  const canonical = canonicalName(ref)
  const nameOk =
    globMatch(namePart, ref.name) ||
    globMatch(namePart, canonical) ||
    (!/[*?]/.test(namePart) && canonicalName(splitImageRef(namePart)) === canonical)
  return nameOk && (tagPart === undefined || globMatch(tagPart, ref.tag ?? ''))
}

/** The words of a tag: `3.12-slim-bookworm` → 3.12, slim, bookworm. */
const tagWords = (tag: string | undefined): string[] => (tag ?? '').toLowerCase().split(/[-_.]/)

/** Repositories whose every variant carries a compiler or build tool: never a minimal final base. */
const TOOLCHAIN_REPOS =
  /^(golang|rust|gcc|maven|gradle|buildpack-deps|swift|haskell|sbt|clojure|sdk|.*-sdk|.*build.*)$/

/** Tag variants that name a small runtime image, and words that say a variant is a build one. */
const MINIMAL_VARIANTS = new Set([
  'slim',
  'alpine',
  'distroless',
  'chiseled',
  'minimal',
  'micro',
  'nanoserver'
])
const BUILD_VARIANTS = new Set(['jdk', 'sdk', 'devel', 'dev', 'build', 'builder'])

/** Images that count as minimal final bases (OP006); `lint-minimal-bases` adds to them. */
export const DEFAULT_MINIMAL_BASES = [
  'gcr.io/distroless/*',
  '*/distroless/*',
  'cgr.dev/chainguard/*',
  'docker.io/chainguard/*',
  'docker.io/library/alpine',
  'docker.io/library/busybox',
  'mcr.microsoft.com/windows/nanoserver',
  'docker.io/nvidia/cuda:*-runtime-*',
  'docker.io/nvidia/cuda:*-base-*',
  'nvcr.io/nvidia/cuda:*-runtime-*',
  'nvcr.io/nvidia/cuda:*-base-*',
  '*/ubi*/ubi-minimal',
  '*/ubi*/ubi-micro',
  '*/ubi*-minimal',
  '*/ubi*-micro',
  'artefact.skao.int/ska-base',
  'artefact.skao.int/ska-python',
  'artefact.skao.int/ska-node',
  'artefact.skao.int/ska-webserver',
  'artefact.skao.int/ska-cuda'
]

/**
 * A minimal base: on the list, or a small variant (`-slim`, `-alpine`, `-chiseled`, `nanoserver`…)
 * of an image that is not a toolchain (`golang:1.22-alpine` still carries Go).
 */
export function isMinimalBase(ref: ImageRef, patterns: readonly string[]): boolean {
  if (patterns.some(p => matchesImage(p, ref))) return true
  const repo = canonicalName(ref).split('/').pop() ?? ''
  const words = tagWords(ref.tag)
  return (
    !TOOLCHAIN_REPOS.test(repo) &&
    words.some(w => MINIMAL_VARIANTS.has(w)) &&
    !words.some(w => BUILD_VARIANTS.has(w))
  )
}

/**
 * Bases whose image config already sets a non-root USER (OP004): distroless `nonroot` tags,
 * Chainguard images, the Jupyter and Kubeflow notebook stacks, unprivileged nginx, Windows
 * nanoserver (ContainerUser), .NET chiseled images and Red Hat's language images.
 */
export const DEFAULT_NONROOT_BASES = [
  'gcr.io/distroless/*:*nonroot*',
  '*/distroless/*:*nonroot*',
  'cgr.dev/chainguard/*',
  'docker.io/chainguard/*',
  'quay.io/jupyter/*',
  'docker.io/jupyter/*',
  '*/kubeflownotebookswg/*',
  'docker.io/nginxinc/nginx-unprivileged',
  'mcr.microsoft.com/windows/nanoserver',
  'mcr.microsoft.com/*:*nanoserver*',
  'mcr.microsoft.com/dotnet/*:*chiseled*',
  'registry.access.redhat.com/ubi*/python-*',
  'registry.access.redhat.com/ubi*/nodejs-*'
]

/** Users known bases create, by name and UID: `USER 65532` on distroless is `nonroot`. */
export const KNOWN_BASE_USERS: ReadonlyArray<[pattern: string, name: string, uid: string]> = [
  ['*/distroless/*', 'nonroot', '65532'],
  ['gcr.io/distroless/*', 'nonroot', '65532'],
  ['cgr.dev/chainguard/*', 'nonroot', '65532'],
  ['quay.io/jupyter/*', 'jovyan', '1000'],
  ['docker.io/jupyter/*', 'jovyan', '1000'],
  ['*/kubeflownotebookswg/*', 'jovyan', '1000'],
  ['docker.io/library/node', 'node', '1000'],
  ['mcr.microsoft.com/dotnet/*', 'app', '1654']
]
