#!/usr/bin/env bash
# The Debian programs Bulwark runs for audio and video: ffmpeg/ffprobe (decoding), pocketsphinx with
# its US English model (speech-to-text); with --test also espeak-ng, which the tests speak their
# fixtures with. Idempotent and quick when installed. Without root it says what is missing.
set -euo pipefail

need=()
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || need+=(ffmpeg)
command -v pocketsphinx_continuous >/dev/null || need+=(pocketsphinx)
[ -d /usr/share/pocketsphinx/model/en-us ] || need+=(pocketsphinx-en-us)
if [ "${1:-}" = --test ]; then command -v espeak-ng >/dev/null || need+=(espeak-ng); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "media-tools.sh: missing ${need[*]}; install them (apt-get install ${need[*]}) or audio and video moderation fail" >&2
  exit 0
fi
echo "media-tools.sh: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
