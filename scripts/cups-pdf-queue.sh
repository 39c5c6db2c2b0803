#!/usr/bin/env bash
# Creates the CUPS print queue "LabelPDF" (cups-pdf) that the real-print-path label tests print to.
# Points cups-pdf's output to OUT_DIR (default /tmp/cups-pdf), starts cupsd if it is not running
# (containers have no systemd), adds the queue and makes it the default. Run as root; idempotent.
# Usage: scripts/cups-pdf-queue.sh [OUT_DIR]
set -euo pipefail

OUT_DIR=${1:-${CUPS_PDF_OUT:-/tmp/cups-pdf}}
CONF=/etc/cups/cups-pdf.conf
PPD=lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
QUEUE=LabelPDF

if [ "$(id -u)" != "0" ]; then
  echo "cups-pdf-queue.sh: run as root (it edits $CONF and administers cupsd)" >&2
  exit 1
fi
for tool in cupsd lpadmin lpstat; do
  command -v "$tool" >/dev/null || { echo "cups-pdf-queue.sh: $tool missing (apt-get install cups printer-driver-cups-pdf)" >&2; exit 1; }
done
[ -f "$CONF" ] || { echo "cups-pdf-queue.sh: $CONF missing (apt-get install printer-driver-cups-pdf)" >&2; exit 1; }

mkdir -p "$OUT_DIR"
chmod 1777 "$OUT_DIR"
restart=0
if grep -qE '^Out[[:space:]]' "$CONF"; then
  if ! grep -qxF "Out $OUT_DIR" "$CONF"; then
    sed -i "s#^Out[[:space:]].*#Out $OUT_DIR#" "$CONF"
    restart=1
  fi
else
  echo "Out $OUT_DIR" >>"$CONF"
  restart=1
fi

# cups-pdf reads its config per job, so a changed Out needs no restart; only a missing cupsd does.
if ! pgrep -x cupsd >/dev/null; then
  cupsd  # daemonizes
fi
ready=0
for _ in $(seq 1 100); do
  if lpstat -r >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  echo "cups-pdf-queue.sh: cupsd did not become ready within 10 s" >&2
  exit 1
fi

if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
  # lpadmin warns that printer drivers are deprecated; the queue works all the same.
  lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$PPD" 2>/dev/null
fi
cupsenable "$QUEUE" 2>/dev/null || true
cupsaccept "$QUEUE" 2>/dev/null || true
lpadmin -d "$QUEUE"

lpstat -p "$QUEUE" >/dev/null
echo "queue $QUEUE ready (default), cups-pdf writes to $OUT_DIR (config changed: $restart)"
