"""Text from the shop or the server is shown as written, never as markup: a shop nickname, a
product title or an errmsg reading ``<img src=…>`` / ``<a href=…>`` appears with its angle
brackets in the connect dialog, the listings, tooltips and message boxes (and no label in the
UI is created as a rich-text-guessing QLabel)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QApplication, QLabel

from seller_desktop.credentials import SecretStore
from seller_desktop.ui.dialogs.connect_dialog import ConnectDialog
from seller_desktop.ui.models.roles import TOOLTIP
from seller_desktop.ui.settings import Settings
from seller_desktop.ui.widgets.plain_text import plain_tip

from .conftest import open_window, sync

UI = Path(__file__).resolve().parents[2] / "seller_desktop" / "ui"
IMG = '<img src="file:///etc/hostname" width=400>店'
LINK = '<a href="https://evil.example/">点这里领取补贴</a>'


def test_no_ui_module_makes_a_rich_text_guessing_label() -> None:
    found = [f"{path.relative_to(UI)}:{n}" for path in sorted(UI.rglob("*.py"))
             if path.name != "plain_text.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"(?<![\w.])QLabel\(", line)]
    assert found == [], "use widgets.plain_text.PlainLabel: " + ", ".join(found)


def test_a_tooltip_that_looks_like_markup_shows_its_characters() -> None:
    assert plain_tip("普通标题 a<b") == "普通标题 a<b"  # not taken for markup: unchanged
    tip = plain_tip(IMG)
    assert Qt.mightBeRichText(IMG) and "<img" not in tip and "&lt;img" in tip
    assert plain_tip(None) is None


def rendered_as_markup(widget) -> list[str]:
    """The labels under ``widget`` whose text Qt would render as rich text."""
    return [label.text()[:60] for label in widget.findChildren(QLabel)
            if label.textFormat() != Qt.TextFormat.PlainText
            and (label.textFormat() == Qt.TextFormat.RichText
                 or Qt.mightBeRichText(label.text()))]


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_a_hostile_shop_nickname_is_shown_as_text(data_dir, qtbot, sandbox):
    cfg = sandbox.shop.config
    with sandbox.shop.lock:
        sandbox.shop.info["nickname"] = IMG + LINK
    QApplication.instance().setQuitOnLastWindowClosed(False)
    dialog = ConnectDialog(Settings(data_dir), SecretStore(), timeout=5.0)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.appid.setText(cfg.appid)
    dialog.secret.setText(cfg.secret)
    dialog.advanced.setChecked(True)
    dialog.api_base.setText(sandbox.url)
    await dialog.test()
    assert IMG + LINK in dialog.result.text()
    assert dialog.result.textFormat() == Qt.TextFormat.PlainText
    assert rendered_as_markup(dialog) == []


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_hostile_titles_in_the_window_are_text_in_labels_and_tooltips(tmp_path, sandbox):
    with sandbox.shop.lock:
        pid = sorted(sandbox.shop.products)[0]
        for key in ("product", "edit_product"):
            if sandbox.shop.products[pid].get(key):
                sandbox.shop.products[pid][key]["title"] = IMG + LINK
        sandbox.shop.dirty = True
    async with open_window(tmp_path / "d", sandbox) as window:
        await sync(window)
        screen = window.listings
        assert screen.select_product(str(pid))
        assert screen.sku_title.text() == IMG + LINK
        row = next(r for r in range(screen.model.rowCount())
                   if screen.model.data(screen.model.index(r, 0), TOOLTIP) is not None
                   and "evil.example" in str(screen.model.data(screen.model.index(r, 0),
                                                               TOOLTIP)))
        tip = screen.model.data(screen.model.index(row, 0), TOOLTIP)
        assert "&lt;img" in tip and "<img" not in tip and "<a " not in tip
        assert rendered_as_markup(window) == []
