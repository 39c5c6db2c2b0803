"""Order intents: merchant note, gift note, mark shipped (carrier + waybill number + items).

Each shows at once (the order's local overlay, see ``store.orders``) and goes out through the
outbox: ``merchant_note`` and ``gift_note`` rows are coalesced while pending (only the last
text matters); ``ship`` moves the order to 21 (partly shipped) or 30 (all shipped) locally.
"""

from __future__ import annotations

import sqlite3
from functools import partial

from ..domain.changes import ChangeSet
from ..domain.order import Order, Parcel, ParcelItem
from ..domain.timeutil import now
from ..store import Store, outbox
from ..store.codec import parcel_to_dict
from ..store.held import verdicts
from ..store.orders import OrderRepo
from ._run import fail, run, run_sync

NOTE_MAX = 500  # our own ceiling: the API documents none


def _order(repo: OrderRepo, order_id: str) -> Order:
    order = repo.get(order_id)
    if order is None:
        raise fail("order_id", "订单不存在")
    return order


def _note_tx(conn: sqlite3.Connection, order_id: str, op: str, notes: str) -> ChangeSet:
    if len(notes) > NOTE_MAX:
        raise fail("notes", f"备注最多 {NOTE_MAX} 个字")
    repo = OrderRepo(conn)
    order = _order(repo, order_id)
    payload: dict = {"order_id": order_id, "notes": notes}
    if op == "gift_note":
        if order.gift is None:
            raise fail("notes", "这不是礼物订单")
        payload["present_order_id"] = order.gift.present_order_id
    latest = outbox.latest_open(conn, "order", order_id)
    if latest is not None and latest.op == op and latest.state == "pending":
        outbox.update_payload(conn, latest.id, payload)
    else:
        outbox.enqueue(conn, "order", order_id, op, payload)
    repo.apply_overlay(op, payload)
    return ChangeSet(orders={order_id}, outbox=True)


async def set_merchant_note(store: Store, order_id: str, notes: str) -> ChangeSet:
    return await run(store, partial(_note_tx, order_id=order_id, op="merchant_note", notes=notes))


def set_merchant_note_sync(store: Store, order_id: str, notes: str) -> ChangeSet:
    return run_sync(store, partial(_note_tx, order_id=order_id, op="merchant_note", notes=notes))


async def set_gift_note(store: Store, order_id: str, notes: str) -> ChangeSet:
    return await run(store, partial(_note_tx, order_id=order_id, op="gift_note", notes=notes))


def set_gift_note_sync(store: Store, order_id: str, notes: str) -> ChangeSet:
    return run_sync(store, partial(_note_tx, order_id=order_id, op="gift_note", notes=notes))


def check_items(order: Order, items: tuple[ParcelItem, ...]) -> None:
    """The items must be lines of the order that are not shipped yet, in valid counts."""
    if not items:
        raise fail("items", "请选择要发货的商品")
    left: dict[tuple[str, str], int] = {}
    for item in order.unshipped_items():
        key = (item.product_id, item.sku_id)
        left[key] = left.get(key, 0) + item.count
    for item in items:
        key = (item.product_id, item.sku_id)
        if item.count <= 0:
            raise fail("items", "发货数量必须大于 0")
        if left.get(key, 0) < item.count:
            raise fail("items", "发货商品不在订单中，或数量超过未发货数量")
        left[key] -= item.count


def _ship_tx(conn: sqlite3.Connection, order_id: str, delivery_id: str, waybill_id: str,
             items: tuple[ParcelItem, ...] | None, delivery_name: str) -> ChangeSet:
    delivery_id, waybill_id = delivery_id.strip(), waybill_id.strip()
    if not delivery_id:
        raise fail("delivery_id", "请选择快递公司")
    if not waybill_id:
        raise fail("waybill_id", "请填写快递单号")
    repo = OrderRepo(conn)
    order = _order(repo, order_id)
    verdict = verdicts(conn, {order_id: order}, with_labels=False)[order_id]
    if not verdict.ok:  # the shipping guard: also a case or a buyer request holds it
        raise fail("order_id", verdict.text())
    if any(p.waybill_id == waybill_id and p.delivery_id == delivery_id for p in order.parcels):
        raise fail("waybill_id", "这个快递单号已经用于本订单")
    chosen = order.unshipped_items() if items is None else tuple(items)
    check_items(order, chosen)
    parcel = Parcel(delivery_id, waybill_id, now(), chosen, delivery_name)
    payload = {"order_id": order_id, "parcel": parcel_to_dict(parcel)}
    outbox.enqueue(conn, "order", order_id, "ship", payload)
    repo.apply_overlay("ship", payload)
    return ChangeSet(orders={order_id}, outbox=True)


async def mark_shipped(store: Store, order_id: str, delivery_id: str, waybill_id: str,
                       items: tuple[ParcelItem, ...] | None = None,
                       delivery_name: str = "") -> ChangeSet:
    """Ship ``items`` (default: everything not shipped yet) under one waybill number."""
    return await run(store, partial(_ship_tx, order_id=order_id, delivery_id=delivery_id,
                                    waybill_id=waybill_id, items=items,
                                    delivery_name=delivery_name))


def mark_shipped_sync(store: Store, order_id: str, delivery_id: str, waybill_id: str,
                      items: tuple[ParcelItem, ...] | None = None,
                      delivery_name: str = "") -> ChangeSet:
    return run_sync(store, partial(_ship_tx, order_id=order_id, delivery_id=delivery_id,
                                   waybill_id=waybill_id, items=items,
                                   delivery_name=delivery_name))
