#!/usr/bin/env bash
# Makes sure Debian's stress-ng is present for the loaded-machine test pass.
# Installs it with apt-get when it is missing and we are allowed to (root, or passwordless sudo).
set -euo pipefail
if command -v stress-ng >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "ensure-stress-ng: stress-ng is missing and this user cannot install it" >&2
  exit 1
fi
echo "ensure-stress-ng: installing Debian's stress-ng (one time)..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends stress-ng >/dev/null
echo "ensure-stress-ng: $(stress-ng --version)" >&2
