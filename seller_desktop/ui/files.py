"""Files the seller saves: where a save dialog starts (the folder used last, else Documents),
the name it suggests (what and when: ``面单-2026-12-04-1530.pdf``, ``labels-…`` in English), and,
once a PDF is written, a bar offering to open it or its folder.

Opening goes through ``open_url`` (QDesktopServices), which tests replace to see what would
have been opened without launching a viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from ..domain import timeutil
from .widgets import SHOP_DATA
from .widgets.plain_text import PlainLabel, plain_tip

CTX = "Files"
KINDS = {
    "labels": QT_TRANSLATE_NOOP("Files", "面单"),
    "picklist": QT_TRANSLATE_NOOP("Files", "拣货单"),
    "slips": QT_TRANSLATE_NOOP("Files", "发货单"),
}

open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl


def start_folder(remembered: str, usual: QStandardPaths.StandardLocation
                 = QStandardPaths.StandardLocation.DocumentsLocation) -> Path:
    """The folder used last if it still exists, else the usual one (Documents), else home."""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    folder = QStandardPaths.writableLocation(usual)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


# Folders used this session by dialogs with no setting of their own (the editor's images).
last_folders: dict[str, str] = {}


def suggested_name(kind: str, at: int | None = None) -> str:
    """``<what>-<yyyy-mm-dd-HHMM>.pdf`` in the UI language, Shanghai time."""
    stamp = timeutil.to_local(timeutil.now() if at is None else at).strftime("%Y-%m-%d-%H%M")
    return f"{QCoreApplication.translate(CTX, KINDS[kind])}-{stamp}.pdf"


def ask_pdf_path(parent: QWidget, title: str, kind: str, remembered: str) -> str | None:
    """A save dialog for a PDF (suggested folder and name); the path with ``.pdf``, or None."""
    suggestion = start_folder(remembered) / suggested_name(kind)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggestion),
                                          QCoreApplication.translate("Files", "PDF 文件 (*.pdf)"))
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


def open_path(path: Path) -> bool:
    return open_url(QUrl.fromLocalFile(str(path)))


class FileWritten(QWidget):
    """"已保存 面单-….pdf [打开] [打开所在文件夹]": hidden until ``show_file``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.label = PlainLabel()
        self.name = PlainLabel()
        self.name.setProperty(SHOP_DATA, True)  # the seller's own file name
        self.open_file = QPushButton(self.tr("打开"))
        self.open_folder = QPushButton(self.tr("打开所在文件夹"))
        self.open_file.clicked.connect(lambda: self.path and open_path(self.path))
        self.open_folder.clicked.connect(lambda: self.path and open_path(self.path.parent))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.name, self.open_file, self.open_folder):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.label.setText(self.tr("已保存："))
        self.hide()

    def show_file(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name.setText(self.path.name)
        self.name.setToolTip(plain_tip(str(self.path)))
        self.show()
