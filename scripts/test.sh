#!/usr/bin/env bash
# The project's tests on a fresh Debian/Ubuntu machine, as root: installs what they need
# (scripts/test-env.sh: the tools, engines, builders and registries), then runs them all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/test-env.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
npx --no-install tsc --noEmit
npx --no-install eslint .
npx --no-install prettier --check . >/dev/null || { npx --no-install prettier --list-different .; echo "prettier: run npm run format" >&2; exit 1; }
npm test --silent -- "$@"
