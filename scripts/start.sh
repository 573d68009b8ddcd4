#!/usr/bin/env bash
# One command from a fresh checkout to a running service on embedded defaults:
# SQLite and files under ./data, port 8080 (override with PORT, BULWARK_DATA_DIR, DATABASE_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node dist/src/cli/main.js serve
