#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (a browser download by Playwright is not possible offline).
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium with apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is needed for the browser tests and was not found at $browser." >&2
echo "Install it (Debian/Ubuntu: sudo apt-get install chromium), or set CHROMIUM=/path/to/chromium." >&2
exit 1
