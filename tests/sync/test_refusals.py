"""A definite refusal from the store fails a row, with the store's reason, until the seller
retries it (after fixing the cause) or drops it (the local copy shows the server's again).
Later syncs keep saying so, and rows of the same entity wait behind it visibly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from seller_desktop.ops import outbox as outbox_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.products import ProductRepo
from seller_desktop.store.waybills import WaybillRepo
from seller_desktop.sync import SyncEngine

from .helpers import control, sandbox_log, sandbox_state
from .test_push import ACCOUNT, on_sale_product, order_to_ship

CREATE = "/channels/ec/logistics/ewaybill/biz/order/create"


def failed_rows(store: Store) -> list[dict]:
    return [dict(r) for r in store.reader().execute(
        "SELECT id, op, state, last_error, attempts FROM outbox WHERE state = 'failed'")]


@pytest.mark.asyncio
async def test_a_refused_waybill_stays_failed_with_its_reason_until_retried(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    oid = order_to_ship(store)
    control(sandbox.url, "/sandbox/ewaybill/stock", {"acct_id": ACCOUNT.acct_id, "available": 0})
    await shipping_ops.create_waybill_jobs(store, [oid], ACCOUNT)
    report = await engine.run()
    assert report.refused == 1 and report.failed == 1 and report.stop_error is None
    [row] = failed_rows(store)
    assert "取号失败" in row["last_error"] and row["last_error"] in report.failures
    for _ in range(2):  # later clean syncs keep saying so and never send it on their own
        report = await engine.run()
        assert report.failed == 1 and report.refused == 0 and report.failures
    assert sandbox_log(sandbox.url, CREATE) == []

    control(sandbox.url, "/sandbox/ewaybill/stock", {"acct_id": ACCOUNT.acct_id,
                                                    "available": 10})
    changes = await outbox_ops.retry_outbox_row(store, row["id"])
    assert changes.outbox and changes.orders == {oid}
    assert store.reader().execute("SELECT state FROM outbox WHERE id = ?",
                                  (row["id"],)).fetchone()[0] == "pending"
    report = await engine.run()
    assert report.failed == 0 and report.pushed == 1 and report.waiting == 0, report.errors
    assert len(sandbox_log(sandbox.url, CREATE)) == 1
    [waybill] = WaybillRepo(store.reader()).for_order(oid)
    assert waybill.waybill_id and waybill.status == 1


@pytest.mark.asyncio
async def test_dropping_a_refused_stock_change_restores_the_stock_and_frees_the_queue(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    pid = on_sale_product(store)
    record = ProductRepo(store.reader()).get(pid)
    assert record is not None
    sku = record.draft.skus[0]
    cached = sku.stock_num
    assert cached >= 5
    # meanwhile the stock was sold down to 2 elsewhere: -5 will be refused (10020219)
    control(sandbox.url, "/sandbox/product/edit",
            {"product_id": pid, "fields": {"skus": [{"sku_id": sku.sku_id, "stock_num": 2}]}})
    await product_ops.change_stock(store, pid, str(sku.sku_id), -5)
    edited = ProductRepo(store.reader()).get(pid).draft
    await product_ops.save_product(store, replace(edited, title="排在失败修改后面的标题"))
    report = await engine.run()
    assert report.failed == 1 and report.blocked == 1 and report.waiting == 1
    [row] = failed_rows(store)
    assert row["op"] == "stock_delta" and "库存不足" in row["last_error"]
    assert ProductRepo(store.reader()).get(pid).draft.skus[0].stock_num == cached - 5

    changes = await outbox_ops.drop_outbox_row(store, row["id"])
    assert changes.products == {pid}
    shown = ProductRepo(store.reader()).get(pid)
    server_cached = shown.server_draft.skus[0].stock_num
    assert shown.draft.skus[0].stock_num == server_cached  # the -5 is no longer shown
    assert shown.draft.title == "排在失败修改后面的标题"  # the later edit is still in line
    report = await engine.run()  # not a full pass: the dropped product is re-read by itself
    assert report.failed == 0 and report.blocked == 0 and report.waiting == 0, report.errors
    state = sandbox_state(sandbox.url)
    assert state["products"][pid]["edit_product"]["title"] == "排在失败修改后面的标题"
    assert sandbox_log(sandbox.url, "/channels/ec/product/stock/update") == []
    assert ProductRepo(store.reader()).get(pid).draft.skus[0].stock_num == 2


@pytest.mark.asyncio
async def test_only_failed_rows_can_be_retried_or_dropped(
        engine: SyncEngine, store: Store) -> None:
    from seller_desktop.domain.validation import ValidationFailed

    await engine.run(full=True)
    pid = on_sale_product(store)
    sku = ProductRepo(store.reader()).get(pid).draft.skus[0]
    await product_ops.change_stock(store, pid, str(sku.sku_id), 1)
    row_id = store.reader().execute("SELECT id FROM outbox").fetchone()[0]
    for action in (outbox_ops.retry_outbox_row, outbox_ops.drop_outbox_row):
        with pytest.raises(ValidationFailed):
            await action(store, row_id)
        with pytest.raises(ValidationFailed):
            await action(store, row_id + 100)


@pytest.mark.asyncio
@pytest.mark.parametrize(("errcode", "definite"), [(10020112, False), (10020219, True),
                                                   (48001, True)])
async def test_only_a_definite_refusal_fails_a_stock_change(
        engine: SyncEngine, store: Store, sandbox: SandboxServer, errcode: int,
        definite: bool) -> None:
    """10020112 ("too frequent, retry") keeps the row in line; 10020219 (stock too low) and
    48001 (no permission) are a "no" and fail it with the reason."""
    await engine.run(full=True)
    pid = on_sale_product(store)
    sku = ProductRepo(store.reader()).get(pid).draft.skus[0]
    before = next(s["stock_num"] for s in sandbox_state(sandbox.url)["products"][pid]
                  ["product"]["skus"] if s["sku_id"] == sku.sku_id)
    await product_ops.change_stock(store, pid, str(sku.sku_id), 7)
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": "/channels/ec/product/stock/update", "kind": "errcode", "errcode": errcode,
         "times": 1}]})
    report = await engine.run()
    rows = [dict(r) for r in store.reader().execute("SELECT state, last_error FROM outbox")]
    if definite:
        assert report.failed == report.refused == 1 and rows[0]["state"] == "failed"
        assert str(errcode) in rows[0]["last_error"]
        return
    assert report.failed == 0 and report.waiting == 1, report.failures
    assert rows[0]["state"] in ("pending", "sending") and "稍后重试" in rows[0]["last_error"]
    report = await engine.run()
    assert report.pushed == 1 and report.waiting == 0 and report.failed == 0
    after = next(s["stock_num"] for s in sandbox_state(sandbox.url)["products"][pid]
                 ["product"]["skus"] if s["sku_id"] == sku.sku_id)
    assert after == before + 7
    assert len(sandbox_log(sandbox.url, "/channels/ec/product/stock/update")) == 1


@pytest.mark.asyncio
async def test_a_product_gone_during_the_create_read_back_does_not_fail_the_create(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """After a lost product/add the engine looks for its marker among the products it does not
    know; one of them answering "not found" (deleted meanwhile) is not a refusal of ours."""
    from .helpers import add_draft

    await engine.run(full=True)
    await add_draft(engine.api, "别人刚建的草稿 稍后删除")  # on the server, not in the cache
    base = ProductRepo(store.reader()).get(on_sale_product(store)).draft
    await product_ops.save_product(store, replace(
        base, product_id=None, title="离线新建 回复丢失",
        skus=tuple(replace(s, sku_id=None) for s in base.skus)))
    log_start = len(sandbox.shop.log)
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": "/channels/ec/product/add", "kind": "reset", "times": 1},
        {"path": "/channels/ec/product/get", "kind": "errcode", "errcode": 10020052,
         "times": 1}]})
    report = await engine.run()
    assert report.failed == 0, report.failures
    if report.waiting:
        report = await engine.run()
    assert report.failed == 0 and report.waiting == 0, report.errors
    added = [e for e in control(sandbox.url, f"/sandbox/log?since={log_start}",
                                method="GET")["entries"]
             if e["op"] == "/channels/ec/product/add"]
    assert len(added) == 1
    titles = [p["edit_product"]["title"] for p in sandbox_state(sandbox.url)["products"].values()]
    assert titles.count("离线新建 回复丢失") == 1


@pytest.mark.asyncio
async def test_a_damaged_row_fails_alone_and_the_others_go_out(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """A ship row whose parcel lost its fields on disk crashed every sync (a KeyError out of
    run()), so nothing else was ever sent; now it is failed with a reason and the rest go."""
    from seller_desktop.ops import orders as order_ops

    await engine.run(full=True)
    oid = order_to_ship(store)
    await order_ops.mark_shipped(store, oid, "YTO", "YT555000000001")
    pid = on_sale_product(store)
    sku = ProductRepo(store.reader()).get(pid).draft.skus[0]
    await product_ops.change_stock(store, pid, str(sku.sku_id), 7)
    store.writer.write_sync(lambda c: c.execute(
        "UPDATE outbox SET payload = json_set(payload, '$.parcel', json('{\"x\": 1}'))"
        " WHERE op = 'ship'"))
    report = await engine.run()
    assert report.failed == 1 and report.pushed == 1 and report.waiting == 0
    assert "待发送的数据已损坏" in report.failures[0]
    assert sandbox_log(sandbox.url, "/channels/ec/order/delivery/send") == []
    assert len(sandbox_log(sandbox.url, "/channels/ec/product/stock/update")) == 1


@pytest.mark.asyncio
async def test_a_damaged_create_found_sending_fails_alone(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """A create row found ``sending`` whose payload is no longer an object (damaged on disk) is
    failed with a reason before any read back; the sync goes on and sends nothing for it."""
    await engine.run(full=True)
    base = ProductRepo(store.reader()).get(on_sale_product(store)).draft
    await product_ops.save_product(store, replace(
        base, product_id=None, title="损坏的离线新建",
        skus=tuple(replace(s, sku_id=None) for s in base.skus)))
    store.writer.write_sync(lambda c: c.execute(
        "UPDATE outbox SET payload = '[1, 2]', state = 'sending' WHERE op = 'create'"))
    report = await engine.run()
    assert report.failed == 1 and "待发送的数据已损坏" in report.failures[0]
    assert report.stop_error is None
    assert sandbox_log(sandbox.url, "/channels/ec/product/add") == []
