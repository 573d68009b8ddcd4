#!/usr/bin/env bash
# Benign pictures for measuring false positives (docs/accuracy-pictures.md): photos and wallpapers
# from Debian packages, downloaded with apt-get (not installed) and unpacked under the folder given
# (default ./data/benign-pictures). Prints the folder on the last line.
set -euo pipefail
out=${1:-data/benign-pictures}
packages=(mate-backgrounds lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 python3-skimage gnome-backgrounds ukui-wallpapers)
mkdir -p "$out/.debs"
cd "$out/.debs"
if ! ls ./*.deb >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1 || true
  for p in "${packages[@]}"; do apt-get download -qq "$p" >/dev/null 2>&1 || echo "benign-pictures.sh: $p is not available here" >&2; done
fi
for deb in ./*.deb; do dpkg -x "$deb" ..; done
cd - >/dev/null
echo "$out"
