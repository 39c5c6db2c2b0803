"""Sandbox gift orders (送礼物): their fields, acceptance, 24-hour expiry and the gift endpoints.

Owns the ``present`` part of an order record and answers ``/channels/ec/order/presentnote/add``
and ``/presentsuborder/get`` (orders-shipping.md §1.4). A gift awaiting acceptance is status 12
with no address; :func:`accept` (a scenario control) moves it to 20 with the recipient's masked
address, optionally on another SKU; the :func:`expire_due` tick cancels gifts not accepted
within ``config.gift_ttl`` (→ 250, stock returned). Decisions: sandbox/README.md,
"Orders and gifts".
"""

from __future__ import annotations

import heapq
from typing import Any

from .core import ApiError, Request, body_dict, field_str, record, route, tick
from .orders import (
    add_order,
    change_stock,
    index,
    new_line,
    new_record,
    online_sku,
    sku_snapshot,
    touch,
)
from .state import Shop

SHIP_WINDOW = 48 * 3600  # ship-by deadline after payment / acceptance
SEND_TYPES = (0, 1, 2, 3, 4, 5, 6)  # 0 1:1 chat, 1 group chat, 2 OA, 3 Channels, 4-5 WeCom, 6 mini program


def new_present_id(shop: Shop, rng: Any) -> str:
    taken = index(shop)["by_present"]
    while True:
        pid = f"42{rng.randrange(10**17):017d}"
        if pid not in taken:
            return pid


def make_gift(order_id: str, present_id: str, pay_time: int, giver_openid: str, note: str,
              send_type: int, line: dict[str, Any], freight: int = 0) -> dict[str, Any]:
    """A gift order record at status 12: paid by the giver, no recipient or address yet."""
    rec = new_record(order_id, 12, pay_time, giver_openid, [line], freight, pay_time, None)
    rec["present"] = {"present_order_id_str": present_id, "present_note": note,
                      "present_giver_openid": giver_openid, "present_send_type": send_type}
    return rec


def create_gift(shop: Shop, rng: Any, order_id: str, product_id: str, sku_id: str,
                giver_openid: str, note: str, send_type: int = 0,
                present_id: str | None = None) -> dict[str, Any]:
    """Add a new gift order (one item) for an on-sale SKU, taking one unit of stock."""
    try:
        prod, sku = online_sku(shop, product_id, sku_id)
    except ValueError as exc:
        raise ApiError(40097, f"invalid args, {exc}") from None
    if int(sku.get("stock_num", 0)) < 1:
        raise ApiError(40097, f"invalid args, sku {sku_id} is out of stock")
    now = shop.clock.now()
    line = new_line(product_id, sku_id, sku_snapshot(prod["product"], sku),
                    int(sku["sale_price"]), 1)
    rec = make_gift(order_id, present_id or new_present_id(shop, rng), now, giver_openid, note,
                    send_type, line)
    change_stock(shop, product_id, sku_id, -1)
    add_order(shop, rec)
    return rec


def _switch_sku(shop: Shop, line: dict[str, Any], sku_id: str) -> None:
    try:
        prod, sku = online_sku(shop, line["product_id"], sku_id)
    except ValueError as exc:
        raise ApiError(40097, f"invalid args, {exc}") from None
    if int(sku["sale_price"]) != line["sale_price"]:
        raise ApiError(40097, "invalid args, a gift may only switch to a SKU of the same price")
    if int(sku.get("stock_num", 0)) < line["sku_cnt"]:
        raise ApiError(40097, f"invalid args, sku {sku_id} is out of stock")
    change_stock(shop, line["product_id"], line["sku_id"], line["sku_cnt"])
    change_stock(shop, line["product_id"], sku_id, -line["sku_cnt"])
    line["accept_change_sku_info"] = {"old_sku_id": line["sku_id"], "new_sku_id": str(sku_id)}
    line["sku_id"] = str(sku_id)
    line["snap"] = sku_snapshot(prod["product"], sku)


def accept(shop: Shop, rec: dict[str, Any], openid: str, real_address: dict[str, Any],
           sku_id: str | None = None) -> None:
    """The recipient taps 收下: 12 → 20 with their openid and (masked) address."""
    if not rec["present"] or rec["status"] != 12:
        raise ApiError(40097, f"invalid args, order {rec['order_id']} is not a gift awaiting acceptance")
    line = rec["lines"][0]
    if sku_id is not None and str(sku_id) != line["sku_id"]:
        _switch_sku(shop, line, str(sku_id))
    now = shop.clock.now()
    for ln in rec["lines"]:
        ln["delivery_deadline"] = now + SHIP_WINDOW
    rec["status"] = 20
    rec["openid"] = openid
    rec["real_address"] = real_address
    touch(shop, rec)
    record(shop, "gift.accept", order_id=rec["order_id"], sku_id=line["sku_id"])


def cancel(shop: Shop, rec: dict[str, Any], op: str) -> None:
    """Cancel an order whose goods never left: status 250, stock back, update_time bumped."""
    for line in rec["lines"]:
        change_stock(shop, line["product_id"], line["sku_id"], line["sku_cnt"])
    rec["status"] = 250
    touch(shop, rec)
    record(shop, op, order_id=rec["order_id"])


def expire(shop: Shop, rec: dict[str, Any]) -> None:
    if not rec["present"] or rec["status"] != 12:
        raise ApiError(40097, f"invalid args, order {rec['order_id']} is not a gift awaiting acceptance")
    cancel(shop, rec, "gift.expire")


@tick
def expire_due(shop: Shop) -> None:
    """Gifts not accepted within ``gift_ttl`` of payment are cancelled (checked on each request)."""
    heap = index(shop)["gifts_pending"]
    if not heap:
        return
    limit = shop.clock.now() - int(getattr(shop.config, "gift_ttl", 24 * 3600))
    while heap and heap[0][0] <= limit:
        _, oid = heapq.heappop(heap)
        rec = shop.orders.get(oid)
        if rec is not None and rec["status"] == 12:
            cancel(shop, rec, "gift.expire")


def _gift_orders(shop: Shop, body: dict[str, Any]) -> list[dict[str, Any]]:
    pid = field_str(body, "present_order_id")
    ids = index(shop)["by_present"].get(pid or "")
    if not ids:
        raise ApiError(40097, "invalid args, present_order_id not found")
    return [shop.orders[oid] for oid in ids]


@route("/channels/ec/order/presentsuborder/get")
def present_sub_orders(shop: Shop, req: Request) -> dict[str, Any]:
    return {"order_ids": [rec["order_id"] for rec in _gift_orders(shop, body_dict(req))]}


@route("/channels/ec/order/presentnote/add")
def present_note_add(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    notes = body.get("notes")
    if notes is None:
        raise ApiError(40097, "invalid args, field \"notes\" is required")
    if not isinstance(notes, str):
        raise ApiError(47001, "data format error, field \"notes\" does't expect this value type")
    recs = _gift_orders(shop, body)
    for rec in recs:
        rec["present"] = {**rec["present"], "present_note": notes}
        touch(shop, rec)
    record(shop, req.path, present_order_id=recs[0]["present"]["present_order_id_str"])
    return {}
