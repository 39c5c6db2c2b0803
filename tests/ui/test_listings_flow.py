"""商品 through real widgets: an offline edit (invalid, then valid) is queued as 待同步 and
reaches the sandbox when the shop is reachable again; quick stock ± on a SKU; search."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import ui_queries as q
from seller_desktop.ui.dialogs.product_editor import COL_MARKET, COL_PRICE
from seller_desktop.ui.screens.listings import FILTERS

from .conftest import FAST_RETRY, acontrol, open_window, settled, sync, until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


def pick_on_sale(screen) -> str:
    screen.filter.setCurrentIndex(FILTERS.index(q.ProductFilter.ON_SALE))
    screen.apply_search()
    product_id = screen.model.keys()[0]
    assert screen.select_product(product_id)
    return product_id


async def test_offline_edit_is_queued_then_synced(data_dir, sandbox, qtbot):
    port = sandbox.port
    async with open_window(data_dir, sandbox) as window:  # first run: fill the cache
        assert not (await sync(window)).stopped
        product_id = pick_on_sale(window.listings)
    await asyncio.to_thread(sandbox.stop)

    async with open_window(data_dir, sandbox) as window:  # the shop is unreachable now
        screen = window.listings
        screen.filter.setCurrentIndex(FILTERS.index(q.ProductFilter.ALL))
        assert screen.select_product(product_id)
        editor = screen.open_editor(product_id)
        qtbot.keyClicks(editor.title, "x", delay=0)
        editor.title.setText("短标题")
        assert editor.title_error.isVisible() and "至少 5 个字" in editor.title_error.text()
        assert not editor.save_button.isEnabled()
        editor.grid.item(0, COL_PRICE).setText("12.345")
        assert "最多两位小数" in editor.skus_error.text()
        editor.grid.item(0, COL_PRICE).setText("88.80")
        assert "划线价必须高于售价" in editor.skus_error.text()  # the store's rule, inline
        editor.grid.item(0, COL_MARKET).setText("99.00")
        editor.title.setText("离线修改的新标题 春季款")
        assert not editor.title_error.isVisible() and not editor.skus_error.isVisible()
        assert editor.save_button.isEnabled()
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: not editor.isVisible(), what="the editor to close")
        await settled(window)
        row = screen.model.row_at(screen.model.row_of(product_id))
        assert row.title == "离线修改的新标题 春季款"
        assert screen.model.sync_badge(row) == "待同步"
        assert window.status.pending.text() == "待同步：1"

        report = await sync(window)
        assert report.stopped
        assert window.status.online.text() == "● 离线"
        assert screen.model.sync_badge(screen.model.row_at(screen.model.row_of(product_id))) \
            == "待同步"

        back = SandboxServer(sandbox.shop, port=port)
        back.start()
        await asyncio.sleep(FAST_RETRY.offline_cooldown * 2)  # the client probes again after this
        try:
            report = await sync(window)
            assert not report.stopped, report.errors
            state = (await acontrol(back, "/sandbox/state"))["state"]
            draft = state["products"][product_id]["edit_product"]
            assert draft["title"] == "离线修改的新标题 春季款"
            assert 8880 in [int(s["sale_price"]) for s in draft["skus"]]
            await until(lambda: window.status.pending.text() == "待同步：0")
            row = screen.model.row_at(screen.model.row_of(product_id))
            assert screen.model.sync_badge(row) == ""
            assert window.status.online.text() == "● 演示店铺"
        finally:
            await asyncio.to_thread(back.stop)
        assert back.errors == []


async def test_quick_stock_change_on_a_sku(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        screen = window.listings
        product_id = pick_on_sale(screen)
        screen.sku_table.selectRow(0)
        sku_id = screen.selected_sku()
        before = int(screen.sku_table.item(0, 3).text())
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]
        server_before = next(int(s["stock_num"]) for s in
                             state["products"][product_id]["product"]["skus"]
                             if s["sku_id"] == sku_id)
        screen.stock_step.setValue(3)
        qtbot.mouseClick(screen.stock_plus, Qt.MouseButton.LeftButton)
        await until(lambda: screen.sku_table.item(0, 3).text() == str(before + 3),
                    what="the SKU stock to change")
        assert screen.model.sync_badge(screen.model.row_at(screen.model.row_of(product_id))) \
            == "待同步"
        await sync(window)
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]
        server_after = next(int(s["stock_num"]) for s in
                            state["products"][product_id]["product"]["skus"]
                            if s["sku_id"] == sku_id)
        assert server_after == server_before + 3


async def test_cancel_asks_before_dropping_typed_edits(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        screen = window.listings
        product_id = pick_on_sale(screen)
        title = window.actions.load_product(product_id).title
        cancel = QDialogButtonBox.StandardButton.Cancel

        untouched = screen.open_editor(product_id)
        qtbot.mouseClick(untouched.buttons.button(cancel), Qt.MouseButton.LeftButton)
        assert not untouched.isVisible() and untouched.discard_box is None  # nothing typed

        editor = screen.open_editor(product_id)
        editor.title.setText("改了一半的标题 还没保存")
        qtbot.mouseClick(editor.buttons.button(cancel), Qt.MouseButton.LeftButton)
        box = editor.discard_box
        assert editor.isVisible() and box is not None and box.isVisible()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel),
                         Qt.MouseButton.LeftButton)  # 继续编辑
        assert editor.isVisible() and editor.title.text() == "改了一半的标题 还没保存"

        editor.close()  # the window's close button asks too
        box = editor.discard_box
        assert editor.isVisible() and box.isVisible()
        assert box.button(QMessageBox.StandardButton.Discard).text() == "放弃修改"
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard),
                         Qt.MouseButton.LeftButton)
        assert not editor.isVisible()
        assert window.actions.load_product(product_id).title == title
        assert q.outbox_summary(window.actions.reader()).pending == 0


async def test_search_finds_a_chinese_fragment(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        screen = window.listings
        title = screen.model.row_at(0).title
        fragment = next(title[i:i + 3] for i in range(len(title))
                        if all("\u4e00" <= ch <= "\u9fff" for ch in title[i:i + 3]))
        screen.search.setText(fragment)  # the debounced instant search (QTest cannot type CJK)
        await until(lambda: screen.model.rowCount() and all(
            fragment in screen.model.row_at(i).title for i in range(screen.model.rowCount())),
            what=f"products matching {fragment}")
        orders = window.orders
        window.tabs.setCurrentWidget(orders)
        orders.set_tab(q.OrderTab.ALL)
        line = orders.model.row_at(0).line_titles
        two = next(line[i:i + 2] for i in range(len(line))
                   if all("\u4e00" <= ch <= "\u9fff" for ch in line[i:i + 2]))
        orders.search.setText(two)
        orders.apply_search()  # 2 characters: a table scan, run off the UI thread
        assert orders.search_task is not None and orders.count_label.text() == "搜索中…"
        await orders.search_task
        assert orders.model.rowCount() > 0
        assert all(two in orders.model.row_at(i).line_titles
                   or two in orders.model.row_at(i).address
                   or two in orders.model.row_at(i).customer_notes
                   for i in range(orders.model.rowCount()))
        assert f"({orders.model.total})" in orders.tabs.tabText(orders.tabs.currentIndex())

