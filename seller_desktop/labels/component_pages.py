"""Our own pages (pick lists, packing slips, labels we draw) as print-component tasks of
printType 2: each page painted by the one painting path (``render``), as a 1-bit PNG at the
printer's resolution, wrapped in base64 HTML that holds it at the page's size in millimetres.

A thermal label prints at 203 dpi, an A4 sheet at 300; 1-bit keeps bars crisp and a page
small (an A4 pick list is some tens of KB), so one page fits one request well under the
component's message limits. Painting and packing an A4 page takes ~50 ms, so the window's
callers use ``page_task_async`` (short steps on a worker thread, the font looked up first).
"""

from __future__ import annotations

import asyncio
import base64
import time

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage

from .canvas import cjk_family
from .printcomp import PrintTask
from .render import Page, render_page_image

LABEL_DPI, SHEET_DPI = 203.0, 300.0


def prepare() -> None:
    """Look the label font up (and make the QGuiApplication) on the calling thread, so pages
    can then be painted on a worker thread (QImage painting is thread-safe)."""
    cjk_family()


def _render(page: Page) -> QImage:
    return render_page_image(page, LABEL_DPI if page.spec.is_label else SHEET_DPI)


def _png(page: Page, image: QImage) -> bytes:
    image = image.convertToFormat(QImage.Format.Format_Mono,
                                  Qt.ImageConversionFlag.ThresholdDither)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError(f"无法生成第 {page.name} 页的图像")
    return bytes(buffer.data().data())


def page_png(page: Page) -> bytes:
    """``page`` rasterised (203 dpi for labels, 300 for A4) as a 1-bit PNG."""
    return _png(page, _render(page))


def page_html(png: bytes, width_mm: float, height_mm: float) -> str:
    """The page as HTML: its image at exactly the paper's size, no margins."""
    image = base64.b64encode(png).decode()
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{margin:0}'
            'html,body{margin:0;padding:0}</style></head><body>'
            f'<img style="display:block;width:{width_mm:g}mm;height:{height_mm:g}mm" '
            f'src="data:image/png;base64,{image}"></body></html>')


def _task(page: Page, png: bytes, number: int, total: int, name: str, stamp: int | None
          ) -> PrintTask:
    stamp = int(time.time() * 1000) if stamp is None else stamp
    html = page_html(png, page.spec.width_mm, page.spec.height_mm)
    return PrintTask(f"{name}-{number}-{stamp}", base64.b64encode(html.encode()).decode(),
                     number, total)


def page_task(page: Page, number: int, total: int, name: str, stamp: int | None = None
              ) -> PrintTask:
    """The printType 2 task for page ``number`` of ``total`` (``printNum`` says which)."""
    return _task(page, page_png(page), number, total, name, stamp)


async def page_task_async(page: Page, number: int, total: int, name: str,
                          stamp: int | None = None) -> PrintTask:
    """``page_task`` in steps of under 30 ms each (paint, pack, wrap; an A4 page at 300 dpi
    takes ~50 ms in all), each on a worker thread, so the window never waits on a page."""
    prepare()
    image = await asyncio.to_thread(_render, page)
    png = await asyncio.to_thread(_png, page, image)
    return await asyncio.to_thread(_task, page, png, number, total, name, stamp)
