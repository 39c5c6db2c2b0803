"""The cache's whole-file check (``PRAGMA quick_check``, seconds at 200,000 orders) runs while
the window is built and shown, not before it; nothing syncs until it passed; a file it finds
damaged closes the window and its unsynced edits are offered for export."""

from __future__ import annotations

import asyncio
import json
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from seller_desktop import app, context
from seller_desktop.config import Paths
from seller_desktop.store import Store, outbox
from seller_desktop.store import db as store_db
from seller_desktop.store.orders import OrderRepo
from seller_desktop.ui.main_window import MainWindow
from seller_desktop.ui.settings import Settings
from tests.store.factories import make_order

from .conftest import until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


@pytest.fixture(autouse=True)
def small_demo(monkeypatch):
    monkeypatch.setattr(context, "DEMO_SIZE", {"products": 8, "orders": 40, "gift_orders": 3})


def _box():
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()), None)


def _record_windows(monkeypatch) -> list[MainWindow]:
    built: list[MainWindow] = []
    real_init = MainWindow.__init__

    def init(self, *args, **kwargs):
        built.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(MainWindow, "__init__", init)
    return built


async def test_the_window_shows_while_the_check_runs_and_syncs_after(qapp, data_dir,
                                                                     monkeypatch):
    release = threading.Event()
    checks: list[int] = []
    real_check = getattr(store_db, "check_cache_file", None)

    def check(conn, path):
        checks.append(1)
        release.wait(10)  # a slow check (a big cache)
        real_check(conn, path)

    monkeypatch.setattr(store_db, "check_cache_file", check, raising=False)
    servers: list = []
    real_start = context.start_demo_sandbox
    monkeypatch.setattr(context, "start_demo_sandbox",
                        lambda paths: servers.append(real_start(paths)) or servers[-1])
    built = _record_windows(monkeypatch)
    qapp.setQuitOnLastWindowClosed(False)
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, Paths.resolve(data_dir), Settings(data_dir),
                                         True, ready))
    try:
        await until(lambda: built and built[0].isVisible(), timeout=5,
                    what="the window shown while the check runs")
        window = built[0]
        assert checks == [1] and not ready.done()
        engine = window.sync.engine
        reports: list[object] = []
        window.sync.finished.connect(reports.append)
        pressed = window.sync.sync_now()  # 立即同步 (F5) while the check runs
        shop = servers[0].shop
        order_id = next(iter(shop.orders))  # not in the cache yet: no sync ran
        await window.actions.store.writer.write(lambda c: outbox.enqueue(
            c, "order", order_id, "merchant_note", {"order_id": order_id, "notes": "检查后发"}))
        pushed = asyncio.ensure_future(window.sync.push())  # what the push timer runs
        await asyncio.sleep(0.3)
        # nothing went out or came in before the file passed: neither F5 nor the push
        assert not pressed.done() and not pushed.done() and not engine.running
        assert engine.last_report is None and reports == []
        assert outbox.pending_count(window.actions.reader()) == 1
    finally:
        release.set()
    assert await asyncio.wait_for(ready, 10) is window
    await asyncio.wait_for(asyncio.gather(pressed, pushed), 20)
    assert len(reports) >= 2 and all(r is not None and not r.stopped for r in reports)
    await until(lambda: outbox.pending_count(window.actions.reader()) == 0,
                what="the note sent once the check passed")
    assert [e["op"] for e in shop.log].count("/channels/ec/order/merchantnotes/update") == 1
    window.close()
    assert await asyncio.wait_for(task, 20) == 0


async def test_a_cache_damaged_inside_closes_the_window_and_offers_its_edits(qapp, data_dir, monkeypatch):
    path = data_dir / store_db.CACHE_NAME
    (data_dir / "shop.json").write_text('{"identity": "demo"}')  # the demo shop's own cache
    with Store.open(data_dir) as store:
        store.writer.write_sync(lambda c: outbox.enqueue(
            c, "order", "1", "merchant_note", {"order_id": "1", "notes": "加急"}))
        store.writer.write_sync(
            lambda c: OrderRepo(c).upsert_many(make_order(i) for i in range(3000)))
    size = path.stat().st_size
    with open(path, "r+b") as handle:  # wreck pages of the orders, not the header or outbox
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * (size // 16))
    built = _record_windows(monkeypatch)
    qapp.setQuitOnLastWindowClosed(False)
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, Paths.resolve(data_dir), Settings(data_dir),
                                         True, ready))
    first = await until(_box, timeout=20, what="the corrupt-cache message")
    assert "损坏" in first.text()
    await until(lambda: all(not isValid(w) or not w.isVisible() for w in built),
                what="the damaged cache's window to close")
    next(b for b in first.buttons() if b.text() == "重建缓存（保留未同步的修改）").click()
    second = await until(lambda: _box() if _box() is not first else None, timeout=20,
                         what="the rebuilt message")
    assert "已把 1 条未同步的修改放回新的缓存" in second.text()
    second.button(QMessageBox.StandardButton.Ok).click()
    window = await asyncio.wait_for(ready, 20)
    assert outbox.pending_count(window.actions.reader()) == 1  # the note goes out next sync
    exported = next(data_dir.glob("unsynced-*.json"))  # and a copy is kept beside the cache
    assert "加急" in json.dumps(json.loads(exported.read_text(encoding="utf-8")),
                                ensure_ascii=False)
    window.close()
    assert await asyncio.wait_for(task, 20) == 0
