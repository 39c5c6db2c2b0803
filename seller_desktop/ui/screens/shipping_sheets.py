"""The 发货 screen's A4 sheets: the pick list (拣货单) and the packing slips (发货单) of the
ticked orders, saved as a PDF a page at a time (the window stays live and the seller can stop),
or, when the seller prints everything through the component (打印设置), sent to its A4 printer
as printType 2 pages. A mixin of ``ShippingScreen``; texts keep the screen's translation context.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...labels import PrintError
from ...labels.printcomp import PrintComponentClient
from ...workflows.shipping_component import print_sheet
from ..files import ask_pdf_path
from ..messages import error as error_text
from ..messages import message


class ShippingSheets:
    # provided by ShippingScreen
    prefs: Any
    progress: Any
    stop_button: Any
    status: Any
    workflow: Any
    file_written: Any
    _stop: bool
    _checked: Any
    _run: Any
    component: Any

    def _sheet(self, pick: bool) -> None:
        ids = self._checked()
        if not ids:
            return
        if self.prefs.everything_component:
            self._run(self._component_sheet(ids, pick))
            return
        title = QCoreApplication.translate("ShippingScreen", "保存拣货单") if pick else QCoreApplication.translate("ShippingScreen", "保存发货单")
        path = ask_pdf_path(self, title, "picklist" if pick else "slips", self.prefs.pdf_dir)
        if path:
            self.prefs.pdf_dir = str(Path(path).parent)
            self.print_sheet(ids, path, pick)

    def print_sheet(self, ids: list[str], path: str, pick: bool) -> asyncio.Task:
        """The pick list or the packing slips of ``ids`` to ``path``, a page at a time (the
        window stays live and the seller can stop it)."""
        return self._run(self._print_sheet(ids, path, pick))

    def _start_progress(self) -> None:
        self._stop = False
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    async def _component_sheet(self, ids: list[str], pick: bool) -> None:
        """The sheet on the component's A4 printer (打印设置), a page per request."""
        from .shipping import ShippingScreen  # its context, with Qt's plural forms

        self._start_progress()
        self.status.setText(QCoreApplication.translate("ShippingScreen", "正在通过打印组件打印…"))
        host, port = self.component
        async with PrintComponentClient(host, port) as client:
            result = await print_sheet(self.workflow, ids, pick, self.prefs.a4_printer, client,
                                       self._progress, lambda: self._stop)
        if result.error:
            self.status.setText(message(result.error) + "\n" + ShippingScreen.tr(
                "已打印 %n 页，其余未打印。", "", result.pages_printed))
        elif result.cancelled:
            self.status.setText(ShippingScreen.tr("已停止：已打印 %n 页。", "", result.pages_printed))
        else:
            self.status.setText(ShippingScreen.tr("已通过打印组件打印 %n 页（%1）", "",
                                                  result.pages_printed).replace(
                "%1", self.prefs.a4_printer))

    async def _print_sheet(self, ids: list[str], path: str, pick: bool) -> None:
        self._start_progress()
        self.status.setText(QCoreApplication.translate("ShippingScreen", "正在生成…"))
        printing = self.workflow.print_pick_list if pick else self.workflow.print_slips
        try:
            result = await printing(ids, path, self._progress, lambda: self._stop)
        except PrintError as exc:
            self.status.setText(error_text(exc))
            return
        if result.cancelled:
            self.status.setText(QCoreApplication.translate("ShippingScreen", "已停止，没有生成文件"))
        elif result.error:
            self.status.setText(message(result.error))
        else:
            from .shipping import ShippingScreen  # its context, with Qt's plural forms

            self.status.setText(ShippingScreen.tr("已生成 %n 页：%1", "", result.pages_printed)
                                .replace("%1", path))
            self.file_written.show_file(path)
