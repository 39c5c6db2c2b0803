"""The after-sale API (aftersale.md §1–§2): ``/channels/ec/aftersale/…`` list, detail, the
seller's actions and the reason lists. Each action checks its input and the case's step, then
moves the case through ``aftersale.py``; refunds and reships keep to one call per order per
minute (10021059). Unknown case: 10021050; an id that is not 16 digits: 10020000.
"""

from __future__ import annotations

import base64
import binascii
import bisect
from typing import Any

from . import aftersale as sm
from .aftersale_data import (
    REASONS,
    REJECT_REASONS,
    TYPE_NUMBER,
    UPDATE_REASONS,
    case_wire,
    index,
    reject_scene,
)
from .core import ApiError, Request, body_dict, field_int, field_str, record, route
from .delivery import CARRIER_NAMES
from .state import Shop

P = "/channels/ec/aftersale/"
DAY = 86400


def _case(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    cid = field_str(body, "after_sale_order_id") or ""
    if not cid.isdigit():
        raise ApiError(10020000, "after_sale_order_id invalid")
    case = shop.aftersales.get(cid)
    if case is None:
        raise ApiError(10021050, "after sale order not exist")
    return case


def _step_error(case: dict[str, Any]) -> ApiError:
    return ApiError(10021041, f"售后单当前状态({case['status']})不支持该操作")


def _moved(fn: Any) -> Any:
    """State-machine refusals (CaseError) become API errors."""
    try:
        return fn()
    except sm.CaseError as exc:
        raise ApiError(exc.code, str(exc)) from None


def _text(body: dict[str, Any], name: str, required: bool) -> str:
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise ApiError(40097, f"invalid args, field \"{name}\" is required")
        return ""
    if not isinstance(value, str):
        raise ApiError(47001, f"data format error, field \"{name}\" does't expect this value type")
    return value


def _ids(body: dict[str, Any], name: str, required: bool) -> list[str]:
    value = body.get(name)
    if value is None or value == []:
        if required:
            raise ApiError(40097, f"invalid args, field \"{name}\" is required")
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ApiError(47001, f"data format error, field \"{name}\" must be a list of strings")
    return list(value)


# ---- list and detail ---------------------------------------------------------------------

def _encode_key(t: int, cid: str) -> str:
    return base64.urlsafe_b64encode(f"{t}:{cid}".encode()).decode()


def _decode_key(key: str) -> tuple[int, str]:
    try:
        t, cid = base64.urlsafe_b64decode(key.encode()).decode().split(":")
        return int(t), cid
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(40097, "invalid args, next_key is invalid") from None


def _pair(body: dict[str, Any], kind: str) -> tuple[int, int] | None:
    begin = field_int(body, f"begin_{kind}_time", required=False)
    end = field_int(body, f"end_{kind}_time", required=False)
    if begin is None and end is None:
        return None
    if begin is None or end is None:
        raise ApiError(40097, f"invalid args, begin_{kind}_time and end_{kind}_time go together")
    if end < begin:
        raise ApiError(40097, f"invalid args, end_{kind}_time is before begin_{kind}_time")
    if end - begin > DAY:
        raise ApiError(10020004, "time range exceeds 24 hours")
    return begin, end


@route(P + "getaftersalelist")
def case_list(shop: Shop, req: Request) -> dict[str, Any]:
    """Ids in ``[begin, end)`` of the update (or create) time, oldest first, a page at a time."""
    body = body_dict(req)
    created, updated = _pair(body, "create"), _pair(body, "update")
    if created is None and updated is None:
        raise ApiError(40097, "invalid args, a create or update time range is required")
    key = body.get("next_key")
    if key is not None and not isinstance(key, str):
        raise ApiError(47001, "data format error, field \"next_key\" does't expect this value type")
    ix = index(shop)
    keys, (start, end) = (ix["by_update"], updated) if updated else (ix["by_create"], created)
    lo = bisect.bisect_left(keys, (start, ""))
    hi = bisect.bisect_left(keys, (end, ""))
    if key:
        lo = max(lo, bisect.bisect_right(keys, _decode_key(key)))
    size = max(1, shop.config.aftersale_page_size)
    ids: list[str] = []
    last: tuple[int, str] | None = None
    i = lo
    now = shop.clock.now()
    while i < hi and len(ids) < size:
        cid = keys[i][1]
        case = shop.aftersales[cid]
        if updated and case.get("_list_hidden_until", 0) > now:  # /sandbox/list_lag
            pass
        elif not (updated and created and not created[0] <= case["create_time"] < created[1]):
            ids.append(cid)
            last = keys[i]
        i += 1
    has_more = i < hi
    if has_more and last is None:
        last = keys[i - 1]
    return {"after_sale_order_id_list": ids, "has_more": has_more,
            "next_key": _encode_key(*last) if last else (key or "")}


@route(P + "getaftersaleorder")
def case_get(shop: Shop, req: Request) -> dict[str, Any]:
    return {"after_sale_order": case_wire(_case(shop, body_dict(req)), shop.clock.now())}


@route(P + "reason/get")
def reason_list(shop: Shop, req: Request) -> dict[str, Any]:
    body_dict(req)
    return {"reason_list": [{"reason": code, "reason_text": text} for code, text in REASONS]}


@route(P + "rejectreason/get")
def reject_reason_list(shop: Shop, req: Request) -> dict[str, Any]:
    body_dict(req)
    return {"reason_list": [{"reject_reason_type": t, "reject_reason_type_text": text,
                             "reject_reason": default, "reject_scene": scene}
                            for t, text, default, scene in REJECT_REASONS]}


# ---- seller actions ----------------------------------------------------------------------

def _refund_call(shop: Shop, case: dict[str, Any]) -> int:
    """The per-order refund rate; returns now. Counted only for calls that are applied."""
    now = shop.clock.now()
    _moved(lambda: sm.check_refund_rate(shop, case["order_id"], now))
    sm.note_refund_call(shop, case["order_id"], now)
    return now


@route(P + "acceptapply")
def accept_apply(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    case = _case(shop, body)
    accept_type = field_int(body, "accept_type", required=False)
    if accept_type not in (None, 1, 2):
        raise ApiError(40097, "invalid args, accept_type must be 1 or 2")
    status, kind = case["status"], case["type"]
    if accept_type is None:
        accept_type = 1 if status == "MERCHANT_PROCESSING" and kind != "REFUND" else 2
    if accept_type == 1:
        if status != "MERCHANT_PROCESSING" or kind == "REFUND":
            raise _step_error(case)
        address_id = field_str(body, "address_id", required=False)
        if not address_id:
            raise ApiError(10021060, "退货需要传入收货地址的address_id")
        address = shop.merchant_addresses.get(address_id)
        if address is None or not address.get("recv_addr"):
            raise ApiError(10021062, "address_id is not a return address of this shop")
        sm.wait_return(shop, case, address_id, shop.clock.now())
    else:
        allowed = {"REFUND": ("MERCHANT_PROCESSING",),
                   "RETURN": ("MERCHANT_PROCESSING", "USER_WAIT_RETURN", "MERCHANT_WAIT_RECEIPT")}
        if status not in allowed.get(kind, ()):
            raise _step_error(case)
        now = _refund_call(shop, case)
        sm.refund(shop, case, sm.BY_MERCHANT_API, now, by_merchant=True)
    record(shop, req.path, after_sale_order_id=case["after_sale_order_id"],
           accept_type=accept_type)
    return {}


def _reject_reason(body: dict[str, Any], scene: int) -> tuple[int, str]:
    kind = field_int(body, "reject_reason_type")
    for t, _label, default, s in REJECT_REASONS:
        if t == kind and s == scene:
            return kind, _text(body, "reject_reason", False) or default
    raise ApiError(40097, f"invalid args, reject_reason_type {kind} is not a reason of "
                   f"reject_scene {scene} (see rejectreason/get)")


@route(P + "rejectapply")
def reject_apply(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    case = _case(shop, body)
    if case["_dispute"]:
        raise ApiError(10021051, "纠纷单处理中，无法操作")
    status, kind = case["status"], case["type"]
    if not (status == "MERCHANT_PROCESSING"
            or (status == "MERCHANT_WAIT_RECEIPT" and kind == "RETURN")):
        raise _step_error(case)
    _, text = _reject_reason(body, reject_scene(case))
    if case["_need_negotiation"] and not case["_negotiated"]:
        raise ApiError(10021068, "该售后单不支持直接拒绝，请先与买家协商")
    sm.reject(shop, case, f"MERCHANT_REJECT_{kind}", text, shop.clock.now())
    record(shop, req.path, after_sale_order_id=case["after_sale_order_id"])
    return {}


@route(P + "merchantupdateaftersale")
def negotiate(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    case = _case(shop, body)
    target = field_int(body, "type")
    amount = field_int(body, "amount")
    desc = _text(body, "merchant_update_desc", True)
    reason = field_int(body, "update_reason_type")
    update_type = field_int(body, "merchant_update_type")
    media = _ids(body, "media_ids", False)
    assert amount is not None
    if target not in (1, 2):
        raise ApiError(40097, "invalid args, type must be 1 (refund) or 2 (return)")
    if reason not in UPDATE_REASONS:
        raise ApiError(40097, f"invalid args, unknown update_reason_type {reason}")
    wanted_type, need_image, _ = UPDATE_REASONS[reason]
    if update_type != wanted_type:
        raise ApiError(40097, f"invalid args, update_reason_type {reason} goes with "
                       f"merchant_update_type {wanted_type}")
    if need_image and not media:
        raise ApiError(40097, f"invalid args, update_reason_type {reason} needs media_ids")
    if case["status"] != "MERCHANT_PROCESSING":
        raise _step_error(case)
    limit = case.get("_max_amount", case["refund_info"]["amount"])
    if not 0 < amount <= limit:
        raise ApiError(10021046, f"amount must be 1..{limit} 分")
    proposal = {"merchant_update_type": update_type, "merchant_update_desc": desc,
                "update_reason_type": reason,
                "old_after_sale_type": TYPE_NUMBER.get(case["type"], 0),
                "new_after_sale_type": target,
                "old_after_sale_amount": case["refund_info"]["amount"],
                "new_after_sale_amount": amount, "media_ids": media}
    case["merchant_update_detail"] = dict(proposal)
    case["_proposal"] = proposal
    now = shop.clock.now()
    sm.move(shop, case, "USER_WAIT_CONFIRM_UPDATE", now, now + shop.config.aftersale_buyer_window)
    record(shop, req.path, after_sale_order_id=case["after_sale_order_id"])
    return {}


@route(P + "uploadrefundcertificate")
def upload_refund_certificate(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    case = _case(shop, body)
    certificates = _ids(body, "refund_certificates", True)
    _text(body, "desc", True)
    if case["status"] != "PLATFORM_REFUND_FAIL":
        raise _step_error(case)
    case["merchant_upload_info"]["refund_certificates"] = certificates
    sm.refund(shop, case, case["refund_info"]["refund_reason"] or sm.BY_MERCHANT_API,
              shop.clock.now(), by_merchant=False)
    record(shop, req.path, after_sale_order_id=case["after_sale_order_id"])
    return {}


def _exchange_waiting(case: dict[str, Any]) -> None:
    if case["type"] != "EXCHANGE" or case["status"] != "MERCHANT_WAIT_RECEIPT":
        raise _step_error(case)


@route(P + "acceptexchangereship")
def accept_exchange_reship(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    case = _case(shop, body)
    waybill_id = field_str(body, "waybill_id")
    delivery_id = field_str(body, "delivery_id") or ""
    if delivery_id not in CARRIER_NAMES:
        raise ApiError(40097, f"invalid args, unknown delivery_id {delivery_id}")
    _exchange_waiting(case)
    now = _refund_call(shop, case)
    sm.reship(shop, case, {"delivery_id": delivery_id,
                           "delivery_name": CARRIER_NAMES[delivery_id],
                           "waybill_id": waybill_id or ""}, now)
    record(shop, req.path, after_sale_order_id=case["after_sale_order_id"],
           waybill_id=waybill_id)
    return {}


@route(P + "rejectexchangereship")
def reject_exchange_reship(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    case = _case(shop, body)
    certificates = _ids(body, "reject_certificates", False)
    _, text = _reject_reason(body, 6)
    _exchange_waiting(case)
    case["merchant_upload_info"]["reject_certificates"] = certificates
    sm.reject(shop, case, "MERCHANT_REJECT_RESHIP", text, shop.clock.now())
    record(shop, req.path, after_sale_order_id=case["after_sale_order_id"])
    return {}


@route(P + "handlefastexchangereceipt")
def fast_exchange_receipt(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    case = _case(shop, body)
    if field_int(body, "act") not in (1, 2):
        raise ApiError(40097, "invalid args, act must be 1 or 2")
    raise ApiError(10021041, f"售后单{case['after_sale_order_id']}不是极速换货单")
