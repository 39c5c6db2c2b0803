"""Benchmark: 500 shipping labels rendered into one PDF, against a text-only baseline.

Run on demand: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/benchmarks/bench_labels.py -s``.
The baseline paints the same pages with the barcode and QR drawing replaced by nothing, in the
same process, so the ratio isolates what the symbols cost. Targets: ≤ 2× the baseline and
≤ 20 ms per label. Peak memory is the process's ru_maxrss (and psutil RSS growth).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "labels"))

from labels_sample import many_labels

from seller_desktop.labels import label as label_module
from seller_desktop.labels.printing import print_labels
from seller_desktop.labels.specs import LABEL_76x130

COUNT = 500
MAX_MS_PER_LABEL = 20.0
MAX_RATIO = 2.0


def _run(items, pdf: Path) -> float:
    start = time.perf_counter()
    result = print_labels(items, LABEL_76x130, pdf)
    elapsed = time.perf_counter() - start
    assert result.ok and result.pages_printed == len(items)
    return elapsed * 1000 / len(items)


def test_500_labels_to_one_pdf(tmp_path, qapp, monkeypatch):
    items = many_labels(COUNT)
    process = psutil.Process()
    _run(items[:20], tmp_path / "warmup.pdf")  # fonts, caches, Qt plugins
    rss_before = process.memory_info().rss

    with monkeypatch.context() as patch:
        patch.setattr(label_module, "draw_code128", lambda canvas, area, data: None)
        patch.setattr(label_module, "draw_qr", lambda canvas, area, data: None)
        baseline = _run(items, tmp_path / "baseline.pdf")
    full = _run(items, tmp_path / "labels.pdf")
    baseline_again = None
    with monkeypatch.context() as patch:
        patch.setattr(label_module, "draw_code128", lambda canvas, area, data: None)
        patch.setattr(label_module, "draw_qr", lambda canvas, area, data: None)
        baseline_again = _run(items, tmp_path / "baseline2.pdf")
    base = min(baseline, baseline_again)

    rss_after = process.memory_info().rss
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = subprocess.run(["pdfinfo", str(tmp_path / "labels.pdf")], capture_output=True, text=True).stdout
    size_kb = (tmp_path / "labels.pdf").stat().st_size / 1024
    ratio = full / base
    print(
        f"\n{COUNT} labels 76x130 → one PDF ({size_kb:.0f} KB, "
        f"{[ln for ln in pages.splitlines() if ln.startswith('Pages')][0]})\n"
        f"  full labels      : {full:6.2f} ms/label\n"
        f"  text-only baseline: {base:6.2f} ms/label (runs: {baseline:.2f}, {baseline_again:.2f})\n"
        f"  ratio            : {ratio:.2f}× (target ≤ {MAX_RATIO}×)\n"
        f"  peak RSS (ru_maxrss): {peak_mb:.0f} MB; RSS growth during the runs: "
        f"{(rss_after - rss_before) / 2**20:.1f} MB"
    )
    assert full <= MAX_MS_PER_LABEL, f"{full:.2f} ms per label > {MAX_MS_PER_LABEL}"
    assert ratio <= MAX_RATIO, f"{ratio:.2f}× the text-only baseline > {MAX_RATIO}×"


if __name__ == "__main__":
    raise SystemExit(pytest.main([__file__, "-s", "-q"]))
