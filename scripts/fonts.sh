#!/usr/bin/env bash
# Fonts the picture tests render text with (Latin and Chinese), from Debian's packages. The service
# itself needs none: only the test fixtures draw text. Idempotent; quick when already installed.
set -euo pipefail

need=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "fonts.sh: missing ${need[*]}; install them (apt-get install ${need[*]}) or the picture OCR tests fail" >&2
  exit 0
fi
echo "fonts.sh: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
