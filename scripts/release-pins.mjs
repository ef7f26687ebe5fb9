// Moves the pins a release sets: the commit of this repository's action that the reusable workflow
// runs, and the digest of the tool image the GitLab include runs. docs/releasing.md says when.
//
//   node scripts/release-pins.mjs --action <owner>/oci-pipeline@<commit sha> --image <name>:<tag>@sha256:<digest>
//   node scripts/release-pins.mjs --check   # exit 1 while a placeholder is left (before tagging)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const WORKFLOW = join(root, '.github', 'workflows', 'oci-image.yml')
const TEMPLATE = join(root, 'templates', 'gitlab-ci.yml')
const OWN_ACTION = /^(\s*uses:\s*)[\w.-]+\/oci-pipeline@\S+.*$/gm
const TOOL_IMAGE = /^(\s{4}image:\n\s{6}default:\s*)\S+$/m

const { values } = parseArgs({
  options: { action: { type: 'string' }, image: { type: 'string' }, check: { type: 'boolean' } }
})

const fail = message => {
  console.error(`release-pins: ${message}`)
  process.exit(1)
}

if (values.check) {
  const workflow = readFileSync(WORKFLOW, 'utf8')
  const template = readFileSync(TEMPLATE, 'utf8')
  const left = [
    ...[...workflow.matchAll(OWN_ACTION)]
      .map(m => m[0].trim())
      .filter(u => /OWNER\/|@0{40}\b/.test(u))
      .map(u => `${WORKFLOW}: ${u}`),
    ...(/@sha256:0{64}\b/.test(template.match(TOOL_IMAGE)?.[0] ?? '')
      ? [`${TEMPLATE}: the tool image digest`]
      : [])
  ]
  if (left.length) fail(`placeholders left, set them before tagging:\n  ${left.join('\n  ')}`)
  console.log('release-pins: every pin is set')
  process.exit(0)
}

if (!/^[\w.-]+\/oci-pipeline@[0-9a-f]{40}$/.test(values.action ?? ''))
  fail('--action must be <owner>/oci-pipeline@<full commit sha>')
if (!/^[\w.-]+(:\d+)?(\/[\w.-]+)+:[\w.-]+@sha256:[0-9a-f]{64}$/.test(values.image ?? ''))
  fail('--image must be <registry>/<name>:<tag>@sha256:<digest>')

const workflow = readFileSync(WORKFLOW, 'utf8')
const pinned = workflow.replace(OWN_ACTION, `$1${values.action} # set by scripts/release-pins.mjs`)
// build, build-sarif and merge in each wave of the workflow.
const jobs = [...workflow.matchAll(OWN_ACTION)].length
if (jobs === 0 || jobs % 3 !== 0)
  fail(`${WORKFLOW}: expected the action in build, build-sarif and merge jobs, found it ${jobs} times`)
writeFileSync(WORKFLOW, pinned)

const template = readFileSync(TEMPLATE, 'utf8')
if (!TOOL_IMAGE.test(template)) fail(`${TEMPLATE}: no spec input "image" with a default`)
writeFileSync(TEMPLATE, template.replace(TOOL_IMAGE, `$1${values.image}`))
console.log(`release-pins: the workflow runs ${values.action}; the include runs ${values.image}`)
