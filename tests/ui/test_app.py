"""Start-up through ``app.run``: the demo shop (sandbox in-process, kept in the data dir across
runs), the first run without an account, and a corrupt cache (message, export, rebuild)."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from seller_desktop import app, context
from seller_desktop.config import Paths
from seller_desktop.ui.settings import Settings

from .conftest import settled, until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


@pytest.fixture(autouse=True)
def small_demo(monkeypatch):
    monkeypatch.setattr(context, "DEMO_SIZE", {"products": 8, "orders": 40, "gift_orders": 3})


async def start(qapp, data_dir, demo: bool):
    qapp.setQuitOnLastWindowClosed(False)
    paths = Paths.resolve(data_dir)
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, paths, Settings(data_dir), demo, ready))
    done, _ = await asyncio.wait([ready, task], timeout=20, return_when=asyncio.FIRST_COMPLETED)
    assert ready in done, "the window never opened"
    return paths, ready.result(), task


async def synced(window):
    await until(lambda: window.sync.task is not None and window.sync.task.done(), timeout=20,
                what="the start-up sync")
    await settled(window)
    return window.sync.task.result()


async def test_demo_shop_is_kept_in_the_data_dir(qapp, data_dir):
    paths, window, task = await start(qapp, data_dir, demo=True)
    report = await synced(window)
    assert not report.stopped and report.products == 8
    assert window.listings.model.total == 8 and window.status.online.text() == "● 演示店铺"
    product_id = window.listings.model.keys()[0]
    await window.actions.stock_delta(product_id, window.actions.load_product(product_id)
                                     .skus[0].sku_id, 7)
    await window.sync.sync_now()
    await settled(window)
    stock = window.actions.load_product(product_id).skus[0].stock_num
    window.close()
    assert await task == 0
    saved = json.loads(paths.demo_state_file.read_text(encoding="utf-8"))
    assert str(product_id) in saved["products"]

    paths, window, task = await start(qapp, data_dir, demo=True)  # a second run
    await synced(window)
    assert window.actions.load_product(product_id).skus[0].stock_num == stock
    assert window.listings.model.total == 8 and not window.sync.last_report.stopped
    window.close()
    assert await task == 0


async def test_first_run_offers_the_demo_shop(qapp, data_dir):
    paths, window, task = await start(qapp, data_dir, demo=False)
    assert window.sync.engine is None
    assert window.status.online.text() == "● 未连接店铺（仅本地）"
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.try_demo.click()  # reopens the shop in demo mode, in place
    await until(lambda: any(isinstance(w, type(window)) and w is not window and w.isVisible()
                            for w in QApplication.topLevelWidgets()), timeout=20,
                what="the demo window")
    demo_window = next(w for w in QApplication.topLevelWidgets()
                       if isinstance(w, type(window)) and w is not window and w.isVisible())
    assert demo_window.sync.engine is not None
    assert Settings(data_dir).demo is True
    await synced(demo_window)
    demo_window.close()
    assert await task == 0


async def test_corrupt_cache_is_exported_and_rebuilt(qapp, data_dir):
    (data_dir / "cache.sqlite3").write_bytes(b"this is not a database" * 200)
    paths = Paths.resolve(data_dir)
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, paths, Settings(data_dir), True, ready))

    def box():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()), None)

    first = await until(box, what="the corrupt-cache message")
    assert "损坏" in first.text()
    rebuild = next(b for b in first.buttons() if b.text() == "重建缓存（保留未同步的修改）")
    rebuild.click()
    second = await until(lambda: box() if box() is not first else None,
                         what="the rebuilt message")
    assert "损坏的文件已移到" in second.text()
    # nothing could be read: that is said, never "no unsynced changes"
    assert "完全无法读取" in second.text() and "没有未同步的修改" not in second.text()
    second.button(QMessageBox.StandardButton.Ok).click()
    window = await asyncio.wait_for(ready, 20)
    assert list(data_dir.glob("cache.sqlite3.corrupt-*"))
    report = await synced(window)
    assert not report.stopped and window.listings.model.total == 8
    window.close()
    assert await task == 0


async def test_an_unreadable_demo_shop_is_replaced(qapp, data_dir):
    Paths.resolve(data_dir).demo_state_file.write_text("{not json", encoding="utf-8")
    paths, window, task = await start(qapp, data_dir, demo=True)
    report = await synced(window)
    assert not report.stopped and window.listings.model.total == 8
    assert list(data_dir.glob("demo-shop.json.unreadable-*"))
    window.close()
    assert await task == 0
    json.loads(paths.demo_state_file.read_text(encoding="utf-8"))  # a new, valid shop
