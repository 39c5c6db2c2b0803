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
    # it may have reached the carrier before the refusal: read back before the re-send
    assert store.reader().execute("SELECT state FROM outbox WHERE id = ?",
                                  (row["id"],)).fetchone()[0] == "sending"
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
    report = await engine.run(full=True)
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
