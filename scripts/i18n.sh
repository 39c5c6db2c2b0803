#!/usr/bin/env bash
# Refresh the translation sources from the code (lupdate) and compile them (lrelease).
#   bash scripts/i18n.sh            update seller_desktop/resources/i18n/*.ts, then build the .qm files
#   bash scripts/i18n.sh --release  only build the .qm files
# Chinese is the source language (the strings in the code); English lives in seller_desktop_en.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
TS=seller_desktop/resources/i18n/seller_desktop_en.ts
SOURCES=$(find seller_desktop/ui seller_desktop/app.py -name '*.py' | sort)
if [[ "${1:-}" != "--release" ]]; then
  # shellcheck disable=SC2086
  "$BIN/pyside6-lupdate" $SOURCES -source-language zh_CN -target-language en -no-obsolete -locations none -ts "$TS"
fi
"$BIN/pyside6-lrelease" "$TS" -qm "${TS%.ts}.qm"
# Qt's own dialogs: the few strings Qt's qtbase_zh_CN.qm lacks (see the file's header)
"$BIN/pyside6-lrelease" seller_desktop/resources/i18n/qt_extra_zh_CN.ts -qm seller_desktop/resources/i18n/qt_extra_zh_CN.qm
