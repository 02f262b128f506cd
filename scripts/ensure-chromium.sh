#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the browser tests.
# Installs it with apt-get when it is missing and we are allowed to (root, or passwordless sudo).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "ensure-chromium: chromium is missing and this user cannot install it; browser tests will be skipped" >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium (one time)..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "ensure-chromium: $(chromium --version)" >&2
