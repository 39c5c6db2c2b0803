"""Code128 and QR symbols drawn as crisp rectangles in whole device pixels.

The modules come from the libraries (python-barcode for Code128, segno for QR); the bars are
ours: every module is a whole number of device pixels, so a thermal printer prints each bar on
whole dots and a PDF rasterises without blur. On high-resolution devices (PDF, 600/1200 dpi
printers) the module width is also a whole number of 203-dpi thermal dots, so the same PDF
prints cleanly on the usual label printer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import barcode
import segno
from PySide6.QtCore import QRect

from .canvas import BLACK, MM_PER_INCH, WHITE, Canvas, MmRect

MIN_MODULE_MM = 0.25
MAX_MODULE_MM = 0.5
CODE128_QUIET_MODULES = 10  # ISO/IEC 15417: at least 10 X on each side
QR_QUIET_MODULES = 4
THERMAL_DPI = 203.0
# segno scores all 8 QR masks in pure Python (about 3 ms a symbol, the largest single cost of a
# label); a fixed mask is a valid symbol and decodes as well for these short ASCII payloads
# (tested on many waybill numbers), at a fifth of the cost.
QR_MASK = 2


class SymbolDoesNotFit(ValueError):
    """The data needs more room than the label has at the minimum module size."""


@lru_cache(maxsize=4096)
def code128_modules(data: str) -> str:
    """The '1'/'0' module string (bars and spaces) of ``data``, start/check/stop included."""
    if not data:
        raise ValueError("运单号为空，无法生成条码")
    return barcode.get("code128", data).build()[0]


@lru_cache(maxsize=4096)
def qr_matrix(data: str) -> tuple[bytes, ...]:
    """The QR matrix (rows of 0/1, no quiet zone) of ``data``; always full QR, never Micro QR."""
    qr = segno.make_qr(data, error="m", mask=QR_MASK)
    return tuple(bytes(row) for row in qr.matrix)


@dataclass(frozen=True)
class BarcodeGeometry:
    """Where the bars go, in device pixels."""

    module_px: int
    left_px: int  # first bar (quiet zone is to its left)
    top_px: int
    height_px: int
    modules: str

    @property
    def width_px(self) -> int:
        return self.module_px * len(self.modules)


def _module_candidates(dpi: float) -> list[int]:
    """Module widths in device pixels, widest first, each ≥ MIN_MODULE_MM and ≤ MAX_MODULE_MM."""
    min_px = math.ceil(MIN_MODULE_MM * dpi / MM_PER_INCH - 0.01)
    max_px = max(min_px, math.floor(MAX_MODULE_MM * dpi / MM_PER_INCH + 0.01))
    if dpi <= 400:
        return list(range(max_px, min_px - 1, -1))
    dot = dpi / THERMAL_DPI
    seen: list[int] = []
    for dots in range(int(MAX_MODULE_MM / (MM_PER_INCH / THERMAL_DPI)) + 1, 0, -1):
        px = round(dots * dot)
        if min_px <= px <= max_px and px not in seen:
            seen.append(px)
    return seen or [min_px]


def code128_geometry(canvas: Canvas, area: MmRect, data: str) -> BarcodeGeometry:
    """The widest whole-pixel module for which the symbol and its quiet zones fit ``area``."""
    modules = code128_modules(data)
    total = len(modules) + 2 * CODE128_QUIET_MODULES
    room = canvas.qrect(area)
    avail = math.floor(room.width())
    for module_px in _module_candidates(canvas.dpi_x):
        if module_px * total <= avail:
            width = module_px * len(modules)
            left = math.floor(room.left() + (room.width() - width) / 2)
            top = math.ceil(room.top())
            height = math.floor(room.bottom()) - top
            return BarcodeGeometry(module_px, left, top, height, modules)
    raise SymbolDoesNotFit(f"运单号 {data} 太长，{area.w:.0f} mm 宽的位置放不下条码")


def draw_code128(canvas: Canvas, area: MmRect, data: str) -> BarcodeGeometry:
    """Paint the Code128 symbol of ``data`` centred in ``area`` (white quiet zones included)."""
    geo = code128_geometry(canvas, area, data)
    painter = canvas.painter
    quiet = CODE128_QUIET_MODULES * geo.module_px
    painter.fillRect(
        QRect(geo.left_px - quiet, geo.top_px, geo.width_px + 2 * quiet, geo.height_px), WHITE
    )
    modules = geo.modules
    start = None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit != "1" and start is not None:
            painter.fillRect(
                QRect(geo.left_px + start * geo.module_px, geo.top_px,
                      (index - start) * geo.module_px, geo.height_px),
                BLACK,
            )
            start = None
    return geo


def draw_qr(canvas: Canvas, area: MmRect, data: str) -> int:
    """Paint the QR code of ``data`` as large as fits the square in ``area``; returns module px.

    Dark runs of a row become one rectangle, and identical runs on consecutive rows merge into
    one taller rectangle, so few seams are left for a rasteriser to show.
    """
    matrix = qr_matrix(data)
    size = len(matrix)
    room = canvas.qrect(area)
    side = math.floor(min(room.width(), room.height()))
    module_px = side // (size + 2 * QR_QUIET_MODULES)
    if module_px < 1:
        raise SymbolDoesNotFit(f"二维码放不下（{area.w:.0f}×{area.h:.0f} mm）")
    quiet = QR_QUIET_MODULES * module_px
    full = size * module_px + 2 * quiet
    left = math.floor(room.left() + (room.width() - full) / 2) + quiet
    top = math.floor(room.top() + (room.height() - full) / 2) + quiet
    painter = canvas.painter
    painter.fillRect(QRect(left - quiet, top - quiet, full, full), WHITE)
    open_runs: dict[tuple[int, int], int] = {}  # (start col, end col) -> first row
    for row in range(size + 1):
        runs: set[tuple[int, int]] = set()
        if row < size:
            line = matrix[row]
            col = 0
            while col < size:
                if line[col]:
                    end = col
                    while end < size and line[end]:
                        end += 1
                    runs.add((col, end))
                    col = end
                else:
                    col += 1
        for run in [r for r in open_runs if r not in runs]:
            first = open_runs.pop(run)
            painter.fillRect(
                QRect(left + run[0] * module_px, top + first * module_px,
                      (run[1] - run[0]) * module_px, (row - first) * module_px),
                BLACK,
            )
        for run in runs:
            open_runs.setdefault(run, row)
    return module_px
