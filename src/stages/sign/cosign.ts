import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage, StepError } from '../../errors.js'
import { run, tail } from '../../infra/process.js'
import {
  attestArgs,
  cosignEnv,
  EMPTY_TRUSTED_ROOT,
  publicKeyArgs,
  signArgs,
  signingConfig,
  type Signer
} from './argv.js'
import { howToGetToken, type SignOptions } from './options.js'
import type { CosignPredicateType } from './predicates.js'

/** What cosign says when the OIDC token cannot be had, and what the user can do about it. */
function explain(stderr: string, env: NodeJS.ProcessEnv): string {
  if (/id.?token|oidc|ACTIONS_ID_TOKEN/i.test(stderr) && /(get|fetch|retriev|provide)/i.test(stderr))
    return `keyless signing found no OIDC token: ${howToGetToken(env)}`
  if (/decrypt|password|passphrase/i.test(stderr))
    return 'the key in sign-key cannot be read with sign-key-password'
  return ''
}

/** cosign, ready to sign in this run: its binary, the key where it can read it, the services. */
export class Cosign {
  private constructor(
    readonly path: string,
    readonly signer: Signer,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dir: string
  ) {}

  /**
   * Writes what cosign reads (a PEM key as a 0600 file, the signing config) to `dir`, a folder of
   * the run's private one removed when the run ends, and checks a key can be read with its
   * password before anything is pushed.
   */
  static async prepare(path: string, o: SignOptions, dir: string, env: NodeJS.ProcessEnv): Promise<Cosign> {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const write = (name: string, text: string, mode = 0o600): string => {
      const file = join(dir, name)
      writeFileSync(file, text, { mode })
      return file
    }
    const signer: Signer = { mode: o.mode === 'key' ? 'key' : 'keyless' }
    if (o.key)
      signer.keyRef =
        o.key.kind === 'pem' ? write('cosign.key', o.key.pem) : o.key.kind === 'path' ? o.key.path : o.key.uri
    // A key signs without Sigstore's services: a config of its own keeps cosign from asking the
    // public TUF root for one (an air-gapped runner would wait on it).
    if (o.mode === 'key' || o.fulcioUrl)
      signer.signingConfig = write('signing-config.json', JSON.stringify(signingConfig(o)))
    if (o.mode === 'key' && !o.rekorUrl)
      signer.trustedRoot = write('trusted-root.json', JSON.stringify(EMPTY_TRUSTED_ROOT))
    if (o.trustedRoot) signer.trustedRoot = o.trustedRoot
    const cosign = new Cosign(path, signer, cosignEnv(env, o.password), dir)
    if (signer.keyRef) await cosign.run(publicKeyArgs(signer.keyRef), 'reading the key in sign-key')
    return cosign
  }

  async version(): Promise<string> {
    const res = await run(this.path, ['version'], { env: this.env, allowFailure: true })
    return res.stdout.match(/GitVersion:\s*v?(\S+)/)?.[1] ?? 'unknown'
  }

  private async run(args: string[], what: string): Promise<string> {
    const res = await run(this.path, args, { env: this.env, allowFailure: true })
    if (res.code !== 0) {
      const why = explain(res.stderr, this.env)
      throw new StepError(`cosign: ${what} failed${why ? `: ${why}` : ''}`, tail(res.stderr, 8))
    }
    return res.stdout
  }

  sign(ref: string): Promise<string> {
    return this.run(signArgs(ref, this.signer), `signing ${ref}`)
  }

  /** Signs a predicate about `ref`: a report file as it is, or JSON written to the run's folder. */
  async attest(
    ref: string,
    type: CosignPredicateType,
    predicate: { file: string } | { json: unknown }
  ): Promise<void> {
    const file = 'file' in predicate ? predicate.file : join(this.dir, `predicate-${type}.json`)
    if ('json' in predicate) writeFileSync(file, JSON.stringify(predicate.json), { mode: 0o600 })
    try {
      await this.run(attestArgs(ref, type, file, this.signer), `attesting ${type} of ${ref}`)
    } finally {
      if ('json' in predicate) rmSync(file, { force: true })
    }
  }

  /** Removes the key file and the rest of what prepare wrote. */
  dispose(): void {
    try {
      rmSync(this.dir, { recursive: true, force: true })
    } catch (e) {
      throw new StepError(`the signing key's folder ${this.dir} could not be removed: ${errorMessage(e)}`)
    }
  }
}
