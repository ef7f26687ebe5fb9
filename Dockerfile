# The oci-pipeline tool image, for GitLab jobs: Node, the bundled CLI (`oci-pipeline` on PATH), the
# docker CLI with the buildx plugin, and hadolint, Trivy and cosign checked against their SHA-256 sums.
#
#   npm run bundle && docker buildx build -t oci-pipeline .
#
# Every base is pinned by digest, and a build argument swaps each one (the integration test builds
# this file offline, from local stand-ins). The digests are the Docker Official Images' multi-platform
# indexes, each recorded by docker-library/repo-info for its tag and pinned by at least two unrelated
# public projects (found with a code search):
# - node:24.19.0-bookworm-slim (amd64, arm64, ppc64le): Dockerfiles and tests of several projects pin
#   it; repo-info lists it as node:24-bookworm-slim with NODE_VERSION 24.19.0.
# - docker:28.3.1-cli (docker 28.3.1 with buildx 0.25.0): a Jenkins agent image and a Bazel build image
#   copy its docker binary; repo-info lists it as docker:28-cli in the 28.3.1 release.
# Take a new digest from the registry itself (docker buildx imagetools inspect), never from memory.
# hadolint 2.12 cannot see through an ARG in FROM (DL3006); the checklist's OP001 checks these defaults.
ARG NODE_IMAGE=docker.io/library/node:24.19.0-bookworm-slim@sha256:a9f5f7c91a432850b2a8a7797adf5eadb6c733ceed61167806cee7ea7fbc29df
ARG DOCKER_CLI_IMAGE=docker.io/library/docker:28.3.1-cli@sha256:d623d8d72aa526abcdc996ac8963062a715235ffda58556d864112b8b3fab21b

# hadolint ignore=DL3006
FROM ${DOCKER_CLI_IMAGE} AS docker-cli

# Downloads and checks hadolint, Trivy and cosign, and lays out everything the final stage takes in /out.
# hadolint ignore=DL3006
FROM ${NODE_IMAGE} AS tools
ARG TARGETARCH
# The versions, release URLs and sums of src/tools/pins.ts (a unit test keeps the two the same).
ARG HADOLINT_VERSION=2.12.0
ARG HADOLINT_BASE_URL=https://github.com/hadolint/hadolint/releases/download
ARG HADOLINT_SHA256_AMD64=56de6d5e5ec427e17b74fa48d51271c7fc0d61244bf5c90e828aab8362d55010
ARG HADOLINT_SHA256_ARM64=5798551bf19f33951881f15eb238f90aef023f11e7ec7e9f4c37961cb87c5df6
ARG TRIVY_VERSION=0.69.3
ARG TRIVY_BASE_URL=https://github.com/aquasecurity/trivy/releases/download
ARG TRIVY_SHA256_AMD64=1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75
ARG TRIVY_SHA256_ARM64=7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd
ARG COSIGN_VERSION=3.1.3
ARG COSIGN_BASE_URL=https://github.com/sigstore/cosign/releases/download
ARG COSIGN_SHA256_AMD64=4629c757b7618056f8ddd7e2625ae9fdd94c0372a65049520bc7d9df9efc7f71
ARG COSIGN_SHA256_ARM64=c5d324e091826b0d7a78eb16fef316450b4eb9aaec045611c08ba06f5e73220a
WORKDIR /tmp/tools
COPY docker/download.mjs ./
RUN set -eu; \
    case "$TARGETARCH" in \
      amd64) hadolint=hadolint-Linux-x86_64; hadolint_sha256="$HADOLINT_SHA256_AMD64"; \
        trivy="trivy_${TRIVY_VERSION}_Linux-64bit.tar.gz"; trivy_sha256="$TRIVY_SHA256_AMD64"; \
        cosign=cosign-linux-amd64; cosign_sha256="$COSIGN_SHA256_AMD64" ;; \
      arm64) hadolint=hadolint-Linux-arm64; hadolint_sha256="$HADOLINT_SHA256_ARM64"; \
        trivy="trivy_${TRIVY_VERSION}_Linux-ARM64.tar.gz"; trivy_sha256="$TRIVY_SHA256_ARM64"; \
        cosign=cosign-linux-arm64; cosign_sha256="$COSIGN_SHA256_ARM64" ;; \
      *) echo "hadolint, Trivy and cosign are not pinned for '$TARGETARCH'" >&2; exit 1 ;; \
    esac; \
    node download.mjs "$HADOLINT_BASE_URL/v$HADOLINT_VERSION/$hadolint" hadolint; \
    node download.mjs "$TRIVY_BASE_URL/v$TRIVY_VERSION/$trivy" trivy.tar.gz; \
    node download.mjs "$COSIGN_BASE_URL/v$COSIGN_VERSION/$cosign" cosign; \
    printf '%s  %s\n' "$hadolint_sha256" hadolint "$trivy_sha256" trivy.tar.gz "$cosign_sha256" cosign > sha256sums; \
    sha256sum -c sha256sums; \
    tar -xzf trivy.tar.gz trivy; \
    mkdir -p /out/usr/local/bin /out/usr/local/libexec/docker/cli-plugins; \
    cp hadolint trivy cosign /out/usr/local/bin/; \
    chmod 0555 /out/usr/local/bin/hadolint /out/usr/local/bin/trivy /out/usr/local/bin/cosign; \
    ln -s /opt/oci-pipeline/index.js /out/usr/local/bin/oci-pipeline
COPY --from=docker-cli /usr/local/bin/docker /out/usr/local/bin/docker
COPY --from=docker-cli /usr/local/libexec/docker/cli-plugins/docker-buildx /out/usr/local/libexec/docker/cli-plugins/docker-buildx
RUN chmod 0555 /out/usr/local/bin/docker /out/usr/local/libexec/docker/cli-plugins/docker-buildx \
    && /out/usr/local/bin/hadolint --version \
    && /out/usr/local/bin/trivy --version \
    && /out/usr/local/bin/cosign version \
    && /out/usr/local/bin/docker --version \
    && /out/usr/local/libexec/docker/cli-plugins/docker-buildx version

# hadolint ignore=DL3006
FROM ${NODE_IMAGE}
LABEL org.opencontainers.image.title="oci-pipeline" \
      org.opencontainers.image.description="Lint, build, label, scan and push container images: the oci-pipeline CLI with hadolint, Trivy, cosign and docker buildx."
COPY --from=tools --chown=root:root /out/ /
COPY --chown=root:root --chmod=0555 dist/cli/ /opt/oci-pipeline/
USER node
# A CLI run per job, not a service: nothing to probe (said explicitly, so no check asks for one).
HEALTHCHECK NONE
# No entrypoint, so GitLab runs its job script with the image's shell.
ENTRYPOINT []
CMD ["oci-pipeline", "--help"]
