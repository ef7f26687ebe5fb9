# Base images, made without any public registry and pushed to the staging registry so that
# Dockerfiles can pin them by digest (sourced by scripts/test-env.sh).

registry_digest() { # repo tag -> manifest digest in the staging registry, or nothing
  curl -s -u "$REGISTRY_USER:$REGISTRY_PASSWORD" -o /dev/null -D - \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    "http://127.0.0.1:$STAGING_PORT/v2/$1/manifests/$2" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}'
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

copy_libs() { # rootfs binary…: the shared libraries ldd lists for each binary, at the same paths
  local dir=$1 bin lib
  shift
  for bin in "$@"; do
    for lib in $( (ldd "$bin" 2>/dev/null || true) | grep -o '/[^ ]*'); do
      mkdir -p "$dir$(dirname "$lib")" && cp -L "$lib" "$dir$lib"
    done
  done
}

import_rootfs() { # repo tag rootfs-dir PATH
  tar -C "$3" --numeric-owner --owner=0 --group=0 -c . |
    docker import --change "ENV PATH=$4" --change 'CMD ["/bin/sh"]' - "127.0.0.1:$STAGING_PORT/$1:$2" >/dev/null
  docker push -q "127.0.0.1:$STAGING_PORT/$1:$2" >/dev/null
}

make_base_images() {
  local rootfs="$STATE/rootfs"
  if [ -z "$(registry_digest base/busybox 1.35)" ]; then
    log "making base image base/busybox:1.35"
    make_busybox_rootfs "$rootfs/busybox"
    import_rootfs base/busybox 1.35 "$rootfs/busybox" /bin
  fi

  # A rootfs that Trivy takes for Debian 12 with one package whose version tests make vulnerable.
  if [ -z "$(registry_digest base/debian-vuln 12)" ]; then
    log "making base image base/debian-vuln:12"
    local d="$rootfs/debian"
    make_busybox_rootfs "$d"
    echo "12.5" >"$d/etc/debian_version"
    printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n' >"$d/etc/os-release"
    mkdir -p "$d/var/lib/dpkg"
    cat >"$d/var/lib/dpkg/status" <<'DPKG'
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

DPKG
    import_rootfs base/debian-vuln 12 "$d" /bin
  fi

  # Stand-ins for the public bases of the root Dockerfile (the tool image), which its integration
  # test passes as build args: a Node image (busybox for sh, tar and sha256sum; Node 24 in
  # /usr/local/bin with the libraries ldd lists for it and for the docker CLI and buildx; a "node"
  # user, uid 1000, as the node images have) and a docker CLI image holding this machine's client
  # and buildx plugin where docker:*-cli keeps them. The tags name what they hold.
  local client buildx
  client=$(readlink -f "$(command -v docker)")
  buildx=$BUILDX_PLUGIN
  NODE_TAG=$("$TOOLS/node24/bin/node" --version | sed 's/^v//')
  DOCKER_CLI_TAG=cli-$(cat "$client" "$buildx" | sha256sum | cut -c1-12)
  if [ -z "$(registry_digest base/node "$NODE_TAG")" ]; then
    log "making base image base/node:$NODE_TAG"
    local n="$rootfs/node"
    make_busybox_rootfs "$n"
    mkdir -p "$n/usr/bin" "$n/usr/local/bin" "$n/home/node"
    ln -s ../../bin/busybox "$n/usr/bin/env"
    cp "$TOOLS/node24/bin/node" "$n/usr/local/bin/node"
    copy_libs "$n" "$TOOLS/node24/bin/node" "$client" "$buildx"
    echo 'node:x:1000:1000:node:/home/node:/bin/sh' >>"$n/etc/passwd"
    echo 'node:x:1000:' >>"$n/etc/group"
    chown 1000:1000 "$n/home/node"
    import_rootfs base/node "$NODE_TAG" "$n" /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    rm -rf "$n"
  fi
  if [ -z "$(registry_digest base/docker-cli "$DOCKER_CLI_TAG")" ]; then
    log "making base image base/docker-cli:$DOCKER_CLI_TAG"
    local c="$rootfs/docker-cli"
    rm -rf "$c" && mkdir -p "$c/usr/local/bin" "$c/usr/local/libexec/docker/cli-plugins"
    cp "$client" "$c/usr/local/bin/docker"
    cp "$buildx" "$c/usr/local/libexec/docker/cli-plugins/docker-buildx"
    import_rootfs base/docker-cli "$DOCKER_CLI_TAG" "$c" /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    rm -rf "$c"
  fi
}
