"""The real print path: QPrinter (NativeFormat) → CUPS queue ``LabelPDF`` → cups-pdf → a PDF.

Needs the queue made by ``scripts/cups-pdf-queue.sh``; skipped (with the reason) only when
``lpstat -p LabelPDF`` fails. cups-pdf re-distils through Ghostscript, so only page sizes and
barcodes are checked on its output (text checks run on Qt's own PDFs).
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from labels_pdftools import decode, page_sizes_mm, rasterize

from seller_desktop.labels import (
    available_printers,
    choose_label_printer,
    default_printer_name,
    pick_order,
    print_labels,
)
from seller_desktop.labels.specs import LABEL_76x130, LABEL_100x150

QUEUE = "LabelPDF"
CONF = Path("/etc/cups/cups-pdf.conf")


def _queue_ready() -> tuple[bool, str]:
    try:
        proc = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return proc.returncode == 0, (proc.stderr or proc.stdout).strip()


_ready, _why = _queue_ready()
pytestmark = pytest.mark.skipif(
    not _ready, reason=f"CUPS queue {QUEUE} missing (run scripts/cups-pdf-queue.sh as root): {_why}"
)


def _out_dir() -> Path:
    if os.environ.get("CUPS_PDF_OUT"):
        return Path(os.environ["CUPS_PDF_OUT"])
    match = re.search(r"^Out\s+(\S+)", CONF.read_text(), re.M) if CONF.exists() else None
    out = match.group(1) if match else "${HOME}/PDF"
    return Path(out.replace("${HOME}", os.path.expanduser("~")))


def _job_files(out: Path) -> set[Path]:
    return set(out.glob("*-job_*.pdf")) if out.is_dir() else set()


def _wait_for_new_pdf(out: Path, before: set[Path], timeout: float = 30.0) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = _job_files(out) - before
        if new:
            newest = max(new, key=lambda p: p.stat().st_mtime)
            size = -1
            while time.monotonic() < deadline:  # cups-pdf writes then renames; wait until stable
                now = newest.stat().st_size
                if now == size and now > 0 and subprocess.run(
                        ["pdfinfo", str(newest)], capture_output=True).returncode == 0:
                    return newest
                size = now
                time.sleep(0.2)
        time.sleep(0.1)
    raise AssertionError(f"cups-pdf wrote no new *-job_*.pdf in {out} within {timeout:g} s")


def _queued_jobs() -> set[str]:
    out = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines() if line.strip()}


def _job_ids(which: str) -> set[str]:
    out = subprocess.run(["lpstat", "-W", which, "-o", QUEUE], capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines() if line.strip()}


def test_queue_is_visible_to_qt():
    names = {p.name: p for p in available_printers()}
    assert QUEUE in names and names[QUEUE].supports_custom_sizes


@pytest.mark.parametrize("spec", [LABEL_76x130, LABEL_100x150], ids=lambda s: s.name)
def test_batch_printed_through_cups_has_label_pages_and_barcodes_in_pick_order(tmp_path, labels, spec):
    out = _out_dir()
    before = _job_files(out)
    result = print_labels(labels, spec, QUEUE)
    assert result.ok and result.pages_printed == len(labels)

    produced = _wait_for_new_pdf(out, before)
    pdf = tmp_path / "cups.pdf"
    pdf.write_bytes(produced.read_bytes())
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == len(labels)
    for width, height in sizes:
        assert abs(width - spec.width_mm) <= 0.5 and abs(height - spec.height_mm) <= 0.5
    expected = [item.waybill.waybill_id for item in pick_order(labels)]
    assert [decode(page, "code128") for page in rasterize(pdf, 203)] == [[w] for w in expected]


def test_cancelled_cups_job_prints_nothing(labels):
    out = _out_dir()
    before_files = _job_files(out)
    before_jobs = _job_ids("all")
    done: list[int] = []
    result = print_labels(labels, LABEL_76x130, QUEUE, progress=lambda d, t: done.append(d),
                          cancel=lambda: len(done) >= 2)
    assert result.cancelled and result.pages_printed == 2
    assert result.error == "已取消打印"
    assert not (_queued_jobs() - before_jobs), "a cancelled job is still waiting in the queue"
    time.sleep(1.5)  # cups-pdf would have written within ~0.3 s
    assert _job_files(out) == before_files


def test_remembered_printer_is_kept_and_a_missing_one_falls_back_to_the_default():
    assert choose_label_printer(QUEUE) == QUEUE
    assert choose_label_printer("早已拔掉的打印机") == default_printer_name() == QUEUE
