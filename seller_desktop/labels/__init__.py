"""Shipping labels, pick lists and packing slips: layout in mm, Code128 + QR, printing.

Modules: ``specs`` (paper sizes), ``content`` (LabelData, pick order, SKU totals), ``canvas``
(mm drawing, CJK font, fitted text), ``symbols`` (Code128/QR bars in whole device pixels),
``label`` (label layout and painting), ``table`` + ``sheets`` (A4 pick list and packing
slips), ``render`` (pages, QImage preview), ``job`` (one QPrinter job, page by page) and
``cups`` (stopping a cancelled CUPS job), ``printing`` (the print functions, sync and async,
printer discovery), ``printcomp`` (the WeChat print component over WebSocket).
"""

from .content import LabelData, pick_order, pick_rows, pick_sort_key
from .printing import (
    PrinterInfo,
    PrintError,
    PrintResult,
    available_printers,
    check_accepting,
    check_target,
    choose_label_printer,
    default_printer_name,
    is_pdf_target,
    print_labels,
    print_labels_async,
    print_packing_slips,
    print_packing_slips_async,
    print_pages,
    print_pages_async,
    print_pick_list,
    print_pick_list_async,
)
from .render import Page, label_pages, render_label_image, render_page_image
from .sheets import packing_slip_pages, pick_list_pages
from .specs import A4, DEFAULT_LABEL_SPEC, LABEL_SPECS, PageSpec, parse_spec

__all__ = [
    "A4", "DEFAULT_LABEL_SPEC", "LABEL_SPECS", "LabelData", "Page", "PageSpec", "PrintError",
    "PrintResult", "PrinterInfo", "available_printers", "check_accepting", "check_target", "choose_label_printer",
    "default_printer_name", "is_pdf_target", "label_pages", "packing_slip_pages", "pick_list_pages", "pick_order",
    "pick_rows", "pick_sort_key", "parse_spec", "print_labels", "print_labels_async",
    "print_packing_slips", "print_packing_slips_async", "print_pages", "print_pages_async",
    "print_pick_list", "print_pick_list_async",
    "render_label_image", "render_page_image",
]
