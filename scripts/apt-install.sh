#!/usr/bin/env bash
# Installs Debian packages another script found missing: apt-install.sh <who> <what they are for> <package…>.
# Without root it only says what is missing and how to install it.
set -euo pipefail
who=$1 for=$2
shift 2
[ $# -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "$who: missing $*; install them (apt-get install $*) or $for" >&2
  exit 0
fi
echo "$who: installing $*" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "$@" >/dev/null
