"""The rescue round trip: a cache with unsynced edits is damaged, rebuilt through
``rebuild_cache`` (what the window's 重建 runs), and every edit reaches the sandbox exactly once,
including an offline-created product whose ``product/add`` had already been applied when the
cache broke (its row was ``sending``: it is found by its marker, not added again)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from store.factories import make_order

from seller_desktop.api import products as products_api
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import CorruptCache, Store, outbox
from seller_desktop.store.codec import product_from_dict
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.products import ProductRepo
from seller_desktop.store.rebuild import rebuild_cache
from seller_desktop.sync import SyncEngine
from seller_desktop.sync.push_products import marker

from .conftest import make_client
from .helpers import sandbox_state
from .test_push import ACCOUNT, on_sale_product, order_to_ship

ADD = "/channels/ec/product/add"
TITLES = [f"坏盘前离线新建 第{i}号" for i in range(3)]


def wreck_the_middle(path: Path) -> None:
    """Overwrite a quarter of the file from its middle (the orders written last live there)."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * (size // 16))


async def unsynced_work(server: SandboxServer, data_dir: Path) -> dict[str, object]:
    """Three offline creates (the first already applied on the server, its row ``sending``),
    a title edit, a stock delta and an order note; then many orders after them."""
    store = Store.open(data_dir)
    client = make_client(server.url, server)
    try:
        await SyncEngine(client, store, order_days=91, clock=server.shop.clock.now).run(full=True)
        pid = on_sale_product(store)
        record = ProductRepo(store.reader()).get(pid)
        assert record is not None
        for title in TITLES:
            await product_ops.save_product(store, replace(
                record.draft, product_id=None, title=title,
                skus=tuple(replace(s, sku_id=None) for s in record.draft.skus)))
        await product_ops.save_product(store, replace(record.draft, title="坏盘前改好的标题"))
        sku_id = str(record.draft.skus[0].sku_id)
        await product_ops.change_stock(store, pid, sku_id, 4)
        oid = order_to_ship(store)
        await order_ops.set_merchant_note(store, oid, "坏盘前写的备注")
        waybill_for = order_to_ship(store, skip=1)  # a waybill taken offline: it needs the
        await shipping_ops.create_waybill_jobs(store, [waybill_for], ACCOUNT)  # order's address
        # the first create went out and reached the server, then the app died before the reply
        first = next(r for r in outbox.next_batch(store.reader()) if r.op == "create")
        await store.writer.write(lambda c: outbox.mark_sending(c, first.id, first))
        sent = marker(first)  # what send_create puts in out_product_id: the copied seller code
        assert sent == record.draft.out_product_id != ""
        await products_api.add_product(client, replace(
            product_from_dict(first.payload), product_id=None, out_product_id=sent))
        await store.writer.write(lambda c: OrderRepo(c).upsert_many(
            make_order(900_000 + i) for i in range(3000)), durable=False)
        stock = next(s["stock_num"] for s in sandbox_state(server.url)["products"][pid]
                     ["product"]["skus"] if s["sku_id"] == sku_id)
        return {"pid": pid, "sku_id": sku_id, "stock": stock, "oid": oid,
                "first": first.entity_id, "waybill_for": waybill_for}
    finally:
        await client.aclose()
        store.close()


@pytest.mark.asyncio
async def test_rescued_edits_come_back_and_are_sent_once(data_dir: Path,
                                                        sandbox: SandboxServer) -> None:
    work = await unsynced_work(sandbox, data_dir)
    wreck_the_middle(data_dir / CACHE_NAME)
    with pytest.raises(CorruptCache):
        Store.open(data_dir)

    result = rebuild_cache(data_dir)
    assert (result.restored, result.unreadable, result.outbox_lost) == (7, 0, False)
    assert result.export.exists() and result.moved.exists()

    store = Store.open(data_dir)
    client = make_client(sandbox.url, sandbox)
    try:
        conn = store.reader()
        rows = conn.execute("SELECT op, entity_id, state FROM outbox ORDER BY id").fetchall()
        assert [(r["op"], r["state"]) for r in rows] == [
            ("create", "sending"), ("create", "pending"), ("create", "pending"),
            ("edit", "pending"), ("stock_delta", "pending"), ("merchant_note", "pending"),
            ("ewaybill_create", "pending")]
        assert rows[0]["entity_id"] == work["first"]
        wanted = {r.entity_id: r.payload["title"] for r in outbox.next_batch(conn)
                  if r.op == "create"}  # local id → the title the seller gave it
        assert sorted(wanted.values()) == sorted(TITLES)
        shown = {r[0] for r in conn.execute("SELECT title FROM products")}
        assert set(TITLES) <= shown  # the offline-created products are in the list again
        assert "坏盘前改好的标题" in shown  # and the edited one as the seller left it
        adds_before = sum(1 for e in sandbox.shop.log if e["op"] == ADD)
        report = await SyncEngine(client, store, order_days=91,
                                  clock=sandbox.shop.clock.now).run()
        assert report.stopped == "" and report.failed == 0, report.errors
        assert report.pushed == 7
        assert outbox.pending_count(conn) == 0
        became = {r["local_id"]: r["product_id"] for r in conn.execute(
            "SELECT local_id, product_id FROM products WHERE local_id IS NOT NULL")}
    finally:
        await client.aclose()
        store.close()

    adds = sum(1 for e in sandbox.shop.log if e["op"] == ADD)
    assert (adds_before, adds) == (1, 3)  # the applied one was found, two were added
    state = sandbox_state(sandbox.url)
    titles = [p["edit_product"]["title"] for p in state["products"].values()]
    assert sorted(t for t in titles if t in TITLES) == sorted(TITLES)
    for local_id, title in wanted.items():  # each offline product became the one made from it
        assert state["products"][became[local_id]]["edit_product"]["title"] == title
    product = state["products"][work["pid"]]
    assert product["edit_product"]["title"] == "坏盘前改好的标题"
    stock = next(s["stock_num"] for s in product["product"]["skus"]
                 if s["sku_id"] == work["sku_id"])
    assert stock == work["stock"] + 4
    assert state["orders"][work["oid"]]["merchant_notes"] == "坏盘前写的备注"
    waybills = [w for w in state["ewaybills"].values()
                if [str(o["ec_order_id"]) for o in w["ec_order_list"]] == [work["waybill_for"]]]
    assert len(waybills) == 1


def test_what_could_not_be_read_is_counted(data_dir: Path) -> None:
    (data_dir / CACHE_NAME).write_bytes(b"this is not a database" * 400)
    result = rebuild_cache(data_dir)
    assert result.outbox_lost and result.restored == 0
    with Store.open(data_dir) as store:
        assert outbox.pending_count(store.reader()) == 0
    # a row whose payload is not JSON any more is counted, not restored as garbage
    with Store.open(data_dir) as store:
        store.writer.write_sync(lambda c: outbox.enqueue(c, "order", "1", "merchant_note",
                                                         {"order_id": "1", "notes": "好"}))
        store.writer.write_sync(lambda c: outbox.enqueue(c, "order", "2", "merchant_note",
                                                         {"order_id": "2", "notes": "坏"}))
        store.writer.write_sync(lambda c: c.execute(
            "UPDATE outbox SET payload = '{broken' WHERE entity_id = '2'"))
    conn = sqlite3.connect(data_dir / CACHE_NAME)
    conn.execute("PRAGMA user_version = 0")  # "not a cache of this app": damaged, rebuilt
    conn.execute("CREATE TABLE stray (x)")
    conn.close()
    with pytest.raises(CorruptCache):
        Store.open(data_dir)
    result = rebuild_cache(data_dir)
    assert (result.restored, result.unreadable, result.outbox_lost) == (1, 1, False)
    with Store.open(data_dir) as store:
        (row,) = outbox.open_rows(store.reader(), "order", "1")
        assert row.payload == {"order_id": "1", "notes": "好"}
