"""Drawing in millimetres on any QPaintDevice: mm → device pixels, CJK fonts, text that fits.

One ``Canvas`` wraps a QPainter on a QPrinter (PDF or OS printer) or a QImage (preview); all
layout code speaks millimetres and this module converts with the device's own DPI. Text is
fitted into its box (shrunk down to a minimum size, then wrapped and elided) and clipped, so it
can never spill into a barcode next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPen,
)

from seller_desktop.platform_seam import traits

MM_PER_INCH = 25.4
BLACK = QColor(0, 0, 0)
WHITE = QColor(255, 255, 255)
ELLIPSIS = "…"
# Chinese typesetting (避头): these never start a line; the char before them moves down too.
NO_LINE_START = frozenset("，。、；：？！）」』】》〉”’,.;:?!)…%")

# ASCII runs (order ids, phone numbers, SKU codes) wrap as a whole; anything else breaks per char.
_TOKENS = re.compile(r"[A-Za-z0-9_\-:.#*/@+()]+|\s+|.", re.S)

_app: QGuiApplication | None = None


def ensure_gui_app() -> None:
    """Fonts and painting need a QGuiApplication; the CLI and scripts may not have made one."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([])


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """The family used for all label text: WenQuanYi, else the OS's Chinese font (platform_seam),
    else any Chinese font."""
    ensure_gui_app()
    available = set(QFontDatabase.families())
    for family in traits().label_fonts:
        if family in available:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if chinese:
        return chinese[0]
    raise RuntimeError(f"系统中没有中文字体，{traits().font_hint}")


@dataclass(frozen=True)
class MmRect:
    """A rectangle in millimetres from the page's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, dx: float, dy: float | None = None) -> MmRect:
        dy = dx if dy is None else dy
        return MmRect(self.x + dx, self.y + dy, max(0.0, self.w - 2 * dx), max(0.0, self.h - 2 * dy))

    def intersects(self, other: MmRect) -> bool:
        eps = 1e-6
        return (
            self.x < other.right - eps
            and other.x < self.right - eps
            and self.y < other.bottom - eps
            and other.y < self.bottom - eps
        )

    def contains(self, other: MmRect) -> bool:
        eps = 1e-6
        return (
            other.x >= self.x - eps
            and other.y >= self.y - eps
            and other.right <= self.right + eps
            and other.bottom <= self.bottom + eps
        )


@dataclass(frozen=True)
class FittedText:
    """How a text was laid out: the size used and the lines drawn (the last may be elided)."""

    size_pt: float
    lines: tuple[str, ...]
    elided: bool


class Canvas:
    """Millimetre drawing helpers bound to one painter and the DPI of its device."""

    def __init__(self, painter: QPainter) -> None:
        ensure_gui_app()
        self.painter = painter
        device = painter.device()
        self.dpi_x = float(device.logicalDpiX())
        self.dpi_y = float(device.logicalDpiY())
        self.family = cjk_family()
        self._fonts: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}
        self._advances: dict[tuple[float, bool], dict[str, float]] = {}

    # --- units -----------------------------------------------------------------------------
    def px_x(self, mm: float) -> float:
        return mm * self.dpi_x / MM_PER_INCH

    def px_y(self, mm: float) -> float:
        return mm * self.dpi_y / MM_PER_INCH

    def mm_per_px_x(self) -> float:
        return MM_PER_INCH / self.dpi_x

    def qrect(self, r: MmRect) -> QRectF:
        return QRectF(self.px_x(r.x), self.px_y(r.y), self.px_x(r.w), self.px_y(r.h))

    # --- shapes ----------------------------------------------------------------------------
    def fill(self, r: MmRect, color: QColor = BLACK) -> None:
        self.painter.fillRect(self.qrect(r), color)

    def hline(self, x1: float, x2: float, y: float, width_mm: float = 0.3) -> None:
        self.fill(MmRect(x1, y - width_mm / 2, x2 - x1, width_mm))

    def vline(self, x: float, y1: float, y2: float, width_mm: float = 0.3) -> None:
        self.fill(MmRect(x - width_mm / 2, y1, width_mm, y2 - y1))

    def frame(self, r: MmRect, width_mm: float = 0.3) -> None:
        pen = QPen(BLACK)
        pen.setWidthF(self.px_x(width_mm))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.painter.save()
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(self.qrect(r.inset(width_mm / 2)))
        self.painter.restore()

    # --- text ------------------------------------------------------------------------------
    def font(self, size_pt: float, bold: bool = False) -> tuple[QFont, QFontMetricsF]:
        key = (round(size_pt * 4) / 4, bold)
        cached = self._fonts.get(key)
        if cached is None:
            font = QFont(self.family)
            font.setPointSizeF(key[0])
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            cached = (font, QFontMetricsF(font, self.painter.device()))
            self._fonts[key] = cached
            self._advances[key] = {}
        return cached

    def _advance(self, key: tuple[float, bool], metrics: QFontMetricsF, token: str) -> float:
        table = self._advances[key]
        width = table.get(token)
        if width is None:
            width = metrics.horizontalAdvance(token)
            table[token] = width
        return width

    def _wrap(self, para: str, width_px: float, key: tuple[float, bool], metrics: QFontMetricsF) -> list[str]:
        out: list[str] = []
        cur, cur_w = "", 0.0
        for token in _TOKENS.findall(para):
            if not cur and token.isspace():
                continue
            w = self._advance(key, metrics, token)
            if cur_w + w <= width_px:
                cur, cur_w = cur + token, cur_w + w
                continue
            if token in NO_LINE_START and len(cur) > 1 and not cur[-1].isspace():
                out.append(cur[:-1].rstrip())
                cur, cur_w = cur[-1] + token, self._advance(key, metrics, cur[-1]) + w
                continue
            if cur:
                out.append(cur.rstrip())
                cur, cur_w = "", 0.0
            if token.isspace():
                continue
            if w <= width_px:
                cur, cur_w = token, w
                continue
            for ch in token:  # a run wider than the whole line: break it anywhere
                cw = self._advance(key, metrics, ch)
                if cur and cur_w + cw > width_px:
                    out.append(cur)
                    cur, cur_w = "", 0.0
                cur, cur_w = cur + ch, cur_w + cw
        if cur.strip():
            out.append(cur.rstrip())
        return out

    def layout_text(
        self, text: str, width_px: float, size_pt: float, bold: bool, max_lines: int
    ) -> tuple[list[str], bool]:
        """Greedy wrap into at most ``max_lines``; returns (lines, whether text was cut)."""
        _, metrics = self.font(size_pt, bold)
        key = (round(size_pt * 4) / 4, bold)
        paragraphs = [" ".join(text.split())] if max_lines == 1 else text.split("\n")
        lines = [line for para in paragraphs for line in self._wrap(para, width_px, key, metrics)]
        if len(lines) <= max_lines:
            return lines, False
        keep = lines[: max_lines - 1]
        rest = " ".join(lines[max_lines - 1 :])
        shown = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width_px)
        if not shown.endswith(ELLIPSIS):
            shown = metrics.elidedText(shown + ELLIPSIS + ELLIPSIS, Qt.TextElideMode.ElideRight, width_px)
        return [*keep, shown], True

    def fit_text(
        self, r: MmRect, text: str, size_pt: float, *, bold: bool = False,
        min_pt: float | None = None, max_lines: int = 1,
    ) -> FittedText:
        """Choose the largest size in [min_pt, size_pt] at which ``text`` fits ``r``."""
        box = self.qrect(r)
        min_pt = size_pt * 0.7 if min_pt is None else min(min_pt, size_pt)
        size = size_pt
        while True:
            _, metrics = self.font(size, bold)
            lines_room = max(1, min(max_lines, int(box.height() // metrics.lineSpacing())))
            lines, cut = self.layout_text(text, box.width(), size, bold, lines_room)
            if not cut or size <= min_pt:
                return FittedText(size, tuple(lines), cut)
            size = max(min_pt, size - 0.5)

    def text(
        self, r: MmRect, text: str, size_pt: float, *, bold: bool = False,
        min_pt: float | None = None, max_lines: int = 1,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignVCenter,
        color: QColor = BLACK,
    ) -> FittedText:
        """Draw ``text`` fitted into ``r`` (shrunk, wrapped, elided) and clipped to it."""
        fitted = self.fit_text(r, text, size_pt, bold=bold, min_pt=min_pt, max_lines=max_lines)
        if not fitted.lines:
            return fitted
        font, metrics = self.font(fitted.size_pt, bold)
        box = self.qrect(r)
        block_h = metrics.lineSpacing() * (len(fitted.lines) - 1) + metrics.ascent() + metrics.descent()
        if valign == Qt.AlignmentFlag.AlignTop:
            top = box.top()
        elif valign == Qt.AlignmentFlag.AlignBottom:
            top = box.bottom() - block_h
        else:
            top = box.top() + (box.height() - block_h) / 2
        painter = self.painter
        painter.save()
        painter.setClipRect(box)
        painter.setFont(font)
        painter.setPen(color)
        for index, line in enumerate(fitted.lines):
            width = metrics.horizontalAdvance(line)
            if align == Qt.AlignmentFlag.AlignRight:
                x = box.right() - width
            elif align == Qt.AlignmentFlag.AlignHCenter:
                x = box.left() + (box.width() - width) / 2
            else:
                x = box.left()
            baseline = top + metrics.ascent() + index * metrics.lineSpacing()
            painter.drawText(QPointF(x, baseline), line)
        painter.restore()
        return fitted

    def text_width_mm(self, text: str, size_pt: float, bold: bool = False) -> float:
        _, metrics = self.font(size_pt, bold)
        return metrics.horizontalAdvance(text) * MM_PER_INCH / self.dpi_x
