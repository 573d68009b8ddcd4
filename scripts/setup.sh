#!/usr/bin/env bash
# Installs Bulwark's dependencies (from the npm registry only) and builds it. Idempotent and quick
# when nothing changed. Used by both README commands.
set -euo pipefail
cd "$(dirname "$0")/.."

# onnxruntime-node's postinstall would fetch CUDA libraries; nothing may download at install time.
export ONNXRUNTIME_NODE_INSTALL=skip

stamp=node_modules/.bulwark-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "setup: installing npm dependencies" >&2
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
bash scripts/media-tools.sh
echo "setup: building" >&2
rm -rf dist
npx tsc -p tsconfig.json
# The review console (console/): its API types from the OpenAPI document, type-checked, then built
# into console/dist, which the service serves at /console/.
echo "setup: building the review console" >&2
mkdir -p console/src/generated
node dist/src/cli/main.js openapi --types > console/src/generated/api.ts
npx tsc -p console/tsconfig.json
npx vite build console --logLevel warn
