/** Python versions (PEP 440): parsing and the normal form, for `type=pep440` tag rules. Pure. */

export interface Pep440 {
  epoch: number
  release: number[]
  pre?: [string, number]
  post?: number
  dev?: number
  local?: string
}

// PEP 440's grammar: epoch, release, pre, post (also "-N"), dev, local; any case, with a leading "v".
const VERSION =
  /^\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i

const PRE: Record<string, string> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc'
}

export function parsePep440(text: string): Pep440 | undefined {
  const m = VERSION.exec(text)
  if (!m) return undefined
  const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m
  const num = (s: string | undefined): number => Number(s ?? 0)
  return {
    epoch: num(epoch),
    release: (release as string).split('.').map(Number),
    ...(preL ? { pre: [PRE[preL.toLowerCase()] as string, num(preN)] as [string, number] } : {}),
    ...(postN1 !== undefined || postL ? { post: num(postN1 ?? postN2) } : {}),
    ...(devL ? { dev: num(devN) } : {}),
    ...(local ? { local: local.toLowerCase().replace(/[-_]/g, '.') } : {})
  }
}

/** The normal form: `1.1beta2` is `1.1b2`, `1.0dev4` is `1.0.dev4`, `v1.2` is `1.2`. */
export function normalPep440(v: Pep440): string {
  let s = `${v.epoch ? `${v.epoch}!` : ''}${v.release.join('.')}`
  if (v.pre) s += `${v.pre[0]}${v.pre[1]}`
  if (v.post !== undefined) s += `.post${v.post}`
  if (v.dev !== undefined) s += `.dev${v.dev}`
  if (v.local) s += `+${v.local}`
  return s
}

/** A pre-, post- or development release: one that only ever gets its full version as a tag. */
export const isPep440Special = (v: Pep440): boolean => !!v.pre || v.post !== undefined || v.dev !== undefined
