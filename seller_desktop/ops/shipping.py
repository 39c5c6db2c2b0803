"""Shipping-flow intents: e-waybill requests ('ewaybill_create', one per order), label prints
('print_report'), print-then-ship in one transaction, waybill cancels ('ewaybill_cancel').

The ``ewaybill_order_id`` (a random uint64) is made and stored before the request goes out, so
after an unknown outcome the engine asks for that id instead of taking a second number.
``labels_printed`` writes, in ONE transaction, each confirmed label's 'print_report' and, on its
first print, the order's 'ship' row and the label's address. Orders the shipping guard holds
(``store.held``) get neither. The sender address and shop name are cached (watermarks
``shipping.sender.<acct_id>``, ``shipping.shop_name``) so labels reprint offline.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, replace
from functools import partial

from ..domain.changes import ChangeSet
from ..domain.order import Order
from ..domain.timeutil import now
from ..domain.validation import Issue, ValidationFailed
from ..domain.waybill import CarrierAccount, SenderAddress, Waybill, WaybillStatus
from ..store import Store, outbox
from ..store.held import record_printed_address, verdicts
from ..store.meta import SENDER_CHOSEN_KEY, SENDER_KEY, SHOP_NAME_KEY, Watermarks
from ..store.orders import OrderRepo
from ..store.waybills import REQUESTED, PrintLog, WaybillRepo
from ._run import fail, run, run_sync
from .orders import _ship_tx

ACTIVE_WAYBILL = (REQUESTED, int(WaybillStatus.CREATED), int(WaybillStatus.PRINTED))


def cached_sender(conn: sqlite3.Connection, acct_id: str) -> SenderAddress | None:
    """The sender address last used with this e-waybill account (for labels, offline)."""
    raw = Watermarks(conn).get(SENDER_KEY + acct_id)
    if not raw:
        return None
    try:
        return SenderAddress(**json.loads(raw))
    except (TypeError, ValueError):
        return None


NO_SENDER = "这个面单账号没有寄件地址：请先在“寄件地址…”中选择店铺地址或填写一个"
INCOMPLETE_SENDER = "寄件地址不完整：须有寄件人、手机号、省、市和详细地址"


def chosen_sender(conn: sqlite3.Connection, acct_id: str) -> SenderAddress | None:
    """The sender address the seller picked or typed for this e-waybill account, if any."""
    raw = Watermarks(conn).get(SENDER_CHOSEN_KEY + acct_id)
    try:
        return SenderAddress(**json.loads(raw)) if raw else None
    except (TypeError, ValueError):
        return None


async def save_sender(store: Store, acct_id: str, sender: SenderAddress) -> None:
    """Keep the seller's sender address for ``acct_id`` (durable before the dialog says so);
    it wins over the account's own ``sender_address`` for every new waybill."""
    if not all(v.strip() for v in (sender.name, sender.mobile, sender.province, sender.city,
                                    sender.address)):
        raise fail("sender", INCOMPLETE_SENDER)

    def tx(conn: sqlite3.Connection) -> ChangeSet:
        text = json.dumps(asdict(sender), ensure_ascii=False)
        Watermarks(conn).set(SENDER_CHOSEN_KEY + acct_id, text)
        Watermarks(conn).set(SENDER_KEY + acct_id, text)
        return ChangeSet()

    await run(store, tx)


def cached_shop_name(conn: sqlite3.Connection) -> str:
    return Watermarks(conn).get(SHOP_NAME_KEY) or ""


async def remember_shop_name(store: Store, name: str) -> None:
    def tx(conn: sqlite3.Connection) -> ChangeSet:
        Watermarks(conn).set(SHOP_NAME_KEY, name)
        return ChangeSet()

    await run(store, tx)


def open_waybills(order: Order, waybills: Sequence[Waybill]) -> list[Waybill]:
    """Of the order's ``waybills``, those still in play: requested, created or printed, and
    not yet the number of one of its parcels (a partly shipped order needs a new one for the
    rest)."""
    used = {p.waybill_id for p in order.parcels}
    return [w for w in waybills
            if w.status in ACTIVE_WAYBILL and not (w.waybill_id and w.waybill_id in used)]


def new_ewaybill_order_id() -> str:
    return str(secrets.randbits(63) | (1 << 62))  # 19 digits, never 0


def _jobs_tx(conn: sqlite3.Connection, order_ids: Sequence[str], account: CarrierAccount,
             template_id: str) -> ChangeSet:
    if not order_ids:
        raise fail("order_ids", "请选择订单")
    orders, waybills = OrderRepo(conn), WaybillRepo(conn)
    issues: list[Issue] = []
    found = []
    for order_id in dict.fromkeys(order_ids):
        order = orders.get(order_id)
        if order is None:
            issues.append(Issue(order_id, f"订单 {order_id} 不存在"))
            continue
        verdict = verdicts(conn, {order_id: order}, with_labels=False)[order_id]
        if not verdict.ok:
            issues.append(Issue(order_id, f"订单 {order_id}：{verdict.text()}"))
        elif any(w.delivery_id == account.delivery_id for w in open_waybills(order, waybills.for_order(order_id))):
            issues.append(Issue(order_id, f"订单 {order_id} 已有{account.delivery_name}面单"))
        else:
            found.append(order)
    sender = chosen_sender(conn, account.acct_id) or account.sender
    if sender is None:  # account/get often has no sender_address: the seller gives one
        issues.append(Issue("sender", NO_SENDER))
    if issues:
        raise ValidationFailed(issues)
    changes = ChangeSet(outbox=True)
    t = now()
    Watermarks(conn).set(SENDER_KEY + account.acct_id,
                         json.dumps(asdict(sender), ensure_ascii=False))
    for order in found:
        ewaybill_order_id = new_ewaybill_order_id()
        waybills.upsert(Waybill(ewaybill_order_id, order.order_id, account.delivery_id, "",
                                REQUESTED, acct_id=account.acct_id,
                                delivery_name=account.delivery_name, created_at=t))
        outbox.enqueue(conn, "waybill", ewaybill_order_id, "ewaybill_create", {
            "ewaybill_order_id": ewaybill_order_id, "order_id": order.order_id,
            "delivery_id": account.delivery_id, "delivery_name": account.delivery_name,
            "acct_id": account.acct_id, "shop_id": account.shop_id,
            "site_code": account.site_code, "template_id": template_id,
            "sender": {
                "name": sender.name, "mobile": sender.mobile, "province": sender.province,
                "city": sender.city, "county": sender.county, "street": sender.street,
                "address": sender.address},
            "items": [[i.product_id, i.sku_id, i.count] for i in order.unshipped_items()],
        })
        changes.waybills.add(ewaybill_order_id)
        changes.orders.add(order.order_id)
    return changes


async def create_waybill_jobs(store: Store, order_ids: Sequence[str], account: CarrierAccount,
                              template_id: str = "single") -> ChangeSet:
    """One e-waybill request per order; all or none (every problem is listed)."""
    return await run(store, partial(_jobs_tx, order_ids=order_ids, account=account,
                                    template_id=template_id))


def create_waybill_jobs_sync(store: Store, order_ids: Sequence[str], account: CarrierAccount,
                             template_id: str = "single") -> ChangeSet:
    return run_sync(store, partial(_jobs_tx, order_ids=order_ids, account=account,
                                   template_id=template_id))


def _print_tx(conn: sqlite3.Connection, ewaybill_order_id: str, reprint: bool | None,
              reason: str) -> ChangeSet:
    waybills = WaybillRepo(conn)
    waybill = waybills.get(ewaybill_order_id)
    if waybill is None:
        raise fail("ewaybill_order_id", "面单不存在")
    if not waybill.waybill_id:
        raise fail("ewaybill_order_id", "面单还没有取到单号，不能打印")
    if waybill.status == WaybillStatus.CANCELLED:
        raise fail("ewaybill_order_id", "面单已取消")
    is_reprint = waybill.print_count > 0 if reprint is None else reprint
    record_printed_address(conn, ewaybill_order_id, OrderRepo(conn).get(waybill.order_id))
    PrintLog(conn).add(ewaybill_order_id, reason=reason, reprint=is_reprint,
                       order_id=waybill.order_id)
    waybills.mark_printed(ewaybill_order_id)
    outbox.enqueue(conn, "waybill", ewaybill_order_id, "print_report", {
        "ewaybill_order_id": ewaybill_order_id, "delivery_id": waybill.delivery_id,
        "waybill_id": waybill.waybill_id, "reprint": int(is_reprint)})
    return ChangeSet(waybills={ewaybill_order_id}, orders={waybill.order_id}, outbox=True)


async def report_print(store: Store, ewaybill_order_id: str, *, reprint: bool | None = None,
                       reason: str = "") -> ChangeSet:
    """A label was printed (confirmed by the printer path): log it and tell the server."""
    return await run(store, partial(_print_tx, ewaybill_order_id=ewaybill_order_id,
                                    reprint=reprint, reason=reason))


def report_print_sync(store: Store, ewaybill_order_id: str, *, reprint: bool | None = None,
                      reason: str = "") -> ChangeSet:
    return run_sync(store, partial(_print_tx, ewaybill_order_id=ewaybill_order_id,
                                   reprint=reprint, reason=reason))


def _printed_tx(conn: sqlite3.Connection, ewaybill_order_ids: Sequence[str], reprint: bool,
                reason: str) -> ChangeSet:
    if not ewaybill_order_ids:
        raise fail("ewaybill_order_id", "没有打印任何面单")
    waybills, orders = WaybillRepo(conn), OrderRepo(conn)
    changes = ChangeSet(outbox=True)
    for eid in dict.fromkeys(ewaybill_order_ids):
        waybill = waybills.get(eid)
        if waybill is None:
            raise fail("ewaybill_order_id", f"面单 {eid} 不存在")
        is_reprint = reprint or waybill.print_count > 0
        changes.merge(_print_tx(conn, eid, reprint=is_reprint, reason=reason))
        if is_reprint:
            continue
        order = orders.get(waybill.order_id)
        if order is None or not verdicts(conn, {order.order_id: order})[order.order_id].ok or any(
                p.waybill_id == waybill.waybill_id for p in order.parcels):
            continue
        changes.merge(_ship_tx(conn, waybill.order_id, waybill.delivery_id, waybill.waybill_id,
                               None, waybill.delivery_name))
    return changes


async def labels_printed(store: Store, ewaybill_order_ids: Sequence[str], *,
                         reprint: bool = False, reason: str = "") -> ChangeSet:
    """These labels came out of the printer: report each print and ship each order that was
    waiting for its first label (carrier + waybill, its unshipped lines), in one transaction.
    ``reprint``: report them as reprints and ship nothing."""
    return await run(store, partial(_printed_tx, ewaybill_order_ids=ewaybill_order_ids,
                                    reprint=reprint, reason=reason))


def labels_printed_sync(store: Store, ewaybill_order_ids: Sequence[str], *,
                        reprint: bool = False, reason: str = "") -> ChangeSet:
    return run_sync(store, partial(_printed_tx, ewaybill_order_ids=ewaybill_order_ids,
                                   reprint=reprint, reason=reason))


def _shipped_with(conn: sqlite3.Connection, waybill: Waybill) -> bool:
    order = OrderRepo(conn).get(waybill.order_id)
    if order is not None and any(p.waybill_id == waybill.waybill_id for p in order.parcels):
        return True
    return any(r.state != "failed" for r in _ship_rows(conn, waybill))


def _ship_rows(conn: sqlite3.Connection, waybill: Waybill) -> list[outbox.OutboxRow]:
    """The order's open 'ship' rows under this waybill's number (a failed one was refused by
    the store, e.g. 拦截: nothing shipped with it)."""
    return [r for r in outbox.open_rows(conn, "order", waybill.order_id)
            if r.op == "ship" and (r.payload.get("parcel") or {}).get("waybill_id")
            == waybill.waybill_id]


def _cancel_tx(conn: sqlite3.Connection, ewaybill_order_id: str) -> ChangeSet:
    waybills = WaybillRepo(conn)
    waybill = waybills.get(ewaybill_order_id)
    if waybill is None:
        raise fail("ewaybill_order_id", "面单不存在")
    if waybill.status == WaybillStatus.CANCELLED:
        raise fail("ewaybill_order_id", "面单已取消")
    if waybill.status == WaybillStatus.SHIPPED or (waybill.waybill_id
                                                   and _shipped_with(conn, waybill)):
        raise fail("ewaybill_order_id", "这张面单已用于发货，不能取消")
    changes = ChangeSet(waybills={ewaybill_order_id}, orders={waybill.order_id}, outbox=True)
    for refused in _ship_rows(conn, waybill):
        outbox.cancel(conn, refused.id)  # an intercepted shipment can never use this label now
    if waybill.status == REQUESTED:
        rows = [r for r in outbox.open_rows(conn, "waybill", ewaybill_order_id)
                if r.op == "ewaybill_create"]
        if any(r.state == "sending" for r in rows):
            raise fail("ewaybill_order_id", "面单正在取号，请等取号完成后再取消")
        for r in rows:
            outbox.cancel(conn, r.id)  # never went out: nothing to cancel on the server
        waybills.upsert(replace(waybill, status=int(WaybillStatus.CANCELLED)))
        return changes
    outbox.enqueue(conn, "waybill", ewaybill_order_id, "ewaybill_cancel", {
        "ewaybill_order_id": ewaybill_order_id, "delivery_id": waybill.delivery_id,
        "waybill_id": waybill.waybill_id, "order_id": waybill.order_id})
    waybills.upsert(replace(waybill, status=int(WaybillStatus.CANCELLED)))
    return changes


async def cancel_waybill(store: Store, ewaybill_order_id: str) -> ChangeSet:
    """Give a waybill number back (order/cancel) before the parcel shipped; a request that
    never went out is simply dropped."""
    return await run(store, partial(_cancel_tx, ewaybill_order_id=ewaybill_order_id))
