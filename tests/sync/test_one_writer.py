"""One writer per data dir: two ``seller-desktop sync`` processes racing on one data dir send
each offline-created product once; a run that finds the dir taken exits 6 with one line, or
waits with ``--wait``. Inside one process, two pushers on one outbox (the outbox's own claim)
send each row once too."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from pathlib import Path

import pytest

from seller_desktop.cli_exit import Exit
from seller_desktop.ops import products as product_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.lock import DirLock
from seller_desktop.sync import SyncEngine

from .conftest import make_client
from .helpers import control
from .test_cli_crash import cli, creds

ADD = "/channels/ec/product/add"
CREATES = 6


async def offline_creates(server: SandboxServer, data_dir: Path) -> list[str]:
    """A synced store with ``CREATES`` products created offline; their titles."""
    store = Store.open(data_dir)
    client = make_client(server.url, server)
    try:
        await SyncEngine(client, store, order_days=91, clock=server.shop.clock.now).run(full=True)
        pid = store.reader().execute("SELECT product_id FROM products WHERE status = 5"
                                     " ORDER BY product_id LIMIT 1").fetchone()[0]
        draft = product_ops.ProductRepo(store.reader()).get(pid).draft
        titles = [f"离线新建的礼盒 第{i}号" for i in range(CREATES)]
        for title in titles:
            await product_ops.save_product(store, replace(
                draft, product_id=None, title=title,
                skus=tuple(replace(s, sku_id=None) for s in draft.skus)))
        return titles
    finally:
        await client.aclose()
        store.close()


def adds(server: SandboxServer) -> int:
    return sum(1 for e in server.shop.log if e["op"] == ADD)


def slow_adds(server: SandboxServer, seconds: float = 0.3, times: int | None = None) -> None:
    """product/add replies late, so a run holds the data dir while others start."""
    control(server.url, "/sandbox/faults", {"faults": [
        {"path": ADD, "kind": "delay", "seconds": seconds, "phase": "after", "times": times}]})


@pytest.mark.asyncio
async def test_two_sync_processes_on_one_data_dir_create_each_product_once(
        data_dir: Path, sandbox: SandboxServer) -> None:
    titles = await offline_creates(sandbox, data_dir)
    slow_adds(sandbox, seconds=5, times=1)  # the holder waits 5 s on its first add (the
    # refused run below needs ~2 s to start on a machine at load 10)
    env = creds(sandbox)
    racers = [cli(data_dir, sandbox.url, "--wait", "60", env=env) for _ in range(2)]
    deadline = time.monotonic() + 60
    while adds(sandbox) == 0 and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert adds(sandbox) > 0, "neither run pushed"
    refused = cli(data_dir, sandbox.url, env=env)  # no --wait: one line and exit code 6
    out, err = await asyncio.to_thread(refused.communicate, timeout=60)
    assert refused.returncode == Exit.LOCKED, err
    assert "open in another seller-desktop" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    for proc in racers:
        out, err = await asyncio.to_thread(proc.communicate, timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert adds(sandbox) == CREATES
    state = control(sandbox.url, "/sandbox/state", method="GET")["state"]
    made = [p["edit_product"]["title"] for p in state["products"].values()]
    assert sorted(t for t in made if t in titles) == sorted(titles)
    with Store.open(data_dir) as store:
        assert store.reader().execute(
            "SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0] == 0


@pytest.mark.asyncio
async def test_two_pushers_in_one_process_send_each_row_once(
        data_dir: Path, sandbox: SandboxServer) -> None:
    """The outbox's claim, without the file lock's help: two stores on one file (one process
    shares its lock), two engines pushing at once."""
    await offline_creates(sandbox, data_dir)
    slow_adds(sandbox)
    stores = [Store.open(data_dir) for _ in range(2)]
    clients = [make_client(sandbox.url, sandbox) for _ in stores]
    try:
        engines = [SyncEngine(c, s, order_days=91, clock=sandbox.shop.clock.now)
                   for c, s in zip(clients, stores, strict=True)]
        reports = await asyncio.gather(*(e.push() for e in engines))
    finally:
        for client in clients:
            await client.aclose()
        for store in stores:
            store.close()
    assert all(not r.messages for r in reports), [r.messages for r in reports]
    assert adds(sandbox) == CREATES


def test_the_window_holds_the_dir_so_a_script_does_not_push(data_dir: Path,
                                                           sandbox: SandboxServer) -> None:
    """The window holds the lock for its whole life (app.py): a CLI sync refuses, or waits."""
    asyncio.run(offline_creates(sandbox, data_dir))
    held = DirLock.acquire(data_dir)  # what app.run holds while the window is open
    try:
        proc = cli(data_dir, sandbox.url, "--wait", "0.5", env=creds(sandbox))
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == Exit.LOCKED and "Traceback" not in err, err
        assert adds(sandbox) == 0
        waiting = cli(data_dir, sandbox.url, "--wait", "60", env=creds(sandbox))
        time.sleep(0.5)
        assert waiting.poll() is None and adds(sandbox) == 0
    finally:
        held.release()
    _, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert adds(sandbox) == CREATES
