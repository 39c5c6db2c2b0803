"""Nothing leaves a cache whose whole-file check has not passed: every entry point of the engine
(run, push, pull, conflict resolution) and the shipping flow's push wait for the check, send
once it passed, and send nothing when it failed. Against the sandbox over loopback: the proof
is its request log."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from seller_desktop.ops import orders as order_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import CorruptCache, Store, outbox
from seller_desktop.store.errors import StorageFull
from seller_desktop.sync import SyncEngine
from seller_desktop.workflows.shipping import ShippingWorkflow

from .conftest import make_client
from .helpers import control, sandbox_log
from .test_push import order_to_ship

NOTE = "/channels/ec/order/merchantnotes/update"

pytestmark = pytest.mark.asyncio


async def _note_queued(sandbox: SandboxServer, store: Store) -> str:
    """A synced shop with one unsent merchant note."""
    client = make_client(sandbox.url, sandbox)
    try:
        await SyncEngine(client, store, order_days=91, clock=sandbox.shop.clock.now).run()
    finally:
        await client.aclose()
    oid = order_to_ship(store)
    await order_ops.set_merchant_note(store, oid, "检查通过前不许发")
    assert outbox.pending_count(store.reader()) == 1
    return oid


def _entry_points(engine: SyncEngine) -> dict[str, Callable[[], Awaitable[Any]]]:
    shipping = ShippingWorkflow(engine.store, engine)
    return {"run": engine.run, "push": engine.push, "pull": engine.pull,
            "resolve_conflict": lambda: engine.resolve_conflict("no-such-product", {}),
            "shipping.push": shipping.push}


def _new_order(sandbox: SandboxServer) -> str:
    """An order placed on the server after the last sync: in the cache only once a pull ran."""
    return str(control(sandbox.url, "/sandbox/order/create", {"status": 20})["order_id"])


def _cached(store: Store, order_id: str) -> bool:
    return store.reader().execute("SELECT 1 FROM orders WHERE order_id = ?",
                                  (order_id,)).fetchone() is not None


@pytest.mark.parametrize("entry", ["run", "push", "pull", "resolve_conflict", "shipping.push"])
async def test_each_entry_point_waits_for_the_check_and_sends_once_it_passed(
        entry: str, sandbox: SandboxServer, store: Store) -> None:
    await _note_queued(sandbox, store)
    check: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    client = make_client(sandbox.url, sandbox)
    try:
        engine = SyncEngine(client, store, order_days=91, clock=sandbox.shop.clock.now,
                            checked=check)
        placed = _new_order(sandbox)
        task = asyncio.ensure_future(_entry_points(engine)[entry]())
        await asyncio.sleep(0.5)
        assert not task.done()
        assert not sandbox_log(sandbox.url, NOTE) and not _cached(store, placed)  # nothing yet
        check.set_result(None)
        if entry == "resolve_conflict":  # past the check it finds no conflict to settle
            with pytest.raises(ValueError, match="没有待解决的冲突"):
                await asyncio.wait_for(task, 30)
            return
        await asyncio.wait_for(task, 30)
        if entry in ("run", "pull"):
            assert _cached(store, placed)
        if entry == "pull":
            assert not sandbox_log(sandbox.url, NOTE)
        else:  # every path that pushes sends the note, once
            assert len(sandbox_log(sandbox.url, NOTE)) == 1
            assert outbox.pending_count(store.reader()) == 0
    finally:
        await client.aclose()


@pytest.mark.parametrize("entry", ["run", "push", "pull", "resolve_conflict", "shipping.push"])
@pytest.mark.parametrize("failure", [CorruptCache("cache.sqlite3", "database disk image is malformed"),
                                     StorageFull("cache.sqlite3", "database or disk is full")],
                         ids=["damaged", "disk-full"])
async def test_a_failed_check_stops_each_entry_point_before_it_sends(
        entry: str, failure: Exception, sandbox: SandboxServer, store: Store) -> None:
    await _note_queued(sandbox, store)
    check: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    client = make_client(sandbox.url, sandbox)
    try:
        engine = SyncEngine(client, store, order_days=91, clock=sandbox.shop.clock.now,
                            checked=check)
        placed = _new_order(sandbox)
        task = asyncio.ensure_future(_entry_points(engine)[entry]())
        await asyncio.sleep(0.2)
        check.set_exception(failure)
        with pytest.raises(type(failure)):
            await asyncio.wait_for(task, 30)
        assert not sandbox_log(sandbox.url, NOTE) and not _cached(store, placed)
        assert outbox.pending_count(store.reader()) == 1  # the note waits, untouched
        assert not engine.running  # nothing held: the app can close or rebuild
    finally:
        await client.aclose()
