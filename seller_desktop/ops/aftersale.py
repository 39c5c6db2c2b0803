"""After-sale and buyer-request intents: each answer is a local change + an outbox row in one
transaction, pushed exactly once by ``sync/push_aftersale.py``.

Case actions (entity ``aftersale``): :func:`accept`, :func:`reject`, :func:`negotiate`,
:func:`upload_refund_certificate`, :func:`reship`, :func:`reject_reship`. Each checks that the
cached status allows it and no other answer is queued, records ``from_status`` (the read-back
after an unknown outcome compares with it) and marks the case ``local_action`` (处理中). Buyer
requests (entity ``order``): :func:`answer_request`. Every function has a ``*_sync`` twin.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import partial
from typing import Any

from ..domain import aftersale as rules
from ..domain.aftersale import PENDING, AfterSaleCase, RequestKind
from ..domain.changes import ChangeSet
from ..store import Store, outbox
from ..store.aftersale import CaseRepo, RequestRepo
from ._run import fail, run, run_sync

DESC_MAX = 200  # our own ceiling for the texts the seller types
REQUEST_OPS = {(RequestKind.ADDRESS, True): "address_accept",
               (RequestKind.ADDRESS, False): "address_reject",
               (RequestKind.SKU, True): "sku_approve", (RequestKind.SKU, False): "sku_reject"}
ACTION_LABELS = {"accept": "同意", "reject": "拒绝", "negotiate": "协商",
                 "refund_certificate": "上传退款凭证", "reship": "换货发货",
                 "reject_reship": "拒绝换货发货"}


def _case(conn: sqlite3.Connection, case_id: str, allowed: frozenset[str],
          action: str) -> AfterSaleCase:
    case = CaseRepo(conn).get(case_id)
    if case is None:
        raise fail("case_id", f"售后单 {case_id} 不存在，请先同步")
    if case.status not in allowed:
        raise fail("case_id", f"售后单 {case_id} 当前为“{case.info.label}”，不能{action}")
    rows = outbox.open_rows(conn, "aftersale", case_id)
    if any(r.state in ("pending", "sending") for r in rows):
        raise fail("case_id", f"售后单 {case_id} 已有待同步的处理，请等同步完成")
    for refused in rows:  # an earlier answer the store refused: this one replaces it
        outbox.cancel(conn, refused.id)
    return case


def _text(value: str, field: str, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise fail(field, "请填写说明")
    if len(value) > DESC_MAX:
        raise fail(field, f"说明最多 {DESC_MAX} 个字")
    return value


def _queue(conn: sqlite3.Connection, case: AfterSaleCase, op: str,
           extra: dict[str, Any]) -> ChangeSet:
    payload = {"case_id": case.case_id, "order_id": case.order_id,
               "from_status": case.status, **extra}
    outbox.enqueue(conn, "aftersale", case.case_id, op, payload)
    CaseRepo(conn).set_local_action(case.case_id, op)
    return ChangeSet(cases={case.case_id}, orders={case.order_id}, outbox=True)


def _accept_tx(conn: sqlite3.Connection, case_id: str, address_id: str,
               accept_type: int | None) -> ChangeSet:
    case = _case(conn, case_id, rules.ACCEPT_STATUSES, "同意")
    address_id = (address_id or "").strip()
    if rules.needs_return_address(case) and not address_id:
        raise fail("address_id", "同意退货或换货需要选择退货地址")
    return _queue(conn, case, "accept", {"address_id": address_id, "accept_type": accept_type})


def _reject_tx(conn: sqlite3.Connection, case_id: str, reject_reason_type: int,
               reject_reason: str) -> ChangeSet:
    case = _case(conn, case_id, rules.REJECT_STATUSES, "拒绝")
    if int(reject_reason_type) <= 0:
        raise fail("reject_reason_type", "请选择拒绝原因")
    return _queue(conn, case, "reject", {"reject_reason_type": int(reject_reason_type),
                                         "reject_reason": _text(reject_reason, "reject_reason")})


def _negotiate_tx(conn: sqlite3.Connection, case_id: str, target_type: int, amount: int,
                  desc: str, update_reason_type: int, merchant_update_type: int,
                  media_ids: Sequence[str]) -> ChangeSet:
    case = _case(conn, case_id, rules.NEGOTIATE_STATUSES, "协商")
    if target_type not in (1, 2):
        raise fail("type", "协商方案只能是仅退款或退货退款")
    if not 0 < int(amount) <= max(case.amount, 1):
        raise fail("amount", "协商金额必须大于 0 且不超过申请金额")
    return _queue(conn, case, "negotiate", {
        "type": int(target_type), "amount": int(amount), "desc": _text(desc, "desc", True),
        "update_reason_type": int(update_reason_type),
        "merchant_update_type": int(merchant_update_type), "media_ids": list(media_ids)})


def _certificate_tx(conn: sqlite3.Connection, case_id: str, media_ids: Sequence[str],
                    desc: str) -> ChangeSet:
    case = _case(conn, case_id, rules.CERTIFICATE_STATUSES, "上传退款凭证")
    if not media_ids:
        raise fail("media_ids", "请上传退款凭证图片")
    return _queue(conn, case, "refund_certificate",
                  {"media_ids": list(media_ids), "desc": _text(desc, "desc", True)})


def _reship_tx(conn: sqlite3.Connection, case_id: str, delivery_id: str,
               waybill_id: str) -> ChangeSet:
    case = _case(conn, case_id, rules.RESHIP_STATUSES, "换货发货")
    if case.type != rules.CaseType.EXCHANGE:
        raise fail("case_id", "只有换货售后需要发出新货")
    if not delivery_id.strip():
        raise fail("delivery_id", "请选择快递公司")
    if not waybill_id.strip():
        raise fail("waybill_id", "请填写快递单号")
    return _queue(conn, case, "reship", {"delivery_id": delivery_id.strip(),
                                         "waybill_id": waybill_id.strip()})


def _reject_reship_tx(conn: sqlite3.Connection, case_id: str, reject_reason_type: int,
                      reject_reason: str, certificates: Sequence[str]) -> ChangeSet:
    case = _case(conn, case_id, rules.RESHIP_STATUSES, "拒绝换货发货")
    if case.type != rules.CaseType.EXCHANGE:
        raise fail("case_id", "只有换货售后可以拒绝发货")
    if int(reject_reason_type) <= 0:
        raise fail("reject_reason_type", "请选择拒绝原因")
    return _queue(conn, case, "reject_reship", {
        "reject_reason_type": int(reject_reason_type),
        "reject_reason": _text(reject_reason, "reject_reason"),
        "certificates": list(certificates)})


def _answer_tx(conn: sqlite3.Connection, order_id: str, kind: str, accept: bool) -> ChangeSet:
    try:
        op = REQUEST_OPS[(RequestKind(kind), bool(accept))]
    except ValueError:
        raise fail("kind", f"未知的买家申请类型 {kind}") from None
    requests = RequestRepo(conn)
    request = requests.get(order_id, kind)
    if request is None or request.state != PENDING:
        raise fail("order_id", f"订单 {order_id} 没有待处理的{rules.REQUEST_LABELS[RequestKind(kind)]}申请")
    answers = [r for r in outbox.open_rows(conn, "order", order_id)
               if r.op in REQUEST_OPS.values()]
    if any(r.state in ("pending", "sending") for r in answers):
        raise fail("order_id", f"订单 {order_id} 的申请已处理，正在同步")
    for refused in answers:  # an earlier answer the store refused: this one replaces it
        outbox.cancel(conn, refused.id)
    outbox.enqueue(conn, "order", order_id, op, {"order_id": order_id, "kind": kind})
    requests.set_answer(order_id, kind, "accept" if accept else "reject")
    return ChangeSet(orders={order_id}, requests={order_id}, outbox=True)


# ---- the intents (async for the window, *_sync for the CLI) ----------------------------------

async def accept(store: Store, case_id: str, *, address_id: str = "",
                 accept_type: int | None = None) -> ChangeSet:
    return await run(store, partial(_accept_tx, case_id=case_id, address_id=address_id,
                                    accept_type=accept_type))


def accept_sync(store: Store, case_id: str, *, address_id: str = "",
                accept_type: int | None = None) -> ChangeSet:
    return run_sync(store, partial(_accept_tx, case_id=case_id, address_id=address_id,
                                   accept_type=accept_type))


async def reject(store: Store, case_id: str, reject_reason_type: int,
                 reject_reason: str = "") -> ChangeSet:
    return await run(store, partial(_reject_tx, case_id=case_id,
                                    reject_reason_type=reject_reason_type,
                                    reject_reason=reject_reason))


def reject_sync(store: Store, case_id: str, reject_reason_type: int,
                reject_reason: str = "") -> ChangeSet:
    return run_sync(store, partial(_reject_tx, case_id=case_id,
                                   reject_reason_type=reject_reason_type,
                                   reject_reason=reject_reason))


async def negotiate(store: Store, case_id: str, *, target_type: int, amount: int, desc: str,
                    update_reason_type: int, merchant_update_type: int,
                    media_ids: Sequence[str] = ()) -> ChangeSet:
    return await run(store, partial(
        _negotiate_tx, case_id=case_id, target_type=target_type, amount=amount, desc=desc,
        update_reason_type=update_reason_type, merchant_update_type=merchant_update_type,
        media_ids=media_ids))


async def upload_refund_certificate(store: Store, case_id: str, media_ids: Sequence[str],
                                    desc: str) -> ChangeSet:
    return await run(store, partial(_certificate_tx, case_id=case_id, media_ids=media_ids,
                                    desc=desc))


async def reship(store: Store, case_id: str, delivery_id: str, waybill_id: str) -> ChangeSet:
    return await run(store, partial(_reship_tx, case_id=case_id, delivery_id=delivery_id,
                                    waybill_id=waybill_id))


async def reject_reship(store: Store, case_id: str, reject_reason_type: int,
                        reject_reason: str = "", certificates: Sequence[str] = ()) -> ChangeSet:
    return await run(store, partial(_reject_reship_tx, case_id=case_id,
                                    reject_reason_type=reject_reason_type,
                                    reject_reason=reject_reason, certificates=certificates))


async def answer_request(store: Store, order_id: str, kind: str, accept: bool) -> ChangeSet:
    return await run(store, partial(_answer_tx, order_id=order_id, kind=kind, accept=accept))


def answer_request_sync(store: Store, order_id: str, kind: str, accept: bool) -> ChangeSet:
    return run_sync(store, partial(_answer_tx, order_id=order_id, kind=kind, accept=accept))
