# The services the tests talk to (sourced by scripts/test-env.sh). None is a system service: each
# runs in the background and outlives the script; run it again and it starts only what is down.

CLASSIC_SOCK=/var/run/docker.sock
CONTAINERD_SOCK=/run/oci-pipeline-test/docker-containerd.sock

# start_dockerd NAME SOCKET CONFIG-JSON
start_dockerd() {
  local name=$1 sock=$2 config=$3
  local v
  v=$(DOCKER_HOST="unix://$sock" docker version --format '{{.Server.Version}}' 2>/dev/null || true)
  case "$v" in
    "$DOCKER_VERSION"*) return 0 ;;
    "") ;;
    *) # an older engine (an earlier test environment's Debian 12 docker.io): replaced
      log "stopping dockerd $v on $sock"
      pkill -f "dockerd.*$(basename "$sock")" || pkill -x dockerd || true
      for _ in $(seq 1 30); do [ -S "$sock" ] && docker -H "unix://$sock" info >/dev/null 2>&1 || break; sleep 1; done ;;
  esac
  log "starting dockerd $DOCKER_VERSION ($name) on $sock"
  mkdir -p "$STATE/$name" /run/oci-pipeline-test
  printf '%s\n' "$config" >"$STATE/$name.json"
  (PATH="$DOCKER_BIN:$PATH" setsid dockerd --config-file "$STATE/$name.json" >"$STATE/$name.log" 2>&1 &)
  for _ in $(seq 1 60); do docker -H "unix://$sock" info >/dev/null 2>&1 && return 0; sleep 1; done
  tail -n 30 "$STATE/$name.log" >&2
  die "dockerd ($name) did not start (log: $STATE/$name.log)"
}

start_dockerds() {
  start_dockerd docker-classic "$CLASSIC_SOCK" "{\"data-root\": \"$STATE/docker-classic\", \"hosts\": [\"unix://$CLASSIC_SOCK\"]}"
  # The containerd image store (Docker 29's default on fresh installs), beside the classic one: its
  # own roots and a bridge of its own without NAT (the builds here need no network; "bridge": "none"
  # would make it delete the classic daemon's docker0).
  if ! ip link show ocictr0 >/dev/null 2>&1; then
    ip link add ocictr0 type bridge && ip addr add 172.31.254.1/24 dev ocictr0 && ip link set ocictr0 up ||
      die "could not make the bridge ocictr0"
  fi
  start_dockerd docker-containerd "$CONTAINERD_SOCK" "{
  \"data-root\": \"$STATE/docker-containerd\", \"exec-root\": \"/run/oci-pipeline-test/docker-containerd\",
  \"pidfile\": \"/run/oci-pipeline-test/docker-containerd.pid\", \"hosts\": [\"unix://$CONTAINERD_SOCK\"],
  \"bridge\": \"ocictr0\", \"iptables\": false, \"ip6tables\": false,
  \"features\": { \"containerd-snapshotter\": true } }"
}

# start_registry NAME PORT AUTH-YAML: the distribution registry (v3) on 127.0.0.1:PORT.
start_registry() {
  local name=$1 port=$2 auth=$3 dir="$STATE/registry-$1"
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<YML
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
$auth
YML
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null &&
    cmp -s "$dir/config.yml" "$dir/config.running" && cmp -s "$REGISTRY_BIN" "$dir/binary.running" 2>/dev/null; then
    return 0
  fi
  [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null && sleep 1
  # An earlier environment's Debian registry on the same port.
  pkill -f "docker-registry serve $dir/config.yml" 2>/dev/null && sleep 1
  log "starting registry $name on 127.0.0.1:$port"
  cp "$dir/config.yml" "$dir/config.running"
  cp "$REGISTRY_BIN" "$dir/binary.running"
  (setsid "$REGISTRY_BIN" serve "$dir/config.yml" >"$dir/registry.log" 2>&1 & echo $! >"$dir/pid")
  wait_http "http://127.0.0.1:$port/v2/" 401 || { cat "$dir/registry.log" >&2; die "registry $name did not start"; }
}

htpasswd_auth() { # NAME: the htpasswd file of that registry, made for the test user
  local file="$STATE/registry-$1/htpasswd"
  mkdir -p "$(dirname "$file")"
  if [ ! -s "$file" ] || ! htpasswd -vbB "$file" "$REGISTRY_USER" "$REGISTRY_PASSWORD" >/dev/null 2>&1; then
    htpasswd -cbB "$file" "$REGISTRY_USER" "$REGISTRY_PASSWORD" 2>/dev/null
  fi
  printf '  htpasswd:\n    realm: oci-pipeline-test\n    path: %s\n' "$file"
}

# A registry with Bearer token auth, like GHCR or Docker Hub, and its token service
# (__tests__/support/token-server.mjs) on the next port.
start_token_registry() {
  local dir="$STATE/token-server" node="$TOOLS/node24/bin/node"
  mkdir -p "$dir"
  "$node" "$ROOT/__tests__/support/token-server.mjs" init "$dir"
  if ! wait_http "http://127.0.0.1:$TOKEN_PORT/token" 200 1; then
    log "starting the token service on 127.0.0.1:$TOKEN_PORT"
    (OCI_TOKEN_USER=$REGISTRY_USER OCI_TOKEN_PASSWORD=$REGISTRY_PASSWORD setsid "$node" "$ROOT/__tests__/support/token-server.mjs" \
      serve "$dir" "$TOKEN_PORT" oci-pipeline-test-tokens oci-pipeline-test-registry >"$dir/server.log" 2>&1 &)
    wait_http "http://127.0.0.1:$TOKEN_PORT/token" 200 || { cat "$dir/server.log" >&2; die "the token service did not start"; }
  fi
  start_registry token "$TOKEN_REGISTRY_PORT" "  token:
    realm: http://127.0.0.1:$TOKEN_PORT/token
    service: oci-pipeline-test-registry
    issuer: oci-pipeline-test-tokens
    jwks: $dir/jwks.json"
}

# The OCI 1.1 referrers API (__tests__/support/referrers-registry), without auth.
start_referrers_registry() {
  local bin dir="$STATE/registry-referrers"
  bin=$(go_local referrers-registry "$ROOT/__tests__/support/referrers-registry")
  mkdir -p "$dir"
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null && cmp -s "$bin" "$dir/binary.running"; then return 0; fi
  [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null && sleep 1
  log "starting the referrers registry on 127.0.0.1:$REFERRERS_PORT"
  cp "$bin" "$dir/binary.running"
  (setsid "$bin" "127.0.0.1:$REFERRERS_PORT" "$dir/blobs" >"$dir/registry.log" 2>&1 & echo $! >"$dir/pid")
  wait_http "http://127.0.0.1:$REFERRERS_PORT/v2/" 200 || { cat "$dir/registry.log" >&2; die "the referrers registry did not start"; }
}

# A BuildKit builder like docker/setup-buildx-action's: the docker-container driver running an
# image of this machine's BuildKit (buildkitd, buildctl and runc, made locally), on the host's
# network so that it reaches the registries on 127.0.0.1 (plain HTTP there).
BUILDER=oci-pipeline-buildkit
start_builder() {
  local tag="buildkit-$BUILDKIT_VERSION-$(cat "$TOOLS/buildkitd-$BUILDKIT_VERSION/buildkitd" "$TOOLS/buildctl-$BUILDKIT_VERSION/buildctl" "$(command -v runc)" | sha256sum | cut -c1-12)"
  BUILDKIT_IMAGE="127.0.0.1:$STAGING_PORT/base/buildkit:$tag"
  if ! docker image inspect "$BUILDKIT_IMAGE" >/dev/null 2>&1; then
    log "making the BuildKit image $BUILDKIT_IMAGE"
    local dir="$STATE/rootfs/buildkit"
    make_busybox_rootfs "$dir"
    mkdir -p "$dir/usr/bin" "$dir/etc/buildkit" "$dir/var/lib/buildkit"
    cp "$TOOLS/buildkitd-$BUILDKIT_VERSION/buildkitd" "$TOOLS/buildctl-$BUILDKIT_VERSION/buildctl" "$(command -v runc)" "$dir/usr/bin/"
    copy_libs "$dir" "$(command -v runc)"
    tar -C "$dir" --numeric-owner --owner=0 --group=0 -c . |
      docker import --change 'ENV PATH=/usr/bin:/bin' --change 'ENTRYPOINT ["buildkitd"]' - "$BUILDKIT_IMAGE" >/dev/null
    rm -rf "$dir"
  fi
  local conf="$STATE/buildkitd.toml"
  {
    for port in "$STAGING_PORT" "$RELEASE_PORT" "$TOKEN_REGISTRY_PORT" "$REFERRERS_PORT"; do
      printf '[registry."127.0.0.1:%s"]\n  http = true\n  insecure = true\n' "$port"
    done
  } >"$conf"
  if docker buildx inspect "$BUILDER" 2>/dev/null | grep -q "$BUILDKIT_IMAGE"; then
    docker buildx inspect --bootstrap "$BUILDER" >/dev/null 2>&1 && return 0
  fi
  docker buildx rm -f "$BUILDER" >/dev/null 2>&1 || true
  log "creating the buildx builder $BUILDER (docker-container driver)"
  docker buildx create --name "$BUILDER" --driver docker-container \
    --driver-opt "image=$BUILDKIT_IMAGE" --driver-opt network=host --buildkitd-config "$conf" >/dev/null
  docker buildx inspect --bootstrap "$BUILDER" >/dev/null || die "the builder $BUILDER does not start"
}
