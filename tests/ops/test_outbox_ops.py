"""Retry and drop of failed outbox rows, per kind: what the seller sees after a drop is the
server's copy with the changes still in line on top (store only; see tests/sync/test_refusals.py
for the round trips against the sandbox)."""

from __future__ import annotations

from dataclasses import replace

from seller_desktop.domain.waybill import WaybillStatus
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import outbox as outbox_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.ops import shipping
from seller_desktop.store import outbox
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.products import ProductRepo
from seller_desktop.store.waybills import WaybillRepo

from .test_order_ops import ACCOUNT


def _fail(store, entity: str, entity_id: str, op: str, *, sent: bool = False) -> int:
    def tx(conn):
        row = next(r for r in outbox.open_rows(conn, entity, entity_id) if r.op == op)
        if sent:
            outbox.mark_sending(conn, row.id)
        outbox.mark_failed(conn, row.id, "店铺拒绝了：测试原因")
        return row.id

    return store.writer.write_sync(tx)


def test_drop_a_note_and_a_shipment_shows_the_server_order_with_what_is_still_in_line(
        store, pulled):
    order = pulled[1][0]
    order_ops.set_merchant_note_sync(store, order.order_id, "被拒绝的备注")
    note = _fail(store, "order", order.order_id, "merchant_note")
    order_ops.mark_shipped_sync(store, order.order_id, "YTO", "YT0001")
    shown = OrderRepo(store.reader()).get(order.order_id)
    assert shown.merchant_notes == "被拒绝的备注" and shown.status == 30

    changes = outbox_ops.drop_outbox_row_sync(store, note)
    assert changes.orders == {order.order_id} and changes.outbox
    shown = OrderRepo(store.reader()).get(order.order_id)
    assert shown.merchant_notes == order.merchant_notes  # the server's note again
    assert shown.status == 30 and shown.parcels[-1].waybill_id == "YT0001"  # still in line

    ship = _fail(store, "order", order.order_id, "ship", sent=True)
    outbox_ops.drop_outbox_row_sync(store, ship)
    shown = OrderRepo(store.reader()).get(order.order_id)
    assert shown.status == order.status and shown.parcels == order.parcels
    assert outbox.open_rows(store.reader(), "order", order.order_id) == []


def test_drop_a_refused_waybill_request_and_a_refused_cancel(store, pulled):
    order = pulled[1][0]
    (eid,) = shipping.create_waybill_jobs_sync(store, [order.order_id], ACCOUNT).waybills
    row = _fail(store, "waybill", eid, "ewaybill_create", sent=True)
    outbox_ops.drop_outbox_row_sync(store, row)
    assert WaybillRepo(store.reader()).get(eid).status == WaybillStatus.CANCELLED

    (eid,) = shipping.create_waybill_jobs_sync(store, [order.order_id], ACCOUNT).waybills
    created = replace(WaybillRepo(store.reader()).get(eid), waybill_id="YT42",
                      status=int(WaybillStatus.CREATED))

    def took_number(conn):
        WaybillRepo(conn).upsert(created)
        outbox.mark_done(conn, outbox.open_rows(conn, "waybill", eid)[0].id)

    store.writer.write_sync(took_number)
    shipping.report_print_sync(store, eid)
    printed = _fail(store, "waybill", eid, "print_report")
    outbox_ops.drop_outbox_row_sync(store, printed)
    assert WaybillRepo(store.reader()).get(eid).status == WaybillStatus.PRINTED
    store.writer.write_sync(lambda c: shipping._cancel_tx(c, eid))
    assert WaybillRepo(store.reader()).get(eid).status == WaybillStatus.CANCELLED
    cancel = _fail(store, "waybill", eid, "ewaybill_cancel", sent=True)
    outbox_ops.drop_outbox_row_sync(store, cancel)
    assert WaybillRepo(store.reader()).get(eid).status == WaybillStatus.PRINTED


def test_drop_a_refused_create_forgets_the_product_and_its_later_rows(store, pulled):
    base = pulled[0][0]
    changes = product_ops.save_product_sync(store, replace(
        base, product_id=None, title="被拒绝的新商品",
        skus=tuple(replace(s, sku_id=None) for s in base.skus)))
    (local_id,) = changes.products
    product_ops.save_product_sync(store, replace(
        ProductRepo(store.reader()).get(local_id).draft, title="被拒绝的新商品改了名"))
    row = _fail(store, "product", local_id, "create")
    outbox_ops.drop_outbox_row_sync(store, row)
    assert ProductRepo(store.reader()).get(local_id) is None
    assert outbox.open_rows(store.reader(), "product", local_id) == []


def test_retry_of_a_row_that_never_went_out_is_pending_again(store, pulled):
    product = pulled[0][0]
    product_ops.change_stock_sync(store, str(product.product_id), str(product.skus[0].sku_id), 7)
    row = _fail(store, "product", str(product.product_id), "stock_delta")
    outbox_ops.retry_outbox_row_sync(store, row)
    assert outbox.get(store.reader(), row).state == "pending"
