"""发货 → 打印设置…: how the shipping screen talks to WeChat's print component, kept in the
settings file (nothing secret): the component's address (恢复默认 = ws://127.0.0.1:12705), the
label's custom area (an https template and its text: order id and items, never the buyer),
"print everything through the component" (pick lists and slips as printType 2 pages) and the
component's A4 printer for them. Every field is checked before anything is written; a settings
file that cannot be written says so and keeps the dialog open (nothing is called saved).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...labels.custom_area import CustomArea, problem
from ...labels.printcomp import DEFAULT_URL, parse_component_url
from ..messages import message
from ..models.shipping import ShippingPrefs
from ..widgets.plain_text import PlainLabel


class PrintSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, prefs: ShippingPrefs, component_printers: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(self.tr("打印设置"))
        self.setMinimumWidth(560)
        self.component_url = QLineEdit(prefs.component_url)
        self.component_url.setPlaceholderText(DEFAULT_URL)
        self.default_url = QPushButton(self.tr("恢复默认"))
        self.default_url.clicked.connect(self.component_url.clear)
        self.template_url = QLineEdit(prefs.custom_area_url)
        self.template_url.setPlaceholderText(self.tr("https://…（自定义区模板，不填则不打印自定义区）"))
        self.clear_area = QPushButton(self.tr("清除"))
        self.clear_area.clicked.connect(self._clear_area)
        self.area_text = QPlainTextEdit(prefs.custom_area_text)
        self.area_text.setPlaceholderText(self.tr("例如：\n订单 {订单号}\n{商品}（共 {件数} 件）"))
        self.area_text.setFixedHeight(110)
        hint = PlainLabel(self.tr("可用：{订单号} {商品} {件数} {店铺}。最多 5 行、每行 21 个汉字"
                              "（面单自定义区约 65×30 毫米）。不能放买家的姓名、电话或地址。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        self.everything = QCheckBox(self.tr("全部通过打印组件打印（拣货单、发货单也交给打印组件）"))
        self.everything.setChecked(bool(prefs.everything_component))
        self.a4_printer = QComboBox()
        self.a4_printer.setEditable(True)
        self.a4_printer.addItems(list(component_printers))
        self.a4_printer.setEditText(prefs.a4_printer)
        self.a4_printer.lineEdit().setPlaceholderText(self.tr("打印组件中的 A4 打印机名称"))
        self.everything.toggled.connect(self.a4_printer.setEnabled)
        self.a4_printer.setEnabled(self.everything.isChecked())
        self.problem = PlainLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")

        for changed in (self.component_url.textChanged, self.template_url.textChanged,
                        self.area_text.textChanged, self.everything.toggled,
                        self.a4_printer.editTextChanged):
            changed.connect(self.problem.clear)  # the reason went with the field's old value
        form = QFormLayout()
        form.addRow(self.tr("打印组件地址"), self._row(self.component_url, self.default_url))
        form.addRow(self.tr("自定义区模板"), self._row(self.template_url, self.clear_area))
        form.addRow(self.tr("自定义区内容"), self.area_text)
        form.addRow("", hint)
        form.addRow("", self.everything)
        form.addRow(self.tr("A4 打印机"), self.a4_printer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    @staticmethod
    def _row(field: QWidget, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        layout.addWidget(button)
        return row

    def _clear_area(self) -> None:
        self.template_url.clear()
        self.area_text.clear()

    def area(self) -> CustomArea:
        return CustomArea(self.template_url.text().strip(), self.area_text.toPlainText().strip())

    def check(self) -> str:
        """What is wrong with the fields, in the seller's language; "" = they can be saved."""
        try:
            parse_component_url(self.component_url.text())
        except ValueError as exc:
            return message(str(exc))
        why = problem(self.area())
        if why:
            return message(why)
        if self.everything.isChecked() and not self.a4_printer.currentText().strip():
            return self.tr("请填写打印拣货单、发货单用的 A4 打印机（打印组件中的名称）")
        return ""

    def save(self) -> bool:
        why = self.check()
        if not why:
            area = self.area()
            self.prefs.component_url = self.component_url.text().strip()
            self.prefs.custom_area_url = area.template_url
            self.prefs.custom_area_text = area.text
            self.prefs.everything_component = self.everything.isChecked()
            self.prefs.a4_printer = self.a4_printer.currentText().strip()
            if not self.prefs.save():
                why = self.tr("打印设置没有保存：设置文件无法写入（磁盘可能已满或没有写入权限），"
                              "请处理后再点保存。")
        self.problem.setText(why)
        if why:
            return False
        self.saved.emit()
        self.accept()
        return True
