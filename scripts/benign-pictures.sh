#!/usr/bin/env bash
# Benign pictures for measuring false positives (docs/accuracy-pictures.md) and for the picture
# tests (python3-skimage's astronaut has a face): photos and wallpapers from Debian packages,
# downloaded with apt-get (not installed) and unpacked under the folder given (default
# ./data/benign-pictures). Usage: benign-pictures.sh [folder] [package…]. Prints the folder last.
set -euo pipefail
out=${1:-data/benign-pictures}
shift || true
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(mate-backgrounds lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 python3-skimage gnome-backgrounds ukui-wallpapers
  plasma-workspace-wallpapers desktop-base tuxpaint-stamps-default)
mkdir -p "$out/.debs"
cd "$out/.debs"
updated=no
for p in "${packages[@]}"; do
  ls ./"${p}"_*.deb >/dev/null 2>&1 && continue
  if [ $updated = no ]; then apt-get update -qq >/dev/null 2>&1 || true; updated=yes; fi
  apt-get download -qq "$p" >/dev/null 2>&1 || echo "benign-pictures.sh: $p is not available here" >&2
done
for deb in ./*.deb; do [ -e "$deb" ] && dpkg -x "$deb" ..; done
cd - >/dev/null
echo "$out"
