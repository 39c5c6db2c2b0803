#!/usr/bin/env bash
# Sets up everything the app and its tests need on a fresh Debian/Ubuntu machine:
# the system libraries Qt needs (offscreen and X11), a CJK font, CUPS with a PDF printer,
# poppler/zbar for label checks, and the Python environment in .venv.
# Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  # Qt (PySide6) runtime libraries, offscreen and xcb
  libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 libcups2
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xfixes0
  xvfb xauth
  # Chinese text on screen and on labels
  fonts-wqy-microhei fonts-noto-color-emoji
  # label checks: PDF info/rasterize, barcode decoding; the real print path: CUPS + a PDF queue
  poppler-utils zbar-tools cups printer-driver-cups-pdf
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv || { $SUDO apt-get install -y -q python3-venv && "$PY" -m venv .venv; }
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
