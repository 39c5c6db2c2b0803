"""Printing: pages → one job on a PDF file or an OS printer, with progress and cancel.

``print_labels`` / ``print_pick_list`` / ``print_packing_slips`` build the pages and run one
``PrintJob`` (see ``job``). The ``*_async`` variants run the same job on the caller's event
loop (qasync in the app), yielding between pages so the UI stays live and a cancel button
works. Printer discovery and the choice of the remembered label printer live here too.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtPrintSupport import QPrinterInfo

from seller_desktop.domain import Order, Waybill

from .canvas import ensure_gui_app
from .content import LabelData
from .job import (
    PrintError,
    PrintJob,
    PrintResult,
    check_accepting,
    check_target,
    is_pdf_target,
)
from .render import Page, label_pages
from .sheets import packing_slip_pages, pick_list_pages
from .specs import PageSpec

ProgressFn = Callable[[int, int], None]  # (pages done, pages total)
CancelFn = Callable[[], bool]  # True = stop now

__all__ = [
    "CancelFn", "PrintError", "PrintResult", "PrinterInfo", "ProgressFn", "available_printers",
    "check_accepting", "check_target",
    "choose_label_printer", "default_printer_name", "is_pdf_target", "print_labels",
    "print_labels_async", "print_packing_slips", "print_pages", "print_pages_async",
    "print_pick_list",
]


@dataclass(frozen=True)
class PrinterInfo:
    name: str
    description: str
    is_default: bool
    supports_custom_sizes: bool


def available_printers() -> list[PrinterInfo]:
    """The OS printers Qt sees (CUPS on Linux/macOS, the spooler on Windows)."""
    ensure_gui_app()
    return [
        PrinterInfo(
            name=info.printerName(),
            description=info.description() or info.makeAndModel(),
            is_default=info.isDefault(),
            supports_custom_sizes=info.supportsCustomPageSizes(),
        )
        for info in QPrinterInfo.availablePrinters()
    ]


def default_printer_name() -> str:
    ensure_gui_app()
    return QPrinterInfo.defaultPrinterName()


def print_pages(
    pages: Sequence[Page], target: str | os.PathLike[str], *,
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
    doc_name: str = "seller-desktop",
) -> PrintResult:
    """Print ``pages`` as one job to a PDF file or an OS printer (see ``is_pdf_target``)."""
    job = PrintJob(pages, target, doc_name)
    if cancel is not None and cancel():
        return job.cancel()
    job.open()
    while not job.finished:
        if cancel is not None and cancel():
            return job.cancel()
        job.paint_next()
        if progress is not None:
            progress(job.done, job.total)
    if cancel is not None and cancel():
        return job.cancel()
    return job.finish()


async def print_pages_async(
    pages: Sequence[Page], target: str | os.PathLike[str], *,
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
    doc_name: str = "seller-desktop",
) -> PrintResult:
    """``print_pages`` on the running loop (the Qt thread under qasync), yielding per page.

    Cancelling the awaiting task cancels the job too (nothing printed, no PDF left).
    """
    job = PrintJob(pages, target, doc_name)
    if cancel is not None and cancel():
        return job.cancel()
    job.open()
    try:
        while not job.finished:
            await asyncio.sleep(0)
            if cancel is not None and cancel():
                return job.cancel()
            job.paint_next()
            if progress is not None:
                progress(job.done, job.total)
        await asyncio.sleep(0)
        if cancel is not None and cancel():
            return job.cancel()
    except asyncio.CancelledError:
        job.cancel()
        raise
    return job.finish()


def _pages(build: Callable[[], list[Page]]) -> list[Page]:
    try:
        return build()
    except ValueError as exc:
        raise PrintError(str(exc)) from exc


def print_labels(
    items: Iterable[LabelData],
    spec: PageSpec,
    target: str | os.PathLike[str],
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> PrintResult:
    """Print one shipping label per item, in pick order, as one job of ``spec``-sized pages."""
    pages = _pages(lambda: label_pages(items, spec))
    return print_pages(pages, target, progress=progress, cancel=cancel, doc_name="seller-desktop-labels")


async def print_labels_async(
    items: Iterable[LabelData], spec: PageSpec, target: str | os.PathLike[str],
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> PrintResult:
    """``print_labels`` without blocking the event loop (for the UI's print button)."""
    pages = _pages(lambda: label_pages(items, spec))
    return await print_pages_async(pages, target, progress=progress, cancel=cancel,
                                   doc_name="seller-desktop-labels")


def print_pick_list(
    orders: Sequence[Order], shop_name: str, target: str | os.PathLike[str], *,
    printed_at: int = 0, progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> PrintResult:
    """The A4 pick list (拣货单) of ``orders`` as one job."""
    pages = _pages(lambda: pick_list_pages(orders, shop_name, printed_at))
    return print_pages(pages, target, progress=progress, cancel=cancel, doc_name="seller-desktop-picklist")


def print_packing_slips(
    orders: Sequence[Order], shop_name: str, target: str | os.PathLike[str], *,
    printed_at: int = 0, waybills: Mapping[str, Waybill] | None = None,
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> PrintResult:
    """A4 packing slips (发货单), one or more pages per order, in pick order, as one job."""
    pages = _pages(lambda: packing_slip_pages(orders, shop_name, printed_at, waybills))
    return print_pages(pages, target, progress=progress, cancel=cancel, doc_name="seller-desktop-slips")


async def print_pick_list_async(
    orders: Sequence[Order], shop_name: str, target: str | os.PathLike[str], *,
    printed_at: int = 0, progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> PrintResult:
    """``print_pick_list`` without blocking the event loop (a page at a time)."""
    pages = _pages(lambda: pick_list_pages(orders, shop_name, printed_at))
    return await print_pages_async(pages, target, progress=progress, cancel=cancel,
                                   doc_name="seller-desktop-picklist")


async def print_packing_slips_async(
    orders: Sequence[Order], shop_name: str, target: str | os.PathLike[str], *,
    printed_at: int = 0, waybills: Mapping[str, Waybill] | None = None,
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> PrintResult:
    """``print_packing_slips`` without blocking the event loop (a page at a time)."""
    pages = _pages(lambda: packing_slip_pages(orders, shop_name, printed_at, waybills))
    return await print_pages_async(pages, target, progress=progress, cancel=cancel,
                                   doc_name="seller-desktop-slips")


def choose_label_printer(remembered: str | None) -> str | None:
    """The remembered label printer if the OS still has it, else the default printer, else None."""
    names = [p.name for p in available_printers()]
    if remembered and remembered in names:
        return remembered
    default = default_printer_name()
    return default if default in names else None
