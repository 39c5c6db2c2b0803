"""Full and incremental pulls mirror the sandbox exactly; gift transitions reach the ChangeSet."""

from __future__ import annotations

import pytest

from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine
from seller_desktop.sync.progress import Progress

from .helpers import (
    add_draft,
    assert_orders_mirror,
    assert_products_mirror,
    control,
    sandbox_state,
)

DAYS = 91


@pytest.mark.asyncio
async def test_full_sync_mirrors_the_sandbox(engine: SyncEngine, store: Store,
                                             sandbox: SandboxServer) -> None:
    draft_id = await add_draft(engine.api)
    steps: set[str] = set()
    engine.ctx.progress = Progress(lambda step, done, total: steps.add(step))
    report = await engine.run(full=True)
    assert report.stopped == "", report.stopped
    state = sandbox_state(sandbox.url)
    conn = store.reader()
    assert_orders_mirror(conn, state, since=state_floor(sandbox))
    assert_products_mirror(conn, state)
    gifts = sum(1 for r in state["orders"].values() if r.get("present"))
    assert report.gift_orders == gifts > 0
    assert report.orders == len(state["orders"])
    assert report.products == len([p for p in state["products"].values()
                                   if p["status"] not in (6, 9)])
    assert {"orders.list", "orders.get", "products.list", "products.get"} <= steps
    # drafts that were never listed are mirrored too
    assert state["products"][draft_id]["status"] == 0
    assert conn.execute("SELECT status FROM products WHERE product_id = ?",
                        (draft_id,)).fetchone()[0] == 0
    # the planner's statistics follow a full sync (sampled on the writer thread)
    stats = {r[0] for r in conn.execute("SELECT tbl FROM sqlite_stat1")}
    assert {"orders", "products"} <= stats


def state_floor(sandbox: SandboxServer) -> int:
    return sandbox.shop.clock.now() - DAYS * 86400


@pytest.mark.asyncio
async def test_incremental_sync_sees_new_orders_and_gift_transitions(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    state = sandbox_state(sandbox.url)
    pending = sorted(oid for oid, r in state["orders"].items()
                     if r.get("present") and r["status"] == 12)
    assert len(pending) >= 2, "the demo shop needs two gifts awaiting acceptance"
    accepted, expired = pending[0], pending[1]
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 600})
    control(sandbox.url, "/sandbox/gift/accept", {"order_id": accepted})
    control(sandbox.url, "/sandbox/gift/expire", {"order_id": expired})
    new = control(sandbox.url, "/sandbox/order/create", {})["order_id"]

    report = await engine.run()
    assert report.stopped == ""
    assert report.changes.gifts_accepted == [accepted]
    assert report.changes.gifts_expired == [expired]
    assert new in report.changes.orders
    assert report.orders < 10, "an incremental run reads only what changed"
    state = sandbox_state(sandbox.url)
    conn = store.reader()
    assert_orders_mirror(conn, state, since=state_floor(sandbox))
    row = conn.execute("SELECT status, gift_accepted_at, user_name FROM orders WHERE order_id = ?",
                       (accepted,)).fetchone()
    assert row["status"] == 20 and row["gift_accepted_at"] and row["user_name"]
    row = conn.execute("SELECT status, gift_expired_at FROM orders WHERE order_id = ?",
                       (expired,)).fetchone()
    assert row["status"] == 250 and row["gift_expired_at"]


@pytest.mark.asyncio
async def test_gift_expires_when_the_clock_passes_24_hours(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    state = sandbox_state(sandbox.url)
    pending = {oid for oid, r in state["orders"].items() if r.get("present") and r["status"] == 12}
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 25 * 3600})
    report = await engine.run()
    assert set(report.changes.gifts_expired) == pending
    assert_orders_mirror(store.reader(), sandbox_state(sandbox.url), since=state_floor(sandbox))
