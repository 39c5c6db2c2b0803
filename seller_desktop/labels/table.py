"""Tables on A4 sheets: row heights measured in mm, pagination, and painting a page's rows.

Rows are measured once on a 1200-dpi reference device so pagination is known before a job
starts (progress shows real page counts); on the actual device every cell is fitted into the
measured box, so a slightly different font rasteriser shrinks text rather than overflowing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from .canvas import MM_PER_INCH, Canvas, MmRect, ensure_gui_app

CELL_PAD_MM = 1.2
HEADER_FILL = QColor(228, 228, 228)
MEASURE_DPI = 1200


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    bold: bool = False
    max_lines: int = 3


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    size_pt: float = 9.0

    @property
    def width_mm(self) -> float:
        return sum(c.width_mm for c in self.columns)


@contextmanager
def measuring_canvas() -> Iterator[Canvas]:
    """A Canvas on a tiny 1200-dpi image, for measuring text before printing."""
    ensure_gui_app()
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    dots_per_metre = round(MEASURE_DPI / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        yield Canvas(painter)
    finally:
        painter.end()


def line_height_mm(canvas: Canvas, size_pt: float, bold: bool = False) -> float:
    _, metrics = canvas.font(size_pt, bold)
    return metrics.lineSpacing() * MM_PER_INCH / canvas.dpi_y


def row_heights(table: Table) -> tuple[float, list[float]]:
    """(header height, [row heights]) in mm."""
    with measuring_canvas() as canvas:

        def height(cells: Sequence[str], header: bool) -> float:
            lines = 1
            for column, text in zip(table.columns, cells, strict=True):
                bold = header or column.bold
                width_px = canvas.px_x(column.width_mm - 2 * CELL_PAD_MM)
                wrapped, _ = canvas.layout_text(text, width_px, table.size_pt, bold, column.max_lines)
                lines = max(lines, len(wrapped))
            return lines * line_height_mm(canvas, table.size_pt, True) + 2 * CELL_PAD_MM + 0.4

        header = height([c.title for c in table.columns], True)
        return header, [height(row, False) for row in table.rows]


def paginate(heights: Sequence[float], header_h: float, first_room: float, room: float) -> list[list[int]]:
    """Split rows into pages: ``first_room`` mm on page one, ``room`` on the others (each page
    repeats the header). A page always takes at least one row."""
    pages: list[list[int]] = [[]]
    left = first_room - header_h
    for index, h in enumerate(heights):
        if pages[-1] and h > left:
            pages.append([])
            left = room - header_h
        pages[-1].append(index)
        left -= h
    return pages


def paint_table(
    canvas: Canvas, x: float, y: float, table: Table, header_h: float,
    indices: Sequence[int], heights: Sequence[float],
) -> float:
    """Paint the header and rows ``indices`` from (x, y) mm; returns the y below the table."""
    width = table.width_mm

    def cells(texts: Sequence[str], top: float, h: float, header: bool) -> None:
        left = x
        for column, text in zip(table.columns, texts, strict=True):
            box = MmRect(left, top, column.width_mm, h).inset(CELL_PAD_MM)
            canvas.text(
                box, text, table.size_pt, bold=header or column.bold, min_pt=table.size_pt * 0.75,
                max_lines=column.max_lines, align=Qt.AlignmentFlag.AlignHCenter if header else column.align,
            )
            left += column.width_mm

    canvas.fill(MmRect(x, y, width, header_h), HEADER_FILL)
    cells([c.title for c in table.columns], y, header_h, True)
    bottom = y + header_h
    for index in indices:
        cells(table.rows[index], bottom, heights[index], False)
        bottom += heights[index]
    grid = 0.2
    canvas.hline(x, x + width, y, grid)
    canvas.hline(x, x + width, y + header_h, grid)
    row_y = y + header_h
    for index in indices:
        row_y += heights[index]
        canvas.hline(x, x + width, row_y, grid)
    col_x = x
    canvas.vline(col_x, y, bottom, grid)
    for column in table.columns:
        col_x += column.width_mm
        canvas.vline(col_x, y, bottom, grid)
    return bottom
