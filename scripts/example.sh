#!/usr/bin/env bash
# Runs the pipeline on examples/hello, as a GitHub runner would run the action (dist/index.js on
# Node 24), on a fresh Debian/Ubuntu machine as root. Sets up a local Docker daemon and registry
# where none runs (scripts/test-env.sh). Pushes to GHCR when GHCR_TOKEN and GHCR_OWNER are set,
# else to the local registry on 127.0.0.1:5000. Offline (no vulnerability DB to be had) it still
# writes the SBOM, and says the vulnerabilities were not checked.
#
# For the tests: OCI_EXAMPLE_NO_SETUP=1 uses the environment .cache/test-env.json describes as it
# is; OCI_EXAMPLE_OUT and OCI_EXAMPLE_TRIVY_CACHE move the run's files and Trivy's cache;
# TRIVY_DB_REPOSITORY reaches the action.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -n "${OCI_EXAMPLE_NO_SETUP:-}" ] || bash scripts/test-env.sh
ENV_JSON="$ROOT/.cache/test-env.json"
get() { jq -r "$1" "$ENV_JSON"; }

OUT=${OCI_EXAMPLE_OUT:-$ROOT/.cache/example}
TRIVY_CACHE=${OCI_EXAMPLE_TRIVY_CACHE:-$ROOT/.cache/trivy}
rm -rf "$OUT" && mkdir -p "$OUT/docker-config"
: >"$OUT/outputs" && : >"$OUT/summary.md"

declare -A INPUT
INPUT[context]=examples/hello
INPUT[label-schema]=oci,skao
INPUT[team]=${EXAMPLE_TEAM:-example-team}
INPUT[tags]=$'type=ref,event=branch\ntype=sha\ntype=raw,value={{version}}'
# The Trivy test-env.sh installed (lint and scan); its DB is kept in .cache/trivy between runs.
INPUT[trivy-path]=$(get .trivy)
INPUT[trivy-cache-dir]=$TRIVY_CACHE
# hadolint is a download from GitHub releases; the example uses one only when it is installed.
HADOLINT=$(get '.hadolint // empty')
[ -n "$HADOLINT" ] || HADOLINT=$(command -v hadolint || true)
if [ -n "$HADOLINT" ]; then
  INPUT[hadolint-path]=$HADOLINT
else
  INPUT[linters]=trivy,checklist
fi
# No GitHub here to upload SARIF to: the reports stay on disk.
INPUT[sarif-upload]=false
# Offline, no DB can be had: the scan then lists the packages (the SBOM) without checking them,
# and the gate, which would refuse an unchecked image, is turned off for the example, loudly.
if ! "$(get .trivy)" image --download-db-only --no-progress --cache-dir "$TRIVY_CACHE" >"$OUT/trivy-db.log" 2>&1 &&
  [ ! -f "$TRIVY_CACHE/db/trivy.db" ]; then
  echo "No vulnerability DB could be downloaded (offline? see $OUT/trivy-db.log)."
  echo "The example runs with fail-on-severity: none: the SBOM is written, the vulnerabilities are not checked."
  INPUT[fail-on-severity]=none
fi
if [ -n "${GHCR_TOKEN:-}" ] && [ -n "${GHCR_OWNER:-}" ]; then
  INPUT[images]="ghcr.io/${GHCR_OWNER}/oci-pipeline-hello"
  INPUT[username]=$GHCR_OWNER
  INPUT[password]=$GHCR_TOKEN
else
  # No public registry here: the example's pinned public base is swapped for the local one.
  INPUT[images]="$(get .registry)/examples/hello"
  INPUT[username]=$(get .username)
  INPUT[password]=$(get .password)
  INPUT[build-args]="BASE=$(get '.baseImages.busybox | "\(.name):\(.tag)@\(.digest)"')"
fi

SHA=$(git rev-parse HEAD 2>/dev/null || echo 0000000000000000000000000000000000000000)
BRANCH=$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)
printf '{"ref":"refs/heads/%s","repository":{"name":"oci-pipeline","html_url":"https://github.com/oci-pipeline/oci-pipeline","description":"oci-pipeline example","default_branch":"main"}}' "$BRANCH" >"$OUT/event.json"

envs=(
  "PATH=$PATH" "HOME=$HOME" "DOCKER_CONFIG=$OUT/docker-config" "RUNNER_TEMP=$OUT" "RUNNER_TOOL_CACHE=$ROOT/.cache/tool-cache"
  GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push "GITHUB_EVENT_PATH=$OUT/event.json"
  "GITHUB_REF=refs/heads/$BRANCH" "GITHUB_SHA=$SHA" GITHUB_REPOSITORY=oci-pipeline/oci-pipeline
  GITHUB_ACTOR=example "GITHUB_WORKSPACE=$ROOT" GITHUB_SERVER_URL=https://github.com GITHUB_API_URL=http://127.0.0.1:9
  "GITHUB_OUTPUT=$OUT/outputs" "GITHUB_STEP_SUMMARY=$OUT/summary.md"
)
[ -z "${TRIVY_DB_REPOSITORY:-}" ] || envs+=("TRIVY_DB_REPOSITORY=$TRIVY_DB_REPOSITORY")
for name in "${!INPUT[@]}"; do envs+=("INPUT_${name^^}=${INPUT[$name]}"); done

status=0
env -i "${envs[@]}" "$(get .node24)" "$ROOT/dist/index.js" | tee "$OUT/log.txt" || status=$?

output() { awk -v n="$1" '$0 ~ "^"n"<<" {d=substr($0, length(n)+3); f=1; next} f && $0==d {exit} f {print}' "$OUT/outputs"; }
echo
if [ "$status" -ne 0 ] || grep -q '^::error' "$OUT/log.txt"; then
  echo "The pipeline failed; its log: $OUT/log.txt"
  exit 1
fi
echo "Image:    $(output image)"
echo "Tags:     $(output tags | tr '\n' ' ')"
echo "Version:  $(output version)"
echo "SBOM:     $(output sbom-path)"
if [ -z "$(output vulnerabilities)" ]; then
  echo "Scan:     vulnerabilities not checked (no vulnerability DB); the summary says so first"
else
  echo "Scan:     $(output vulnerabilities) (SARIF $(output scan-sarif))"
fi
echo "Lint:     $(output lint-findings) (SARIF $(output lint-sarif))"
echo "Reports:  $OUT/oci-pipeline"
echo "Summary:  $OUT/summary.md"
echo "Outputs:  $OUT/outputs"
echo "Log:      $OUT/log.txt"
echo "Try it:   DOCKER_CONFIG=$OUT/docker-config docker run --rm $(output image)"
