"""A change made online goes out within seconds (debounced), not with the next periodic sync:
a burst of quick stock changes is one push, and nothing is pushed twice at once."""

from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtCore import Qt

from seller_desktop.ui import sync_controller

from .conftest import acontrol, open_window, sync, until
from .test_listings_flow import pick_on_sale

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def server_stock(sandbox, product_id: str, sku_id: str) -> int:
    state = (await acontrol(sandbox, "/sandbox/state"))["state"]
    return next(int(s["stock_num"]) for s in state["products"][product_id]["product"]["skus"]
                if s["sku_id"] == sku_id)


async def test_a_quick_stock_change_is_pushed_within_seconds(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        assert window.sync.timer.interval() >= 60_000  # the periodic sync is no help here
        screen = window.listings
        product_id = pick_on_sale(screen)
        screen.sku_table.selectRow(0)
        sku_id = screen.selected_sku()
        before = await server_stock(sandbox, product_id, sku_id)
        runs: list[float] = []
        window.sync.started.connect(lambda: runs.append(time.monotonic()))
        engine_push = window.sync.engine.push
        in_flight = 0
        overlapped = False

        async def counted_push():
            nonlocal in_flight, overlapped
            in_flight += 1
            overlapped |= in_flight > 1
            try:
                return await engine_push()
            finally:
                in_flight -= 1

        window.sync.engine.push = counted_push

        start = time.monotonic()
        for _ in range(3):  # a burst: +1 three times
            qtbot.mouseClick(screen.stock_plus, Qt.MouseButton.LeftButton)
            await asyncio.sleep(0.2)
        assert window.status.pending.text() == "待同步：3"
        await until(lambda: window.status.pending.text() == "待同步：0", timeout=8,
                    what="the stock change to be pushed")
        took = time.monotonic() - start
        assert took < sync_controller.PUSH_MAX_WAIT_MS / 1000 + 2, took
        assert await server_stock(sandbox, product_id, sku_id) == before + 3
        assert len(runs) == 1, runs  # the burst went out in one push
        assert not overlapped


async def test_a_change_during_a_sync_is_pushed_after_it(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        screen = window.listings
        product_id = pick_on_sale(screen)
        screen.sku_table.selectRow(0)
        sku_id = screen.selected_sku()
        before = await server_stock(sandbox, product_id, sku_id)
        task = window.sync.sync_now(full=True)
        await until(lambda: window.sync.running, what="the sync to start")
        qtbot.mouseClick(screen.stock_plus, Qt.MouseButton.LeftButton)
        await task
        await until(lambda: window.status.pending.text() == "待同步：0", timeout=8,
                    what="the change made during the sync to be pushed")
        assert await server_stock(sandbox, product_id, sku_id) == before + 1


async def test_offline_a_change_waits_for_the_backoff(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        product_id = pick_on_sale(window.listings)
    await asyncio.to_thread(sandbox.stop)
    async with open_window(data_dir, sandbox) as window:  # the shop is unreachable now
        screen = window.listings
        assert screen.select_product(product_id)
        screen.sku_table.selectRow(0)
        assert (await sync(window)).stopped and not window.sync.online
        runs: list[float] = []
        window.sync.started.connect(lambda: runs.append(time.monotonic()))
        for _ in range(3):
            qtbot.mouseClick(screen.stock_plus, Qt.MouseButton.LeftButton)
            await asyncio.sleep(0.1)
        await asyncio.sleep(sync_controller.PUSH_DELAY_MS / 1000 + 0.5)
        assert runs == []  # no push hammering a dead network on every change
        assert window.sync.push_timer.isActive()  # it tries again after the backoff
        assert window.sync.push_timer.remainingTime() > 20_000
        assert window.status.pending.text() == "待同步：3"



async def test_offline_changes_go_out_when_the_shop_is_back(data_dir, sandbox, qtbot,
                                                            monkeypatch):
    from seller_desktop.sandbox.server import SandboxServer

    monkeypatch.setattr(sync_controller, "PUSH_OFFLINE_RETRY_MS", 300)
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        product_id = pick_on_sale(window.listings)
    port = sandbox.port
    await asyncio.to_thread(sandbox.stop)
    async with open_window(data_dir, sandbox) as window:
        screen = window.listings
        assert screen.select_product(product_id)
        screen.sku_table.selectRow(0)
        sku_id = screen.selected_sku()
        assert (await sync(window)).stopped
        qtbot.mouseClick(screen.stock_plus, Qt.MouseButton.LeftButton)
        runs: list[float] = []
        window.sync.started.connect(lambda: runs.append(time.monotonic()))
        await until(lambda: len(runs) >= 2, timeout=8, what="pushes retried while offline")
        assert window.status.pending.text() == "待同步：1"
        before = await asyncio.to_thread(
            lambda: int(next(s["stock_num"] for s in
                             sandbox.shop.products[product_id]["product"]["skus"]
                             if s["sku_id"] == sku_id)))
        back = SandboxServer(sandbox.shop, port=port)
        back.start()
        try:
            await until(lambda: window.status.pending.text() == "待同步：0", timeout=8,
                        what="the change to go out once the shop is back")
            after = int(next(s["stock_num"] for s in
                             sandbox.shop.products[product_id]["product"]["skus"]
                             if s["sku_id"] == sku_id))
            assert after == before + 1
        finally:
            await asyncio.to_thread(back.stop)


async def test_a_push_stopped_by_unreadable_replies_is_retried_soon(data_dir, sandbox, qtbot,
                                                                    monkeypatch):
    """A captive portal answers every call with its login page: the client still counts as
    online, yet the push could not read a reply. It is tried again after the offline wait
    (not only with the periodic sync, minutes later) and the change arrives once."""
    from seller_desktop.api.errors import MalformedResponse

    monkeypatch.setattr(sync_controller, "PUSH_OFFLINE_RETRY_MS", 300)
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        assert window.sync.timer.interval() >= 60_000  # the periodic sync is no help here
        screen = window.listings
        product_id = pick_on_sale(screen)
        screen.sku_table.selectRow(0)
        sku_id = screen.selected_sku()
        before = await server_stock(sandbox, product_id, sku_id)
        await acontrol(sandbox, "/sandbox/faults", {"faults": [
            {"path": "*", "kind": "html", "times": 1000}]})
        reports: list = []
        window.sync.finished.connect(reports.append)
        qtbot.mouseClick(screen.stock_plus, Qt.MouseButton.LeftButton)
        await until(lambda: reports, timeout=8, what="the push behind the captive portal")
        assert isinstance(reports[0].stop_error, MalformedResponse)
        assert window.sync.online  # the connection looks fine: only the replies were wrong
        assert window.status.pending.text() == "待同步：1"
        await acontrol(sandbox, "/sandbox/faults", {"faults": []})  # the seller logged in
        await until(lambda: window.status.pending.text() == "待同步：0", timeout=8,
                    what="the change to go out again soon")
        assert await server_stock(sandbox, product_id, sku_id) == before + 1
