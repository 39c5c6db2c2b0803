"""Cancelling a sync (the UI's cancel button) leaves the store consistent and resumable."""

from __future__ import annotations

import asyncio

import pytest

from seller_desktop.ops import orders as order_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine
from seller_desktop.sync.progress import Progress

from .helpers import assert_orders_mirror, assert_products_mirror, sandbox_state


@pytest.mark.asyncio
async def test_cancel_mid_pull_then_resume(engine: SyncEngine, store: Store,
                                           sandbox: SandboxServer) -> None:
    engine.ctx.write_batch = 8  # several batches, so the cancel lands between writes
    fetched = asyncio.Event()

    def progress(step: str, done: int, total: int | None) -> None:
        if step == "orders.get" and done >= 20:
            fetched.set()

    engine.ctx.progress = Progress(progress, interval=0.0)
    task = asyncio.ensure_future(engine.run(full=True))
    await asyncio.wait_for(fetched.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not engine.running
    conn = store.reader()
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    saved = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    assert 0 < saved < len(sandbox.shop.orders)
    # the watermark did not move: the next run covers the whole span again
    assert conn.execute("SELECT count(*) FROM watermarks WHERE key = 'orders.synced_to'"
                        ).fetchone()[0] == 0
    # each saved order is whole (its lines came with it in the same transaction)
    assert conn.execute("SELECT count(*) FROM orders o WHERE NOT EXISTS"
                        " (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id)"
                        ).fetchone()[0] == 0
    report = await engine.run(full=True)
    assert report.stop_error is None
    state = sandbox_state(sandbox.url)
    assert_orders_mirror(store.reader(), state, since=0)
    assert_products_mirror(store.reader(), state)


@pytest.mark.asyncio
async def test_cancel_mid_push_keeps_every_row(engine: SyncEngine, store: Store,
                                               sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    orders = [r[0] for r in store.reader().execute(
        "SELECT order_id FROM orders WHERE status = 20 AND user_name != ''")]
    for i, oid in enumerate(orders):
        await order_ops.set_merchant_note(store, oid, f"备注 {i}")
    pushed = asyncio.Event()

    def progress(step: str, done: int, total: int | None) -> None:
        if step == "push" and done >= 1:
            pushed.set()

    engine.ctx.progress = Progress(progress, interval=0.0)
    task = asyncio.ensure_future(engine.push())
    await asyncio.wait_for(pushed.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    states = dict(store.reader().execute(
        "SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    assert sum(states.values()) == len(orders)
    assert set(states) <= {"pending", "done", "sending"}
    await engine.run()
    state = sandbox_state(sandbox.url)
    for i, oid in enumerate(orders):
        assert state["orders"][oid]["merchant_notes"] == f"备注 {i}"
    assert store.reader().execute(
        "SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0] == 0
