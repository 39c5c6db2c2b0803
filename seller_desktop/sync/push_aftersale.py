"""Push the seller's after-sale actions and answers to buyer requests, each exactly once.

Every action may not happen twice (a refund pays the buyer): each row is marked ``sending``
durably and sent with one attempt. A row found ``sending`` counts as applied iff the server
moved on (the case left ``payload.from_status``; no ``address_under_review``; the order left the
SKU change list). The refund rate (10021059) sends the row back to ``pending`` with
``not_before`` (:class:`RowLater`). A confirmed action is read back into the cache. See
docs/architecture.md, "After-sales".
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from ..api import aftersale as aftersale_api
from ..api import orders as orders_api
from ..api.errors import ApiError, NotFound, Rejected
from ..domain.guard import order_holds
from ..store.aftersale import CaseRepo, RequestRepo
from ..store.orders import OrderRepo
from ..store.outbox import OutboxRow
from .context import SyncContext
from .push import PushResult, RowFailed, RowLater, handler, mark_sending, send_once

log = logging.getLogger("seller_desktop.sync")
RATE_DELAY = 61  # seconds: the store allows one refund call per order per minute


def _field(payload: Any, name: str) -> str:
    if not isinstance(payload, dict) or payload.get(name) in (None, ""):
        raise RowFailed(f"待发送的数据缺少 {name}")
    return str(payload[name])


async def _read_back_case(ctx: SyncContext, case_id: str, result: PushResult,
                          finishing: int = 0) -> None:
    try:
        case = await aftersale_api.get_case(ctx.api, case_id)
    except ApiError as exc:
        log.info("after-sale %s: read-back after the action failed (%s)", case_id,
                 type(exc).__name__)
        return
    now = ctx.clock()
    await ctx.write(lambda conn: CaseRepo(conn).upsert_many([case], now, finishing=finishing))
    result.orders.add(case.order_id)


async def _case_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    try:
        case = await aftersale_api.get_case(ctx.api, _field(row.payload, "case_id"))
    except NotFound:
        return False
    return case.status != row.payload.get("from_status")


async def _case_done(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    await _read_back_case(ctx, str(row.payload["case_id"]), result, finishing=row.id)
    result.orders.add(str(row.payload.get("order_id") or ""))


def _send_case(call: Callable[[Any, dict[str, Any]], Awaitable[None]]) -> Any:
    """A handler that marks the row sending, calls ``call(api, payload)`` once, reads back."""
    async def send(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
        case_id = _field(row.payload, "case_id")
        await mark_sending(ctx, row)
        try:
            await send_once(ctx, lambda: call(ctx.api, row.payload))
        except Rejected as exc:
            if exc.errcode == aftersale_api.REFUND_RATE_ERRCODE:
                raise RowLater(ctx.clock() + RATE_DELAY) from exc
            # refused: the case has no answer of ours in flight any more (not 处理中), so the
            # window offers the answers again and the seller can replace this one
            await ctx.write(lambda conn: CaseRepo(conn).reapply_pending([case_id], row.id))
            result.orders.add(str(row.payload.get("order_id") or ""))
            raise
        await _read_back_case(ctx, case_id, result, finishing=row.id)
        result.orders.add(str(row.payload.get("order_id") or ""))

    return send


def _register(op: str, call: Callable[[Any, dict[str, Any]], Awaitable[None]]) -> None:
    handler("aftersale", op, applied=_case_applied, done=_case_done)(_send_case(call))


_register("accept", lambda api, p: aftersale_api.accept(
    api, p["case_id"], address_id=str(p.get("address_id") or ""),
    accept_type=p.get("accept_type")))
_register("reject", lambda api, p: aftersale_api.reject(
    api, p["case_id"], int(p["reject_reason_type"]), str(p.get("reject_reason") or "")))
_register("negotiate", lambda api, p: aftersale_api.negotiate(
    api, p["case_id"], target_type=int(p["type"]), amount=int(p["amount"]), desc=p["desc"],
    update_reason_type=int(p["update_reason_type"]),
    merchant_update_type=int(p["merchant_update_type"]), media_ids=p.get("media_ids") or ()))
_register("refund_certificate", lambda api, p: aftersale_api.upload_refund_certificate(
    api, p["case_id"], p.get("media_ids") or (), p["desc"]))
_register("reship", lambda api, p: aftersale_api.accept_exchange_reship(
    api, p["case_id"], p["delivery_id"], p["waybill_id"]))
_register("reject_reship", lambda api, p: aftersale_api.reject_exchange_reship(
    api, p["case_id"], int(p["reject_reason_type"]), str(p.get("reject_reason") or ""),
    p.get("certificates") or ()))


# ---- buyer requests (entity "order") ---------------------------------------------------------

async def _reread_order(ctx: SyncContext, order_id: str, result: PushResult) -> None:
    try:
        order = await orders_api.get_order(ctx.api, order_id)
    except ApiError:
        return
    now = ctx.clock()

    def tx(conn: Any) -> None:
        OrderRepo(conn).upsert_many([order], now, force=True)
        RequestRepo(conn).sync_from_orders([order], now)

    await ctx.write(tx)
    result.orders.add(order_id)


async def _address_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    order = await orders_api.get_order(ctx.api, _field(row.payload, "order_id"))
    return not order_holds(order).address_review


async def _sku_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    waiting = await aftersale_api.list_sku_change_orders(ctx.api)
    return _field(row.payload, "order_id") not in waiting


async def _request_done(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    order_id = str(row.payload["order_id"])
    if row.op.startswith("sku_"):
        waiting = await aftersale_api.list_sku_change_orders(ctx.api)
        now = ctx.clock()
        await ctx.write(lambda conn: RequestRepo(conn).sync_sku_waiting(waiting, now))
    await _reread_order(ctx, order_id, result)


def _send_request(call: Callable[[Any, str], Awaitable[None]]) -> Any:
    async def send(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
        order_id = _field(row.payload, "order_id")
        kind = str(row.payload.get("kind") or "")
        await mark_sending(ctx, row)
        try:
            await send_once(ctx, lambda: call(ctx.api, order_id))
        except Rejected:
            # refused (e.g. the platform settled it meanwhile): the request has no answer of ours
            await ctx.write(lambda conn: RequestRepo(conn).set_answer(order_id, kind, ""))
            raise
        await _request_done(ctx, row, result)

    return send


for _op, _call, _applied in (
        ("address_accept", aftersale_api.accept_address_change, _address_applied),
        ("address_reject", aftersale_api.reject_address_change, _address_applied),
        ("sku_approve", aftersale_api.approve_sku_change, _sku_applied),
        ("sku_reject", aftersale_api.reject_sku_change, _sku_applied)):
    handler("order", _op, applied=_applied, done=_request_done)(_send_request(_call))

