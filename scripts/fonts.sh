#!/usr/bin/env bash
# Fonts the picture tests render text with (Latin and Chinese), from Debian's packages. The service
# itself needs none: only the test fixtures draw text. Idempotent; quick when already installed.
set -euo pipefail

need=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
bash "$(dirname "$0")/apt-install.sh" fonts.sh "the picture OCR tests fail" ${need[@]+"${need[@]}"}
