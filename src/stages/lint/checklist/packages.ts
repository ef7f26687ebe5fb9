import { program, type Command, type Word } from './shell.js'

export type Manager = 'apt' | 'apk' | 'dnf' | 'zypper' | 'pip' | 'conda'

/** A package-manager call that installs named packages. */
export interface Install {
  manager: Manager
  command: Command
  /** The words naming packages, options and their values removed. */
  packages: Word[]
}

/** Options that take the next word as their value, per manager. */
const VALUE_OPTIONS: Record<Manager, string[]> = {
  apt: ['-o', '-t', '--target-release', '-c', '--config-file'],
  apk: ['-t', '--virtual', '-X', '--repository', '--root', '-p', '--arch', '--cache-dir', '--keys-dir'],
  dnf: [
    '--repo',
    '--enablerepo',
    '--disablerepo',
    '--installroot',
    '--releasever',
    '-x',
    '--exclude',
    '--setopt'
  ],
  zypper: ['-r', '--repo', '--from'],
  pip: [
    '-r',
    '--requirement',
    '-c',
    '--constraint',
    '-e',
    '--editable',
    '-t',
    '--target',
    '--prefix',
    '--root',
    '-i',
    '--index-url',
    '--extra-index-url',
    '-f',
    '--find-links',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--only-binary',
    '--no-binary',
    '--src',
    '--upgrade-strategy',
    '--progress-bar'
  ],
  conda: ['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--override-channels-from']
}

const SUBCOMMANDS: Array<[Manager, RegExp, string[]]> = [
  ['apt', /^(apt-get|apt|aptitude)$/, ['install']],
  ['apk', /^apk$/, ['add']],
  ['dnf', /^(dnf|yum|microdnf|tdnf)$/, ['install']],
  ['zypper', /^zypper$/, ['install', 'in']],
  ['pip', /^pip[0-9.]*$/, ['install']],
  ['conda', /^(conda|mamba|micromamba)$/, ['install', 'create']]
]

/** `python3 -m pip install …` is `pip install …`. */
function normalise(command: Command): Command {
  const name = program(command)
  if (/^python[0-9.]*$/.test(name) && command[1]?.text === '-m' && command[2]?.text === 'pip')
    return command.slice(2)
  if (name === 'uv' && command[1]?.text === 'pip') return command.slice(1)
  return command
}

export function managerOf(command: Command): Manager | undefined {
  const name = program(normalise(command))
  return SUBCOMMANDS.find(([, re]) => re.test(name))?.[0]
}

/** The install a command performs, or undefined when it installs nothing by name. */
export function installOf(raw: Command): Install | undefined {
  const command = normalise(raw)
  const name = program(command)
  const entry = SUBCOMMANDS.find(([, re]) => re.test(name))
  if (!entry) return undefined
  const [manager, , verbs] = entry
  const verbAt = command.findIndex((w, i) => i > 0 && !w.text.startsWith('-') && verbs.includes(w.text))
  if (verbAt < 0) return undefined
  const packages: Word[] = []
  const valued = VALUE_OPTIONS[manager]
  for (let i = verbAt + 1; i < command.length; i++) {
    const w = command[i] as Word
    if (w.text === '--') continue
    if (w.text.startsWith('-')) {
      if (valued.includes(w.text)) i++
      continue
    }
    packages.push(w)
  }
  return { manager, command, packages }
}

/** The options and values a command was called with (`--no-cache`, `-y` …). */
export const options = (command: Command): string[] =>
  command.filter(w => w.text.startsWith('-')).map(w => w.text)

/** A package name without its version or extras: `curl=7.88*` → `curl`, `Flask[async]>=2` → `flask`. */
export const packageName = (word: string): string => (word.split(/[=<>!~;@[\s]/)[0] ?? '').toLowerCase()

/** Package names a RUN removes again, or `all` for managers whose every install it undoes. */
export interface Removals {
  names: Set<string>
  all: Set<Manager>
}

const REMOVE_VERBS: Array<[Manager, RegExp, string[]]> = [
  ['apt', /^(apt-get|apt|aptitude)$/, ['purge', 'remove']],
  ['apk', /^apk$/, ['del']],
  ['dnf', /^(dnf|yum|microdnf|tdnf)$/, ['remove', 'erase', 'autoremove']],
  ['zypper', /^zypper$/, ['remove', 'rm']]
]

/**
 * What the install-build-purge pattern of the official images takes out again in the same RUN:
 * `apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge gcc`, and
 * `apt-mark auto '.*' … apt-get purge --auto-remove` (every package installed since is removed).
 */
export function removalsOf(commands: Command[]): Removals {
  const names = new Set<string>()
  const all = new Set<Manager>()
  const virtual = new Map<string, string[]>()
  let markedAuto = false
  for (const raw of commands) {
    const command = normalise(raw)
    const name = program(command)
    const words = command.map(w => w.text)
    const install = installOf(command)
    if (install?.manager === 'apk') {
      const at = words.findIndex(w => w === '--virtual' || w === '-t')
      const label = at >= 0 ? words[at + 1] : words.find(w => w.startsWith('--virtual='))?.slice(10)
      if (label)
        virtual.set(
          label,
          install.packages.map(p => packageName(p.text))
        )
    }
    if (name === 'apt-mark' && words[1] === 'auto') markedAuto = true
    if (/^(apt-get|apt)$/.test(name) && words.includes('autoremove') && markedAuto) all.add('apt')
    if (/^(dnf|yum)$/.test(name) && words[1] === 'history' && words[2] === 'undo') all.add('dnf')
    const entry = REMOVE_VERBS.find(([, re]) => re.test(name))
    const verbAt = entry ? words.findIndex((w, n) => n > 0 && entry[2].includes(w)) : -1
    if (!entry || verbAt < 0) continue
    if (entry[0] === 'apt' && markedAuto && words.includes('--auto-remove')) all.add('apt')
    for (const w of words.slice(verbAt + 1).filter(w => !w.startsWith('-') && !w.includes('='))) {
      names.add(packageName(w))
      for (const p of virtual.get(w) ?? []) names.add(p)
    }
  }
  return { names, all }
}
