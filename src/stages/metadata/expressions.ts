import { InputError, errorMessage } from '../../errors.js'
import { refKind, refName, type RunContext } from '../../context.js'
import { formatDate } from './date-format.js'

/** What the global expressions read: the run, the clock, and the project's own version. */
export interface ExpressionFacts {
  ctx: RunContext
  now: Date
  /** The project's version (git tag, `.release`, Dockerfile): `{{version}}`, beyond docker/metadata-action. */
  version?: string
  /** DOCKER_METADATA_SHORT_SHA_LENGTH: the length of `{{sha}}` and `type=sha` (7 unless set). */
  shortShaLength?: number
}

export const shortSha = (sha: string, length = 7): string =>
  length >= sha.length ? sha : sha.slice(0, length)

/** Replaces each run of characters a tag cannot hold with "-", as docker/metadata-action does. */
export const tagSafe = (text: string): string => text.replace(/[^a-zA-Z0-9._-]+/g, '-')

// Events that only ever run for the default branch's last commit (docker/metadata-action's list).
const DEFAULT_BRANCH_EVENTS = /create|discussion|issues|schedule/

export function isDefaultBranch(ctx: RunContext): boolean {
  const branch = ctx.ref.replace(/^refs\/heads\//, '')
  if (!branch) return false
  if (ctx.repo.defaultBranch === branch) return true
  return DEFAULT_BRANCH_EVENTS.test(ctx.eventName)
}

// `{{ name arg… key='value'… }}`, arguments quoted with ' or ", or bare words.
const EXPRESSION = /\{\{\s*([A-Za-z_]+)((?:\s+(?:[A-Za-z_]+=)?(?:'[^']*'|"[^"]*"|[^\s'"}]+))*)\s*\}\}/g
const ARGUMENT = /(?:([A-Za-z_]+)=)?('[^']*'|"[^"]*"|[^\s'"}]+)/g

interface Call {
  /** Positional arguments: quoted ones as written, bare words as undefined (a name that is not set). */
  args: Array<string | undefined>
  hash: Map<string, string>
}

function parseCall(text: string): Call {
  const args: Array<string | undefined> = []
  const hash = new Map<string, string>()
  for (const m of text.matchAll(ARGUMENT)) {
    const raw = m[2] as string
    const quoted = /^['"]/.test(raw) ? raw.slice(1, -1) : undefined
    if (m[1]) hash.set(m[1], quoted ?? raw)
    else args.push(quoted)
  }
  return { args, hash }
}

function renderDate(input: string, whole: string, date: Date, call: Call): string {
  for (const key of call.hash.keys())
    if (key !== 'tz') throw new InputError(input, `unknown attribute "${key}" in ${whole} (known: tz)`)
  try {
    return formatDate(date, call.args[0], call.hash.get('tz') ?? 'UTC')
  } catch (e) {
    throw new InputError(input, `${whole}: ${errorMessage(e)}`)
  }
}

/**
 * docker/metadata-action's global expressions in `text`: {{branch}}, {{tag}}, {{sha}}, {{base_ref}},
 * {{is_default_branch}}, {{is_not_default_branch}}, {{date 'FORMAT' tz='Zone'}} and
 * {{commit_date 'FORMAT' tz='Zone'}}, plus {{version}}. With `forTag`, what an expression gives is
 * made tag-safe (a branch `feature/x` becomes `feature-x`); the text around it is left for the
 * caller to check. An unknown expression is an error naming `input`.
 */
export function expand(input: string, text: string, f: ExpressionFacts, forTag = false): string {
  const { ctx } = f
  const kind = refKind(ctx.ref)
  return text.replace(EXPRESSION, (whole, name: string, rest: string) => {
    const call = parseCall(rest)
    let value: string
    switch (name) {
      case 'branch':
        value = kind === 'branch' ? refName(ctx.ref) : ''
        break
      case 'tag':
        value = kind === 'tag' ? refName(ctx.ref) : ''
        break
      case 'sha':
        value = shortSha(ctx.sha, f.shortShaLength)
        break
      case 'base_ref':
        value = kind === 'tag' || kind === 'pr' ? (ctx.baseRef ?? '') : ''
        break
      case 'is_default_branch':
        value = String(isDefaultBranch(ctx))
        break
      case 'is_not_default_branch':
        value = String(!isDefaultBranch(ctx))
        break
      case 'version':
        value = f.version ?? ''
        break
      case 'date':
        value = renderDate(input, whole, f.now, call)
        break
      case 'commit_date':
        value = renderDate(input, whole, ctx.commitDate ?? f.now, call)
        break
      default:
        throw new InputError(input, `unknown expression ${whole}`)
    }
    return forTag ? tagSafe(value) : value
  })
}

/** Whether `text` uses an expression called `name` (so a fact is read only when needed). */
export const usesExpression = (text: string, name: string): boolean =>
  [...text.matchAll(EXPRESSION)].some(m => m[1] === name)
