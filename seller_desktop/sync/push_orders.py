"""Push order and waybill rows: merchant notes, gift notes, shipments, e-waybills, print reports.

``ship`` (``delivery/send``) reads the order fresh and asks the shipping guard again
(``store.held.ship_verdict``: 拦截), then marks the row ``sending``; ``ewaybill_create`` (取号) is
refused when the guard now holds the order and reuses the row's own ``ewaybill_order_id``; both
are read back before any re-send (the waybill's ``print_info`` is never kept: ``store.scrub``).
Notes set a value (a replay is harmless); a first-print ``print_report`` found ``sending`` is
read back first. The rule per op: docs/architecture.md,
"Push".
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..api import delivery as delivery_api
from ..api import ewaybill as ewaybill_api
from ..api import orders as orders_api
from ..api.errors import NotFound, Rejected
from ..api.schemas import WaybillGoods
from ..domain.order import Order
from ..domain.waybill import CarrierAccount, SenderAddress, Waybill, WaybillStatus
from ..store import outbox
from ..store.aftersale import RequestRepo
from ..store.codec import parcel_from_dict
from ..store.held import record_label_address, ship_verdict, verdicts
from ..store.orders import OrderRepo
from ..store.outbox import OutboxRow
from ..store.waybills import WaybillRepo
from .context import SyncContext
from .push import PushResult, RowFailed, describe, handler, mark_sending, send_once

ALREADY_EXISTS = 10025019
SHIPPED_ALREADY = (109000, 109001)
INTERCEPTED = (108009,)  # delivery/send refused: an after-sale case is open on the order


def _field(payload: Any, name: str) -> Any:
    if not isinstance(payload, dict) or payload.get(name) in (None, ""):
        raise RowFailed(f"待发送的数据缺少 {name}")
    return payload[name]


# ---- notes ---------------------------------------------------------------------------------

@handler("order", "merchant_note")
async def send_merchant_note(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    order_id = str(_field(row.payload, "order_id"))
    await orders_api.update_merchant_notes(ctx.api, order_id, str(row.payload.get("notes", "")))
    result.orders.add(order_id)


@handler("order", "gift_note")
async def send_gift_note(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    order_id = str(_field(row.payload, "order_id"))
    present_id = str(_field(row.payload, "present_order_id"))
    await orders_api.add_present_note(ctx.api, present_id, str(row.payload.get("notes", "")))
    result.orders.add(order_id)


# ---- shipping ------------------------------------------------------------------------------

async def _ship_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    order_id = str(_field(row.payload, "order_id"))
    parcel = parcel_from_dict(_field(row.payload, "parcel"))
    order = await orders_api.get_order(ctx.api, order_id)
    return any(p.waybill_id == parcel.waybill_id and p.delivery_id == parcel.delivery_id
               for p in order.parcels)


async def _ship_done(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    result.orders.add(str(row.payload["order_id"]))


@handler("order", "ship", applied=_ship_applied, done=_ship_done)
async def send_ship(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    order_id = str(_field(row.payload, "order_id"))
    parcel = parcel_from_dict(_field(row.payload, "parcel"))
    if not parcel.items:
        raise RowFailed("发货包裹中没有商品")
    fresh = await orders_api.get_order(ctx.api, order_id)
    if any(p.waybill_id == parcel.waybill_id and p.delivery_id == parcel.delivery_id
           for p in fresh.parcels):
        result.orders.add(order_id)  # it already shipped with this parcel
        return
    verdict = await ctx.write(lambda conn: ship_verdict(conn, fresh, parcel.waybill_id))
    if not verdict.ok:
        await _intercept(ctx, row, fresh, verdict.text(), result)
    await mark_sending(ctx, row)
    try:
        await send_once(ctx, lambda: delivery_api.send_delivery(ctx.api, order_id, [parcel]))
    except Rejected as exc:
        if exc.errcode in INTERCEPTED:  # a case or request appeared after the read above
            await _intercept(ctx, row, fresh, exc.message, result)
        # "already shipped" / "count exceeds": our parcel may be what shipped it
        if exc.errcode not in SHIPPED_ALREADY or not await _ship_applied(ctx, row):
            raise
    result.orders.add(order_id)


async def _intercept(ctx: SyncContext, row: OutboxRow, fresh: Order, why: str,
                     result: PushResult) -> None:
    """拦截: nothing ships; the row fails with the reason and the way out (the seller may retry
    it once the case or request is settled, or drop it), and the fresh order goes into the
    cache in the same transaction, so the window shows it held, not shipped."""
    message = f"拦截，未发货：{why}"
    now = ctx.clock()

    def tx(conn: sqlite3.Connection) -> None:
        outbox.mark_failed(conn, row.id, f"{describe(row)}失败：{message}")
        OrderRepo(conn).upsert_many([fresh], now, force=True)
        RequestRepo(conn).sync_from_orders([fresh], now)

    await ctx.write(tx, durable=True)
    result.orders.add(fresh.order_id)
    raise RowFailed(message)


# ---- e-waybills ----------------------------------------------------------------------------

async def _sender(ctx: SyncContext, payload: dict[str, Any]) -> SenderAddress:
    sender = payload.get("sender")
    if isinstance(sender, dict):
        return SenderAddress(**sender)
    accounts, _ = await ewaybill_api.get_accounts(ctx.api, delivery_id=str(payload["delivery_id"]))
    for account in accounts:
        if account.acct_id == str(payload["acct_id"]) and account.sender is not None:
            return account.sender
    raise RowFailed("该电子面单账号没有寄件地址，请在小店后台设置")


async def _request(ctx: SyncContext, payload: dict[str, Any]) -> ewaybill_api.WaybillRequest:
    order_id = str(_field(payload, "order_id"))
    order = await ctx.write(lambda conn: OrderRepo(conn).get(order_id))
    if order is None:  # a rebuilt cache pushes its rescued rows before it pulls: ask the store
        try:
            order = await orders_api.get_order(ctx.api, order_id)
        except NotFound as exc:
            raise RowFailed(f"没有订单 {order_id}") from exc
    if order.address is None:
        raise RowFailed(f"订单 {order_id} 没有收货地址，不能取号")
    verdict = await ctx.write(lambda conn: verdicts(conn, {order_id: order},
                                                    with_labels=False)[order_id])
    if verdict.held:  # a case or request arrived after the job was queued: take no number
        raise RowFailed(f"拦截，未取号：{verdict.text()}")
    titles = {(ln.product_id, ln.sku_id): ln.title for ln in order.lines}
    items = payload.get("items") or [[i.product_id, i.sku_id, i.count]
                                     for i in order.unshipped_items()]
    goods = [WaybillGoods(name=titles.get((str(p), str(s)), "商品"), count=int(n),
                          product_id=str(p), sku_id=str(s)) for p, s, n in items]
    account = CarrierAccount(
        delivery_id=str(_field(payload, "delivery_id")),
        delivery_name=str(payload.get("delivery_name") or ""),
        acct_id=str(_field(payload, "acct_id")), shop_id=str(_field(payload, "shop_id")),
        site_code=str(payload.get("site_code") or ""), site_name="", available=0)
    return ewaybill_api.WaybillRequest(
        account=account, sender=await _sender(ctx, payload), receiver=order.address,
        order_id=order_id, goods=goods, remark=str(payload.get("remark") or ""))


async def _save_waybill(ctx: SyncContext, waybill: Waybill, result: PushResult) -> None:
    await ctx.write(lambda conn: WaybillRepo(conn).upsert(waybill), durable=True)
    result.waybills.add(waybill.ewaybill_order_id)
    if waybill.order_id:
        result.orders.add(waybill.order_id)


async def _read_back(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    eid = str(row.payload["ewaybill_order_id"])
    waybill = await ewaybill_api.get_waybill(ctx.api, eid)
    await _save_waybill(ctx, _with(waybill, row.payload), result)


def _with(waybill: Waybill, payload: dict[str, Any]) -> Waybill:
    from dataclasses import replace

    return replace(waybill, order_id=waybill.order_id or str(payload["order_id"]),
                   acct_id=waybill.acct_id or str(payload.get("acct_id", "")),
                   delivery_name=waybill.delivery_name or str(payload.get("delivery_name", "")))


async def _ewaybill_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    try:
        await ewaybill_api.get_waybill(ctx.api, str(_field(row.payload, "ewaybill_order_id")))
    except NotFound:
        return False
    return True


@handler("waybill", "ewaybill_create", applied=_ewaybill_applied, done=_read_back)
async def send_ewaybill_create(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    eid = str(_field(row.payload, "ewaybill_order_id"))
    request = await _request(ctx, row.payload)
    template = str(row.payload.get("template_id") or ewaybill_api.STANDARD_TEMPLATE)
    await mark_sending(ctx, row)
    try:
        created = await send_once(ctx, lambda: ewaybill_api.create(ctx.api, request, eid,
                                                                   template_id=template))
    except Rejected as exc:
        if exc.errcode != ALREADY_EXISTS:
            raise
        await _read_back(ctx, row, result)
        return
    # not created.print_info: it carries the buyer's real address; each print job fetches it
    waybill = Waybill(
        ewaybill_order_id=eid, order_id=request.order_id,
        delivery_id=request.account.delivery_id, waybill_id=created.waybill_id,
        status=int(WaybillStatus.CREATED), acct_id=request.account.acct_id,
        delivery_name=request.account.delivery_name, created_at=ctx.clock())
    await _save_waybill(ctx, waybill, result)
    # the address the carrier has for this waybill: the guard compares it with the order's
    await ctx.write(lambda conn: record_label_address(conn, eid, request.receiver),
                    durable=True)


async def _print_reported(ctx: SyncContext, row: OutboxRow) -> bool:
    """A first-print report found ``sending``: applied iff the e-waybill now shows printed (or
    shipped). A reprint cannot be told apart (the waybill was printed before): it is re-sent,
    which at worst counts one more reprint."""
    if row.payload.get("reprint"):
        return False
    waybill = await ewaybill_api.get_waybill(ctx.api, str(_field(row.payload, "ewaybill_order_id")))
    return waybill.status in (int(WaybillStatus.PRINTED), int(WaybillStatus.SHIPPED))


@handler("waybill", "print_report", applied=_print_reported)
async def send_print_report(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    payload = row.payload
    waybill = Waybill(ewaybill_order_id=str(_field(payload, "ewaybill_order_id")), order_id="",
                      delivery_id=str(_field(payload, "delivery_id")),
                      waybill_id=str(_field(payload, "waybill_id")), status=0)
    await ewaybill_api.report_printed(ctx.api, waybill, reprint=bool(payload.get("reprint")))
    result.waybills.add(waybill.ewaybill_order_id)
