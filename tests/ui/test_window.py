"""The daily path: shortcuts, remembered layout, settings (secret in the keyring only), bulk
actions on a selection, the merchant note, and the status bar while offline."""

from __future__ import annotations

import asyncio
import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from seller_desktop.store import ui_queries as q
from seller_desktop.ui.models.products import COL_STATUS
from seller_desktop.ui.screens.listings import FILTERS
from seller_desktop.ui.settings import Settings

from .conftest import acontrol, open_window, settled, sync, until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def test_shortcuts(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        window.activateWindow()
        await until(lambda: window.isActiveWindow(), what="the window to be active")
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert window.sync.task is not None and not window.sync.task.done()
        await window.sync.task
        await settled(window)
        assert window.listings.model.total > 0
        qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is window.orders
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert window.orders.search.hasFocus()


async def test_layout_is_remembered(data_dir, sandbox):
    async with open_window(data_dir, sandbox) as window:
        # the offscreen screen is 800 px wide, narrower than the window's minimum width, so
        # restoring clamps the width: the remembered height and column width tell
        size = (window.minimumSizeHint().width(), window.minimumSizeHint().height() + 37)
        window.resize(*size)
        window.listings.table.setColumnWidth(1, 211)
        window.save_layout()
    async with open_window(data_dir, sandbox) as window:
        assert window.height() == size[1]
        assert window.listings.table.columnWidth(1) == 211


async def test_settings_keep_the_secret_in_the_keyring(data_dir, memory_keyring):
    asked_on: list[int] = []  # the keyring is asked off the UI thread (it may wait for unlock)
    for name in ("get_password", "set_password"):
        method = getattr(memory_keyring, name)
        setattr(memory_keyring, name,
                lambda *a, m=method: asked_on.append(threading.get_ident()) or m(*a))
    async with open_window(data_dir, None) as window:
        dialog = window.show_settings()
        dialog.appid.setText("wx1234567890abcd")
        await dialog.save()
        assert dialog.error.isVisible() and dialog.error.text() == "请填写 AppSecret"
        dialog.secret.setText("s3cret-令牌-value")
        dialog.interval.setValue(12)
        reopened = []
        dialog.applied.connect(reopened.append)
        saving = dialog.save()
        assert dialog.save() is saving  # a second click while the keyring answers
        dialog.reject()  # Esc meanwhile: the save decides
        assert dialog.isVisible()
        await saving
        assert reopened == [True] and not dialog.isVisible()
        assert window.sync.timer.interval() == 12 * 60_000
        again = window.show_settings()
        await again.lookup
        assert again.secret.placeholderText() == "已保存在系统钥匙串中"
        again.reject()
    assert len(asked_on) >= 3 and threading.get_ident() not in asked_on  # never on the UI thread
    assert memory_keyring.secrets == {("seller-desktop", "wx1234567890abcd"): "s3cret-令牌-value"}
    settings = Settings(data_dir)
    assert (settings.appid, settings.sync_interval_min) == ("wx1234567890abcd", 12)
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"s3cret" not in path.read_bytes(), path


async def test_bulk_actions_on_a_selection(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        screen = window.listings
        screen.filter.setCurrentIndex(FILTERS.index(q.ProductFilter.ON_SALE))
        screen.apply_search()
        ids = screen.model.keys()[:2]
        selection = screen.table.selectionModel()
        selection.clearSelection()
        for product_id in ids:
            selection.select(screen.model.index(screen.model.row_of(product_id), 0),
                             QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
        assert screen.selected_ids() == ids
        prices = {pid: [s.sale_price for s in window.actions.load_product(pid).skus]
                  for pid in ids}
        await window.actions.bulk_price(ids, 10.0)
        await settled(window)
        for pid in ids:
            assert [s.sale_price for s in window.actions.load_product(pid).skus] == \
                [round(p * 1.1) for p in prices[pid]]
        qtbot.mouseClick(screen.delist_button, Qt.MouseButton.LeftButton)
        await until(lambda: screen.model.total == 0 or not set(ids) & set(screen.model.keys()),
                    what="delisted products to leave the 在售 filter")
        screen.filter.setCurrentIndex(FILTERS.index(q.ProductFilter.PENDING))
        screen.apply_search()
        assert set(ids) <= set(screen.model.keys())
        assert {screen.model.index(screen.model.row_of(pid), COL_STATUS).data()
                for pid in ids} == {"已下架"}
        await sync(window)
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]
        assert {state["products"][pid]["status"] for pid in ids} == {11}


async def test_merchant_note_is_saved_and_synced(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        orders = window.orders
        window.tabs.setCurrentWidget(orders)
        orders.set_tab(q.OrderTab.ALL)
        order_id = orders.detail.order_id
        assert order_id is not None and orders.detail.isEnabled()
        assert not orders.detail.save_note.isEnabled()
        orders.detail.merchant_note.setPlainText("顺丰发货，别放快递柜")
        window.activateWindow()
        await until(lambda: window.isActiveWindow())
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: orders.model.row_at(orders.model.row_of(order_id)).merchant_notes
                    == "顺丰发货，别放快递柜", what="the note in the table")
        assert orders.model.row_at(orders.model.row_of(order_id)).has_local_changes
        await settled(window)
        assert window.status.pending.text() == "待同步：1"
        await sync(window)
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]
        assert state["orders"][order_id]["merchant_notes"] == "顺丰发货，别放快递柜"
        await until(lambda: window.status.pending.text() == "待同步：0")


async def test_hidden_screens_load_when_first_shown(data_dir, sandbox):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        assert window.listings.model.total > 0  # the visible screen follows the sync
        board = window.gifts.models[q.GiftSection.AWAITING]
        assert board.rowCount() == 0  # never shown: not loaded, not refreshed
        window.tabs.setCurrentWidget(window.gifts)
        assert board.rowCount() > 0
        await sync(window)  # once loaded, it follows every sync
        assert board.rowCount() > 0


async def test_a_typed_note_survives_a_refresh_and_is_saved_when_leaving_the_order(
        data_dir, sandbox):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        orders = window.orders
        window.tabs.setCurrentWidget(orders)
        orders.set_tab(q.OrderTab.ALL)
        first, second = orders.model.keys()[:2]
        assert orders.select_order(first)
        orders.detail.merchant_note.setPlainText("下午三点前发")
        await sync(window)  # a sync refreshes the order being typed into
        orders.detail.show_detail(q.order_detail(window.actions.reader(), first))
        assert orders.detail.merchant_note.toPlainText() == "下午三点前发"
        assert orders.detail.save_note.isEnabled()
        assert orders.select_order(second)  # leaving the order saves what was typed
        await until(lambda: orders.model.row_at(orders.model.row_of(first)).merchant_notes
                    == "下午三点前发", what="the note saved on leaving")


async def test_closing_waits_for_a_save_in_flight(data_dir, sandbox):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        written = []

        async def slow_save():
            await asyncio.sleep(0.3)
            written.append(True)

        window.tasks.spawn(slow_save())
        await window.shutdown()
        assert written == [True]


async def test_a_refused_product_does_not_stop_a_bulk_action(data_dir, sandbox):
    from seller_desktop.domain.validation import ValidationFailed

    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        screen = window.listings
        screen.filter.setCurrentIndex(FILTERS.index(q.ProductFilter.ON_SALE))
        screen.apply_search()
        on_sale = screen.model.keys()[:2]
        await window.actions.set_listed(on_sale[:1], False)  # already delisted: refused next
        with pytest.raises(ValidationFailed) as refused:
            await window.actions.set_listed(on_sale, False)
        assert [i.field for i in refused.value.issues] == [on_sale[0]]
        assert window.actions.load_product(on_sale[1]).status == 11  # the other one went on


async def test_a_short_search_follows_changes_without_scanning_on_the_ui_thread(
        data_dir, sandbox, monkeypatch):
    """A 1–2 character search shown while orders change: the matches are found again off the
    UI thread (the scan runs on the worker reader) and the view follows."""
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        orders = window.orders
        window.tabs.setCurrentWidget(orders)
        orders.set_tab(q.OrderTab.ALL)
        orders.search.setText("Zq")
        orders.apply_search()
        await orders.search_task
        assert orders.model.total == 0
        ui_thread = threading.get_ident()
        scans = []

        def watch(name):  # the texts matched on the UI thread, or any search in a worker
            real = getattr(q, name)

            def scan(conn, text, *tab):
                scans.append(threading.get_ident())
                return real(conn, text, *tab)

            monkeypatch.setattr(q, name, scan)

        watch("scan_order_search")
        watch("find_order_matches")
        sql_scans = []
        monkeypatch.setattr(q, "scan_order_search_sql", lambda *a: sql_scans.append(a) or q.OrderMatches([]))
        orders.search.setText("")
        orders.apply_search()
        target = orders.model.keys()[0]
        orders.search.setText("Zq")
        orders.apply_search()
        await orders.search_task
        await window.actions.merchant_note(target, "Zq 加急")
        await until(lambda: orders.model.keys() == [target], what="the noted order to match")
        assert scans and ui_thread not in scans
        assert sql_scans == []
        assert orders.count_label.text() == "1 个订单"


async def test_every_tab_shows_as_many_orders_as_it_counts(data_dir, sandbox):
    """The model takes its total from the tab counts just read: the same as counting."""
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        orders = window.orders
        window.tabs.setCurrentWidget(orders)
        for text in ("", "北京", "区"):
            orders.search.setText(text)
            orders.apply_search()
            if orders.search_task is not None:
                await orders.search_task
            for tab in q.OrderTab:
                orders.set_tab(tab)
                assert orders.model.total == q.order_count(window.actions.reader(), tab, text)
                assert orders.model.total == orders.counts[tab]


async def test_a_hidden_shipping_screen_reads_the_orders_to_ship_when_shown(data_dir, sandbox):
    """Orders changing while the shipping screen is hidden (a sync on another tab) cost nothing
    until the screen is shown; then it shows them."""
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        window.tabs.setCurrentWidget(window.shipping)  # read once, then hidden
        window.tabs.setCurrentWidget(window.listings)
        order_id = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
        await sync(window)
        await settled(window)
        assert window.shipping.model.row_of(order_id) < 0  # not read yet
        window.tabs.setCurrentWidget(window.shipping)
        assert window.shipping.model.row_of(order_id) >= 0


async def test_shipping_accounts_load_the_first_time_the_screen_is_shown(data_dir, sandbox):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        shipping = window.shipping
        assert shipping.account.count() == 0
        asked = []
        accounts = shipping.workflow.accounts
        shipping.workflow.accounts = lambda: asked.append(1) or accounts()
        window.tabs.setCurrentWidget(shipping)
        await until(lambda: shipping.account.count() > 0, what="the waybill accounts")
        window.tabs.setCurrentWidget(window.orders)
        window.tabs.setCurrentWidget(shipping)  # not again: 刷新账号 does that
        await settled(window)
        assert len(asked) == 1 and shipping.chosen_account() is not None


async def test_any_text_typed_in_a_search_box_is_searched_as_text(data_dir, sandbox):
    """NUL, control characters, FTS syntax, a huge paste: every search box takes it (a NUL
    raised an uncaught FTS5 "unterminated string" in the slot)."""
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        for screen in (window.listings, window.orders):
            window.tabs.setCurrentWidget(screen)
            for text in ("\x00", "红糖\x00姜茶", "\x00\x01", "a\x00", '"AND" NEAR(', "*",
                         "x" * 100_000, ""):
                screen.search.setText(text)
                screen.search.returnPressed.emit()  # the slot Enter runs
                task = getattr(screen, "search_task", None)
                if task is not None:
                    await task
            assert screen.model.rowCount() > 0  # the empty search shows everything again
