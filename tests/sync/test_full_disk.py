"""A disk that fills up under a sync: the sync stops with "disk full" (the CLI: one line, exit
code 7), the cache stays sound with its whole outbox, and once space is back every edit reaches
the sandbox exactly once."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from storage_support import fill, small_disk

from seller_desktop.cli_exit import Exit
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import StorageFull, Store, outbox
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.sync import SyncEngine

from .conftest import make_client
from .helpers import sandbox_state
from .test_cli_crash import cli, creds

STOCK = "/channels/ec/product/stock/update"


async def offline_edits(server: SandboxServer, store: Store) -> dict[str, object]:
    """Notes on five orders and +2 on four SKUs, made offline after a full sync."""
    client = make_client(server.url, server)
    try:
        await SyncEngine(client, store, order_days=91, clock=server.shop.clock.now).run(full=True)
    finally:
        await client.aclose()
    conn = store.reader()
    orders = [r[0] for r in conn.execute(
        "SELECT order_id FROM orders ORDER BY order_id LIMIT 5")]
    skus = conn.execute("SELECT p.product_id, s.sku_id FROM products p JOIN skus s"
                        " USING (product_id) WHERE p.status = 5 AND p.edit_status = 4"
                        " ORDER BY p.product_id, s.idx LIMIT 4").fetchall()
    state = sandbox_state(server.url)
    before = {(pid, sku): next(s["stock_num"] for s in state["products"][pid]["product"]["skus"]
                               if s["sku_id"] == sku) for pid, sku in skus}
    for oid in orders:
        await order_ops.set_merchant_note(store, oid, f"满盘前的备注 {oid[-4:]}")
    for pid, sku in skus:
        await product_ops.change_stock(store, pid, sku, 2)
    return {"orders": orders, "stock": before}


def assert_sent_once(server: SandboxServer, edits: dict[str, object]) -> None:
    state = sandbox_state(server.url)
    for oid in edits["orders"]:  # type: ignore[attr-defined]
        assert state["orders"][oid]["merchant_notes"] == f"满盘前的备注 {oid[-4:]}"
    for (pid, sku), was in edits["stock"].items():  # type: ignore[attr-defined]
        now = next(s["stock_num"] for s in state["products"][pid]["product"]["skus"]
                   if s["sku_id"] == sku)
        assert now == was + 2, (pid, sku)
    assert sum(1 for e in server.shop.log if e["op"] == STOCK) == 4


def sound_with_outbox(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.asyncio
async def test_a_sync_on_a_full_disk_stops_cleanly_and_resumes(tmp_path: Path,
                                                              sandbox: SandboxServer) -> None:
    with small_disk(tmp_path / "disk", size_kb=16384) as disk:
        data_dir = disk / "data"
        store = Store.open(data_dir)
        client = make_client(sandbox.url, sandbox)
        try:
            edits = await offline_edits(sandbox, store)
            filler = fill(disk)
            engine = SyncEngine(client, store, order_days=91, clock=sandbox.shop.clock.now)
            with pytest.raises(StorageFull):
                await engine.run(full=True)
            assert outbox.pending_count(store.reader()) == 9  # nothing confirmed, nothing lost
            filler.unlink()
            report = await engine.run()
            assert report.stopped == "" and report.failed == 0, report.errors
            assert outbox.pending_count(store.reader()) == 0
        finally:
            await client.aclose()
            store.close()
        assert_sent_once(sandbox, edits)


@pytest.mark.asyncio
async def test_the_cli_on_a_full_disk_says_so_and_pushes_once_space_is_back(
        tmp_path: Path, sandbox: SandboxServer) -> None:
    with small_disk(tmp_path / "disk", size_kb=16384) as disk:
        data_dir = disk / "data"
        with Store.open(data_dir) as store:
            edits = await offline_edits(sandbox, store)
        filler = fill(disk)
        proc = cli(data_dir, sandbox.url, env=creds(sandbox))
        _, err = await asyncio.to_thread(proc.communicate, timeout=120)
        assert proc.returncode == Exit.STORAGE, err
        assert "Traceback" not in err and "the disk is full" in err
        assert len(err.strip().splitlines()) == 1
        assert sorted(p.name for p in data_dir.iterdir()
                      if "corrupt" in p.name or p.name.startswith("unsynced")) == []
        filler.unlink()  # (even reading a WAL file needs a little space for its -shm)
        assert sound_with_outbox(data_dir / CACHE_NAME) == 9
        proc = cli(data_dir, sandbox.url, env=creds(sandbox))
        out, err = await asyncio.to_thread(proc.communicate, timeout=120)
        assert proc.returncode == 0, err
        assert "pushed: 9" in out
    assert_sent_once(sandbox, edits)
