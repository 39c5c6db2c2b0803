"""帮助 → 关于 → 更新记录: the release notes open in their own window, newest entry first; a
missing file is said plainly, the About dialog still works."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from seller_desktop import __version__
from seller_desktop.ui.dialogs import about as about_module
from seller_desktop.ui.dialogs.about import AboutDialog


def test_the_notes_open_from_about_with_the_current_version(tmp_path, qtbot):
    about = AboutDialog(tmp_path, tmp_path / "seller-desktop.log")
    qtbot.addWidget(about)
    assert about.version.text() == __version__
    about.notes_button.click()
    assert about.notes is not None and about.notes.isVisible()
    text = about.notes.findChild(QTextBrowser).toPlainText()
    assert text.index(__version__) < text.index("Before")  # newest entry first
    assert "打印设置" in text


def test_missing_notes_are_said_plainly(tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(about_module, "read_changelog", lambda: "")
    about = AboutDialog(tmp_path, tmp_path / "seller-desktop.log")
    qtbot.addWidget(about)
    about.notes_button.click()
    assert "找不到更新记录" in about.notes.findChild(QTextBrowser).toPlainText()
