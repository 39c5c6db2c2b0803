"""One QPrinter job over a list of pages: open, paint page by page, finish or cancel.

A batch is ONE job: every page gets a QPageLayout of exactly its paper (ExactMatch page size,
full page, zero margins), so a label printer receives 76×130 mm pages, not A4. A PDF is written
to a temporary file beside the target and renamed at the end, so a cancelled or failed job
leaves no file. An OS printer job is aborted where the platform can (Windows); Qt's CUPS engine
cannot abort, so there the job is submitted on hold and cancelled (``cups``), never printed.
Stepping page by page lets the caller report progress, check for cancel, and (async) yield to
the event loop between pages.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from . import cups
from .canvas import Canvas, ensure_gui_app
from .render import Page, page_layout
from .specs import PageSpec

CANCELLED = "已取消打印"


class PrintError(RuntimeError):
    """A job could not be printed; ``str(error)`` is a Chinese message for the seller."""


@dataclass(frozen=True)
class PrintResult:
    target: str
    pages_total: int
    pages_printed: int
    cancelled: bool = False
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.cancelled and not self.error and self.pages_printed == self.pages_total


def is_pdf_target(target: str | os.PathLike[str]) -> bool:
    """A ``Path`` or a name ending in ``.pdf`` is a file; anything else is a printer name."""
    return isinstance(target, os.PathLike) or str(target).lower().endswith(".pdf")


def _check_pdf_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise PrintError(f"无法保存 PDF：文件夹“{path.parent}”不存在")
    if not os.access(path.parent, os.W_OK):
        raise PrintError(f"无法保存 PDF：没有写入“{path.parent}”的权限")


def _pdf_printer(path: Path) -> tuple[QPrinter, Path]:
    _check_pdf_folder(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(partial))
    return printer, partial


def _find_printer(name: str) -> QPrinterInfo:
    if not name:
        raise PrintError("没有选择打印机，请先在设置中选择面单打印机")
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        known = "、".join(p.printerName() for p in QPrinterInfo.availablePrinters()) or "无"
        raise PrintError(f"找不到打印机“{name}”，请检查打印机是否已连接并安装驱动（当前可用：{known}）")
    return info


def _os_printer(name: str) -> QPrinter:
    printer = QPrinter(_find_printer(name), QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    return printer


def check_target(target: str | os.PathLike[str]) -> None:
    """Raise ``PrintError`` unless ``target`` can take a job now: the PDF's folder exists and
    takes a file, or the printer exists and is not stopped (quick; on the Qt thread). Asked
    before anything irreversible (taking waybill numbers), so a bad target costs nothing; for a
    printer, ``check_accepting`` too (it may take a moment: run it off the UI thread)."""
    ensure_gui_app()
    if is_pdf_target(target):
        _probe_pdf(Path(target))
        return
    name = os.fspath(target)
    info = _find_printer(name)
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError(f"打印机“{name}”已停止或出错，请在系统的打印机设置中恢复后重试")


def check_accepting(printer_name: str) -> None:
    """Raise ``PrintError`` when the spooler refuses jobs for the printer (CUPS ``cupsreject``).
    No Qt: safe on a worker thread."""
    accepting = cups.accepting_jobs(printer_name)
    if accepting is not None and not accepting[0]:
        why = f"（{accepting[1]}）" if accepting[1] else ""
        raise PrintError(f"打印机“{printer_name}”不接受打印任务{why}，请在系统的打印机设置中启用后重试")


def _probe_pdf(path: Path) -> None:
    if path.is_dir():
        raise PrintError(f"无法保存 PDF：“{path}”是一个文件夹，请填写文件名")
    _check_pdf_folder(path)
    probe = path.with_name(f".{path.name}.{os.getpid()}.probe")
    try:  # the real test: a read-only file system or an ACL passes os.access
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(probe)
    except OSError as exc:
        raise PrintError(f"无法保存 PDF 到“{path.parent}”：{exc.strerror or exc}") from exc


class PrintJob:
    """Pages → one job on ``target`` (a PDF path or an OS printer name)."""

    def __init__(self, pages: Sequence[Page], target: str | os.PathLike[str], doc_name: str) -> None:
        if not pages:
            raise PrintError("没有可打印的内容")
        self.pages = list(pages)
        self.target = os.fspath(target)
        self.doc_name = doc_name
        self.done = 0
        self._partial: Path | None = None
        self._printer: QPrinter | None = None
        self._painter: QPainter | None = None
        self._canvas: Canvas | None = None
        self._spec: PageSpec | None = None

    @property
    def total(self) -> int:
        return len(self.pages)

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def open(self) -> None:
        """Find the printer (or PDF file), set the first paper, and begin painting."""
        ensure_gui_app()
        if is_pdf_target(self.target):
            printer, self._partial = _pdf_printer(Path(self.target))
        else:
            printer = _os_printer(self.target)
        printer.setDocName(self.doc_name)
        printer.setFullPage(True)
        self._printer = printer
        self._set_paper(self.pages[0].spec)
        painter = QPainter()
        if not painter.begin(printer):
            self._drop_partial()
            raise PrintError(f"无法开始打印到“{self.target}”：打印机不可用或无法写入")
        self._painter = painter
        self._canvas = Canvas(painter)

    def paint_next(self) -> None:
        """Paint the next page (a new sheet of the right paper first, except for page one)."""
        assert self._printer is not None and self._canvas is not None, "open() first"
        page = self.pages[self.done]
        try:
            if self.done:
                if page.spec != self._spec:
                    self._set_paper(page.spec)
                if not self._printer.newPage():
                    raise PrintError(f"打印到“{self.target}”时无法新建第 {self.done + 1} 页")
            page.paint(self._canvas)
        except PrintError:
            self.discard()
            raise
        except Exception as exc:
            self.discard()
            raise PrintError(f"打印第 {self.done + 1} 页（{page.name}）时出错：{exc}") from exc
        self.done += 1

    def finish(self) -> PrintResult:
        """End the job: the PDF appears at its path / the OS spooler receives the job."""
        assert self._painter is not None, "open() first"
        if not self._painter.end():
            self._drop_partial()
            raise PrintError(f"打印任务未能提交到“{self.target}”")
        if self._partial is not None:
            os.replace(self._partial, self.target)
        return PrintResult(self.target, self.total, self.done)

    def cancel(self) -> PrintResult:
        warning = self.discard() if self._painter is not None else ""
        return PrintResult(self.target, self.total, self.done, cancelled=True, error=CANCELLED + warning)

    def discard(self) -> str:
        """Stop the job so nothing prints; returns a warning when the platform cannot."""
        printer, painter = self._printer, self._painter
        self._painter = None
        if printer is None or painter is None or not painter.isActive():
            self._drop_partial()
            return ""
        if self._partial is not None:
            printer.abort()
            painter.end()
            self._drop_partial()
            return ""
        if printer.abort():
            painter.end()
            return ""
        if cups.is_cups_printer(printer):
            before = cups.queued_job_ids(self.target)
            cups.hold_job(printer)
            painter.end()
            if cups.cancel_jobs(cups.queued_job_ids(self.target) - before):
                return ""
            return "（任务已在打印队列中挂起，请在系统打印队列中删除）"
        painter.end()
        return "（打印机不支持中途取消，已生成的页面可能仍会打印）"

    def _set_paper(self, spec: PageSpec) -> None:
        assert self._printer is not None
        if not self._printer.setPageLayout(page_layout(spec)):
            raise PrintError(f"打印机“{self.target}”不接受 {spec.width_mm:g}×{spec.height_mm:g} mm 的纸张尺寸")
        self._spec = spec

    def _drop_partial(self) -> None:
        if self._partial is not None and self._partial.is_file():
            self._partial.unlink()
