#!/usr/bin/env bash
# One command from a fresh checkout to the full test suite: installs and builds, installs the fonts
# the picture fixtures draw text with, starts a real PostgreSQL from Debian's packages (installing it
# if missing), then runs every test against SQLite and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/fonts.sh
bash scripts/media-tools.sh --test
bash scripts/browser.sh
# Real photos for the picture tests (a face to blur), from Debian's python3-skimage package.
BULWARK_TEST_PICTURES="$(bash scripts/benign-pictures.sh data/test-pictures python3-skimage | tail -n 1)"
export BULWARK_TEST_PICTURES
TEST_DATABASE_URL="$(bash scripts/postgres.sh | tail -n 1)"
export TEST_DATABASE_URL
echo "test: PostgreSQL at ${TEST_DATABASE_URL%%@*}@…" >&2
export LOG_LEVEL=${LOG_LEVEL:-silent}
# Only *.test.js files: Node 20 would also run every file under a test/ folder (helpers included).
mapfile -t files < <(find dist -name '*.test.js' | sort)
node --test --test-reporter=spec "${files[@]}"
