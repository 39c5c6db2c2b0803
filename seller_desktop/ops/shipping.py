"""Shipping-flow intents: ask for e-waybills (one 'ewaybill_create' job per order) and record
label prints ('print_report').

The ``ewaybill_order_id`` is made here (a random uint64, as the API allows) and stored before
the request goes out: after an unknown outcome the sync engine asks the server for that id
instead of creating a second waybill. Shipping itself is ``orders.mark_shipped`` after the print.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Sequence
from functools import partial

from ..domain.changes import ChangeSet
from ..domain.timeutil import now
from ..domain.validation import Issue, ValidationFailed
from ..domain.waybill import CarrierAccount, Waybill, WaybillStatus
from ..store import Store, outbox
from ..store.orders import OrderRepo
from ..store.waybills import REQUESTED, PrintLog, WaybillRepo
from ._run import fail, run, run_sync

ACTIVE_WAYBILL = (REQUESTED, int(WaybillStatus.CREATED), int(WaybillStatus.PRINTED))


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
        ok, why = order.can_ship()
        if not ok:
            issues.append(Issue(order_id, f"订单 {order_id}：{why}"))
        elif any(w.status in ACTIVE_WAYBILL and w.delivery_id == account.delivery_id
                 for w in waybills.for_order(order_id)):
            issues.append(Issue(order_id, f"订单 {order_id} 已有{account.delivery_name}面单"))
        else:
            found.append(order)
    if issues:
        raise ValidationFailed(issues)
    changes = ChangeSet(outbox=True)
    t = now()
    for order in found:
        ewaybill_order_id = new_ewaybill_order_id()
        waybills.upsert(Waybill(ewaybill_order_id, order.order_id, account.delivery_id, "",
                                REQUESTED, acct_id=account.acct_id,
                                delivery_name=account.delivery_name, created_at=t))
        sender = account.sender
        outbox.enqueue(conn, "waybill", ewaybill_order_id, "ewaybill_create", {
            "ewaybill_order_id": ewaybill_order_id, "order_id": order.order_id,
            "delivery_id": account.delivery_id, "delivery_name": account.delivery_name,
            "acct_id": account.acct_id, "shop_id": account.shop_id,
            "site_code": account.site_code, "template_id": template_id,
            "sender": None if sender is None else {
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
