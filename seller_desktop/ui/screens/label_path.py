"""Which path e-waybill labels take, and the short line on the shipping screen that says why.

With a real shop, labels default to WeChat's print component when it answers (``getAppInfo``):
only it renders the carrier's template from the API's opaque ``print_info``. Our own renderer
stays for the demo and sandbox shops, for a seller who picked a printer or PDF by hand, and
when no component answers (it exists for Windows and macOS only: ``platform_seam``). Pick
lists, packing slips and self-arranged shipping always use our renderer; printing everything
through the component (打印设置) sends what we draw there as pages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ...labels.printcomp import PrintComponentClient, PrintComponentError
from ...platform_seam import traits
from ..models.shipping import TARGET_COMPONENT, TARGET_PDF, ShippingPrefs
from ..widgets.plain_text import PlainLabel, plain_tip
from .shipping_target import PrintTargetPicker


class LabelPath(PlainLabel):
    def __init__(self, picker: PrintTargetPicker, prefs: ShippingPrefs, real_shop: bool,
                 component: tuple[str, int], parent: QWidget | None = None,
                 platform: str | None = None) -> None:
        super().__init__(parent)
        self.picker, self.prefs, self.real_shop = picker, prefs, real_shop
        self.component = component
        self.has_component = traits(platform).print_component
        self.version = ""  # the component's, once it answered
        self.probed = False
        self.setWordWrap(True)
        self.setStyleSheet("color: #455a64;")
        picker.target.activated.connect(self._chosen_by_hand)
        picker.target.currentIndexChanged.connect(lambda _i: self.describe())
        self.describe()

    def _chosen_by_hand(self, _index: int) -> None:
        self.prefs.target_chosen = True

    async def probe(self) -> None:
        """Ask the component (off the UI thread: the event loop); choose it for a real shop
        unless the seller chose another target by hand."""
        host, port = self.component
        try:
            async with PrintComponentClient(host, port, timeout=3.0,
                                            connect_timeout=1.0) as client:
                info = await client.get_app_info()
                printers = await client.get_printer_list()
        except (PrintComponentError, OSError):
            self.version = ""
        else:
            self.version = str(info.get("version") or "?")
            combo = self.picker.component_printer
            if combo.count() == 0:  # the name is what a print request takes
                for printer in printers:
                    combo.addItem(printer.name)
                    combo.setItemData(combo.count() - 1, plain_tip(printer.display_name),
                                      Qt.ItemDataRole.ToolTipRole)
            if not combo.currentText().strip() and printers:
                combo.setEditText(printers[0].name)
            if self.real_shop and not self.prefs.target_chosen:
                self.picker.choose(TARGET_COMPONENT)
        self.probed = True
        self.describe()

    def describe(self) -> str:
        kind = self.picker.target.currentData()
        version = f" {self.version}" if self.version else ""
        if kind == TARGET_COMPONENT and not self.real_shop and self.prefs.everything_component:
            text = self.tr("面单由本软件绘制，作为图片经微信小店打印组件%1打印（打印设置：全部通过"
                           "打印组件）：演示或沙盒店铺没有快递公司的模板。").replace("%1", version)
        elif kind == TARGET_COMPONENT:
            text = self.tr("面单走微信小店打印组件%1：快递公司的面单模板只有它能按取号返回的"
                           "打印数据渲染。").replace("%1", version)
        elif not self.real_shop:
            text = self.tr("面单由本软件绘制：演示或沙盒店铺没有快递公司的模板。")
        elif self.version:
            what = self.tr("PDF 文件") if kind == TARGET_PDF else str(kind)
            text = self.tr("面单由本软件绘制（你选择了 %1）。打印组件 %2 可用，"
                           "快递公司要求其模板时请在“打印到”中选它。").replace(
                "%1", what).replace("%2", self.version)
        elif not self.probed:
            text = self.tr("正在检测微信小店打印组件…")
        elif self.has_component:
            text = self.tr("面单由本软件绘制：未检测到微信小店打印组件。快递公司要求其模板时，"
                           "请安装并打开打印组件。")
        else:
            text = self.tr("面单由本软件绘制：微信小店打印组件只有 Windows 和 macOS 版。")
        self.setText(text)
        return text
