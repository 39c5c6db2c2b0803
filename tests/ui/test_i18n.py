"""Both languages are complete: the English .ts has no unfinished entries, and with English
loaded no widget of the main views shows Chinese except the shop's own data."""

from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QStatusBar,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from seller_desktop.store import ui_queries as q
from seller_desktop.ui import i18n
from seller_desktop.ui.models import aftersale as case_cols
from seller_desktop.ui.models import buyer_requests as request_cols
from seller_desktop.ui.models import gifts as gift_cols
from seller_desktop.ui.models import orders as order_cols
from seller_desktop.ui.models import products as product_cols
from seller_desktop.ui.models import shipping as shipping_cols
from seller_desktop.ui.widgets import SHOP_DATA, SHOP_DATA_ROLE

from .conftest import open_window, sync, until

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# A language picker names each language in that language.
ENDONYMS = {"简体中文"}
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

    def texts(message: ET.Element) -> list[str]:
        """The translation, or each plural form of a ``%n`` message (all must be filled)."""
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        return [f.text or "" for f in forms] if forms else [translation.text or ""]

    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not all(t.strip() for t in texts(m))]
    assert unfinished == []
    assert not [m.findtext("source") for m in messages if CJK.search(" ".join(texts(m)))]
    plurals = [m for m in messages if m.get("numerus") == "yes"]
    assert len(plurals) >= 10 and all(len(texts(m)) == 2 for m in plurals)
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


def _skipped(widget: QWidget) -> bool:
    """Shop data (titles, names, notes) is shown as the shop wrote it."""
    while widget is not None:
        if widget.property(SHOP_DATA):
            return True
        widget = widget.parentWidget()
    return False


def _model_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    model = view.model()
    columns = model.columnCount()
    texts = [("header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
             for c in range(columns)]
    for cls, columns in UI_COLUMNS.items():
        if isinstance(model, cls):
            texts += [(f"{cls.__name__}[{c}]", str(model.index(r, c).data() or ""))
                      for r in range(min(model.rowCount(), 30)) for c in columns]
    return texts


def ui_texts(top: QWidget) -> list[tuple[str, str]]:
    """Every text ``top`` and its child widgets show or hold for later (hidden panes, other
    tabs' labels, tooltips, placeholders, headers, combo items, menus), except shop data."""
    texts: list[tuple[str, str]] = [("title", top.windowTitle())]
    for widget in [top, *top.findChildren(QWidget)]:
        if _skipped(widget):
            continue
        name = type(widget).__name__
        texts.append((f"{name}.toolTip", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((name, widget.text()))
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append((name, widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        if isinstance(widget, QTabBar):
            texts += [(name, widget.tabText(i)) for i in range(widget.count())]
            texts += [(name, widget.tabToolTip(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts.append((name, widget.placeholderText()))
            texts += [(name, widget.itemText(i)) for i in range(widget.count())
                      if not widget.itemData(i, SHOP_DATA_ROLE)]
        if isinstance(widget, QAbstractSpinBox):
            texts += [(name, widget.prefix()), (name, widget.suffix()),
                      (name, widget.specialValueText())]
        if isinstance(widget, QProgressBar):
            texts.append((name, widget.format()))
        if isinstance(widget, QStatusBar):
            texts.append((name, widget.currentMessage()))
        if isinstance(widget, (QMenuBar, QMenu)):
            texts += [(name, a.text()) for a in widget.actions()]
            texts += [(name, a.toolTip()) for a in widget.actions()]
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None \
                and not isinstance(widget.model(), QFileSystemModel):
            texts += _model_texts(widget)
    return [(kind, text) for kind, text in texts if text]


def chinese(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in texts if CJK.search(text)]


def visible_ui_texts(window) -> list[tuple[str, str]]:
    texts = ui_texts(window)
    for action in window.menuBar().actions():
        texts += [("action", a.text()) for a in action.menu().actions()]
    return texts


def top_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()]


async def close_dialogs() -> None:
    for dialog in top_dialogs():
        dialog.done(0)  # close() would ask before dropping an editor's edits
    await asyncio.sleep(0)


async def english_texts_everywhere(window, sandbox) -> list[tuple[str, str]]:
    """Open every screen and every dialog the seller can reach, through the window."""
    texts: list[tuple[str, str]] = []
    await sync(window)
    listings = window.listings
    window.tabs.setCurrentWidget(listings)
    listings.select_product(listings.model.keys()[0])
    texts += visible_ui_texts(window)
    editor = listings.open_editor(listings.model.keys()[0])
    texts += ui_texts(editor)
    editor.title.setText("短")  # an inline rule, in English
    texts += ui_texts(editor)
    editor.close()  # unsaved edits: it asks first
    texts += [t for box in top_dialogs() if isinstance(box, QMessageBox) for t in ui_texts(box)]
    await close_dialogs()
    for open_dialog in (listings._delete, listings._bulk_price, listings._bulk_stock):
        open_dialog()
        texts += [t for dialog in top_dialogs() for t in ui_texts(dialog)]
        await close_dialogs()

    window.tabs.setCurrentWidget(window.orders)
    for tab in (q.OrderTab.TO_SHIP, q.OrderTab.GIFT_PENDING, q.OrderTab.SHIPPED):
        window.orders.set_tab(tab)  # a row selected: the detail pane filled
        texts += ui_texts(window.orders)
    window.tabs.setCurrentWidget(window.gifts)
    texts += ui_texts(window.gifts)

    shipping = window.shipping
    window.tabs.setCurrentWidget(shipping)
    task = shipping.current_task
    if task is not None:
        await task  # the waybill accounts load when the screen is first shown
    assert shipping.account.count() > 0
    ready = [c.order_id for c in shipping.model.rows if c.can_ship][:1]
    shipping.model.set_checked(ready, True)
    shipping.take_numbers()
    await shipping.current_task
    assert shipping.select_order(ready[0]) and shipping.preview.shown is not None
    texts += ui_texts(shipping)
    box = shipping.cancel_current()
    texts += ui_texts(box)
    box.done(0)
    dialog = shipping.self_ship_current()
    texts += ui_texts(dialog)
    dialog.number.setText("x")
    dialog._accept_if_ready()  # a bad number: the message in English
    texts += ui_texts(dialog)
    dialog.reject()
    shipping.view.setCurrentIndex(1)  # printed recently
    texts += ui_texts(shipping)

    texts += ui_texts(window.show_conflicts())
    window.conflicts_dialog.close()
    texts += ui_texts(window.show_settings())
    await close_dialogs()
    texts += ui_texts(window.show_settings(first_run=True))
    await close_dialogs()
    texts += ui_texts(window.show_about())
    await close_dialogs()
    # every 售后 tab, a case's detail pane, the requests queue and an answer dialog
    aftersale = window.aftersale
    window.tabs.setCurrentWidget(aftersale)
    for tab in ("others", "closed", "seller", "requests"):
        aftersale.set_tab(tab)
        texts += visible_ui_texts(window)
    assert any(kind == "CasesModel[4]" and text for kind, text in texts)
    aftersale.set_tab("seller")
    action = next(n for n, b in aftersale.detail.buttons.items() if b.isEnabled())
    dialog = aftersale.answer(action, aftersale.detail.case_id)
    texts += ui_texts(dialog) + [("dialog", dialog.windowTitle())]
    dialog.reject()
    texts += visible_ui_texts(window)
    return texts


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_english_ui_shows_no_chinese_outside_shop_data(data_dir, sandbox, qapp):
    assert i18n.install_language(qapp, "en")
    try:
        async with open_window(data_dir, sandbox) as window:
            texts = await english_texts_everywhere(window, sandbox)
            assert ("QTabBar", "Listings") in texts
            stages = {text for kind, text in texts if kind == "ShippingModel[1]"}
            assert "No waybill yet" in stages, stages
            assert [t for t in chinese(texts) if t[1] not in ENDONYMS] == []
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


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_english_counts_are_singular_or_plural(data_dir, qapp):
    """Counts go through Qt's %n forms: "(1 item)", "(2 items)", never "(1 items)"."""
    from seller_desktop.store.db import Store

    from .factories import fill, order

    store = Store.open(data_dir)
    fill(store, products=2, orders=2)
    store.close()
    assert i18n.install_language(qapp, "en")
    try:
        async with open_window(data_dir, None) as window:
            window.tabs.setCurrentWidget(window.listings)
            assert window.listings.count_label.text() == "2 products"
            window.tabs.setCurrentWidget(window.orders)
            window.orders.set_tab(q.OrderTab.TO_SHIP)
            assert window.orders.count_label.text() == "2 orders"
            amounts = []
            for i in (0, 1):
                window.orders.select_order(order(i).order_id)
                amounts.append(window.orders.detail.amount.text())
            assert amounts == ["¥19.90 (1 item)", "¥39.80 (2 items)"]
            window.orders.search.setText(order(0).order_id)
            window.orders.apply_search()
            assert window.orders.count_label.text() == "1 order"
    finally:
        i18n.install_language(qapp, "zh_CN")


def test_the_window_title_names_the_app_once_in_the_ui_language(qapp, data_dir):
    """The window manager appends the app's display name to each title: it follows the
    language, and the main window's title ends with it (no "Seller Desktop - 小店桌面")."""
    from seller_desktop.app import use_language
    from seller_desktop.store.db import Store
    from seller_desktop.ui.main_window import MainWindow, Services
    from seller_desktop.ui.settings import Settings

    store = Store.open(data_dir)
    try:
        for language, name, demo_title in (("en", "Seller Desktop", "Demo shop — Seller Desktop"),
                                           ("zh_CN", "小店桌面", "演示店铺 — 小店桌面")):
            use_language(qapp, language)
            assert qapp.applicationDisplayName() == name
            window = MainWindow(Services(store=store, settings=Settings(data_dir), demo=True,
                                         fetch_images=False))
            assert window.windowTitle() == demo_title
            window.deleteLater()
    finally:
        use_language(qapp, "zh_CN")
        store.close()


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_a_refusal_reaches_an_english_seller_in_english(data_dir, qapp):
    """An op's refusal (here: removing more stock than there is) is said in English."""
    from seller_desktop.store.db import Store

    from .conftest import settled
    from .factories import fill

    store = Store.open(data_dir)
    fill(store, products=1, orders=0)
    store.close()
    assert i18n.install_language(qapp, "en")
    try:
        async with open_window(data_dir, None) as window:
            listings = window.listings
            listings.select_product(listings.model.keys()[0])
            listings.sku_table.selectRow(0)
            listings.stock_step.setValue(listings.stock_step.maximum())
            listings.stock_minus.click()
            await until(lambda: window.statusBar().currentMessage(), what="the refusal")
            await settled(window)
            message = window.statusBar().currentMessage()
            assert message.startswith("Action failed: Not enough stock:"), message
            assert not CJK.search(message)
    finally:
        i18n.install_language(qapp, "zh_CN")


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_the_start_up_messages_speak_english(qapp, data_dir, monkeypatch):
    """A corrupt cache in the English UI: the explanation, its buttons and the outcome."""
    from seller_desktop import app, context
    from seller_desktop.config import Paths
    from seller_desktop.ui.settings import Settings

    monkeypatch.setattr(context, "DEMO_SIZE", {"products": 4, "orders": 10, "gift_orders": 1})
    qapp.setQuitOnLastWindowClosed(False)  # as app.main: closing a box must not stop the loop
    (data_dir / "cache.sqlite3").write_bytes(b"this is not a database" * 200)
    (data_dir / "shop.json").write_text('{"identity": "demo"}')  # the demo shop's own cache
    settings = Settings(data_dir)
    settings.language = "en"
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, Paths.resolve(data_dir), settings, True, ready))

    def box():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()), None)

    try:
        first = await until(box, what="the corrupt-cache message")
        texts = ui_texts(first)
        next(b for b in first.buttons() if "rebuild" in b.text().lower()).click()
        second = await until(lambda: box() if box() is not first else None,
                             what="the rebuilt message")
        texts += ui_texts(second)
        second.button(QMessageBox.StandardButton.Ok).click()
        window = await asyncio.wait_for(ready, 20)
        window.close()
        assert await task == 0
    finally:
        i18n.install_language(qapp, "zh_CN")
    assert ("QPushButton", "OK") in texts
    assert [t for t in chinese(texts) if "/" not in t[1]] == []  # (paths are the machine's)


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
