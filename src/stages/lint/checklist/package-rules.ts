import { properties } from '../../dockerfile.js'
import { installOf, managerOf, packageName, type Install, type Manager } from './packages.js'
import { hasWord, program, type Command } from './shell.js'
import {
  commandsOf,
  flag,
  human,
  imageStages,
  instructionsOf,
  keyword,
  startLine,
  type Hit,
  type Rule,
  type RuleContext
} from './types.js'

const removes = (commands: Command[], prefix: string): boolean =>
  commands.some(c => program(c) === 'rm' && c.some(w => w.text.startsWith(prefix)))

const cleans = (commands: Command[], programs: RegExp, ...verbs: string[]): boolean =>
  commands.some(c => programs.test(program(c)) && c.slice(1).some(w => verbs.includes(w.text)))

/** Why a RUN leaves a manager's cache in its layer, or undefined when it cleans up. */
function cacheLeft(manager: Manager, commands: Command[], pipNoCacheEnv: boolean): string | undefined {
  const own = commands.filter(c => managerOf(c) === manager)
  switch (manager) {
    case 'apt': {
      const fills = own.some(c => hasWord(c, 'update', 'install'))
      return fills && !removes(commands, '/var/lib/apt/lists')
        ? '`apt-get update` lists are left in the layer: end the RUN with `rm -rf /var/lib/apt/lists/*`'
        : undefined
    }
    case 'apk': {
      const fills = own.some(c => hasWord(c, 'add', 'update') && !hasWord(c, '--no-cache'))
      return fills && !removes(commands, '/var/cache/apk')
        ? '`apk add` keeps its index in /var/cache/apk: use `apk add --no-cache`'
        : undefined
    }
    case 'dnf':
      return own.some(c => hasWord(c, 'install')) &&
        !cleans(commands, /^(dnf|yum|microdnf|tdnf)$/, 'clean') &&
        !removes(commands, '/var/cache/')
        ? 'the dnf/yum cache is left in the layer: end the RUN with `dnf clean all` (or `yum clean all`)'
        : undefined
    case 'zypper':
      return own.some(c => hasWord(c, 'install', 'in')) && !cleans(commands, /^zypper$/, 'clean', 'cc')
        ? 'the zypper cache is left in the layer: end the RUN with `zypper clean --all`'
        : undefined
    case 'conda':
      return own.some(c => hasWord(c, 'install', 'create')) &&
        !cleans(commands, /^(conda|mamba|micromamba)$/, 'clean')
        ? 'downloaded conda packages are left in the layer: end the RUN with `conda clean --all --yes`'
        : undefined
    case 'pip': {
      const cached = own.filter(c => installOf(c) && !hasWord(c, '--no-cache-dir', '--no-cache'))
      return cached.length && !pipNoCacheEnv && !removes(commands, '/root/.cache')
        ? '`pip install` keeps its wheel cache in ~/.cache/pip: add `--no-cache-dir`'
        : undefined
    }
  }
}

const MANAGERS: Manager[] = ['apt', 'apk', 'dnf', 'zypper', 'conda', 'pip']

const caches: Rule = {
  id: 'OP002',
  level: 'warning',
  title: 'Package-manager caches are removed in the RUN that fills them',
  sameAs: ['DL3009', 'DL3019', 'DL3032', 'DL3040', 'DL3042', 'DS015', 'DS019', 'DS025'],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    let pipNoCache = false
    for (const [i] of instructionsOf(imageStages(ctx))) {
      if (keyword(i) === 'ENV' || keyword(i) === 'ARG')
        for (const [name, value] of properties(i))
          if (name === 'PIP_NO_CACHE_DIR') pipNoCache = !/^(0|false|no|off)?$/i.test(value)
      if (keyword(i) !== 'RUN' || /type=cache/.test(flag(i, 'mount') ?? '')) continue
      const commands = commandsOf(i, ctx.lines)
      for (const manager of MANAGERS) {
        const why = commands.some(c => managerOf(c) === manager)
          ? cacheLeft(manager, commands, pipNoCache)
          : undefined
        if (why) hits.push({ line: startLine(i), message: `RUN on line ${human(startLine(i))}: ${why}` })
      }
    }
    return hits
  }
}

const TOOLCHAIN = new Set([
  'build-essential',
  'build-base',
  'alpine-sdk',
  'gcc',
  'g++',
  'gcc-c++',
  'gfortran',
  'gcc-gfortran',
  'clang',
  'llvm',
  'make',
  'cmake',
  'autoconf',
  'automake',
  'libtool',
  'pkg-config',
  'pkgconf',
  'musl-dev',
  'linux-headers',
  'golang',
  'go',
  'rustc',
  'cargo',
  'rust',
  'nasm',
  'yasm',
  'ninja-build',
  'meson',
  'cuda-toolkit',
  'development tools'
])

const isToolchain = (install: Install, name: string): boolean =>
  install.manager !== 'pip' &&
  (TOOLCHAIN.has(name) || /-(dev|devel)$/.test(name) || /^gcc-\d+$|^g\+\+-\d+$/.test(name))

const toolchains: Rule = {
  id: 'OP003',
  level: 'warning',
  title: 'Build toolchains stay out of the final image',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    const multiStage = ctx.df.stages.length > 1
    for (const [i] of instructionsOf(imageStages(ctx))) {
      if (keyword(i) !== 'RUN') continue
      const found = commandsOf(i, ctx.lines)
        .map(installOf)
        .flatMap(install =>
          install ? install.packages.map(p => packageName(p.text)).filter(n => isToolchain(install, n)) : []
        )
      if (!found.length) continue
      const how = multiStage
        ? 'install it in a build stage and COPY --from it only what the program needs'
        : 'use a multi-stage build: compile in a build stage, COPY --from it into a minimal final stage'
      hits.push({
        line: startLine(i),
        message: `RUN on line ${human(startLine(i))} installs build tools (${[...new Set(found)].join(', ')}) into the final image: ${how}`
      })
    }
    return hits
  }
}

const sortKey = (word: string): string => packageName(word)

const packageLists: Rule = {
  id: 'OP011',
  level: 'style',
  title: 'Package lists are one per line, in alphabetical order',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    for (const [i] of instructionsOf(ctx.df.stages)) {
      if (keyword(i) !== 'RUN') continue
      for (const install of commandsOf(i, ctx.lines).map(installOf)) {
        if (!install || install.packages.length < 2) continue
        const pkgs = install.packages
        const shared = pkgs.find((p, n) => n > 0 && p.line === pkgs[n - 1]?.line)
        const unsorted = pkgs.find(
          (p, n) => n > 0 && sortKey(p.text) < sortKey((pkgs[n - 1] as typeof p).text)
        )
        if (unsorted) {
          const before = pkgs[pkgs.indexOf(unsorted) - 1]?.text
          hits.push({
            line: unsorted.line,
            message: `Line ${human(unsorted.line)}: "${unsorted.text}" comes after "${before}"; list packages in alphabetical order`
          })
        } else if (shared)
          hits.push({
            line: shared.line,
            message: `Line ${human(shared.line)} holds several packages ("${shared.text}" …); put one package per line`
          })
      }
    }
    return hits
  }
}

export const packageRules = [caches, toolchains, packageLists]
