"""True-size label preview: the label rendered by labels/ at the screen's physical DPI, so 76 mm
on paper is 76 mm on the monitor (Qt's physical DPI is per logical pixel; the image is rendered
at that × the device pixel ratio and tagged with the ratio, so HiDPI screens stay sharp). When
the recipient is masked (as the API gives it) a note says why the label prints it so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from ...labels import LabelData, PageSpec, render_label_image
from ..widgets.plain_text import PlainLabel

FALLBACK_DPI = 96.0


def physical_dpi(widget: QWidget) -> tuple[float, float]:
    """(logical dots per inch of the physical screen, device pixel ratio) for ``widget``."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return FALLBACK_DPI, 1.0
    dpi = screen.physicalDotsPerInch()
    return (dpi if dpi > 1 else FALLBACK_DPI), screen.devicePixelRatio() or 1.0


class LabelPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = PlainLabel()
        self.caption.setWordWrap(True)
        self.image = PlainLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("background: #e9e9e9;")
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.masked_note = PlainLabel(self.tr(
            "收件人姓名和电话按微信小店接口返回的样子打印（已打码，保护买家隐私）；"
            "完整地址已在取号时交给快递公司，派件不受影响。"))
        self.masked_note.setWordWrap(True)
        self.masked_note.setStyleSheet("color: #616161;")
        self.masked_note.hide()
        layout.addWidget(self.caption)
        layout.addWidget(self.masked_note)
        layout.addWidget(scroll, 1)
        self.dpi = 0.0
        self.shown: LabelData | None = None
        self.clear(self.tr("选择一个已取号的订单，这里按实际尺寸预览面单"))

    def clear(self, text: str) -> None:
        self.shown = None
        self.image.setPixmap(QPixmap())
        self.image.setText(text)
        self.caption.setText("")
        self.masked_note.hide()

    def show_label(self, item: LabelData, spec: PageSpec) -> None:
        dpi, ratio = physical_dpi(self)
        self.dpi = dpi
        self.shown = item
        image = render_label_image(item, spec, dpi * ratio)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.image.setText("")
        self.image.setPixmap(pixmap)
        address = item.order.address
        self.masked_note.setVisible(address is not None and "*" in (
            address.user_name + address.tel_number))
        self.caption.setText(self.tr("%1 × %2 mm，实际尺寸（屏幕 %3 dpi）")
                             .replace("%1", f"{spec.width_mm:g}")
                             .replace("%2", f"{spec.height_mm:g}")
                             .replace("%3", f"{dpi:.0f}"))
