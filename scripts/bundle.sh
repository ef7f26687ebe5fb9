#!/usr/bin/env bash
# Bundles the action with ncc into the given folder (default dist/). The dist test runs this too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-dist}
npx --no-install ncc build src/main.ts -o "$out" --license licenses.txt --target es2022 --quiet
npx --no-install ncc build src/cli/index.ts -o "$out/cli" --license licenses.txt --target es2022 --quiet
