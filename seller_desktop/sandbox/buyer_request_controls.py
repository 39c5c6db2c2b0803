"""Scenario controls for buyers' requests (``/sandbox/order/...``, not WeChat API):

    POST /sandbox/order/address_change {order_id, address?}  the buyer edits the address
         (random when absent) → {order_id, under_review, apply_time, auto_approve_time}
    POST /sandbox/order/sku_change {order_id, sku_id?, line?}  the buyer asks for another SKU of
         the same product and price (the first such SKU when absent) → {order_id, change_sku_info}
    POST /sandbox/order/sku_change/cancel {order_id}  the buyer withdraws it (state 6)

Timeouts (auto-approval after 12 h, SKU change deadline) fire on ``/sandbox/clock/advance``.
"""

from __future__ import annotations

from typing import Any

from . import buyer_requests as br
from .core import ControlError, control
from .demo_orders import random_person
from .order_controls import parse_address
from .state import Shop


def _order(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    oid = body.get("order_id")
    if isinstance(oid, bool) or not isinstance(oid, (str, int)):
        raise ControlError("order_id is required (string or number)")
    order = shop.orders.get(str(oid))
    if order is None:
        raise ControlError(f"no order {oid}")
    return order


@control("/sandbox/order/address_change")
def address_change(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    order = _order(shop, body)
    address = parse_address(body) or random_person(shop.rng)[1]
    now = shop.clock.now()
    try:
        review = br.request_address_change(shop, order, address, now)
    except ValueError as exc:
        raise ControlError(str(exc)) from None
    return {"order_id": order["order_id"], "under_review": review, "apply_time": now,
            "auto_approve_time": now + shop.config.address_auto_approve if review else 0}


def _pick_line(shop: Shop, order: dict[str, Any], body: dict[str, Any]) -> tuple[int, str]:
    wanted_line = body.get("line")
    wanted_sku = body.get("sku_id")
    if wanted_line is not None and (isinstance(wanted_line, bool) or not isinstance(wanted_line, int)):
        raise ControlError("line must be an integer")
    if wanted_sku is not None and (isinstance(wanted_sku, bool) or not isinstance(wanted_sku, (str, int))):
        raise ControlError("sku_id must be a string or number")
    lines = range(len(order["lines"])) if wanted_line is None else [wanted_line]
    for i in lines:
        if not 0 <= i < len(order["lines"]):
            raise ControlError(f"order {order['order_id']} has no line {i}")
        line = order["lines"][i]
        prod = shop.products.get(line["product_id"]) or {}
        for sku in (prod.get("product") or {}).get("skus", []):
            sid = str(sku["sku_id"])
            if sid == line["sku_id"]:
                continue
            if wanted_sku is not None and sid == str(wanted_sku):
                return i, sid  # request_sku_change checks the price
            if wanted_sku is None and int(sku["sale_price"]) == line["sale_price"]:
                return i, sid
    raise ControlError(f"order {order['order_id']} has no line with "
                       + (f"SKU {wanted_sku} as another SKU" if wanted_sku is not None
                          else "another SKU of the same price"))


@control("/sandbox/order/sku_change")
def sku_change(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    order = _order(shop, body)
    line_no, sku_id = _pick_line(shop, order, body)
    try:
        info = br.request_sku_change(shop, order, line_no, sku_id, shop.clock.now())
    except ValueError as exc:
        raise ControlError(str(exc)) from None
    return {"order_id": order["order_id"], "line": line_no, "change_sku_info": dict(info)}


@control("/sandbox/order/sku_change/cancel")
def sku_change_cancel(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    order = _order(shop, body)
    if br.waiting_line(order) is None:
        raise ControlError(f"order {order['order_id']} has no SKU change waiting")
    br.settle_sku_change(shop, order, br.CANCELLED, shop.clock.now(), "buyer.sku_change_cancel")
    return {"order_id": order["order_id"], "state": br.CANCELLED}
