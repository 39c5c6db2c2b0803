"""Qt's own dialogs speak the seller's language: the standard buttons of a message box, the
file dialog (Qt's widget dialog, as on a desktop without a native one) and the print dialog."""

from __future__ import annotations

import re

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox, QWidget

from seller_desktop.ui import i18n

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def language(qapp):
    def use(name: str) -> None:
        assert i18n.install_language(qapp, name)

    yield use
    i18n.install_language(qapp, "zh_CN")


def _box() -> QMessageBox:
    return QMessageBox(QMessageBox.Icon.Question, "", "",
                       QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
                       | QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)


def _file_dialog(qtbot) -> QFileDialog:
    dialog = QFileDialog(None, "", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    return dialog


def _words(dialog: QWidget) -> list[str]:
    """The visible labels and buttons (the file filter and paths are not UI words)."""
    return [w.text() for w in dialog.findChildren(QWidget)
            if isinstance(w, (QLabel, QAbstractButton)) and w.text()]


def test_chinese_standard_buttons_and_file_dialog(language, qtbot):
    language("zh_CN")
    box = _box()
    texts = {box.standardButton(b): b.text() for b in box.buttons()}
    assert texts[QMessageBox.StandardButton.Ok] == "确定"
    assert texts[QMessageBox.StandardButton.Cancel] == "取消"
    assert texts[QMessageBox.StandardButton.Yes].startswith("是")
    assert texts[QMessageBox.StandardButton.No].startswith("否")
    words = _words(_file_dialog(qtbot))
    assert len(words) >= 4, words
    assert [w for w in words if not CJK.search(w)] == []


def test_english_standard_buttons_and_file_dialog(language, qtbot):
    language("en")
    box = _box()
    texts = {box.standardButton(b): b.text().replace("&", "") for b in box.buttons()}
    assert texts[QMessageBox.StandardButton.Ok] == "OK"
    assert texts[QMessageBox.StandardButton.Cancel] == "Cancel"
    assert texts[QMessageBox.StandardButton.Yes] == "Yes"
    words = _words(_file_dialog(qtbot))
    assert [w for w in words if CJK.search(w)] == []
    assert "Cancel" in words


def test_print_dialog_follows_the_language(language, qtbot):
    for name, check in (("zh_CN", lambda t: CJK.search(t)), ("en", lambda t: WORD.search(t))):
        language(name)
        printer = QPrinter()  # the dialog does not own it: it must outlive the dialog
        dialog = QPrintDialog(printer)
        qtbot.addWidget(dialog)
        labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()
                  and w.buddy() is not None]  # field names (not the printer's own name)
        assert labels and all(check(t) for t in labels), (name, labels)
