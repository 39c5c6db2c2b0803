#!/bin/sh
# Adds 小店桌面 to this user's application menu, pointing at this unpacked folder.
# Run it from the folder it is in (double-click → Run, or `sh install.sh`); nothing needs root.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/seller-desktop.png" "$icons/seller-desktop.png"
sed "s#^Exec=.*#Exec=\"$here/seller-desktop\"#" "$here/seller-desktop.desktop" > "$apps/seller-desktop.desktop"
chmod 644 "$apps/seller-desktop.desktop"
echo "小店桌面 is in your application menu: $apps/seller-desktop.desktop"
