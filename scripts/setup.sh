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

# Chromium and CJK fonts print the handouts to PDF (baihua build --targets print). Installed with
# apt-get where they are missing and it can; otherwise the other targets still build.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    echo "setup: installing chromium and fonts-noto-cjk with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }
  else
    echo "setup: chromium or fonts-noto-cjk is missing and apt-get cannot install them here; print PDFs need them (or set BAIHUA_CHROMIUM)" >&2
  fi
fi

# poppler-utils' pdftotext reads the printed handouts' text back in the tests (tests/cli-build.test.ts).
if ! command -v pdftotext >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    echo "setup: installing poppler-utils with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null 2>&1 || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }
  else
    echo "setup: pdftotext (poppler-utils) is missing and apt-get cannot install it here; the PDF tests need it" >&2
  fi
fi

# Neovim drives the language server end to end in tests/lsp-neovim.test.ts (Debian's 0.7 is enough).
if ! command -v nvim >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    echo "setup: installing neovim with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null 2>&1 || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null; }
  else
    echo "setup: nvim (neovim) is missing and apt-get cannot install it here; the Neovim test is skipped without it" >&2
  fi
fi

echo "setup: building packages"
pnpm run --silent build
echo "setup: done. Run pnpm baihua --help for the CLI."
