import { properties } from '../../dockerfile.js'
import { installOf, managerOf, packageName, removalsOf, type Install, type Manager } from './packages.js'
import { hasWord, program, type Command } from './shell.js'
import {
  commandsOf,
  flags,
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
      // `apt-get dist-clean` (apt 2.7.8 on, Debian 13) removes the lists itself.
      const distClean = own.some(c => hasWord(c, 'dist-clean'))
      return fills && !distClean && !removes(commands, '/var/lib/apt/lists')
        ? '`apt-get update` lists are left in the layer: end the RUN with `rm -rf /var/lib/apt/lists/*`'
        : undefined
    }
    case 'apk': {
      // --no-network reads no index, so there is none to keep.
      const fills = own.some(c => hasWord(c, 'add', 'update') && !hasWord(c, '--no-cache', '--no-network'))
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
      const cached = own.filter(
        c => program(c) !== 'uv' && installOf(c) && !hasWord(c, '--no-cache-dir', '--no-cache')
      )
      return cached.length && !pipNoCacheEnv && !removes(commands, '/root/.cache')
        ? '`pip install` keeps its wheel cache in ~/.cache/pip: add `--no-cache-dir`'
        : undefined
    }
  }
}

const MANAGERS: Manager[] = ['apt', 'apk', 'dnf', 'zypper', 'conda', 'pip']

/** uv calls that fill its cache (~/.cache/uv, or UV_CACHE_DIR): sync, add, pip install, tool install. */
const fillsUvCache = (c: Command): boolean => {
  const [sub, verb] = [c[1]?.text, c[2]?.text]
  return (
    sub === 'sync' ||
    sub === 'add' ||
    (sub === 'pip' && (verb === 'install' || verb === 'sync')) ||
    (sub === 'tool' && verb === 'install')
  )
}

/** Why a RUN leaves uv's cache in its layer: `uv sync` without `--no-cache`, UV_NO_CACHE or a clean. */
function uvCacheLeft(commands: Command[], runText: string, uvNoCache: boolean): string | undefined {
  const uv = commands.filter(c => program(c) === 'uv' && fillsUvCache(c))
  const cached = uv.filter(c => !hasWord(c, '--no-cache', '-n'))
  if (!cached.length || uvNoCache || /\bUV_NO_CACHE=(1|true|yes|on)\b/i.test(runText)) return undefined
  const cleaned =
    commands.some(c => program(c) === 'uv' && c[1]?.text === 'cache' && hasWord(c, 'clean', 'prune')) ||
    removes(commands, '/root/.cache') ||
    commands.some(c => program(c) === 'rm' && c.some(w => /\.cache\/uv|UV_CACHE_DIR/.test(w.text)))
  if (cleaned) return undefined
  const verb = (cached[0] as Command)
    .slice(0, 2)
    .map(w => w.text)
    .join(' ')
  return `\`${verb}\` keeps its downloads in ~/.cache/uv: add \`--no-cache\` (or set UV_NO_CACHE=1, or use RUN --mount=type=cache,target=/root/.cache/uv)`
}

const caches: Rule = {
  id: 'OP002',
  level: 'warning',
  title: 'Package-manager caches are removed in the RUN that fills them',
  sameAs: [
    'DL3009',
    'DL3019',
    'DL3032',
    'DL3036',
    'DL3040',
    'DL3042',
    'DS015',
    'DS019',
    'DS020',
    'DS025',
    'DS027'
  ],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    let pipNoCache = false
    let uvNoCache = false
    for (const [i] of instructionsOf(imageStages(ctx))) {
      if (keyword(i) === 'ENV' || keyword(i) === 'ARG')
        for (const [name, value] of properties(i)) {
          const on = !/^(0|false|no|off)?$/i.test(value)
          if (name === 'PIP_NO_CACHE_DIR') pipNoCache = on
          if (name === 'UV_NO_CACHE') uvNoCache = on
        }
      if (keyword(i) !== 'RUN' || flags(i, 'mount').some(m => /type=cache/.test(m))) continue
      const commands = commandsOf(i, ctx.lines)
      const whys = MANAGERS.map(manager =>
        commands.some(c => managerOf(c) === manager) ? cacheLeft(manager, commands, pipNoCache) : undefined
      )
      whys.push(uvCacheLeft(commands, i.getRawArgumentsContent() ?? '', uvNoCache))
      for (const why of whys)
        if (why) hits.push({ line: startLine(i), message: `RUN on line ${human(startLine(i))}: ${why}` })
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
    if (ctx.kind === 'builder') return []
    const hits: Hit[] = []
    const multiStage = ctx.df.stages.length > 1
    for (const [i] of instructionsOf(imageStages(ctx))) {
      if (keyword(i) !== 'RUN') continue
      const commands = commandsOf(i, ctx.lines)
      // Installed, used and purged in one RUN (the official images' way): nothing stays in the layer.
      const removed = removalsOf(commands)
      const found = commands
        .map(installOf)
        .flatMap(install =>
          install && !removed.all.has(install.manager)
            ? install.packages
                .map(p => packageName(p.text))
                .filter(n => isToolchain(install, n) && !removed.names.has(n))
            : []
        )
      if (!found.length) continue
      const how = multiStage
        ? 'install it in a build stage and COPY --from it only what the program needs'
        : 'use a multi-stage build (compile in a build stage, COPY --from it into a minimal final stage), or remove them again in the same RUN'
      hits.push({
        line: startLine(i),
        message: `RUN on line ${human(startLine(i))} installs build tools (${[...new Set(found)].join(', ')}) that stay in the final image: ${how}; if this Dockerfile builds a build image, declare it with "# oci-pipeline image=builder"`
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
