"""Start-up when the shop cannot be opened as it is: a full disk gets its own box (not
"damaged"), nothing is moved, and 重试 opens the shop once space is back; a shop open in another
process is waited for, or its window is brought forward; a rebuild puts the unsynced changes
back and says how many."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from storage_support import fill, small_disk

from seller_desktop import app
from seller_desktop.cli_exit import Exit
from seller_desktop.config import Paths
from seller_desktop.store import Store, outbox
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.ui.instance import FocusServer
from seller_desktop.ui.settings import Settings

from .conftest import until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]
ROOT = Path(__file__).resolve().parents[2]


def box(text: str = ""):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                 and w.isVisible() and text in w.text()), None)


def button(message: QMessageBox, label: str):
    return next(b for b in message.buttons() if b.text() == label)


def start(qapp, data_dir: Path):
    qapp.setQuitOnLastWindowClosed(False)
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, Paths.resolve(data_dir), Settings(data_dir),
                                         False, ready))
    return ready, task


def queue_of(data_dir: Path, n: int) -> None:
    with Store.open(data_dir) as store:
        for i in range(n):
            store.writer.write_sync(lambda c, i=i: outbox.enqueue(
                c, "order", str(i), "merchant_note", {"order_id": str(i), "notes": "急"}))


async def test_a_full_disk_is_named_nothing_moves_and_retry_opens_the_shop(qapp, tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        queue_of(data_dir, 20)
        filler = fill(disk)
        ready, task = start(qapp, data_dir)
        message = await until(lambda: box("磁盘空间已满"), timeout=20, what="the disk-full box")
        assert "损坏" not in message.text()
        assert [b.text() for b in message.buttons()] == ["重试", "退出"]
        assert sorted(p.name for p in data_dir.iterdir() if "corrupt" in p.name
                      or p.name.startswith("unsynced-")) == []
        filler.unlink()  # the seller freed some space
        button(message, "重试").click()
        window = await asyncio.wait_for(ready, 20)
        assert outbox.pending_count(window.actions.reader()) == 20
        window.close()
        assert await task == 0


HOLD = ("import sys, time\n"
        "from seller_desktop.store import Store\n"
        "s = Store.open(sys.argv[1])\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n")


def hold_elsewhere(data_dir: Path) -> subprocess.Popen[str]:
    """A script's sync holding the data dir (another process)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir)], text=True,
                            stdout=subprocess.PIPE, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


async def test_a_shop_held_by_a_script_is_waited_for(qapp, data_dir):
    proc = hold_elsewhere(data_dir)
    try:
        ready, task = start(qapp, data_dir)
        message = await until(lambda: box("另一个小店桌面"), timeout=20, what="the in-use box")
        assert str(proc.pid) in message.text() and not ready.done()
        proc.kill()  # the script ends: the window opens by itself
        proc.wait(10)
        window = await asyncio.wait_for(ready, 20)
        await until(lambda: box("另一个小店桌面") is None, what="the box to close")
        window.close()
        assert await task == 0
    finally:
        proc.kill()
        proc.wait(10)


async def test_a_second_start_brings_the_first_window_forward(qapp, data_dir):
    proc = hold_elsewhere(data_dir)  # the first window's process holds the dir …
    asked: list[bool] = []
    first = FocusServer(data_dir)  # … and answers on the dir's socket
    first.activate.connect(lambda: asked.append(True))
    try:
        ready, task = start(qapp, data_dir)
        assert await asyncio.wait_for(task, 20) == 0
        assert asked == [True] and not ready.done()
    finally:
        first.close()
        proc.kill()
        proc.wait(10)


async def test_a_rebuild_says_how_many_changes_came_back(qapp, data_dir):
    queue_of(data_dir, 3)
    path = data_dir / CACHE_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")  # not this app's cache any more: damaged
    conn.close()
    ready, task = start(qapp, data_dir)
    message = await until(lambda: box("损坏"), timeout=20, what="the damaged-cache box")
    button(message, "重建缓存（保留未同步的修改）").click()
    done = await until(lambda: box("已把"), timeout=20, what="the rebuilt box")
    assert "已把 3 条未同步的修改放回新的缓存" in done.text()
    done.button(QMessageBox.StandardButton.Ok).click()
    window = await asyncio.wait_for(ready, 20)
    assert outbox.pending_count(window.actions.reader()) == 3
    window.close()
    assert await task == 0


async def test_a_script_started_while_the_window_is_open_does_not_take_the_shop(qapp, data_dir):
    ready, task = start(qapp, data_dir)
    window = await asyncio.wait_for(ready, 20)
    command = [sys.executable, "-m", "seller_desktop", "picklist", "--data-dir", str(data_dir),
               "--all-pending", "--pdf", str(data_dir.parent / "pick.pdf")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True,
                                   timeout=60, cwd=ROOT, env=env)
    assert done.returncode == Exit.LOCKED, done.stderr
    assert "open in another seller-desktop" in done.stderr and "Traceback" not in done.stderr
    window.close()
    assert await task == 0
    done = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True,
                                   timeout=60, cwd=ROOT, env=env)
    assert done.returncode != Exit.LOCKED, done.stderr  # the window let go when it closed


async def test_a_save_on_a_full_disk_is_refused_in_words_and_works_once_space_is_back(
        qapp, tmp_path):
    from store.factories import make_order

    from seller_desktop.store.orders import OrderRepo

    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        order = make_order(1)
        with Store.open(data_dir) as store:
            store.writer.write_sync(lambda c: OrderRepo(c).upsert_many([order]))
        ready, task = start(qapp, data_dir)
        window = await asyncio.wait_for(ready, 20)
        filler = fill(disk)
        window.tasks.spawn(window.actions.merchant_note(order.order_id, "满盘时写的备注"))
        await until(lambda: "磁盘空间已满" in window.statusBar().currentMessage(),
                    what="the disk-full message")
        assert window.isVisible() and outbox.pending_count(window.actions.reader()) == 0
        assert window.actions.reader().execute(  # the cache still reads
            "SELECT count(*) FROM orders").fetchone()[0] == 1
        filler.unlink()
        await window.actions.merchant_note(order.order_id, "空间回来后写的备注")
        assert outbox.pending_count(window.actions.reader()) == 1
        window.close()
        assert await task == 0
