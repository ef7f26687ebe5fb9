import { loginOf, withDefaults } from '../../config/config.js'
import { InputError } from '../../errors.js'
import { login } from '../../infra/registry/docker-cli.js'
import { run } from '../../infra/process.js'
import { targetFor } from '../../infra/registry/push.js'
import { isDigest, parseImageName, splitReference } from '../../stages/metadata/reference.js'
import { cosignEnv, type Verifier } from '../../stages/sign/argv.js'
import { parseAttest } from '../../stages/sign/options.js'
import { verifyImage, verifyReport } from '../../stages/sign/verify.js'
import type { RawInputs } from '../../config/inputs.js'
import type { CommandDeps } from './command-deps.js'
import { toolPath } from './tools.js'

/** `--key`, or the keyless certificate's identity and issuer; and whether a log must have it. */
export function verifierOf(get: RawInputs): Verifier {
  const key = get('key').trim()
  const identity = get('certificate-identity').trim()
  const identityRegexp = get('certificate-identity-regexp').trim()
  const issuer = get('certificate-oidc-issuer').trim()
  const issuerRegexp = get('certificate-oidc-issuer-regexp').trim()
  const keyless = !!(identity || identityRegexp || issuer || issuerRegexp)
  if (key && keyless)
    throw new InputError('key', 'is given with a certificate identity: verify with one or the other')
  if (!key && (!(identity || identityRegexp) || !(issuer || issuerRegexp)))
    throw new InputError(
      'key',
      'is empty: give --key cosign.pub, or --certificate-identity (or -regexp) with --certificate-oidc-issuer (or -regexp)'
    )
  const tlog = get('insecure-ignore-tlog').trim().toLowerCase()
  if (tlog && tlog !== 'true' && tlog !== 'false')
    throw new InputError('insecure-ignore-tlog', `"${tlog}" is neither true nor false`)
  const trustedRoot = get('sigstore-trusted-root').trim()
  return {
    ...(key ? { key } : {}),
    ...(identity ? { identity } : {}),
    ...(identityRegexp ? { identityRegexp } : {}),
    ...(issuer ? { issuer } : {}),
    ...(issuerRegexp ? { issuerRegexp } : {}),
    ignoreTlog: tlog ? tlog === 'true' : !!key && !get('rekor-url').trim(),
    ignoreSct: get('insecure-ignore-sct').trim() === 'true',
    ...(trustedRoot ? { trustedRoot } : {})
  }
}

/**
 * `verify IMAGE@DIGEST`: checks with cosign what the pipeline signed, prints what the attestations
 * say, and exits 0 only when every check holds.
 */
export async function verifyCommand(d: CommandDeps): Promise<number> {
  const get = withDefaults(d.raw)
  const image = get('image').trim()
  if (!image) throw new InputError('image', 'is empty: name the image to verify, `name@sha256:…`')
  const { name, tag, digest } = splitReference(image)
  if (!digest || !isDigest(digest))
    throw new InputError('image', `"${image}" names no digest: verify an image by its digest (name@sha256:…)`)
  if (tag) d.reporter.warning(`the tag of ${image} is ignored: the digest is what is verified`)
  const parsed = parseImageName('image', name)
  const verifier = verifierOf(get)
  const attest = parseAttest(get('attest'))
  const cosignPath = toolPath('cosign', get, d.env)
  const l = loginOf(get('registry') || parsed.registry, get('username'), get('password'), 'username')
  if (l) {
    d.reporter.setSecret(l.password)
    await d.reporter.group(`Login to ${l.host}`, () => login(l, d.env))
  }
  const target = await targetFor(parsed, d.env)
  const env = cosignEnv(d.env)
  const checks = await verifyImage(target, digest, attest, verifier, args =>
    run(cosignPath, args, { env, allowFailure: true })
  )
  d.stdout?.(verifyReport(checks))
  d.reporter.setOutput('digest', digest)
  d.reporter.setOutput('image', `${parsed.name}@${digest}`)
  d.reporter.setOutput('verified', String(checks.every(c => c.ok)))
  d.reporter.setOutput('checks', JSON.stringify(checks))
  const failed = checks.filter(c => !c.ok)
  for (const c of failed) d.reporter.error(`${c.subject}: ${c.what}: ${c.detail}`)
  return failed.length ? 1 : 0
}
