"""帮助 → 关于: the app's version, where its data and log file are (with buttons to open their
folder), and the Qt / PySide6 / Python it runs on: what a seller reads out when asking for help.
更新记录 shows the release notes (CHANGELOG.md, carried in the bundle) in a window of their own.
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...changelog import read_changelog
from ..files import open_path
from ..widgets import SHOP_DATA
from ..widgets.plain_text import PlainLabel


def _path_label(path: Path) -> QLabel:
    label = PlainLabel(str(path))
    label.setProperty(SHOP_DATA, True)  # the machine's folder names, as they are
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.log_file = data_dir, log_file
        self.setWindowTitle(self.tr("关于小店桌面"))
        heading = PlainLabel(self.tr("小店桌面"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        blurb = PlainLabel(self.tr("微信小店商家的桌面工作台：商品、订单、礼物和电子面单，断网也能用。"))
        blurb.setWordWrap(True)
        self.version = PlainLabel(__version__)
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.runtime = PlainLabel(f"Qt {qVersion()} · PySide6 {PySide6.__version__} · "
                                  f"Python {platform.python_version()}")
        self.runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_data = QPushButton(self.tr("打开文件夹"))
        self.open_data.clicked.connect(lambda: open_path(self.data_dir))
        self.open_log = QPushButton(self.tr("打开所在文件夹"))
        self.open_log.clicked.connect(lambda: open_path(self.log_file.parent))
        self.notes_button = QPushButton(self.tr("更新记录"))
        self.notes_button.clicked.connect(self.show_notes)
        self.notes: QDialog | None = None
        form = QFormLayout()
        form.addRow(self.tr("版本"), self._with_button(self.version, self.notes_button))
        form.addRow(self.tr("数据文件夹"), self._with_button(_path_label(data_dir), self.open_data))
        form.addRow(self.tr("日志文件"), self._with_button(_path_label(log_file), self.open_log))
        form.addRow(self.tr("运行环境"), self.runtime)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def show_notes(self) -> QDialog:
        """The release notes, newest first; says so when the file is missing."""
        self.notes = QDialog(self)
        self.notes.setWindowTitle(self.tr("更新记录"))
        view = QTextBrowser()
        view.setOpenExternalLinks(True)
        text = read_changelog()
        if text:
            view.setMarkdown(text)
        else:
            view.setPlainText(self.tr("找不到更新记录（CHANGELOG.md），安装可能不完整。"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.notes.reject)
        layout = QVBoxLayout(self.notes)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.notes.resize(680, 520)
        self.notes.open()
        return self.notes

    @staticmethod
    def _with_button(label: QLabel, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row
