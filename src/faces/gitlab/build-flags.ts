import { InputError } from '../../errors.js'
import type { Env } from './context.js'

const VARIABLE = 'OCI_BUILD_ADDITIONAL_ARGS'

/** Splits a shell-like word list: quotes group, backslash escapes; no expansion of any kind. */
export function shellWords(text: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let quote: '"' | "'" | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i] as string
      else word += c
    } else if (c === '"' || c === "'") {
      quote = c
      word ??= ''
    } else if (c === '\\' && i + 1 < text.length) word = (word ?? '') + text[++i]
    else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else word = (word ?? '') + c
  }
  if (word !== undefined) words.push(word)
  return words
}

/** What `docker build` flags become: lines added to list inputs, values of single-valued inputs. */
export interface MappedBuildFlags {
  /** Input name → lines, in the order given (list inputs: build-args, labels, cache-from, …). */
  lines: Record<string, string[]>
  /** Input name → value (target, network, shm-size, …; true for no-cache and pull). */
  values: Record<string, string>
  /** Flags that change only how docker prints the build: dropped, with a notice. */
  ignored: string[]
}

/** `docker build` flags that take a value, and the input a value goes to (as a line). */
const LIST_FLAGS: Record<string, string> = {
  '--label': 'labels',
  '--cache-from': 'cache-from',
  '--cache-to': 'cache-to',
  '--build-context': 'build-contexts',
  '--add-host': 'add-hosts',
  '--ulimit': 'ulimit',
  '--allow': 'allow',
  '--no-cache-filter': 'no-cache-filters',
  '--attest': 'attests',
  '--ssh': 'ssh',
  '--platform': 'platforms'
}
const VALUE_FLAGS: Record<string, string> = {
  '--target': 'target',
  '--network': 'network',
  '--shm-size': 'shm-size',
  '--provenance': 'provenance',
  '--sbom': 'sbom',
  '--builder': 'builder'
}
const SWITCHES: Record<string, string> = { '--no-cache': 'no-cache', '--pull': 'pull' }
/** Only how the build is printed: nothing to map, nothing lost. */
const COSMETIC = new Set(['--progress', '-q', '--quiet', '--rm', '--force-rm'])
const COSMETIC_WITH_VALUE = new Set(['--progress'])
/** What the pipeline decides itself, each with where the user says it instead. */
const REFUSED: Record<string, string> = {
  '-t': 'the tags come from the tag rules: add more with OCI_BUILD_ADDITIONAL_TAGS',
  '--tag': 'the tags come from the tag rules: add more with OCI_BUILD_ADDITIONAL_TAGS',
  '-f': 'the Dockerfile is OCI_IMAGE_FILE_PATH',
  '--file': 'the Dockerfile is OCI_IMAGE_FILE_PATH',
  '--push': 'the image is pushed only once it passed the lint and the scan (OCI_SKIP_PUSH skips it)',
  '--load': 'the image is scanned and pushed from its own layout, never loaded for you',
  '-o': 'the image is scanned and pushed from its own layout',
  '--output': 'the image is scanned and pushed from its own layout',
  '--iidfile': 'the image ID is in the dotenv report (OCI_IMAGE_ID)',
  '--metadata-file': 'the outputs are in the dotenv report and the summary',
  '--secret': '' // mapped below; listed so it is not taken for an unknown flag
}

/** `--secret id=x[,env=NAME|,src=path]`: secret-envs or secret-files, never a value in argv. */
function secretFlag(value: string, lines: Record<string, string[]>, env: Env): void {
  const fields = new Map(
    value.split(',').map(f => {
      const eq = f.indexOf('=')
      return eq < 0 ? [f.trim(), ''] : [f.slice(0, eq).trim(), f.slice(eq + 1).trim()]
    })
  )
  const id = fields.get('id') ?? ''
  if (!id) throw new InputError(VARIABLE, `--secret "${value}" has no id=`)
  const src = fields.get('src') ?? fields.get('source')
  const push = (input: string, line: string): void => void (lines[input] ??= []).push(line)
  if (src) push('secret-files', `${id}=${src}`)
  else {
    // As buildx does: no env= and no src= reads the environment variable named like the id.
    const name = fields.get('env') || id
    if (env[name] === undefined)
      throw new InputError(VARIABLE, `--secret ${value}: the environment variable ${name} is not set`)
    push('secret-envs', `${id}=${name}`)
  }
}

/**
 * SKAO's OCI_BUILD_ADDITIONAL_ARGS, every `docker build` flag the pipeline has an input for mapped
 * to that input; flags that only change the printing are dropped; anything else is refused with
 * what to do instead, never dropped unseen. `--build-arg K` takes K's value from the environment,
 * as docker does (and drops it when K is unset).
 */
export function mapBuildFlags(text: string, env: Env): MappedBuildFlags {
  const words = shellWords(text)
  const out: MappedBuildFlags = { lines: {}, values: {}, ignored: [] }
  const push = (input: string, line: string): void => void (out.lines[input] ??= []).push(line)
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    const eq = word.startsWith('--') ? word.indexOf('=') : -1
    const flag = eq > 0 ? word.slice(0, eq) : word
    const inline = eq > 0 ? word.slice(eq + 1) : undefined
    const takesValue =
      flag === '--build-arg' ||
      flag === '--secret' ||
      flag in LIST_FLAGS ||
      flag in VALUE_FLAGS ||
      COSMETIC_WITH_VALUE.has(flag)
    let value: string | undefined = inline
    if (takesValue && value === undefined) {
      value = words[++i]
      if (value === undefined) throw new InputError(VARIABLE, `${flag} needs a value`)
    }
    if (flag === '--build-arg') {
      const arg = value as string
      if (arg.includes('=')) push('build-args', arg)
      else if (env[arg] !== undefined) push('build-args', `${arg}=${env[arg]}`)
    } else if (flag === '--secret') secretFlag(value as string, out.lines, env)
    else if (flag in LIST_FLAGS) push(LIST_FLAGS[flag] as string, value as string)
    else if (flag in VALUE_FLAGS) out.values[VALUE_FLAGS[flag] as string] = value as string
    else if (flag in SWITCHES) {
      if (inline !== undefined && !/^(true|false)$/i.test(inline))
        throw new InputError(VARIABLE, `${word}: ${flag} is true or false`)
      out.values[SWITCHES[flag] as string] = (inline ?? 'true').toLowerCase()
    } else if (COSMETIC.has(flag)) out.ignored.push(value === undefined ? word : `${flag} ${value}`)
    else if (flag in REFUSED) throw new InputError(VARIABLE, `${flag} is not taken here: ${REFUSED[flag]}`)
    else if (!word.startsWith('-'))
      throw new InputError(
        VARIABLE,
        `"${word}" is not a flag (the build context is OCI_IMAGE_BUILD_CONTEXT; quote values that hold spaces)`
      )
    else
      throw new InputError(
        VARIABLE,
        `${flag} is not a docker buildx build flag the pipeline can pass on (it maps --build-arg, --target, --platform, --label, --secret, --ssh, --cache-from, --cache-to, --build-context, --network, --add-host, --shm-size, --ulimit, --allow, --no-cache, --no-cache-filter, --pull, --provenance, --sbom, --attest and --builder)`
      )
  }
  return out
}
