#!/usr/bin/env bash
# Sets up a fresh clone on a machine with only node 20 and npm: installs pnpm (corepack cannot
# fetch it here, npm can), the workspace's dependencies (nodejs-jieba builds from source), and
# builds every package. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  echo "setup: installing pnpm 10 with npm"
  npm install --global --no-fund --no-audit pnpm@10 >/dev/null
fi

echo "setup: installing dependencies (pnpm $(pnpm --version))"
CI=true pnpm install --frozen-lockfile --reporter=append-only

# nodejs-jieba is a native addon compiled on install; fail here, not in the first test that needs it.
(cd packages/plain && node -e "require('nodejs-jieba')") || { echo "setup: nodejs-jieba did not build (needs g++, make, python3)" >&2; exit 1; }

echo "setup: building packages"
pnpm run --silent build
echo "setup: done. Run pnpm baihua --help for the CLI."
