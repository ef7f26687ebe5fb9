import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A `docker` on PATH that answers what the pipeline asks of a daemon it cannot reach here, and
 * writes down every call: its pid, the DOCKER_CONFIG it was given, its arguments. `docker login`
 * stores the credentials where the real CLI would ($DOCKER_CONFIG/config.json, else
 * ~/.docker/config.json). `docker buildx build` copies its secret files aside (to show they existed),
 * writes the metadata and iid files a build leaves (image ID sha256:0…01), or with FAKE_BUILD_HANGS
 * set starts a child of its own and waits on it, as a long build does. `buildx inspect` answers the
 * daemon's own builder (the docker driver); `save` writes that image as an OCI layout (a config and
 * no layer, with real digests); `tag` and `push` only say they did.
 */
export class FakeDocker {
  readonly dir = mkdtempSync(join(tmpdir(), 'fake-docker-'))
  readonly bin = join(this.dir, 'bin')
  readonly log = join(this.dir, 'calls.log')
  readonly pids = join(this.dir, 'pids')
  readonly seenSecrets = join(this.dir, 'secrets')

  constructor() {
    mkdirSync(this.bin)
    mkdirSync(this.seenSecrets)
    const script = `#!/bin/sh
echo "$$ DOCKER_CONFIG=\${DOCKER_CONFIG:-} $*" >> '${this.log}'
config=\${DOCKER_CONFIG:-$HOME/.docker}
case "$1 $2" in
  version*) echo 27.5.1 ;;
  login*)
    mkdir -p "$config"
    password=$(cat)
    auth=$(printf '%s:%s' "$4" "$password" | base64 | tr -d '\\n')
    printf '{"auths":{"%s":{"auth":"%s"}}}\\n' "$2" "$auth" > "$config/config.json"
    echo 'Login Succeeded' ;;
  "buildx build")
    meta=; iid=
    while [ $# -gt 0 ]; do
      case "$1" in
        --metadata-file) meta=$2 ;;
        --iidfile) iid=$2 ;;
        --secret) cp "\${2#*src=}" '${this.seenSecrets}/' ;;
      esac
      shift
    done
    if [ -n "\${FAKE_BUILD_HANGS:-}" ]; then
      sleep 300 &
      echo "$$ $!" >> '${this.pids}'
      echo '#1 [1/1] RUN sleep 300'
      wait
      exit 1
    fi
    printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}' > '${this.dir}/config.json'
    id=sha256:$(sha256sum '${this.dir}/config.json' | cut -d' ' -f1)
    printf '{"containerimage.config.digest":"%s"}' "$id" > "$meta"
    printf '%s' "$id" > "$iid"
    echo '#1 DONE' ;;
  "buildx inspect")
    printf 'Name:          default\nDriver:        docker\n' ;;
  save*)
    out=-; [ "$2" = -o ] && out=$3; work=$(mktemp -d); mkdir -p "$work/blobs/sha256"
    c=$(sha256sum '${this.dir}/config.json' | cut -d' ' -f1)
    cp '${this.dir}/config.json' "$work/blobs/sha256/$c"
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[]}' "$c" "$(wc -c < '${this.dir}/config.json')" > "$work/m"
    m=$(sha256sum "$work/m" | cut -d' ' -f1); mv "$work/m" "$work/blobs/sha256/$m"
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s}]}' "$m" "$(wc -c < "$work/blobs/sha256/$m")" > "$work/index.json"
    echo '{"imageLayoutVersion":"1.0.0"}' > "$work/oci-layout"
    tar -C "$work" -cf "$out" . && rm -rf "$work" ;;
  tag*|push*) echo "$*" ;;
  *) echo "fake docker: $*" >&2 ;;
esac
`
    writeFileSync(join(this.bin, 'docker'), script)
    chmodSync(join(this.bin, 'docker'), 0o755)
  }

  /** PATH with this docker first. */
  path(rest = process.env.PATH ?? '/usr/bin:/bin'): string {
    return `${this.bin}:${rest}`
  }

  /** Every call as `DOCKER_CONFIG=… args`, without the pid. */
  calls(): string[] {
    if (!existsSync(this.log)) return []
    return readFileSync(this.log, 'utf8')
      .trim()
      .split('\n')
      .map(l => l.slice(l.indexOf(' ') + 1))
  }

  /** The pids of a hanging build: the `docker buildx build` and the child it waits on. */
  buildPids(): number[] {
    if (!existsSync(this.pids)) return []
    return readFileSync(this.pids, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  }
}
