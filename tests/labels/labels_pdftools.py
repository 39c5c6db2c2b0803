"""poppler/zbar helpers: PDF page sizes, rasterising, barcode decoding, text extraction."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

MM_PER_PT = 25.4 / 72


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)],
                         check=True, capture_output=True, text=True).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return [(float(w) * MM_PER_PT, float(h) * MM_PER_PT) for w, h in sizes]


def rasterize(pdf: Path, dpi: int = 203) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(prefix)],
                   check=True, capture_output=True)
    return sorted(pdf.parent.glob(prefix.name + "-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def decode(image: Path, symbology: str) -> list[str]:
    """Every ``symbology`` ("code128" or "qrcode") symbol zbar finds on the image."""
    proc = subprocess.run(
        ["zbarimg", "-q", "--raw", "--nodbus", "-Sdisable", f"-S{symbology}.enable", str(image)],
        capture_output=True, text=True,
    )
    if proc.returncode not in (0, 4):  # 4 = no symbol found
        raise RuntimeError(f"zbarimg failed ({proc.returncode}): {proc.stderr}")
    return [line for line in proc.stdout.splitlines() if line]


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", out)


def pages_text(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")[:-1]
