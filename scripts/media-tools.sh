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
bash "$(dirname "$0")/apt-install.sh" media-tools.sh "audio and video moderation fail" ${need[@]+"${need[@]}"}
