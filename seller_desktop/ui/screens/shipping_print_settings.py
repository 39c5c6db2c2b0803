"""The 发货 screen's 打印设置: the dialog (``dialogs/print_settings``), the print component's
address it saves (the one the window was given when none is saved), what a label sends through
the component (the API's print_info with the custom area; or, printing everything through the
component for a demo or sandbox shop, the labels we draw as printType 2 pages), and a summary
of these settings for 诊断信息. A mixin of ``ShippingScreen``; texts keep its context.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from ...labels.custom_area import CustomArea
from ...labels.printcomp import DEFAULT_URL, PrintComponentClient, parse_component_url
from ...workflows.shipping_component import print_own_labels
from ..dialogs.print_settings import PrintSettingsDialog


class ShippingPrintSettings:
    # provided by ShippingScreen
    prefs: Any
    picker: Any
    label_path: Any
    probing: Any
    default_component: tuple[str, int]
    real_shop: bool
    workflow: Any
    spec: Any
    _stop: bool
    print_settings_dialog: PrintSettingsDialog | None = None

    @property
    def component(self) -> tuple[str, int]:
        """The print component's (host, port): the saved address, else the window's."""
        try:
            return (parse_component_url(self.prefs.component_url) if self.prefs.component_url
                    else self.default_component)
        except ValueError:  # an address edited by hand in settings.ini: the default serves
            return self.default_component

    @component.setter
    def component(self, value: tuple[str, int]) -> None:
        """The window's address (tests: an emulated component); a saved one still wins."""
        self.default_component = value
        self.label_path.component = self.component

    def custom_area(self) -> CustomArea:
        return CustomArea(self.prefs.custom_area_url, self.prefs.custom_area_text)

    def draws_own_labels(self) -> bool:
        """Everything through the component, and no carrier template to render (a demo or
        sandbox shop): our drawn labels go as pages."""
        return bool(self.prefs.everything_component) and not self.real_shop

    async def print_through_component(self, ids: list[str], printer: str,
                                      reprint_reason: str | None, progress: Any) -> Any:
        host, port = self.component
        spec = self.spec()
        async with PrintComponentClient(host, port) as client:
            if self.draws_own_labels():
                return await print_own_labels(self.workflow, ids, spec, printer, client,
                                              reprint_reason=reprint_reason, progress=progress,
                                              cancel=lambda: self._stop)
            return await self.workflow.print_with_component(
                ids, printer, client, reprint=reprint_reason is not None,
                reason=reprint_reason or "", custom_area=self.custom_area(),
                size_mm=(spec.width_mm, spec.height_mm))

    def open_print_settings(self) -> PrintSettingsDialog:
        combo = self.picker.component_printer
        printers = [combo.itemText(i) for i in range(combo.count())]
        dialog = PrintSettingsDialog(self.prefs, printers, self)  # type: ignore[arg-type]
        dialog.saved.connect(self._print_settings_saved)
        self.print_settings_dialog = dialog
        dialog.open()
        return dialog

    def _print_settings_saved(self) -> None:
        """A new component address is asked again at once (the path line says what answered)."""
        self.label_path.describe()
        if self.label_path.component != self.component:
            self.label_path.component = self.component
            self.probing = asyncio.ensure_future(self.label_path.probe())

    def print_settings_summary(self) -> list[tuple[str, str, str, str]]:
        """For 诊断信息 (report key, label, shown, report value): no template query string (it
        may carry a key), only its host."""
        p = self.prefs
        host, port = self.component
        template = (urlsplit(p.custom_area_url).hostname or "") if p.custom_area_url else ""
        url = f"ws://[{host}]:{port}" if ":" in host else f"ws://{host}:{port}"
        shown_url = report_url = url
        if url == DEFAULT_URL:
            shown_url += QCoreApplication.translate("ShippingScreen", "（默认）")
            report_url += " (default)"
        area = QCoreApplication.translate("ShippingScreen", "未设置")
        area_report = "not set"
        if template:
            lines = str(len(p.custom_area_text.splitlines()))
            area = QCoreApplication.translate("ShippingScreen", "模板 %1，%2 行")
            area = area.replace("%1", template).replace("%2", lines)
            area_report = f"template {template}, {lines} lines"
        everything = QCoreApplication.translate("ShippingScreen", "否")
        everything_report = "no"
        if p.everything_component:
            printer = p.a4_printer or "?"
            everything = QCoreApplication.translate("ShippingScreen", "是，A4 打印机：%1")
            everything = everything.replace("%1", printer)
            everything_report = f"yes, A4 printer: {printer}"
        return [
            ("component_url", QCoreApplication.translate("ShippingScreen", "打印组件地址"),
             shown_url, report_url),
            ("custom_area", QCoreApplication.translate("ShippingScreen", "面单自定义区"),
             area, area_report),
            ("everything_component",
             QCoreApplication.translate("ShippingScreen", "全部通过打印组件"),
             everything, everything_report),
        ]
