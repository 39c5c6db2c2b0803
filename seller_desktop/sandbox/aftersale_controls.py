"""Scenario controls for after-sales (``/sandbox/aftersale/...``, not WeChat API): what buyers
and the platform do — open a case, ship the return, withdraw, answer a negotiation, receive an
exchange, escalate, the platform's ruling, the negotiation switch, and a summary.

Bodies are JSON objects; bad input is HTTP 400 (:class:`ControlError`). The timeouts fire on
``/sandbox/clock/advance`` (``aftersale.py``). Each control's body and effect:
sandbox/README.md.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from . import aftersale as sm
from .aftersale_data import REASON_TEXT, SEMI_TERMINAL, TERMINAL, TYPES, WHO, case_wire
from .aftersale_gen import buyer_answers
from .core import ControlError, control
from .delivery import CARRIER_NAMES
from .state import Shop


def _str(body: dict[str, Any], name: str, default: str | None = None) -> str | None:
    value = body.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value) == "":
        raise ControlError(f"{name} must be a non-empty string or number")
    return str(value)


def _int(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ControlError(f"{name} must be an integer")
    return value


def _flag(body: dict[str, Any], name: str, default: bool | None = None) -> bool | None:
    value = body.get(name, default)
    if value is not None and not isinstance(value, bool):
        raise ControlError(f"{name} must be true or false")
    return value


def _case(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    cid = _str(body, "after_sale_order_id")
    case = shop.aftersales.get(cid or "")
    if case is None:
        raise ControlError(f"no after-sale case {cid}")
    return case


def _expect(case: dict[str, Any], *statuses: str) -> None:
    if case["status"] not in statuses:
        raise ControlError(f"case {case['after_sale_order_id']} is {case['status']}, "
                           f"not {' / '.join(statuses)}")


def _reply(shop: Shop, case: dict[str, Any]) -> dict[str, Any]:
    wire = case_wire(case, shop.clock.now())
    return {"after_sale_order_id": case["after_sale_order_id"], "order_id": case["order_id"],
            "status": case["status"], "type": case["type"],
            "count": case["product_info"]["count"], "amount": case["refund_info"]["amount"],
            "deadline": wire["deadline"], "who": WHO[case["status"]]}


def _line(shop: Shop, order: dict[str, Any], body: dict[str, Any], kind: str) -> tuple[int, int]:
    """(line index, units free for this kind of case) the control applies to."""
    lines = order["lines"]
    wanted = _int(body, "line")
    pid, sid = _str(body, "product_id"), _str(body, "sku_id")
    candidates = range(len(lines)) if wanted is None else [wanted]
    for i in candidates:
        if not 0 <= i < len(lines):
            raise ControlError(f"order {order['order_id']} has no line {i}")
        if (pid and lines[i]["product_id"] != pid) or (sid and lines[i]["sku_id"] != sid):
            continue
        free, _ = sm.free_units(sm.line_units(shop, order, i), kind)
        if free > 0:
            return i, free
    raise ControlError(f"order {order['order_id']} has no line open to a {kind} case"
                       + (" (returns and exchanges need shipped goods)" if kind != "REFUND" else ""))


def _new_sku(shop: Shop, order: dict[str, Any], line_no: int,
             wanted: str | None) -> dict[str, Any]:
    line = order["lines"][line_no]
    prod = shop.products.get(line["product_id"]) or {}
    skus = [s for s in (prod.get("product") or {}).get("skus", [])
            if str(s["sku_id"]) != line["sku_id"]]
    if wanted is not None:
        skus = [s for s in skus if str(s["sku_id"]) == wanted]
    skus.sort(key=lambda s: (int(s.get("sale_price", 0)) != line["sale_price"], str(s["sku_id"])))
    if not skus:
        raise ControlError("no other SKU of this product to exchange for"
                           if wanted is None else f"no SKU {wanted} in this product")
    return skus[0]


@control("/sandbox/aftersale/open")
def open_case(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    oid = _str(body, "order_id")
    order = shop.orders.get(oid or "")
    if order is None:
        raise ControlError(f"no order {oid}")
    kind = _str(body, "type", "REFUND")
    if kind not in TYPES:
        raise ControlError(f"type must be one of {', '.join(TYPES)}")
    reason = _str(body, "reason", "10000000")
    if reason not in REASON_TEXT:
        raise ControlError(f"unknown reason {reason} (see reason/get)")
    desc = body.get("desc", "")
    media = body.get("media_id_list", [])
    if not isinstance(desc, str) or not isinstance(media, list) \
            or not all(isinstance(m, str) for m in media):
        raise ControlError("desc must be a string and media_id_list a list of strings")
    line_no, free = _line(shop, order, body, kind or "REFUND")
    count = _int(body, "count")
    new_sku = _new_sku(shop, order, line_no, _str(body, "new_sku_id")) \
        if kind == "EXCHANGE" else None
    try:
        case = sm.open_case(shop, order, line_no, kind or "REFUND",
                            free if count is None else count, shop.clock.now(),
                            reason=reason or "", desc=desc, amount=_int(body, "amount"),
                            media=media, new_sku=new_sku,
                            need_negotiation=_flag(body, "need_negotiation"))
    except sm.CaseError as exc:
        raise ControlError(f"{exc.code}: {exc}") from None
    return _reply(shop, case)


@control("/sandbox/aftersale/return")
def send_return(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    case = _case(shop, body)
    _expect(case, "USER_WAIT_RETURN")
    delivery_id = _str(body, "delivery_id", "YTO") or "YTO"
    if delivery_id not in CARRIER_NAMES:
        raise ControlError(f"unknown delivery_id {delivery_id}")
    waybill = _str(body, "waybill_id") or \
        f"YT{int(case['after_sale_order_id']) % 10**13:013d}"
    sm.buyer_returns(shop, case, {"delivery_id": delivery_id,
                                  "delivery_name": CARRIER_NAMES[delivery_id],
                                  "waybill_id": waybill}, shop.clock.now())
    return _reply(shop, case)


@control("/sandbox/aftersale/cancel")
def cancel(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    case = _case(shop, body)
    if case["status"] in TERMINAL:
        raise ControlError(f"case {case['after_sale_order_id']} already ended ({case['status']})")
    sm.cancel(shop, case, shop.clock.now())
    return _reply(shop, case)


@control("/sandbox/aftersale/negotiation")
def negotiation(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    case = _case(shop, body)
    _expect(case, "USER_WAIT_CONFIRM_UPDATE", "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE")
    agree = _flag(body, "agree")
    if agree is None:
        raise ControlError("agree (true or false) is required")
    if case["status"] == "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE":
        buyer_answers(shop, case, agree, shop.clock.now())
    elif agree:
        sm.buyer_agrees(shop, case, shop.clock.now())
    else:
        sm.back_to_seller(shop, case, shop.clock.now())
    return _reply(shop, case)


@control("/sandbox/aftersale/receive")
def receive(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    case = _case(shop, body)
    _expect(case, "USER_WAIT_RECEIPT")
    now = shop.clock.now()
    case["complete_time"] = now
    sm.move(shop, case, "MERCHANT_EXCHANGE_SUCCESS", now)
    return _reply(shop, case)


@control("/sandbox/aftersale/escalate")
def escalate(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    case = _case(shop, body)
    _expect(case, *sorted(SEMI_TERMINAL))
    if case["_dispute"]:
        raise ControlError("a dispute is already in progress")
    sm.escalate(shop, case, shop.clock.now())
    return {**_reply(shop, case), "complaint_id": case["complaint_id"]}


@control("/sandbox/aftersale/ruling")
def ruling(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    case = _case(shop, body)
    if not case["_dispute"]:
        raise ControlError(f"case {case['after_sale_order_id']} has no dispute in progress")
    for_buyer = _flag(body, "refund")
    if for_buyer is None:
        raise ControlError("refund (true or false) is required")
    sm.rule(shop, case, for_buyer, shop.clock.now())
    return _reply(shop, case)


@control("/sandbox/aftersale/update")
def update(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    case = _case(shop, body)
    need = _flag(body, "need_negotiation")
    if need is None:
        raise ControlError("need_negotiation (true or false) is required")
    case["_need_negotiation"] = need
    shop.dirty = True
    return {**_reply(shop, case), "need_negotiation": need}


@control("/sandbox/aftersale/summary", method="GET")
def summary(shop: Shop, query: dict[str, str]) -> dict[str, Any]:
    statuses = Counter(c["status"] for c in shop.aftersales.values())
    who = Counter(WHO[c["status"]] for c in shop.aftersales.values())
    return {"cases": len(shop.aftersales), "by_status": dict(sorted(statuses.items())),
            "by_who": dict(sorted(who.items())),
            "address_changes": sum(1 for o in shop.orders.values() if o.get("address_review")),
            "sku_changes": sum(1 for o in shop.orders.values()
                               if any(ln.get("change_sku_info", {}).get(
                                   "preshipment_change_sku_state") == 3 for ln in o["lines"]))}
