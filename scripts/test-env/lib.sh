# Helpers for scripts/test-env.sh (sourced). STATE, TOOLS and CACHE are set by the caller.

log() { printf '\033[1m[test-env]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# sha_is FILE SHA256: whether the file's SHA-256 is the pinned one.
sha_is() { [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  if [ ! -f "$STATE/apt-updated" ]; then apt-get update -qq && touch "$STATE/apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Debian trixie packages, fetched into $STATE/apt-trixie with a source list of their own (the
# system's sources are untouched; apt checks each package against the signed archive) and
# extracted into $STATE/apt-trixie/root/<package>.
trixie_extract() {
  local apt="$STATE/apt-trixie"
  mkdir -p "$apt/lists/partial" "$apt/archives/partial"
  cat >"$apt/trixie.sources" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local opts=(-o "Dir::Etc::sourcelist=/dev/null" -o "Dir::Etc::sourceparts=$apt" -o "Dir::State::Lists=$apt/lists"
    -o "Dir::Cache::Archives=$apt/archives" -o "APT::Get::List-Cleanup=0" -o "APT::Sandbox::User=root")
  local pkg deb
  for pkg in "$@"; do
    [ -d "$apt/root/$pkg" ] && continue
    deb=$(ls "$apt/${pkg}"_*.deb 2>/dev/null | head -n1 || true)
    if [ -z "$deb" ]; then
      [ -f "$apt/updated" ] || { apt-get "${opts[@]}" update -qq && touch "$apt/updated"; }
      (cd "$apt" && apt-get "${opts[@]}" download "$pkg" >/dev/null 2>&1) || die "could not download $pkg from Debian trixie"
      deb=$(ls "$apt/${pkg}"_*.deb | head -n1)
    fi
    mkdir -p "$apt/root" && rm -rf "$apt/root/$pkg.tmp" && dpkg-deb -x "$deb" "$apt/root/$pkg.tmp" && mv "$apt/root/$pkg.tmp" "$apt/root/$pkg"
  done
}

# trixie_version PACKAGE: the version of the downloaded .deb.
trixie_version() { dpkg-deb -f "$(ls "$STATE/apt-trixie/${1}"_*.deb | head -n1)" Version; }

# go_tool NAME MODULE VERSION PACKAGE LDFLAGS [ENV…]: builds PACKAGE of the Go module at its tagged
# VERSION (downloaded through the module proxy, checked against the checksum database) inside the
# module, as a module with replace directives must be, into $TOOLS/NAME-VERSION/NAME. Built once
# per machine: a binary already there is kept.
go_tool() {
  local name=$1 module=$2 version=$3 pkg=$4 ldflags=$5
  shift 5
  local out="$TOOLS/$name-$version/$name"
  [ -x "$out" ] && return 0
  log "building $name $version from $module@$version"
  local dir
  dir=$(go mod download -json "$module@$version" | jq -r .Dir) || die "go could not download $module@$version"
  mkdir -p "$(dirname "$out")"
  (cd "$dir" && env CGO_ENABLED=0 GOFLAGS=-mod=mod "$@" go build -trimpath -ldflags "-s -w $ldflags" -o "$out.tmp" "$pkg") ||
    die "building $name $version failed"
  mv "$out.tmp" "$out"
}

# go_local NAME DIR: builds the Go program of this repository in DIR into $TOOLS/NAME-<hash of DIR>/NAME.
go_local() {
  local name=$1 dir=$2 hash
  hash=$(cat "$dir"/go.mod "$dir"/go.sum "$dir"/*.go | sha256sum | cut -c1-12)
  local out="$TOOLS/$name-$hash/$name"
  if [ ! -x "$out" ]; then
    log "building $name"
    mkdir -p "$(dirname "$out")"
    (cd "$dir" && CGO_ENABLED=0 go build -trimpath -o "$out.tmp" .) || die "building $name failed"
    mv "$out.tmp" "$out"
  fi
  echo "$out"
}

# wait_http URL CODE [TRIES]: until URL answers with CODE.
wait_http() {
  for _ in $(seq 1 "${3:-60}"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "$2" ] && return 0
    sleep 0.5
  done
  return 1
}
