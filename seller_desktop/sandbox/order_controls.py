"""Scenario controls for orders, gifts and e-waybills (``/sandbox/...``, not WeChat API).

What a client's tests need to make happen on the "buyer side": a new paid order or gift, a gift
accepted (optionally on another SKU) or expired, a buyer confirming receipt, an order cancelled
or refunded, an e-waybill account running out of stock. Bodies are JSON objects; bad input is
HTTP 400 ``{"ok": false, "error": ...}`` (:class:`ControlError`). Each control:
sandbox/README.md, "Orders and gifts".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from . import aftersale, ewaybill, gifts
from .core import ApiError, ControlError, control, record
from .demo_orders import random_openid, random_person
from .order_wire import masked_address
from .orders import (
    add_order,
    change_stock,
    index,
    new_line,
    new_order_id,
    new_record,
    online_sku,
    sku_snapshot,
    touch,
)
from .state import Shop

Control = Callable[[Shop, dict[str, Any]], dict[str, Any]]
ADDRESS_FIELDS = ("user_name", "tel_number", "province_name", "city_name", "county_name",
                  "detail_info")


def _api_errors(fn: Control) -> Control:
    """Business errors of the shared helpers become HTTP 400 control errors."""
    @wraps(fn)
    def wrapper(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return fn(shop, body)
        except ApiError as exc:
            raise ControlError(f"{exc.errcode}: {exc.errmsg}") from None
    return wrapper


def _id(body: dict[str, Any], name: str, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value) == "":
        raise ControlError(f"{name} is required (string or number)")
    return str(value)


def _int(body: dict[str, Any], name: str, default: int) -> int:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ControlError(f"{name} must be an integer")
    return value


def _order(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    oid = _id(body, "order_id")
    rec = shop.orders.get(oid or "")
    if rec is None:
        raise ControlError(f"no order {oid}")
    return rec


def _pick_sku(shop: Shop, body: dict[str, Any], count: int) -> tuple[str, str]:
    pid, sid = _id(body, "product_id", False), _id(body, "sku_id", False)
    if pid and sid:
        return pid, sid
    for product_id in sorted(shop.products):
        prod = shop.products[product_id]
        if prod.get("status") != 5 or not prod.get("product") or (pid and pid != product_id):
            continue
        for sku in prod["product"].get("skus", []):
            if int(sku.get("stock_num", 0)) >= count:
                return product_id, str(sku["sku_id"])
    raise ControlError("no on-sale SKU with enough stock")


@control("/sandbox/order/create")
@_api_errors
def order_create(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    gift = body.get("gift", False)
    if not isinstance(gift, bool):
        raise ControlError("gift must be true or false")
    count = _int(body, "count", 1)
    if count < 1 or (gift and count != 1):
        raise ControlError("count must be >= 1 (exactly 1 for a gift)")
    product_id, sku_id = _pick_sku(shop, body, count)
    oid = new_order_id(shop, shop.rng)
    if gift:
        note = body.get("note", "生日快乐")
        if not isinstance(note, str):
            raise ControlError("note must be a string")
        send_type = _int(body, "send_type", 0)
        if send_type not in gifts.SEND_TYPES:
            raise ControlError(f"send_type must be one of {gifts.SEND_TYPES}")
        present_id = _id(body, "present_order_id", False)
        giver = random_openid(shop.rng)
        if present_id is not None:  # one more sub-order of an existing (group) gift
            subs = index(shop)["by_present"].get(present_id)
            if not subs:
                raise ControlError(f"no gift {present_id}")
            giver = shop.orders[subs[0]]["present"]["present_giver_openid"]
        rec = gifts.create_gift(shop, shop.rng, oid, product_id, sku_id, giver, note, send_type,
                                present_id)
        record(shop, "sandbox.order.create", order_id=oid, gift=True)
        return {"order_id": oid, "status": 12,
                "present_order_id": rec["present"]["present_order_id_str"]}
    status = _int(body, "status", 20)
    if status not in (10, 20):
        raise ControlError("status must be 10 (unpaid) or 20 (paid)")
    try:
        prod, sku = online_sku(shop, product_id, sku_id)
    except ValueError as exc:
        raise ControlError(str(exc)) from None
    if int(sku.get("stock_num", 0)) < count:
        raise ControlError(f"sku {sku_id} has not enough stock")
    now = shop.clock.now()
    pay_time = now if status == 20 else 0
    line = new_line(product_id, sku_id, sku_snapshot(prod["product"], sku),
                    int(sku["sale_price"]), count,
                    deadline=now + gifts.SHIP_WINDOW if pay_time else 0)
    openid, real = random_person(shop.rng)
    change_stock(shop, product_id, sku_id, -count)
    add_order(shop, new_record(oid, status, now, openid, [line], 0, pay_time, real))
    record(shop, "sandbox.order.create", order_id=oid, gift=False)
    return {"order_id": oid, "status": status}


@control("/sandbox/order/status")
@_api_errors
def order_status(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    rec = _order(shop, body)
    new, old = _int(body, "status", -1), rec["status"]
    now = shop.clock.now()
    if old == 10 and new == 20:
        rec["pay_time"] = now
        for line in rec["lines"]:
            line["delivery_deadline"] = now + gifts.SHIP_WINDOW
    elif old in (10, 20) and new == 250:
        gifts.cancel(shop, rec, "sandbox.order.status")
        return {"order_id": rec["order_id"], "status": 250}
    elif old in (20, 21, 30) and new == 200:  # refunded through after-sale cases (cause 6)
        aftersale.refund_everything(shop, rec, now)
        record(shop, "sandbox.order.status", order_id=rec["order_id"], status=new)
        return {"order_id": rec["order_id"], "status": rec["status"]}
    elif old == 30 and new == 100:
        if (rec.get("aftersale") or {}).get("open"):  # the buyer cannot confirm during a case
            raise ControlError(f"order {rec['order_id']} has an open after-sale case")
        rec["confirm_receipt_time"] = now
    else:
        raise ControlError(f"order {rec['order_id']}: status {old} cannot become {new}")
    rec["status"] = new
    touch(shop, rec)
    record(shop, "sandbox.order.status", order_id=rec["order_id"], status=new)
    return {"order_id": rec["order_id"], "status": new}


def parse_address(body: dict[str, Any]) -> dict[str, Any] | None:
    """The optional ``address`` of a control body, as an unmasked address_info (None: absent)."""
    addr = body.get("address")
    if addr is None:
        return None
    if not isinstance(addr, dict) or not all(isinstance(addr.get(k), str) and addr[k]
                                             for k in ADDRESS_FIELDS):
        raise ControlError(f"address needs non-empty strings {', '.join(ADDRESS_FIELDS)}")
    return {"postal_code": "", "national_code": "", "house_number": "", "hash_code": "",
            "use_tel_number": 0, **{k: addr[k] for k in (*ADDRESS_FIELDS, "postal_code")
                                     if k in addr}}


@control("/sandbox/list_lag")
def list_lag(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    """``{order_id | after_sale_order_id, seconds}``: the update-time list leaves this order
    (or case) out for the next ``seconds`` of sandbox time, as an index lagging behind writes
    would; ``get`` reads it as it is."""
    seconds = _int(body, "seconds", -1)
    if seconds < 0:
        raise ControlError("seconds must be >= 0")
    case_id = _id(body, "after_sale_order_id", False)
    if case_id is not None:
        rec = shop.aftersales.get(case_id)
        if rec is None:
            raise ControlError(f"no after-sale case {case_id}")
    else:
        rec = _order(shop, body)
    rec["_list_hidden_until"] = shop.clock.now() + seconds
    shop.dirty = True
    return {"hidden_until": rec["_list_hidden_until"]}


@control("/sandbox/gift/accept")
@_api_errors
def gift_accept(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    rec = _order(shop, body)
    openid, real = random_person(shop.rng)
    real = parse_address(body) or real
    openid = _id(body, "openid", False) or openid
    gifts.accept(shop, rec, openid, real, _id(body, "sku_id", False))
    return {"order_id": rec["order_id"], "status": rec["status"], "openid": rec["openid"],
            "sku_id": rec["lines"][0]["sku_id"], "address_info": masked_address(real)}


@control("/sandbox/gift/expire")
@_api_errors
def gift_expire(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    rec = _order(shop, body)
    gifts.expire(shop, rec)
    return {"order_id": rec["order_id"], "status": rec["status"]}


@control("/sandbox/ewaybill/stock")
@_api_errors
def ewaybill_stock(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    acct_id = _id(body, "acct_id")
    available = _int(body, "available", -1)
    if available < 0:
        raise ControlError("available must be >= 0")
    ewaybill.set_available(shop, acct_id or "", available)
    shop.dirty = True
    return {"acct_id": acct_id, "available": available}
