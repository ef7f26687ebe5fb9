import { InputError } from '../../errors.js'
import { checkLabel, sortedByKey } from './labels.js'

/** Where BuildKit attaches an annotation (`docker buildx build --annotation <level>:key=value`). */
export const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'] as const

// `manifest`, `index[linux/amd64]`, …
const LEVEL = new RegExp(`^(?:${ANNOTATION_LEVELS.join('|')})(?:\\[[^\\]]+\\])?$`)

/** `manifest,index` (DOCKER_METADATA_ANNOTATIONS_LEVELS): the levels annotations without one go to. */
export function parseAnnotationLevels(value: string, input = 'DOCKER_METADATA_ANNOTATIONS_LEVELS'): string[] {
  const levels = value
    .split(',')
    .map(l => l.trim())
    .filter(Boolean)
  for (const l of levels)
    if (!LEVEL.test(l))
      throw new InputError(
        input,
        `"${l}" is not an annotation level (known: ${ANNOTATION_LEVELS.join(', ')})`
      )
  return levels.length ? levels : ['manifest']
}

export interface AnnotationLine {
  /** Empty: the default levels. */
  levels: string[]
  key: string
  value: string
}

/**
 * One `annotations` line: `key=value` (docker/metadata-action: at the default levels, beside the
 * generated ones) or `level[,level]:key=value` (docker/build-push-action: as written).
 */
export function annotationLine(key: string, value: string): AnnotationLine {
  const colon = key.indexOf(':')
  const head = colon > 0 ? key.slice(0, colon).split(',') : []
  if (head.length && head.every(l => LEVEL.test(l.trim()))) {
    const rest = key.slice(colon + 1).trim()
    checkLabel(rest, value, 'annotations')
    return { levels: head.map(l => l.trim()), key: rest, value }
  }
  checkLabel(key, value, 'annotations')
  return { levels: [], key, value }
}

/**
 * The annotations output, `level:key=value` lines: the generated OCI set with the user's plain lines
 * over it, sorted by key, at each default level; then the lines that named their level.
 */
export function computeAnnotations(
  generated: Readonly<Record<string, string>>,
  lines: readonly AnnotationLine[],
  defaultLevels: readonly string[]
): string[] {
  const plain: Record<string, string> = { ...generated }
  for (const l of lines) if (!l.levels.length) plain[l.key] = l.value
  const byLevel = new Map<string, string>()
  for (const level of defaultLevels)
    for (const [k, v] of Object.entries(sortedByKey(plain))) byLevel.set(`${level}:${k}`, v)
  for (const l of lines) for (const level of l.levels) byLevel.set(`${level}:${l.key}`, l.value)
  return [...byLevel].map(([k, v]) => `${k}=${v}`)
}
