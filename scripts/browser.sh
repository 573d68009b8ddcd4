#!/usr/bin/env bash
# The browser the console's end-to-end tests drive: Debian's Chromium at /usr/bin/chromium, run by
# playwright-core (which never downloads a browser of its own). Idempotent; quick when installed.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
bash "$(dirname "$0")/apt-install.sh" browser.sh "the console's browser tests fail" ${need[@]+"${need[@]}"}
