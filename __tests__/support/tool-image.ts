import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { PINS, type ToolName } from '../../src/infra/tools/pins.js'
import { runProcess } from './cli-runner.js'
import { ROOT as ROOT_DIR } from './env.js'

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/**
 * The default bridge's gateway: where build containers reach this host. The network's IPAM
 * config often leaves it empty; then it is the bridge interface's own address.
 */
export function bridgeGateway(): string {
  const ipv4 = (text: string): string | undefined =>
    text.split(/[\s/]+/).find(a => /^\d+\.\d+\.\d+\.\d+$/.test(a))
  const inspect = (format: string): string =>
    execFileSync('docker', ['network', 'inspect', 'bridge', '--format', format], { encoding: 'utf8' })
  const gateway = ipv4(inspect('{{range .IPAM.Config}}{{.Gateway}} {{end}}'))
  if (gateway) return gateway
  const iface = inspect('{{index .Options "com.docker.network.bridge.name"}}').trim() || 'docker0'
  const addr = ipv4(
    execFileSync('ip', ['-4', '-o', 'addr', 'show', 'dev', iface], { encoding: 'utf8' }).replace(
      /^.*inet /,
      ''
    )
  )
  if (!addr) throw new Error(`the bridge network has no IPv4 gateway, and ${iface} no IPv4 address`)
  return addr
}

/** Serves the files below `dir` on `host` (a free port), remembering what was asked for. */
export async function serveFiles(
  dir: string,
  host: string
): Promise<{ server: Server; url: string; asked: string[] }> {
  const asked: string[] = []
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    asked.push(path)
    const file = resolve(dir, `.${path}`)
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise<void>(done => server.listen(0, host, done))
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}`, asked }
}

/**
 * What the tools stage downloads, by their release paths: the real hadolint and cosign binaries
 * (their release assets are the binaries), and this machine's Trivy release build packed as its is.
 */
export function releaseFiles(
  dir: string,
  tools: Record<ToolName, string>
): { paths: Record<ToolName, string>; sums: string[] } {
  const key = `linux-${process.arch}`
  const suffix = process.arch === 'arm64' ? 'ARM64' : 'AMD64'
  const paths = {} as Record<ToolName, string>
  const sums: string[] = []
  for (const tool of ['hadolint', 'trivy', 'cosign'] as const) {
    const asset = PINS[tool].assets[key]
    if (!asset) throw new Error(`${tool} is not pinned for ${key}`)
    const path = `/${tool}/v${PINS[tool].version}/${asset.file}`
    const file = join(dir, path)
    mkdirSync(dirname(file), { recursive: true })
    if (!asset.archive) copyFileSync(tools[tool], file)
    else {
      const packed = mkdtempSync(join(tmpdir(), 'oci-tool-image-trivy-'))
      copyFileSync(tools.trivy, join(packed, 'trivy'))
      execFileSync('tar', ['-C', packed, '-czf', file, 'trivy'])
      rmSync(packed, { recursive: true, force: true })
    }
    paths[tool] = path
    sums.push(`${tool.toUpperCase()}_SHA256_${suffix}=${sha256(file)}`)
  }
  return { paths, sums }
}

/**
 * The tool image (the root Dockerfile) built into the engine under `tag`, from the stand-in bases
 * and this machine's hadolint and Trivy served as their releases are, with the CLI bundled now.
 */
export async function buildToolImage(
  e: {
    hadolint: string
    trivy: string
    cosign: string
    registry: string
    username: string
    password: string
    baseImages: { node: string; dockerCli: string }
  },
  bundle: string,
  tag: string
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'oci-tool-context-'))
  const files = await serveFiles(join(work, 'www'), bridgeGateway())
  try {
    // The stand-in bases are in the tests' registry, which wants a login to pull them.
    execFileSync('docker', ['login', '-u', e.username, '--password-stdin', e.registry], {
      input: e.password,
      env: { ...process.env, DOCKER_CONFIG: join(work, 'docker-config') },
      stdio: ['pipe', 'ignore', 'ignore']
    })
    const release = releaseFiles(join(work, 'www'), {
      hadolint: e.hadolint,
      trivy: e.trivy,
      cosign: e.cosign
    })
    const context = join(work, 'context')
    mkdirSync(join(context, 'dist'), { recursive: true })
    execFileSync('cp', ['-R', dirname(bundle), join(context, 'dist', 'cli')])
    execFileSync('cp', [
      '-R',
      join(ROOT_DIR, 'docker'),
      join(ROOT_DIR, 'Dockerfile'),
      join(ROOT_DIR, '.dockerignore'),
      context
    ])
    const args = [
      `NODE_IMAGE=${e.baseImages.node}`,
      `DOCKER_CLI_IMAGE=${e.baseImages.dockerCli}`,
      `HADOLINT_BASE_URL=${files.url}/hadolint`,
      `TRIVY_BASE_URL=${files.url}/trivy`,
      `COSIGN_BASE_URL=${files.url}/cosign`,
      ...release.sums
    ]
    // Not execFileSync: this process serves the downloads the build makes.
    const build = await runProcess(
      'docker',
      ['buildx', 'build', '--load', '-q', '-t', tag, ...args.flatMap(a => ['--build-arg', a]), context],
      { cwd: context, env: { DOCKER_CONFIG: join(work, 'docker-config') } }
    )
    if (build.code !== 0) throw new Error(`the tool image did not build:\n${build.stderr}`)
  } finally {
    await new Promise(done => files.server.close(done))
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * gitlab-ci-local's helper image (it copies the project, artifacts and caches in and out of its
 * volumes with sh, bash and rsync): busybox, bash and rsync from this machine, imported as `tag`.
 */
export function buildHelperImage(tag: string): void {
  const root = mkdtempSync(join(tmpdir(), 'oci-gcl-helper-'))
  try {
    const script = [
      'set -eu',
      'mkdir -p "$R/bin" "$R/usr/bin" "$R/tmp" "$R/etc"',
      'cp "$(readlink -f "$(command -v busybox)")" "$R/bin/busybox"',
      'for a in $("$R/bin/busybox" --list); do [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"; done',
      'for b in bash rsync; do p=$(readlink -f "$(command -v $b)"); cp "$p" "$R/usr/bin/$b"',
      '  for l in $(ldd "$p" | grep -o "/[^ ]*"); do mkdir -p "$R$(dirname "$l")"; cp -L "$l" "$R$l"; done; done',
      'ln -sf /usr/bin/bash "$R/bin/bash"',
      'chmod 1777 "$R/tmp"',
      'printf "root:x:0:0:root:/root:/bin/sh\\n" > "$R/etc/passwd"',
      'tar -C "$R" --numeric-owner --owner=0 --group=0 -c . | docker import --change "ENV PATH=/usr/bin:/bin" - "$TAG" >/dev/null'
    ].join('\n')
    execFileSync('bash', ['-c', script], { env: { ...process.env, R: root, TAG: tag }, stdio: 'pipe' })
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
