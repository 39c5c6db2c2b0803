"""Start-up through ``app.run``: the demo shop (sandbox in-process, kept in the data dir across
runs), the first run without an account, and a corrupt cache (message, export, rebuild)."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sandbox_support import dead_url

from seller_desktop import app, context
from seller_desktop.config import SHOP_MARKER, Paths
from seller_desktop.ui.settings import Settings

from .conftest import open_window, settled, until

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
    dialog = window.connect_dialog
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
    # the demo shop's own cache (shop.json names it: a data dir made by this version)
    (data_dir / SHOP_MARKER).write_text(json.dumps({"identity": "demo"}), encoding="utf-8")
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


async def test_settings_show_the_demo_shop_the_run_uses(qapp, data_dir):
    """``--demo`` (issue 11, defect 9): 设置 shows 使用演示店铺 checked; saving other settings
    does not make the flag permanent; unchecking it leaves the demo shop."""
    paths, window, task = await start(qapp, data_dir, demo=True)
    await synced(window)
    dialog = window.show_settings()
    assert dialog.demo.isChecked() and not dialog.appid.isEnabled()
    reopened: list[bool] = []
    dialog.applied.connect(reopened.append)
    dialog.interval.setValue(17)
    dialog.save()
    assert reopened == [False]  # nothing that changes the shop
    saved = Settings(data_dir)
    assert (saved.demo, saved.sync_interval_min) == (False, 17)  # --demo is for this run
    dialog = window.show_settings()
    assert dialog.demo.isChecked()
    dialog.demo.setChecked(False)
    dialog.appid.setText("wxrealshop0001")
    dialog.secret.setText("real-secret")
    dialog.api_base.setText(dead_url())  # a shop that is not reachable (never the internet)
    await dialog.save()
    real = await until(lambda: next((w for w in QApplication.topLevelWidgets()
                                     if isinstance(w, type(window)) and w is not window
                                     and w.isVisible()), None), timeout=20,
                       what="the window on the seller's own shop")
    assert "演示" not in real.windowTitle() and not Settings(data_dir).demo
    real.close()
    assert await task == 0


async def test_api_base_for_the_run_syncs_a_standalone_sandbox_with_its_images(
        qapp, data_dir, sandbox, monkeypatch):
    """``seller-desktop --api-base URL`` of a running ``seller-desktop sandbox``: the window
    syncs with it, shows its address in 设置, loads its images, and saves nothing."""
    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)
    qapp.setQuitOnLastWindowClosed(False)
    paths = Paths.resolve(data_dir)
    settings = Settings(data_dir)
    settings.first_run_done = True
    settings.override("api_base", sandbox.url)  # what app.main does with --api-base
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, paths, settings, False, ready))
    window = await asyncio.wait_for(ready, 20)
    report = await synced(window)
    assert not report.stopped and window.listings.model.total == len(sandbox.shop.products)
    image = next(iter(sandbox.shop.products.values()))["product"]["head_imgs"][0]
    assert window.thumbnails.rewrite(image).startswith(sandbox.url + "/p/")  # never the internet
    data = await window.thumbnails._fetcher.fetch(image)
    assert data is not None and data[:4] == b"\x89PNG"
    assert window.show_settings().api_base.text() == sandbox.url
    window.close()
    assert await task == 0
    assert Settings(data_dir).api_base == "" and not paths.account_file.exists()


async def test_the_window_shows_the_time_of_a_command_line_sync(qapp, data_dir, sandbox,
                                                               monkeypatch, capsys):
    """After ``seller-desktop sync`` the window's 上次同步 is that sync (issue 11, defect 11)."""
    from seller_desktop import cli_sync
    from seller_desktop.domain import timeutil

    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)
    before = timeutil.now()
    assert await asyncio.to_thread(cli_sync.main, ["--api-base", sandbox.url, "--data-dir",
                                                   str(data_dir), "--quiet"]) == 0
    async with open_window(data_dir, None) as window:
        text = window.status.last_sync.text()
        assert "从未" not in text
        shown = [timeutil.format_ts(t) for t in range(before, timeutil.now() + 1)]
        assert any(t in text for t in shown), text


async def test_without_a_keyring_the_secret_is_asked_at_each_start(qapp, data_dir, monkeypatch):
    import keyring
    import keyring.backends.fail

    for key in ("SELLER_DESKTOP_APPID", "SELLER_DESKTOP_SECRET"):
        monkeypatch.delenv(key, raising=False)
    keyring.set_keyring(keyring.backends.fail.Keyring())  # conftest restores the previous one
    settings = Settings(data_dir)
    settings.appid, settings.api_base, settings.first_run_done = "wxnokeyring01", dead_url(), True
    settings.sync()
    paths, window, task = await start(qapp, data_dir, demo=False)
    dialog = await until(lambda: window.settings_dialog, what="the settings dialog")
    await dialog.lookup
    assert dialog.isVisible() and dialog.appid.text() == "wxnokeyring01"
    assert "每次启动都要重新填写" in dialog.secret_note.text()
    dialog.reject()
    window.close()
    assert await task == 0
