#!/usr/bin/env bash
# Bundles the action with ncc into the given folder (default dist/). The dist test runs this too.
# Large, rarely needed clients (artifacts, cache, tool cache) are lazily loaded chunks, so the
# third-party licences are collected from every chunk by scripts/licenses.mjs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-dist}
stats=$(mktemp -d)
trap 'rm -rf "$stats"' EXIT
rm -rf "$out"
build() {
  npx --no-install ncc build "$1" -o "$2" --target es2022 --quiet --stats-out "$stats/stats.json"
  node scripts/licenses.mjs "$stats/stats.json" "$2/licenses.txt"
}
build src/faces/action/index.ts "$out"
build src/faces/cli/index.ts "$out/cli"
