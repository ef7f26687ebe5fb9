import type { Instruction } from 'dockerfile-ast'
import { substitute } from '../../dockerfile.js'
import { KNOWN_BASE_USERS, matchesImage } from './image-refs.js'
import { rootImage } from './images.js'
import { program, type Command } from './shell.js'
import { commandsOf, imageStages, instructionsOf, keyword, varsAt, type RuleContext } from './types.js'

/**
 * Variables expanded where the Dockerfile gives them a value; others (set by the base image's
 * ENV, such as a notebook stack's `NB_UID`) are left as written, so that `USER ${NB_UID}` and
 * `--chown=${NB_UID}` still compare equal.
 */
export function expandKnown(text: string, vars: ReadonlyMap<string, string | undefined>): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) =>
    vars.get(name) ? substitute(whole, vars) : whole
  )
}

/** The last USER the image's stages set (variables expanded), or undefined when none does. */
export function lastUser(ctx: RuleContext): { user: string; instruction: Instruction } | undefined {
  let found: { user: string; instruction: Instruction } | undefined
  for (const [i, stage] of instructionsOf(imageStages(ctx)))
    if (keyword(i) === 'USER') {
      const written = i.getArguments()[0]?.getValue() ?? ''
      found = { user: expandKnown(written, varsAt(ctx.df, stage, i)), instruction: i }
    }
  return found
}

/** The user part of `user[:group]`. */
export const userPart = (spec: string): string => spec.split(':')[0]?.trim() ?? ''

export const isRoot = (spec: string): boolean =>
  ['root', '0', 'containeradministrator'].includes(userPart(spec).toLowerCase())

/** The value of an option (`-u 1000`, `--uid=1000`, `-u1000`) in a command. */
function optionValue(command: Command, short: string, long: string): string | undefined {
  for (let n = 1; n < command.length; n++) {
    const w = (command[n] as { text: string }).text
    if (w === short || w === long) return command[n + 1]?.text
    if (w.startsWith(`${long}=`)) return w.slice(long.length + 1)
    if (short.length === 2 && w.startsWith(short) && w.length > 2 && !w.startsWith('--')) return w.slice(2)
  }
  return undefined
}

/** `useradd -u 1000 app`, `adduser -u 1000 -D app`, `adduser --uid 1000 --system app`: [name, uid]. */
function createdUser(command: Command): [string, string] | undefined {
  const name = program(command)
  if (name !== 'useradd' && name !== 'adduser') return undefined
  const uid = optionValue(command, '-u', '--uid')
  const valued = new Set([
    '-u',
    '--uid',
    '-g',
    '--gid',
    '-G',
    '--groups',
    '-d',
    '--home',
    '--home-dir',
    '-s',
    '--shell',
    '-c',
    '--comment',
    '--gecos',
    '-h',
    '-k',
    '-K',
    '-e',
    '-f',
    '--ingroup'
  ])
  let user: string | undefined
  for (let n = 1; n < command.length; n++) {
    const w = (command[n] as { text: string }).text
    if (valued.has(w)) n++
    else if (!w.startsWith('-')) user = user ?? w
  }
  return user && uid ? [user, uid] : undefined
}

/**
 * Names and UIDs that are the same user in this image: those `useradd`/`adduser` create with a
 * `-u`, and those its base is known to have (`nonroot` 65532 on distroless, `jovyan` 1000 on Jupyter).
 */
export function userTable(ctx: RuleContext): Array<[name: string, uid: string]> {
  const table: Array<[string, string]> = []
  const base = rootImage(ctx)
  if (base)
    for (const [pattern, name, uid] of KNOWN_BASE_USERS)
      if (matchesImage(pattern, base)) table.push([name, uid])
  for (const [i, stage] of instructionsOf(imageStages(ctx))) {
    if (keyword(i) !== 'RUN') continue
    const vars = varsAt(ctx.df, stage, i)
    for (const command of commandsOf(i, ctx.lines)) {
      const found = createdUser(command)
      if (found) table.push([expandKnown(found[0], vars), expandKnown(found[1], vars)])
    }
  }
  return table
}

/** Whether two user specs (name or UID) are the same user, by the table. */
export function sameUser(a: string, b: string, table: ReadonlyArray<[string, string]>): boolean {
  const x = userPart(a)
  const y = userPart(b)
  if (!x || !y) return false
  if (x === y) return true
  return table.some(([name, uid]) => (x === name && y === uid) || (x === uid && y === name))
}
