"""Pushing the outbox: offline edits reach the server after reconnect, conflicts, waybills."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from seller_desktop.api.client import ApiClient
from seller_desktop.api.errors import Offline
from seller_desktop.domain.waybill import CarrierAccount, SenderAddress
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.meta import ConflictRepo
from seller_desktop.store.products import ProductRepo
from seller_desktop.sync import SyncEngine

from .conftest import make_client
from .helpers import add_draft, assert_products_mirror, control, sandbox_log, sandbox_state

ADD = "/channels/ec/product/add"
ACCOUNT = CarrierAccount("YTO", "圆通速递", "7001001", "1000000812345678", "510450",
                         "广州白云太和网点", 500,
                         SenderAddress("小店发货仓", "02088886666", "广东省", "广州市", "白云区",
                                       "大源北路88号仓储园3栋", "太和镇"))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def on_sale_product(store: Store) -> str:
    row = store.reader().execute(
        "SELECT product_id FROM products WHERE status = 5 ORDER BY product_id LIMIT 1").fetchone()
    return str(row[0])


def order_to_ship(store: Store, skip: int = 0) -> str:
    row = store.reader().execute(
        "SELECT order_id FROM orders WHERE status = 20 AND user_name != ''"
        " ORDER BY order_id LIMIT 1 OFFSET ?", (skip,)).fetchone()
    return str(row[0])


@pytest.mark.asyncio
async def test_offline_edits_are_pushed_after_reconnect(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    pid = on_sale_product(store)
    record = ProductRepo(store.reader()).get(pid)
    assert record is not None
    sku = record.draft.skus[0]
    before_stock = next(s["stock_num"] for s in sandbox_state(sandbox.url)["products"][pid]
                        ["product"]["skus"] if s["sku_id"] == sku.sku_id)
    await product_ops.save_product(store, replace(record.draft, title="离线修改的商品标题"))
    await product_ops.change_stock(store, pid, str(sku.sku_id), 5)
    new_draft = replace(record.draft, product_id=None, title="离线新建的商品",
                        skus=tuple(replace(s, sku_id=None) for s in record.draft.skus))
    await product_ops.save_product(store, new_draft)
    oid = order_to_ship(store)
    await order_ops.mark_shipped(store, oid, "YTO", "YT900000000001")
    await order_ops.set_merchant_note(store, oid, "离线写的备注")

    offline = ApiClient(f"http://127.0.0.1:{closed_port()}", "wxsandbox0000shop", "x" * 8)
    try:
        report = await SyncEngine(offline, store, clock=sandbox.shop.clock.now).run()
    finally:
        await offline.aclose()
    assert isinstance(report.stop_error, Offline)
    assert not offline.online
    open_rows = store.reader().execute(
        "SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    assert open_rows == 5

    report = await engine.run()
    assert report.stopped == "", report.errors
    assert report.pushed == 5 and report.failed == 0
    state = sandbox_state(sandbox.url)
    assert state["products"][pid]["edit_product"]["title"] == "离线修改的商品标题"
    after = next(s["stock_num"] for s in state["products"][pid]["product"]["skus"]
                 if s["sku_id"] == sku.sku_id)
    assert after == before_stock + 5
    created = [p for p in state["products"].values()
               if p["edit_product"]["title"] == "离线新建的商品"]
    assert len(created) == 1
    new_id = created[0]["product_id"]
    conn = store.reader()
    assert conn.execute("SELECT count(*) FROM products WHERE product_id LIKE 'local-%'"
                        ).fetchone()[0] == 0
    assert conn.execute("SELECT title FROM products WHERE product_id = ?",
                        (new_id,)).fetchone()[0] == "离线新建的商品"
    order = state["orders"][oid]
    assert [p["waybill_id"] for p in order["parcels"]] == ["YT900000000001"]
    assert order["merchant_notes"] == "离线写的备注"
    assert conn.execute("SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0] == 0
    assert conn.execute("SELECT status FROM orders WHERE order_id = ?", (oid,)).fetchone()[0] \
        == order["status"]


@pytest.mark.asyncio
@pytest.mark.parametrize("choice", ["mine", "theirs"])
async def test_edit_on_both_sides_is_a_conflict_until_resolved(
        engine: SyncEngine, store: Store, sandbox: SandboxServer, choice: str) -> None:
    await engine.run(full=True)
    pid = on_sale_product(store)
    record = ProductRepo(store.reader()).get(pid)
    assert record is not None
    sku = record.draft.skus[0]
    mine = replace(record.draft, title="卖家在桌面改的标题", short_title="桌面短标题",
                   skus=(replace(sku, sale_price=sku.sale_price + 100), *record.draft.skus[1:]))
    await product_ops.save_product(store, mine)
    control(sandbox.url, "/sandbox/product/edit",
            {"product_id": pid, "fields": {"title": "网页后台改的标题",
                                           "skus": [{"sku_id": sku.sku_id,
                                                     "sale_price": sku.sale_price + 200}]}})
    report = await engine.run()
    assert report.conflicts == 1 and report.changes.conflicts
    conflicts = ConflictRepo(store.reader()).list_unresolved(pid)
    fields = {c.field for c in conflicts}
    assert fields == {"title", f"skus[{sku.sku_id}].sale_price"}
    title = next(c for c in conflicts if c.field == "title")
    assert (title.mine, title.theirs) == ("卖家在桌面改的标题", "网页后台改的标题")
    # the one-sided change (short title) is not a conflict and nothing was sent yet
    state = sandbox_state(sandbox.url)
    assert state["products"][pid]["edit_product"]["title"] == "网页后台改的标题"

    await engine.resolve_conflict(pid, {f: choice for f in fields})
    state = sandbox_state(sandbox.url)
    draft = state["products"][pid]["edit_product"]
    want_title = "卖家在桌面改的标题" if choice == "mine" else "网页后台改的标题"
    want_price = sku.sale_price + (100 if choice == "mine" else 200)
    assert draft["title"] == want_title
    assert draft["short_title"] == "桌面短标题"
    assert next(s for s in draft["skus"] if s["sku_id"] == sku.sku_id)["sale_price"] == want_price
    conn = store.reader()
    assert conn.execute("SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0] == 0
    assert not ConflictRepo(conn).list_unresolved(pid)
    assert conn.execute("SELECT has_conflict FROM products WHERE product_id = ?",
                        (pid,)).fetchone()[0] == 0


@pytest.mark.asyncio
async def test_ewaybill_print_and_ship_go_out_once(engine: SyncEngine, store: Store,
                                                   sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    oid = order_to_ship(store)
    await shipping_ops.create_waybill_jobs(store, [oid], ACCOUNT)
    report = await engine.run()
    assert report.pushed == 1, report.errors
    waybill = store.reader().execute(
        "SELECT ewaybill_order_id, waybill_id, print_info FROM waybills WHERE order_id = ?",
        (oid,)).fetchone()
    assert waybill["waybill_id"] and waybill["print_info"] == ""  # never kept: buyer data
    await shipping_ops.report_print(store, waybill["ewaybill_order_id"])
    await order_ops.mark_shipped(store, oid, "YTO", waybill["waybill_id"])
    report = await engine.run()
    assert report.pushed == 2, report.errors
    assert len(sandbox_log(sandbox.url, "/channels/ec/logistics/ewaybill/biz/order/create")) == 1
    assert len(sandbox_log(sandbox.url, "/channels/ec/order/delivery/send")) == 1
    state = sandbox_state(sandbox.url)
    assert state["ewaybills"][waybill["ewaybill_order_id"]]["status"] == 4
    assert state["orders"][oid]["status"] == 30


@pytest.mark.asyncio
async def test_rejected_rows_are_kept_failed_and_retryable(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    oid = order_to_ship(store)
    # the buyer side cancels the order before the shipment reaches the server
    await order_ops.mark_shipped(store, oid, "YTO", "YT900000000002")
    control(sandbox.url, "/sandbox/order/status", {"order_id": oid, "status": 200})
    report = await engine.run()
    assert report.failed == 1 and report.pushed == 0
    row = store.reader().execute("SELECT state, last_error, payload FROM outbox").fetchone()
    # the order is read fresh right before delivery/send: the cancellation stops it there
    assert row["state"] == "failed" and "订单已取消" in row["last_error"]
    assert sandbox_log(sandbox.url, "/channels/ec/order/delivery/send") == []
    assert "YT900000000002" in row["payload"]
    assert any("发货" in e for e in report.errors)


@pytest.mark.asyncio
async def test_client_against_a_closed_port_reports_offline(store: Store,
                                                            sandbox: SandboxServer) -> None:
    client = make_client(f"http://127.0.0.1:{closed_port()}", sandbox)
    try:
        report = await SyncEngine(client, store).run(full=True)
    finally:
        await client.aclose()
    assert isinstance(report.stop_error, Offline)
    assert report.stopped


@pytest.mark.asyncio
async def test_ewaybill_cancel_goes_out_once(engine: SyncEngine, store: Store,
                                             sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    oid = order_to_ship(store)
    await shipping_ops.create_waybill_jobs(store, [oid], ACCOUNT)
    await engine.run()
    eid = store.reader().execute("SELECT ewaybill_order_id FROM waybills WHERE order_id = ?",
                                 (oid,)).fetchone()[0]
    control(sandbox.url, "/sandbox/faults", {"seed": 2, "faults": [
        {"path": "/channels/ec/logistics/ewaybill/biz/order/cancel", "kind": "reset",
         "phase": "after", "times": 1}]})
    await shipping_ops.cancel_waybill(store, eid)
    report = await engine.run()
    assert report.pushed == 1 and report.failed == 0, report.errors
    assert sandbox_state(sandbox.url)["ewaybills"][eid]["status"] == 2
    assert len(sandbox_log(sandbox.url, "/channels/ec/logistics/ewaybill/biz/order/cancel")) == 1


@pytest.mark.asyncio
async def test_list_delist_delete_even_after_lost_replies(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    draft_id = await add_draft(engine.api)
    await engine.run(full=True)
    on_sale = on_sale_product(store)
    # every first reply of listing/delisting is lost after the server applied it
    control(sandbox.url, "/sandbox/faults", {"seed": 4, "faults": [
        {"path": path, "kind": "reset", "phase": "after", "times": 1}
        for path in ("/channels/ec/product/listing", "/channels/ec/product/delisting")]})
    await product_ops.list_product(store, draft_id)
    await product_ops.delist_product(store, on_sale)
    report = await engine.run()
    assert report.pushed == 2 and report.failed == 0, report.errors
    state = sandbox_state(sandbox.url)
    assert state["products"][draft_id]["edit_status"] in (2, 4)
    assert state["products"][on_sale]["status"] == 11
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 60})
    await product_ops.delete_product(store, on_sale)
    report = await engine.run(full=True)
    assert report.pushed == 1 and report.failed == 0, report.errors
    state = sandbox_state(sandbox.url)
    assert state["products"][draft_id]["status"] == 5
    assert state["products"][on_sale]["status"] == 6
    conn = store.reader()
    assert conn.execute("SELECT status FROM products WHERE product_id = ?",
                        (draft_id,)).fetchone()[0] == 5
    assert conn.execute("SELECT count(*) FROM products WHERE product_id = ?",
                        (on_sale,)).fetchone()[0] == 0
    assert_products_mirror(conn, state)


@pytest.mark.asyncio
async def test_a_print_report_whose_reply_was_lost_is_read_back_not_sent_again(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """A kill between the report reaching the store and the row being marked done leaves it
    ``sending``: the e-waybill's printed status says it landed, so it is not sent twice."""
    from seller_desktop.api import ewaybill as ewaybill_api
    from seller_desktop.domain.waybill import Waybill
    from seller_desktop.store import outbox

    await engine.run(full=True)
    oid = order_to_ship(store)
    await shipping_ops.create_waybill_jobs(store, [oid], ACCOUNT)
    await engine.run()
    eid, wid = store.reader().execute(
        "SELECT ewaybill_order_id, waybill_id FROM waybills WHERE order_id = ?", (oid,)).fetchone()
    await shipping_ops.report_print(store, eid)
    row_id = store.reader().execute(
        "SELECT id FROM outbox WHERE op = 'print_report' AND state = 'pending'").fetchone()[0]
    await store.writer.write(lambda conn: outbox.mark_sending(conn, row_id))  # claimed; a kill:
    await ewaybill_api.report_printed(engine.api, Waybill(   # ...after the store applied it
        ewaybill_order_id=eid, order_id=oid, delivery_id=ACCOUNT.delivery_id, waybill_id=wid,
        status=0))
    report = await engine.run()
    assert report.errors == [] and outbox.get(store.reader(), row_id).state == "done"
    assert len(sandbox_log(sandbox.url, "/channels/ec/logistics/ewaybill/biz/order/print")) == 1


async def _offline_copy(store: Store, pid: str, title: str, dearer: int = 0) -> int:
    """An offline copy of ``pid`` (same seller code) named ``title``; its create row's id
    (the newest, when copies share the title)."""
    from seller_desktop.store import outbox

    record = ProductRepo(store.reader()).get(pid)
    assert record is not None and record.draft.out_product_id != ""
    await product_ops.save_product(store, replace(
        record.draft, product_id=None, title=title,
        skus=tuple(replace(s, sku_id=None, sale_price=s.sale_price + dearer)
                   for s in record.draft.skus)))
    return max(r.id for r in outbox.next_batch(store.reader())
               if r.op == "create" and r.payload.get("title") == title)


def _became(store: Store, local_id: str) -> str:
    """The server id a locally created product was given."""
    row = store.reader().execute("SELECT product_id FROM products WHERE local_id = ?",
                                 (local_id,)).fetchone()
    assert row is not None and not str(row[0]).startswith("local-")
    return str(row[0])


def _server_title(url: str, product_id: str) -> str:
    return str(sandbox_state(url)["products"][product_id]["edit_product"]["title"])


@pytest.mark.asyncio
async def test_a_create_that_never_left_is_sent_though_a_copy_shares_its_seller_code(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """A create found ``sending`` (killed before the request went out) is sent, even when the
    shop has a product not yet cached with the same seller code (made on the web since)."""
    from seller_desktop.api import products as products_api
    from seller_desktop.store import outbox
    from seller_desktop.sync.push_products import marker

    await engine.run(full=True)
    pid = on_sale_product(store)
    row_id = await _offline_copy(store, pid, "离线复制的同款")
    row = outbox.get(store.reader(), row_id)
    await store.writer.write(lambda conn: outbox.mark_sending(conn, row_id, row))
    other = ProductRepo(store.reader()).get(pid)
    assert other is not None
    await products_api.add_product(engine.api, replace(  # the web backend's copy, not ours
        other.draft, product_id=None, title="网页后台复制的同款", out_product_id=marker(row),
        skus=tuple(replace(s, sku_id=None) for s in other.draft.skus)))
    report = await engine.run()
    assert report.errors == [] and outbox.get(store.reader(), row_id).state == "done"
    assert len(sandbox_log(sandbox.url, ADD)) == 2  # the web's and ours, each once
    ours = _became(store, row.entity_id)
    assert _server_title(sandbox.url, ours) == "离线复制的同款"
    await engine.run(full=True)  # the web's copy arrives with a full pass, as its own product
    web = store.reader().execute("SELECT product_id FROM products WHERE title = ?",
                                 ("网页后台复制的同款",)).fetchone()
    assert web is not None and web[0] != ours


@pytest.mark.asyncio
async def test_two_applied_copies_each_find_their_own_product(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """Two creates of the same listing, both applied before a kill and found ``sending``:
    each takes its own server product (none is added again, none is taken twice)."""
    from seller_desktop.api import products as products_api
    from seller_desktop.store import outbox
    from seller_desktop.sync.push_products import marker

    await engine.run(full=True)
    pid = on_sale_product(store)
    titles = ("离线复制 甲", "离线复制 乙")
    local_ids = []
    for title in titles:
        row_id = await _offline_copy(store, pid, title)
        row = outbox.get(store.reader(), row_id)
        local_ids.append(row.entity_id)
        await store.writer.write(lambda conn, i=row_id, r=row: outbox.mark_sending(conn, i, r))
        record = ProductRepo(store.reader()).get(row.entity_id)
        assert record is not None
        await products_api.add_product(engine.api, replace(
            record.draft, product_id=None, out_product_id=marker(row),
            skus=tuple(replace(s, sku_id=None) for s in record.draft.skus)))
    report = await engine.run()
    assert report.errors == [] and report.pushed == 2
    assert len(sandbox_log(sandbox.url, ADD)) == 2  # the two applied adds, none again
    became = [_became(store, local_id) for local_id in local_ids]
    assert [_server_title(sandbox.url, pid) for pid in became] == list(titles)
    assert len(set(became)) == 2


@pytest.mark.asyncio
async def test_identical_copies_with_a_lost_reply_are_each_added_once(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """Two copies with the same code and title; a reply lost after the store applied an add:
    the product is read back before the next create goes, so each row gets its own product."""
    await engine.run(full=True)
    pid = on_sale_product(store)
    for _ in range(2):
        await _offline_copy(store, pid, "离线复制 同名")
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": ADD, "kind": "reset", "phase": "after", "times": 1}]})
    report = await engine.run()
    assert report.errors == [] and report.pushed == 2
    assert len(sandbox_log(sandbox.url, ADD)) == 2
    ids = {r[0] for r in store.reader().execute(
        "SELECT product_id FROM products WHERE title = '离线复制 同名'")}
    assert len(ids) == 2 and all(i in sandbox_state(sandbox.url)["products"] for i in ids)


@pytest.mark.asyncio
async def test_applied_copies_alike_but_for_the_price_each_find_their_own(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """Same seller code, same title, other prices, both applied before a kill: each row takes
    the product with its own prices."""
    from seller_desktop.api import products as products_api
    from seller_desktop.store import outbox
    from seller_desktop.sync.push_products import marker

    await engine.run(full=True)
    pid = on_sale_product(store)
    rows = [outbox.get(store.reader(), await _offline_copy(store, pid, "同名不同价", dearer))
            for dearer in (0, 100)]
    for row in rows:
        await store.writer.write(lambda conn, r=row: outbox.mark_sending(conn, r.id, r))
        draft = ProductRepo(store.reader()).get(row.entity_id).draft
        await products_api.add_product(engine.api, replace(
            draft, product_id=None, out_product_id=marker(row),
            skus=tuple(replace(s, sku_id=None) for s in draft.skus)))
    report = await engine.run()
    assert report.errors == [] and report.pushed == 2
    assert len(sandbox_log(sandbox.url, ADD)) == 2
    state = sandbox_state(sandbox.url)["products"]
    for row in rows:
        now_id = _became(store, row.entity_id)
        sent = sorted(s["sale_price"] for s in row.payload["skus"])
        assert sorted(s["sale_price"] for s in state[now_id]["edit_product"]["skus"]) == sent
