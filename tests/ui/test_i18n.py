"""Both languages are complete: the English .ts has no unfinished entries, and with English
loaded no widget of the main views shows Chinese except the shop's own data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from seller_desktop.ui import i18n
from seller_desktop.ui.models import aftersale as case_cols
from seller_desktop.ui.models import buyer_requests as request_cols
from seller_desktop.ui.models import gifts as gift_cols
from seller_desktop.ui.models import orders as order_cols
from seller_desktop.ui.models import products as product_cols
from seller_desktop.ui.models import shipping as shipping_cols
from seller_desktop.ui.widgets import SHOP_DATA

from .conftest import open_window, sync

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Cells that are UI words (statuses, badges, deadlines, channels), not the shop's data.
UI_COLUMNS = {
    product_cols.ProductsModel: (product_cols.COL_PRICE, product_cols.COL_STATUS,
                                 product_cols.COL_REVIEW, product_cols.COL_SYNC),
    order_cols.OrdersModel: (order_cols.COL_AMOUNT, order_cols.COL_STATUS,
                             order_cols.COL_SHIP_BY, order_cols.COL_CREATED),
    gift_cols.GiftsModel: (gift_cols.COL_CHANNEL, gift_cols.COL_TIME, gift_cols.COL_AMOUNT),
    shipping_cols.ShippingModel: (shipping_cols.STAGE_COLUMN, 4),  # stage or why not; count
    case_cols.CasesModel: (case_cols.COL_TYPE, case_cols.COL_STATUS, case_cols.COL_AMOUNT,
                           case_cols.COL_LEFT),
    request_cols.RequestsModel: (request_cols.COL_KIND, request_cols.COL_APPLIED,
                                 request_cols.COL_WAITED, request_cols.COL_STATE),
}


def test_english_translation_is_complete():
    ts = i18n.I18N_DIR / "seller_desktop_en.ts"
    root = ET.parse(ts).getroot()
    messages = root.findall(".//message")
    assert len(messages) > 100
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []
    assert not [m.findtext("source") for m in messages
                if CJK.search(m.findtext("translation") or "")]
    assert i18n.qm_path("en").stat().st_mtime >= ts.stat().st_mtime - 1


def test_every_string_in_the_code_is_in_the_translation(tmp_path):
    """lupdate over the code finds nothing the English .ts lacks (a string added to the code
    without ``bash scripts/i18n.sh`` would show in Chinese in the English UI)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    package = i18n.I18N_DIR.parents[1]
    sources = sorted(str(p) for p in (package / "ui").rglob("*.py")) + [str(package / "app.py")]
    ts = tmp_path / "seller_desktop_en.ts"
    shutil.copy(i18n.I18N_DIR / "seller_desktop_en.ts", ts)
    subprocess.run([str(lupdate), *sources, "-source-language", "zh_CN", "-target-language",
                    "en", "-no-obsolete", "-locations", "none", "-ts", str(ts)], check=True, capture_output=True)
    missing = [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
               if m.find("translation").get("type") == "unfinished"]
    assert missing == []


def _skipped(widget: QWidget, window) -> bool:
    """Shop data (titles, names, notes) is shown as the shop wrote it."""
    while widget is not None:
        if widget.property(SHOP_DATA):
            return True
        widget = widget.parentWidget()
    return False


def visible_ui_texts(window) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = [("title", window.windowTitle())]
    for action in window.menuBar().actions():
        texts.append(("menu", action.text()))
        texts += [("action", a.text()) for a in action.menu().actions()]
    for widget in window.findChildren(QWidget):
        if _skipped(widget, window):
            continue
        name = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((name, widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append((name, widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        if isinstance(widget, QTabBar):
            texts += [(name, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [(name, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [("header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(model.columnCount())]
            for cls, columns in UI_COLUMNS.items():
                if isinstance(model, cls):
                    texts += [(f"{cls.__name__}[{c}]", str(model.index(r, c).data() or ""))
                              for r in range(min(model.rowCount(), 30)) for c in columns]
    return texts


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_english_ui_shows_no_chinese_outside_shop_data(data_dir, sandbox, qapp):
    assert i18n.install_language(qapp, "en")
    try:
        async with open_window(data_dir, sandbox) as window:
            await sync(window)
            window.orders.set_tab(window.orders.tab)  # a row selected: the detail pane filled
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
            window.show_conflicts()
            texts = visible_ui_texts(window)
            # every 售后 tab, a case's detail pane and the requests queue
            aftersale = window.aftersale
            for tab in ("others", "closed", "seller", "requests"):
                aftersale.set_tab(tab)
                texts += visible_ui_texts(window)
            assert any(kind == "CasesModel[4]" and text for kind, text in texts)
            aftersale.set_tab("seller")
            action = next(n for n, b in aftersale.detail.buttons.items() if b.isEnabled())
            dialog = aftersale.answer(action, aftersale.detail.case_id)
            texts += visible_ui_texts(window) + [("dialog", dialog.windowTitle())]
            assert ("QTabBar", "Listings") in texts
            stages = {text for kind, text in texts if kind == "ShippingModel[1]"}
            assert "No waybill yet" in stages, stages
            chinese = [(kind, text) for kind, text in texts if CJK.search(text)]
            assert chinese == [], chinese
    finally:
        i18n.install_language(qapp, "zh_CN")


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_chinese_ui_is_the_default(data_dir, sandbox, qapp):
    async with open_window(data_dir, sandbox) as window:
        texts = visible_ui_texts(window)
        assert ("QTabBar", "商品") in texts and ("QTabBar", "订单") in texts
        assert window.status.sync_button.text() == "立即同步"


def test_the_store_rules_speak_english_too(qapp, data_dir):
    from seller_desktop.store.db import Store
    from seller_desktop.ui.actions import Actions
    from seller_desktop.ui.dialogs.product_editor import ProductEditor
    from seller_desktop.ui.events import Events

    from .factories import fill

    store = Store.open(data_dir)
    fill(store, products=2, orders=0)
    assert i18n.install_language(qapp, "en")
    try:
        actions = Actions(store, Events())
        editor = ProductEditor(actions, actions.load_product("900001"))
        editor.title.setText("短")
        assert editor.title_error.text() == "The title needs at least 5 characters (now 1)"
        editor.grid.item(0, 2).setText("0")
        assert "Row 1: The price must be more than ¥0" in editor.skus_error.text()
        editor.done(0)  # close() would ask before dropping the edits
    finally:
        i18n.install_language(qapp, "zh_CN")
        store.close()


def test_every_store_rule_message_has_an_english_translation(qapp):
    """Each message the domain's validation can produce reaches an English seller in English."""
    from dataclasses import replace as copy

    from seller_desktop.domain.product import Product, Sku, SkuAttr
    from seller_desktop.domain.validation import validate_product
    from seller_desktop.ui import labels

    sku = Sku(None, 0, -1, (SkuAttr("", ""),), market_price=0, sku_code="x" * 101)
    broken = [
        Product(None, "", (sku, sku), short_title="长" * 21),
        Product(None, "短", (), head_imgs=("a",) * 10),
        Product(None, "长" * 61, (copy(sku, sale_price=2_000_000_000, stock_num=20_000_000),),
                head_imgs=("a", "a", "a")),
        Product(None, "Only ASCII title", (copy(sku, attrs=(SkuAttr("k" * 41, "v"),)),)),
    ]
    messages = {i.message for p in broken for i in validate_product(p)}
    assert len(messages) >= 15
    assert i18n.install_language(qapp, "en")
    try:
        untranslated = sorted(m for m in messages if CJK.search(labels.issue(m)))
    finally:
        i18n.install_language(qapp, "zh_CN")
    assert untranslated == []


def test_every_aftersale_word_has_an_english_translation(qapp):
    """Each status, type, tab, actor and request kind of domain/aftersale.py reads in English."""
    from seller_desktop.domain import aftersale as rules
    from seller_desktop.ui import aftersale_labels as words

    assert i18n.install_language(qapp, "en")
    try:
        shown = ([words.status(s) for s in rules.STATUSES]
                 + [words.case_type(t) for t in rules.CaseType]
                 + [words.tab(t) for t in rules.TABS] + [words.actor(a) for a in rules.Actor]
                 + [words.request_kind(k) for k in rules.RequestKind]
                 + [words.badge(b) for b in ("售后", "改地址", "换款")]
                 + [words.message("售后单 123456 不存在，请先同步")])
    finally:
        i18n.install_language(qapp, "zh_CN")
    assert [w for w in shown if CJK.search(w)] == []
    assert words.status("NEW_STATUS_X") == "未知状态 NEW_STATUS_X"
