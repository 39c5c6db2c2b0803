"""Helpers for the shipping-run tests: sandbox controls, orders to ship, PDF and barcode checks."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from sandbox_support import control, sandbox_state  # noqa: F401 (used by the tests)

from seller_desktop.api.client import RetryPolicy

TOOLS = ("pdfinfo", "pdftoppm", "pdftotext", "zbarimg")
FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.005, max_delay=0.02, offline_after=2,
                         offline_cooldown=0.05)
EWB = "/channels/ec/logistics/ewaybill/biz/"
MM_PER_PT = 25.4 / 72




def new_orders(url: str, n: int) -> list[str]:
    """``n`` paid orders (待发货) with an address, created on the sandbox."""
    return [control(url, "/sandbox/order/create", {"status": 20})["order_id"] for _ in range(n)]


def log_ops(shop: Any, op: str) -> list[dict[str, Any]]:
    return [e for e in shop.log if e["op"] == op]


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)],
                         check=True, capture_output=True, text=True).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return [(round(float(w) * MM_PER_PT), round(float(h) * MM_PER_PT)) for w, h in sizes]


def code128_per_page(pdf: Path, dpi: int = 203) -> list[list[str]]:
    """Rasterise every page at ``dpi`` and decode the Code128 symbols on each."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(prefix)],
                   check=True, capture_output=True)
    pages = sorted(pdf.parent.glob(prefix.name + "-*.pgm"),
                   key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    decoded = []
    for page in pages:
        proc = subprocess.run(["zbarimg", "-q", "--raw", "--nodbus", "-Sdisable",
                               "-Scode128.enable", str(page)], capture_output=True, text=True)
        assert proc.returncode in (0, 4), proc.stderr
        decoded.append([line for line in proc.stdout.splitlines() if line])
    return decoded


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
