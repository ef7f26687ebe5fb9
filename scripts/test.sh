#!/usr/bin/env bash
# The project's tests on a fresh Debian/Ubuntu machine, as root: installs what they need
# (scripts/test-env.sh: Docker, buildx, registries, Node 24, Trivy, base images), then runs them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/test-env.sh
[ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
npx --no-install tsc --noEmit
npx --no-install eslint .
npx --no-install prettier --check . >/dev/null || { npx --no-install prettier --list-different .; echo "prettier: run npm run format" >&2; exit 1; }
npm test --silent -- "$@"
