"""打印到: where labels go: an OS printer (the remembered label printer first), a PDF file, or the
WeChat print component (by its printer name). ``resolve()`` runs in a slot (it may open a
save-as dialog) and returns the chosen ``PrintTarget``, or None with ``problem`` set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ...labels import available_printers, choose_label_printer
from ..files import ask_pdf_path
from ..models.shipping import TARGET_COMPONENT, TARGET_PDF, ShippingPrefs


@dataclass(frozen=True)
class PrintTarget:
    os_target: str | None = None  # a printer name or a .pdf path (QPrinter)
    component_printer: str | None = None  # a printer of the WeChat print component


class PrintTargetPicker(QWidget):
    def __init__(self, prefs: ShippingPrefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.problem = ""
        self.target = QComboBox()
        self.pdf_path = QLineEdit()
        # Empty: each print asks, suggesting a new dated name (never overwriting the last PDF).
        self.pdf_path.setPlaceholderText(self.tr("PDF 文件（打印时选择保存位置）"))
        self.pdf_path.setMinimumWidth(260)
        self.browse = QPushButton(self.tr("浏览…"))
        self.browse.clicked.connect(self._browse)
        self.component_printer = QComboBox()
        self.component_printer.setEditable(True)
        self.component_printer.setMinimumWidth(160)
        self.target.currentIndexChanged.connect(self._changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.target, self.pdf_path, self.browse, self.component_printer):
            layout.addWidget(widget)
        self.component_printer.setEditText(prefs.component_printer)
        self.refresh()

    def refresh(self) -> None:
        """The OS printers, PDF, and the print component; the remembered one selected."""
        self.target.blockSignals(True)
        self.target.clear()
        for printer in available_printers():
            self.target.addItem(self.tr("打印机：%1").replace("%1", printer.name), printer.name)
        self.target.addItem(self.tr("PDF 文件"), TARGET_PDF)
        self.target.addItem(self.tr("微信小店打印组件"), TARGET_COMPONENT)
        wanted = self.prefs.target or choose_label_printer(self.prefs.printer) or TARGET_PDF
        self.target.setCurrentIndex(max(self.target.findData(wanted), 0))
        self.target.blockSignals(False)
        self._changed()

    def choose(self, kind: str) -> None:
        self.target.setCurrentIndex(max(self.target.findData(kind), 0))

    def _changed(self) -> None:
        kind = self.target.currentData()
        self.pdf_path.setVisible(kind == TARGET_PDF)
        self.browse.setVisible(kind == TARGET_PDF)
        self.component_printer.setVisible(kind == TARGET_COMPONENT)
        if kind:
            self.prefs.target = kind

    def _browse(self) -> None:
        path = ask_pdf_path(self, self.tr("保存面单 PDF"), "labels", self.prefs.pdf_dir)
        if path:
            self.pdf_path.setText(path)

    def pdf(self) -> str | None:
        """The PDF path (asked for when empty); None if the seller cancelled."""
        path = self.pdf_path.text().strip()
        if not path:
            path = ask_pdf_path(self, self.tr("保存面单 PDF"), "labels", self.prefs.pdf_dir)
            if not path:
                return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.prefs.pdf_dir = str(Path(path).parent)
        return path

    def resolve(self) -> PrintTarget | None:
        self.problem = ""
        kind = self.target.currentData()
        if kind == TARGET_COMPONENT:
            printer = self.component_printer.currentText().strip()
            if not printer:
                self.problem = self.tr("请填写打印组件中的打印机名称")
                return None
            self.prefs.component_printer = printer
            return PrintTarget(component_printer=printer)
        if kind == TARGET_PDF:
            path = self.pdf()
            return None if path is None else PrintTarget(os_target=path)
        self.prefs.printer = str(kind)
        return PrintTarget(os_target=str(kind))
