"""A rebuild keeps the e-waybills already taken and the print log: a cache with a taken,
printed waybill is damaged and rebuilt (what the window's 重建 runs), and the app never takes a
second number for that order. When the waybills themselves cannot be read, the finished job
is read back from the server before anything else is sent for it. Against the sandbox over
loopback; the proof is its request log (``order/create`` once)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store.factories import make_order

from seller_desktop.domain.validation import ValidationFailed
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import CorruptCache, Store, outbox
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.rebuild import rebuild_cache
from seller_desktop.store.waybills import REQUESTED, PrintLog, WaybillRepo
from seller_desktop.sync import SyncEngine

from .conftest import make_client
from .test_push import ACCOUNT, order_to_ship
from .test_rebuild_push import wreck_the_middle

TAKE = "/channels/ec/logistics/ewaybill/biz/order/create"

pytestmark = pytest.mark.asyncio


def takes(server: SandboxServer) -> int:
    return sum(1 for e in server.shop.log if e["op"] == TAKE)


async def _sync(server: SandboxServer, store: Store, full: bool = False) -> None:
    client = make_client(server.url, server)
    try:
        report = await SyncEngine(client, store, order_days=91,
                                  clock=server.shop.clock.now).run(full=full)
        assert report.stopped == "" and report.failed == 0, report.errors
    finally:
        await client.aclose()


async def taken_and_printed(server: SandboxServer, data_dir: Path) -> dict[str, str]:
    """A waybill taken (on the server) and printed for an order that is not shipped yet; then
    many orders written after it (the pages the damage hits)."""
    store = Store.open(data_dir)
    try:
        await _sync(server, store, full=True)
        oid = order_to_ship(store)
        await shipping_ops.create_waybill_jobs(store, [oid], ACCOUNT)
        await _sync(server, store)
        (waybill,) = WaybillRepo(store.reader()).for_order(oid)
        assert waybill.waybill_id and takes(server) == 1
        await shipping_ops.report_print(store, waybill.ewaybill_order_id, reason="首次打印")
        await _sync(server, store)
        await store.writer.write(lambda c: OrderRepo(c).upsert_many(
            make_order(900_000 + i) for i in range(3000)), durable=False)
        return {"order": oid, "eid": waybill.ewaybill_order_id, "number": waybill.waybill_id}
    finally:
        store.close()


async def _no_second_number(server: SandboxServer, data_dir: Path, order_id: str) -> Store:
    """The rebuilt cache's first sync (its orders come back), then a waybill asked for the
    order again, and another sync: the store is asked for no second number."""
    store = Store.open(data_dir)
    await _sync(server, store)
    with pytest.raises(ValidationFailed, match="已有"):
        await shipping_ops.create_waybill_jobs(store, [order_id], ACCOUNT)
    await _sync(server, store)
    assert takes(server) == 1
    return store


def wreck_table(path: Path, table: str) -> None:
    """Overwrite the table's root page (the whole of a small table)."""
    with Store.open(path.parent) as store:  # closing checkpoints the WAL into the file
        conn = store.reader()
        page = int(conn.execute("PRAGMA page_size").fetchone()[0])
        root = int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                                (table,)).fetchone()[0])
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(b"\xde\xad\xbe\xef" * (page // 4))


async def test_a_rebuild_keeps_taken_waybills_and_the_print_log(data_dir: Path,
                                                                sandbox: SandboxServer) -> None:
    work = await taken_and_printed(sandbox, data_dir)
    wreck_the_middle(data_dir / CACHE_NAME)
    with pytest.raises(CorruptCache):
        Store.open(data_dir)

    result = rebuild_cache(data_dir)
    assert (result.waybills, result.waybills_to_check) == (1, 0)
    assert (result.shipping_unreadable, result.shipping_lost) == (0, ())
    record = json.loads(result.export.read_text(encoding="utf-8"))  # the seller's record
    assert [w["waybill_id"] for w in record["waybills"]] == [work["number"]]
    assert [e["reason"] for e in record["print_log"]] == ["首次打印"]
    with Store.open(data_dir) as store:
        waybill = WaybillRepo(store.reader()).get(work["eid"])
        assert waybill is not None and waybill.waybill_id == work["number"]
        assert waybill.print_count == 1 and waybill.order_id == work["order"]
        assert [e["reason"] for e in PrintLog(store.reader()).entries(work["eid"])] == ["首次打印"]
    store = await _no_second_number(sandbox, data_dir, work["order"])
    store.close()


async def test_unreadable_waybills_are_read_from_the_server_before_any_new_one(
        data_dir: Path, sandbox: SandboxServer) -> None:
    work = await taken_and_printed(sandbox, data_dir)
    wreck_table(data_dir / CACHE_NAME, "waybills")
    with pytest.raises(CorruptCache):
        Store.open(data_dir)

    result = rebuild_cache(data_dir)
    assert result.shipping_lost == ("waybills",) and result.waybills == 0
    assert result.waybills_to_check == 1
    with Store.open(data_dir) as store:
        # until the server is asked, the order shows a requested waybill: none is taken for it
        waybill = WaybillRepo(store.reader()).get(work["eid"])
        assert waybill is not None and waybill.status == REQUESTED
        (job,) = outbox.open_rows(store.reader(), "waybill", work["eid"])
        assert (job.op, job.state) == ("ewaybill_create", "sending")
        assert len(PrintLog(store.reader()).entries(work["eid"])) == 1  # its own table: kept
    store = await _no_second_number(sandbox, data_dir, work["order"])
    try:
        waybill = WaybillRepo(store.reader()).get(work["eid"])
        assert waybill is not None and waybill.waybill_id == work["number"]  # read back
        assert waybill.status != REQUESTED
        assert outbox.pending_count(store.reader()) == 0
    finally:
        store.close()
