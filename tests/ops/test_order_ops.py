"""Order and shipping intents: notes, shipping (partial / full), waybill jobs, print reports."""

from __future__ import annotations

from dataclasses import replace

import pytest

from seller_desktop.domain.order import ParcelItem
from seller_desktop.domain.validation import ValidationFailed
from seller_desktop.domain.waybill import CarrierAccount, SenderAddress
from seller_desktop.ops import orders as ops
from seller_desktop.ops import shipping
from seller_desktop.store import outbox
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.waybills import PrintLog, WaybillRepo

ACCOUNT = CarrierAccount("YTO", "圆通速递", "acct-1", "shop-1", "S01", "海淀网点", 100,
                         SenderAddress("店主", "13800000000", "北京市", "北京市", "海淀区", "一号"))


def test_merchant_note_shows_now_and_survives_a_pull(store, pulled):
    order = pulled[1][0]
    ops.set_merchant_note_sync(store, order.order_id, "送货前电话联系")
    ops.set_merchant_note_sync(store, order.order_id, "送货前电话联系，勿放门口")
    (row,) = outbox.open_rows(store.reader(), "order", order.order_id)
    assert row.payload == {"order_id": order.order_id, "notes": "送货前电话联系，勿放门口"}
    newer = replace(order, update_time=order.update_time + 5, customer_notes="买家改了备注")
    store.writer.write_sync(lambda c: OrderRepo(c).upsert_many([newer]))
    shown = OrderRepo(store.reader()).get(order.order_id)
    assert shown.merchant_notes == "送货前电话联系，勿放门口"
    assert shown.customer_notes == "买家改了备注"


def test_gift_note_only_on_gift_orders(store, pulled):
    gift = pulled[1][1]
    ops.set_gift_note_sync(store, gift.order_id, "祝你生日快乐")
    (row,) = outbox.open_rows(store.reader(), "order", gift.order_id)
    assert row.payload["present_order_id"] == gift.gift.present_order_id
    assert OrderRepo(store.reader()).get(gift.order_id).gift.note == "祝你生日快乐"
    with pytest.raises(ValidationFailed, match="礼物"):
        ops.set_gift_note_sync(store, pulled[1][0].order_id, "x")


def test_partial_then_full_shipment(store, pulled):
    order = pulled[1][0]
    first = (ParcelItem(order.lines[0].product_id, order.lines[0].sku_id, order.lines[0].sku_cnt),)
    ops.mark_shipped_sync(store, order.order_id, "YTO", "YT0001", first)
    repo = OrderRepo(store.reader())
    assert repo.get(order.order_id).status == 21
    assert OrderRepo(store.reader()).tab_counts()["partial"] == 1
    with pytest.raises(ValidationFailed, match="已经用于"):
        ops.mark_shipped_sync(store, order.order_id, "YTO", "YT0001")
    with pytest.raises(ValidationFailed, match="数量"):
        ops.mark_shipped_sync(store, order.order_id, "YTO", "YT0002", first)
    ops.mark_shipped_sync(store, order.order_id, "YTO", "YT0002")
    shown = repo.get(order.order_id)
    assert shown.status == 30 and not shown.unshipped_items()
    rows = outbox.open_rows(store.reader(), "order", order.order_id)
    assert [(r.op, r.payload["parcel"]["waybill_id"]) for r in rows] == [("ship", "YT0001"), ("ship", "YT0002")]
    # a pull that has not seen the shipments yet does not undo them
    store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
        [replace(order, update_time=order.update_time + 1)]))
    assert repo.get(order.order_id).status == 30


@pytest.mark.parametrize(("index", "message"), [(1, "礼物尚未被收下"), (2, "已发货")])
def test_cannot_ship_what_is_not_shippable(store, pulled, index, message):
    with pytest.raises(ValidationFailed, match=message):
        ops.mark_shipped_sync(store, pulled[1][index].order_id, "YTO", "YT9")
    with pytest.raises(ValidationFailed, match="单号"):
        ops.mark_shipped_sync(store, pulled[1][0].order_id, "YTO", "  ")
    assert outbox.pending_count(store.reader()) == 0


def test_waybill_jobs_are_all_or_nothing(store, pulled):
    ids = [pulled[1][0].order_id, pulled[1][3].order_id]
    with pytest.raises(ValidationFailed) as info:
        shipping.create_waybill_jobs_sync(store, [*ids, pulled[1][1].order_id], ACCOUNT)
    assert [i.field for i in info.value.issues] == [pulled[1][1].order_id]
    assert outbox.pending_count(store.reader()) == 0
    change = shipping.create_waybill_jobs_sync(store, ids, ACCOUNT)
    assert change.orders == set(ids) and len(change.waybills) == 2
    batch = outbox.next_batch(store.reader())
    assert sorted(r.payload["order_id"] for r in batch) == sorted(ids)
    assert {r.op for r in batch} == {"ewaybill_create"}
    assert all(r.entity_id == r.payload["ewaybill_order_id"] and len(r.entity_id) == 19 for r in batch)
    with pytest.raises(ValidationFailed, match="已有"):
        shipping.create_waybill_jobs_sync(store, ids[:1], ACCOUNT)


def test_print_report_logs_and_queues(store, pulled):
    order_id = pulled[1][0].order_id
    (ewaybill_order_id,) = shipping.create_waybill_jobs_sync(store, [order_id], ACCOUNT).waybills
    with pytest.raises(ValidationFailed, match="单号"):
        shipping.report_print_sync(store, ewaybill_order_id)
    waybill = WaybillRepo(store.reader()).get(ewaybill_order_id)
    store.writer.write_sync(lambda c: WaybillRepo(c).upsert(
        replace(waybill, waybill_id="YT777", status=1, print_info="PI")))
    shipping.report_print_sync(store, ewaybill_order_id)
    shipping.report_print_sync(store, ewaybill_order_id, reason="标签卡纸")
    log = PrintLog(store.reader()).entries(ewaybill_order_id)
    assert [(e["reprint"], e["reason"]) for e in log] == [(0, ""), (1, "标签卡纸")]
    rows = outbox.open_rows(store.reader(), "waybill", ewaybill_order_id)
    assert [(r.op, r.payload.get("reprint")) for r in rows] == [
        ("ewaybill_create", None), ("print_report", 0), ("print_report", 1)]
    assert WaybillRepo(store.reader()).get(ewaybill_order_id).print_count == 2
