"""Pages and the one painting path: a ``Page`` paints itself on a Canvas over any QPaintDevice.

Printing (QPrinter: PDF or an OS printer) and the on-screen preview (QImage at a chosen DPI)
both call ``Page.paint``; nothing is drawn differently for the screen. For a true-size preview
the UI renders at the screen's physical DPI (``QScreen.physicalDotsPerInch()``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter

from .canvas import MM_PER_INCH, WHITE, Canvas, ensure_gui_app
from .content import LabelData, pick_order
from .label import label_layout, paint_label
from .specs import PageSpec


@dataclass(frozen=True)
class Page:
    """One printed page: its paper, how to paint it, and a name for progress and errors."""

    spec: PageSpec
    paint: Callable[[Canvas], None]
    name: str


def label_pages(items: Iterable[LabelData], spec: PageSpec) -> list[Page]:
    """One page per label, in pick order (SKU code, then order id)."""
    layout = label_layout(spec)
    pages = []
    for item in pick_order(items):
        if not item.waybill.waybill_id:
            raise ValueError(f"订单 {item.order.order_id} 还没有运单号，不能打印面单")

        def paint(canvas: Canvas, item: LabelData = item) -> None:
            paint_label(canvas, item, spec, layout)

        pages.append(Page(spec, paint, item.waybill.waybill_id))
    return pages


def page_layout(spec: PageSpec) -> QPageLayout:
    """Exactly the paper of ``spec``, portrait, zero margins (the caller sets full page)."""
    size = QPageSize(
        QSizeF(spec.width_mm, spec.height_mm),
        QPageSize.Unit.Millimeter,
        f"{spec.width_mm:g}x{spec.height_mm:g}mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def render_page_image(page: Page, dpi: float) -> QImage:
    """``page`` rasterised at ``dpi`` (the image carries that DPI, so fonts scale with it)."""
    ensure_gui_app()
    width = round(page.spec.width_mm * dpi / MM_PER_INCH)
    height = round(page.spec.height_mm * dpi / MM_PER_INCH)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(WHITE)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        page.paint(Canvas(painter))
    finally:
        painter.end()
    return image


def render_label_image(item: LabelData, spec: PageSpec, dpi: float = 203.0) -> QImage:
    """A preview of one label at ``dpi`` (203 = what a thermal printer prints)."""
    return render_page_image(label_pages([item], spec)[0], dpi)
