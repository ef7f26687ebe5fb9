import type { RawInputs } from '../../config/inputs.js'
import { InputError } from '../../errors.js'
import type { ParsedDockerfile } from '../../stages/dockerfile.js'
import { fullyQualified, splitReference } from '../../stages/metadata/reference.js'

/** An image of the run, by the names a Dockerfile may give it. */
export interface RunImage {
  name: string
  /** Repositories a FROM may name it by: its staging one and its release one (no tag). */
  repositories: string[]
}

/** An image the run built before, and where its build is. */
export interface BuiltBefore extends RunImage {
  /** `<staging repository>@<digest>`, the pushed image; undefined when it was not pushed. */
  pushed?: string
  /** The tags a FROM may name this build by: its version and the tags it was pushed with. */
  tags: string[]
}

export interface FromPins {
  /** `--build-context` lines: `<FROM reference>=docker-image://<repository>@<digest>`. */
  contexts: string[]
  /** What the log should say about FROMs left as they are. */
  notes: string[]
}

const lines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)

/** The repositories a Dockerfile may name an image by: where it is pushed, and where it is released. */
export function runImageOf(image: { name: string }, raw: RawInputs): RunImage {
  return { name: image.name, repositories: [...lines(raw('images')), ...lines(raw('release-image'))] }
}

const normal = (name: string): string => fullyQualified(name.toLowerCase())
const owner = <T extends RunImage>(images: readonly T[], name: string): T | undefined =>
  images.find(i => i.repositories.some(r => normal(r) === normal(name)))

/**
 * SKAO's images build FROM earlier images of the same project (`FROM ${CAR_OCI_REGISTRY_HOST}/base:1.2.0`).
 * Each FROM naming an image this run built before, by a tag that build has (or none, or latest), becomes a named build
 * context pinned to that build's digest: BuildKit then builds FROM exactly what this run built and
 * scanned, never what a tag names when the build starts. A FROM with a digest is left as written
 * (the author pinned it); one naming an image that comes later in the list is refused, since it
 * would build FROM an older image of the same name. Pure.
 */
export function fromPins(
  image: string,
  df: ParsedDockerfile,
  before: readonly BuiltBefore[],
  after: readonly RunImage[]
): FromPins {
  const out: FromPins = { contexts: [], notes: [] }
  const stageNames = new Set(df.stages.flatMap(s => (s.name ? [s.name] : [])))
  for (const stage of df.stages) {
    const ref = stage.image
    if (stageNames.has(ref.toLowerCase()) || ref.toLowerCase() === 'scratch') continue
    const { name, tag, digest } = splitReference(ref)
    const later = owner(after, name)
    if (later)
      throw new InputError(
        'OCI_IMAGES',
        `${image} builds FROM ${ref}, but ${later.name} comes after ${image} in the list: put ${later.name} first`
      )
    const built = owner(before, name)
    if (!built) continue
    if (digest) {
      out.notes.push(`${image}: FROM ${ref} is pinned by digest, so it is left as written`)
      continue
    }
    // No tag, or `latest`, asks for the newest: this run's build.
    if (tag && tag !== 'latest' && !built.tags.includes(tag)) {
      out.notes.push(
        `${image}: FROM ${ref} names another version of ${built.name} than this run built (${built.tags.join(', ')}), so it comes from the registry`
      )
      continue
    }
    if (!built.pushed) {
      out.notes.push(
        `${image}: FROM ${ref} comes from the registry: ${built.name} was built but not pushed here`
      )
      continue
    }
    // BuildKit looks a FROM up by its familiar name, where `:latest` is left out.
    const key = tag && tag !== 'latest' ? `${name}:${tag}` : name
    const context = `${key}=docker-image://${built.pushed}`
    if (!out.contexts.includes(context)) out.contexts.push(context)
  }
  return out
}

/**
 * Images found in `images/*` come by name; each is moved after the images of the list its FROMs
 * name (by their repositories), keeping the order by name otherwise. A circle is refused.
 */
export function orderByFrom<T extends RunImage>(
  images: readonly T[],
  dockerfile: (image: T) => ParsedDockerfile
): T[] {
  const uses = new Map(
    images.map(image => {
      const df = dockerfile(image)
      const names = df.stages.map(s => splitReference(s.image).name)
      return [image.name, images.filter(o => o !== image && names.some(n => owner([o], n))).map(o => o.name)]
    })
  )
  const done: T[] = []
  let left = [...images]
  while (left.length) {
    const ready = left.find(i => (uses.get(i.name) ?? []).every(n => done.some(d => d.name === n)))
    if (!ready)
      throw new InputError(
        'OCI_IMAGE_ROOT_DIR',
        `${left.map(i => i.name).join(', ')} build FROM one another in a circle`
      )
    done.push(ready)
    left = left.filter(i => i !== ready)
  }
  return done
}
