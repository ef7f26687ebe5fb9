/**
 * The environment for a short Trivy run over a small input (a Dockerfile, a scan's JSON): no
 * garbage collection below 1 GiB of heap. Trivy allocates over 150 MB while it starts (it compiles
 * its built-in checks), and collecting that costs about a third of such a run's CPU, which the
 * build and the scan beside it want; the limit bounds a large input. Not for `trivy image`, whose
 * heap grows with the image. A GOGC or GOMEMLIMIT the user set is kept.
 */
export function shortRunEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.GOGC !== undefined || env.GOMEMLIMIT !== undefined) return env
  return { ...env, GOGC: 'off', GOMEMLIMIT: '1GiB' }
}
