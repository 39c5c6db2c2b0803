"""Buyers' requests on unshipped orders (aftersale.md §5, §5.1): address changes and pre-shipment
SKU changes, their endpoints, their timeouts on the sandbox clock and the shipping guard.

Owns ``address_review`` on an order record, ``change_sku_info`` on a line and
``shop.index["buyer_requests"]`` (waiting SKU changes and the timeout heap, rebuilt on load);
answers ``addressmodify/accept|reject`` and ``preshipmentchangesku/get|approve|reject``, and
refuses ``delivery/send`` while a SKU change waits. Review times, states and codes:
sandbox/README.md.
"""

from __future__ import annotations

import hashlib
import heapq
from typing import Any

from .core import ApiError, Request, record, reindex, route, tick
from .delivery import SEND_GUARDS
from .orders import change_stock, online_sku, sku_snapshot, touch
from .state import Shop

WAITING, APPROVED, REJECTED, CANCELLED, TIMED_OUT = 3, 4, 5, 6, 7


# ---- index -------------------------------------------------------------------------------

def build_index(shop: Shop) -> dict[str, Any]:
    waiting: dict[str, int] = {}
    heap: list[tuple[int, str, str]] = []
    for oid, rec in shop.orders.items():
        review = rec.get("address_review")
        if review:
            heap.append((review["apply_time"] + shop.config.address_auto_approve, "address", oid))
        for line in rec["lines"]:
            info = line.get("change_sku_info")
            if info and info["preshipment_change_sku_state"] == WAITING:
                waiting[oid] = info["ddl_time_stamp"]
                heap.append((info["ddl_time_stamp"], "sku", oid))
    heapq.heapify(heap)
    ix = {"sku_waiting": waiting, "due": heap}
    shop.index["buyer_requests"] = ix
    return ix


def index(shop: Shop) -> dict[str, Any]:
    ix = shop.index.get("buyer_requests")
    return ix if ix is not None else build_index(shop)


@reindex
def _reindex_hook(shop: Shop) -> None:
    build_index(shop)


# ---- address changes ---------------------------------------------------------------------

def _with_hash(address: dict[str, Any]) -> dict[str, Any]:
    if address.get("hash_code"):
        return address
    text = "|".join(str(address.get(k, "")) for k in sorted(address))
    return {**address, "hash_code": hashlib.sha256(text.encode()).hexdigest()[:16]}


def request_address_change(shop: Shop, order: dict[str, Any], address: dict[str, Any],
                           t: int) -> bool:
    """The buyer edits the address of an unshipped order; True when it waits for review."""
    if order["status"] != 20 or order["real_address"] is None:
        raise ValueError(f"order {order['order_id']} (status {order['status']}) is not an "
                         "unshipped order with an address")
    address = _with_hash(address)
    if t - order["create_time"] <= shop.config.address_review_after:
        order["real_address"] = address
        order["address_review"] = None
        review = False
    else:
        order["address_review"] = {"address": address, "apply_time": t}
        heapq.heappush(index(shop)["due"],
                       (t + shop.config.address_auto_approve, "address", order["order_id"]))
        review = True
    touch(shop, order, t)
    record(shop, "buyer.address_change", order_id=order["order_id"], review=review)
    return review


def _settle_address(shop: Shop, order: dict[str, Any], approve: bool, t: int, op: str) -> None:
    review = order["address_review"]
    if approve:
        order["real_address"] = review["address"]
    order["address_review"] = None
    touch(shop, order, t)
    record(shop, op, order_id=order["order_id"], approved=approve)


def _pending_address(shop: Shop, body: Any) -> dict[str, Any]:
    order = _order(shop, body)
    if not order.get("address_review") or order["status"] != 20:
        raise ApiError(10020116, "当前订单不支持此操作")
    return order


@route("/channels/ec/order/addressmodify/accept")
def address_accept(shop: Shop, req: Request) -> dict[str, Any]:
    order = _pending_address(shop, req.body)
    _settle_address(shop, order, True, shop.clock.now(), req.path)
    return {}


@route("/channels/ec/order/addressmodify/reject")
def address_reject(shop: Shop, req: Request) -> dict[str, Any]:
    order = _pending_address(shop, req.body)
    _settle_address(shop, order, False, shop.clock.now(), req.path)
    return {}


# ---- SKU changes -------------------------------------------------------------------------

def _order(shop: Shop, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise ApiError(10020277, "request body types are wrong")
    oid = body.get("order_id")
    if oid is None:
        raise ApiError(40097, "invalid args, field \"order_id\" is required")
    if isinstance(oid, bool) or not isinstance(oid, (str, int)):
        raise ApiError(10020277, "request body types are wrong: order_id")
    order = shop.orders.get(str(oid))
    if order is None:
        raise ApiError(100002, "order not exist")
    return order


def waiting_line(order: dict[str, Any]) -> dict[str, Any] | None:
    for line in order["lines"]:
        info = line.get("change_sku_info")
        if info and info["preshipment_change_sku_state"] == WAITING:
            return line
    return None


def request_sku_change(shop: Shop, order: dict[str, Any], line_no: int, new_sku_id: str,
                       t: int) -> dict[str, Any]:
    """The buyer asks to switch a line of an unshipped order to another SKU of the same product
    at the same price; the seller has ``sku_change_ttl`` to answer."""
    if order["status"] != 20:
        raise ValueError(f"order {order['order_id']} (status {order['status']}) is not unshipped")
    if waiting_line(order) is not None:
        raise ValueError(f"order {order['order_id']} already has a SKU change waiting")
    line = order["lines"][line_no]
    if new_sku_id == line["sku_id"]:
        raise ValueError("the new SKU is the line's SKU")
    _, sku = online_sku(shop, line["product_id"], new_sku_id)
    if int(sku["sale_price"]) != line["sale_price"]:
        raise ValueError("a SKU change keeps the price: pick a SKU of the same price")
    ddl = t + shop.config.sku_change_ttl
    line["change_sku_info"] = {"preshipment_change_sku_state": WAITING,
                               "old_sku_id": line["sku_id"], "new_sku_id": str(new_sku_id),
                               "ddl_time_stamp": ddl}
    ix = index(shop)
    ix["sku_waiting"][order["order_id"]] = ddl
    heapq.heappush(ix["due"], (ddl, "sku", order["order_id"]))
    touch(shop, order, t)
    record(shop, "buyer.sku_change", order_id=order["order_id"], sku_id=str(new_sku_id))
    return line["change_sku_info"]


def settle_sku_change(shop: Shop, order: dict[str, Any], state: int, t: int, op: str) -> None:
    """End the waiting request in ``state``; approval switches the line (and the stock)."""
    line = waiting_line(order)
    assert line is not None
    info = dict(line["change_sku_info"])
    if state == APPROVED:
        prod, sku = online_sku(shop, line["product_id"], info["new_sku_id"])
        change_stock(shop, line["product_id"], line["sku_id"], line["sku_cnt"])
        change_stock(shop, line["product_id"], info["new_sku_id"], -line["sku_cnt"])
        line["sku_id"] = info["new_sku_id"]
        line["snap"] = sku_snapshot(prod["product"], sku)
    info["preshipment_change_sku_state"] = state
    line["change_sku_info"] = info
    index(shop)["sku_waiting"].pop(order["order_id"], None)
    touch(shop, order, t)
    record(shop, op, order_id=order["order_id"], state=state)


def _waiting_order(shop: Shop, body: Any) -> dict[str, Any]:
    order = _order(shop, body)
    if order["status"] != 20 or waiting_line(order) is None:
        raise ApiError(10020116, "当前订单不支持此操作")
    return order


@route("/channels/ec/order/preshipmentchangesku/get")
def sku_change_list(shop: Shop, req: Request) -> dict[str, Any]:
    """Orders with a request waiting, oldest deadline first; ``page`` counts from 1."""
    body = req.body
    if not isinstance(body, dict):
        raise ApiError(10020277, "request body types are wrong")
    page, size = body.get("page", 1), body.get("page_size", 10)
    if any(isinstance(v, bool) or not isinstance(v, int) for v in (page, size)):
        raise ApiError(10020277, "request body types are wrong: page / page_size")
    if page < 1 or not 1 <= size <= 100:
        raise ApiError(40097, "invalid args, page >= 1 and page_size 1..100")
    waiting = sorted(((ddl, oid) for oid, ddl in index(shop)["sku_waiting"].items()
                      if shop.orders[oid]["status"] == 20))
    chunk = waiting[(page - 1) * size: page * size]
    return {"order_ids": [oid for _, oid in chunk]}


@route("/channels/ec/order/preshipmentchangesku/approve")
def sku_change_approve(shop: Shop, req: Request) -> dict[str, Any]:
    order = _waiting_order(shop, req.body)
    line = waiting_line(order)
    assert line is not None
    try:
        _, sku = online_sku(shop, line["product_id"], line["change_sku_info"]["new_sku_id"])
    except ValueError:
        raise ApiError(10020116, "当前订单不支持此操作: the new SKU is no longer on sale") from None
    if int(sku.get("stock_num", 0)) < line["sku_cnt"]:
        raise ApiError(10020116, "当前订单不支持此操作: the new SKU is out of stock")
    settle_sku_change(shop, order, APPROVED, shop.clock.now(), req.path)
    return {}


@route("/channels/ec/order/preshipmentchangesku/reject")
def sku_change_reject(shop: Shop, req: Request) -> dict[str, Any]:
    order = _waiting_order(shop, req.body)
    settle_sku_change(shop, order, REJECTED, shop.clock.now(), req.path)
    return {}


def _no_waiting_sku_change(shop: Shop, order: dict[str, Any]) -> None:
    if waiting_line(order) is not None:
        raise ApiError(101100, "存在换款请求禁止发货")


SEND_GUARDS.append(_no_waiting_sku_change)


# ---- timeouts ----------------------------------------------------------------------------

@tick
def expire_due(shop: Shop) -> None:
    """Approve address changes left 12 h without an answer (dropped if the order shipped or
    was cancelled meanwhile); time out SKU changes left past their deadline (state 7)."""
    heap = index(shop)["due"]
    now = shop.clock.now()
    while heap and heap[0][0] <= now:
        due, kind, oid = heapq.heappop(heap)
        order = shop.orders.get(oid)
        if order is None:
            continue
        if kind == "address":
            review = order.get("address_review")
            if review and review["apply_time"] + shop.config.address_auto_approve == due:
                _settle_address(shop, order, order["status"] == 20, due,
                                "buyer.address_auto_approve")
        else:
            line = waiting_line(order)
            if line is not None and line["change_sku_info"]["ddl_time_stamp"] == due:
                settle_sku_change(shop, order, TIMED_OUT, due, "buyer.sku_change_timeout")
