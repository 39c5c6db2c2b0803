"""Push the shipping rows the sync engine did not know before: ``ewaybill_cancel``.

``order/cancel`` is not idempotent (a repeat is refused with 10025006 "电子面单已取消"), so the
row is marked ``sending`` durably first; a row found ``sending`` counts as applied iff
``order/get`` shows the e-waybill cancelled, and a 10025006 on a re-send is accepted when the
server shows it cancelled. Registered by importing this module (``sync/__init__`` does it).
"""

from __future__ import annotations

from typing import Any

from ..api import ewaybill as ewaybill_api
from ..api.errors import NotFound, Rejected
from ..domain.waybill import WaybillStatus
from ..store.outbox import OutboxRow
from .context import SyncContext
from .push import PushResult, RowFailed, handler, mark_sending, send_once

CANCEL_REFUSED = 10025006


def _field(payload: Any, name: str) -> str:
    if not isinstance(payload, dict) or payload.get(name) in (None, ""):
        raise RowFailed(f"待发送的数据缺少 {name}")
    return str(payload[name])


async def _cancel_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    try:
        waybill = await ewaybill_api.get_waybill(ctx.api, _field(row.payload, "ewaybill_order_id"))
    except NotFound:
        return False
    return waybill.status == WaybillStatus.CANCELLED


async def _cancel_done(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    result.waybills.add(str(row.payload["ewaybill_order_id"]))
    if row.payload.get("order_id"):
        result.orders.add(str(row.payload["order_id"]))


@handler("waybill", "ewaybill_cancel", applied=_cancel_applied, done=_cancel_done)
async def send_ewaybill_cancel(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    eid = _field(row.payload, "ewaybill_order_id")
    delivery_id = _field(row.payload, "delivery_id")
    waybill_id = _field(row.payload, "waybill_id")
    await mark_sending(ctx, row)
    try:
        await send_once(ctx, lambda: ewaybill_api.cancel(ctx.api, eid, delivery_id, waybill_id))
    except Rejected as exc:
        # refused as "already cancelled": our earlier attempt may be what cancelled it
        if exc.errcode != CANCEL_REFUSED or not await _cancel_applied(ctx, row):
            raise
    await _cancel_done(ctx, row, result)
