import { stageChain, type Stage } from '../../dockerfile.js'
import { isImageReference, isMinimalBase, splitImageRef, type ImageRef } from './image-refs.js'
import { pinned, unresolvedArgs } from './pin-rule.js'
import { human, type Hit, type Rule, type RuleContext } from './types.js'

export { DEFAULT_MINIMAL_BASES, DEFAULT_NONROOT_BASES, globMatch, splitImageRef } from './image-refs.js'
export { isStageReference, unresolvedArgs } from './pin-rule.js'

/**
 * The external image the final stage is built on, followed through stages and named contexts;
 * undefined for `scratch`, or when it is only known at build time.
 */
export function rootImage(ctx: RuleContext): ImageRef | undefined {
  const chain = stageChain(ctx.df, ctx.final)
  const root = chain[chain.length - 1] as Stage
  if (root.image.toLowerCase() === 'scratch' || unresolvedArgs(ctx.df, root.written).length) return undefined
  const context = ctx.namedContexts?.get(root.image)
  const image = context ? /^docker-image:\/\/(.+)$/.exec(context.value)?.[1] : root.image
  return image && isImageReference(image) ? splitImageRef(image) : undefined
}

const minimal: Rule = {
  id: 'OP006',
  level: 'warning',
  title: 'The final stage starts from a minimal image',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    if (ctx.kind === 'builder' || ctx.kind === 'base') return []
    const ref = rootImage(ctx)
    if (!ref || isMinimalBase(ref, ctx.minimalBases)) return []
    const nameTag = ref.tag ? `${ref.name}:${ref.tag}` : ref.name
    return [
      {
        line: ctx.final.line,
        message: `The final stage (FROM on line ${human(ctx.final.line)}) is built on "${nameTag}", which is not a minimal image: copy the results into a distroless, Chainguard, slim or alpine runtime base; if "${ref.name}" is minimal, add it to lint-minimal-bases; if this Dockerfile builds a build or base image, declare it with "# oci-pipeline image=builder" (or image=base)`
      }
    ]
  }
}

export const imageRules = [pinned, minimal]
