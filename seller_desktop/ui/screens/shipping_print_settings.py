"""The 发货 screen's 打印设置: the dialog (``dialogs/print_settings``), the print component's
address it saves (the one the window was given when none is saved), the custom area sent with
each label, and a summary of these settings for 诊断信息. A mixin of ``ShippingScreen``; texts
keep the screen's translation context.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from ...labels.custom_area import CustomArea
from ...labels.printcomp import DEFAULT_URL, parse_component_url
from ..dialogs.print_settings import PrintSettingsDialog


class ShippingPrintSettings:
    # provided by ShippingScreen
    prefs: Any
    picker: Any
    label_path: Any
    probing: Any
    default_component: tuple[str, int]
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
        if self.label_path.component != self.component:
            self.label_path.component = self.component
            self.probing = asyncio.ensure_future(self.label_path.probe())

    def print_settings_summary(self) -> list[tuple[str, str]]:
        """For 诊断信息: no template query string (it may carry a key), only its host."""
        p = self.prefs
        host, port = self.component
        template = (urlsplit(p.custom_area_url).hostname or "") if p.custom_area_url else ""
        url = f"ws://[{host}]:{port}" if ":" in host else f"ws://{host}:{port}"
        if url == DEFAULT_URL:
            url += QCoreApplication.translate("ShippingScreen", "（默认）")
        area = QCoreApplication.translate("ShippingScreen", "未设置")
        if template:
            area = QCoreApplication.translate("ShippingScreen", "模板 %1，%2 行").replace(
                "%1", template).replace("%2", str(len(p.custom_area_text.splitlines())))
        everything = QCoreApplication.translate("ShippingScreen", "否")
        if p.everything_component:
            everything = QCoreApplication.translate("ShippingScreen", "是，A4 打印机：%1").replace(
                "%1", p.a4_printer or "?")
        return [(QCoreApplication.translate("ShippingScreen", "打印组件地址"), url),
                (QCoreApplication.translate("ShippingScreen", "面单自定义区"), area),
                (QCoreApplication.translate("ShippingScreen", "全部通过打印组件"), everything)]
