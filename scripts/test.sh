#!/usr/bin/env bash
# The project's tests on a fresh Debian/Ubuntu machine, as root: installs what they need
# (scripts/test-env.sh: Docker, buildx, registries, Node 24, Trivy, base images), then runs them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/test-env.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  # A registry mirror without some optional platform packages (seen here) makes npm leave them out of
  # the lock file, and `npm ci` then refuses it; `npm install` installs the same locked versions.
  npm ci --no-audit --no-fund --loglevel=error ||
    { echo "npm ci refused the lock file; installing with npm install" >&2; npm install --no-audit --no-fund --loglevel=error; }
  touch node_modules
fi
npx --no-install tsc --noEmit
npx --no-install eslint .
npx --no-install prettier --check . >/dev/null || { npx --no-install prettier --list-different .; echo "prettier: run npm run format" >&2; exit 1; }
npm test --silent -- "$@"
