"""Sandbox orders: the stored order record, its indexes, and the order read/maintenance endpoints.

Owns ``shop.orders`` and ``shop.index["orders"]``; answers ``/channels/ec/order/list/get``,
``/get``, ``/search``, ``/merchantnotes/update`` and ``/sensitiveinfo/decode``
(orders-shipping.md §1.1–§1.7). A stored order is a compact JSON-shaped record, not the wire
order (50,000 wire orders would not fit the memory budget): sub-objects that never change in
place are shared, so code that changes one assigns a new object; ``order_wire.order_wire``
builds the wire order on every read. Gifts: ``gifts.py``; shipping: ``delivery.py``. Record keys
and decisions: sandbox/README.md.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import heapq
from typing import Any

from .core import ApiError, Request, body_dict, field_int, field_str, record, reindex, route
from .order_wire import order_wire
from .state import Shop

WEEK = 7 * 86400
MAX_PAGE = 100
CHINA_UTC_OFFSET = 8 * 3600  # the decode quota resets at midnight Beijing time

STATUSES = frozenset({10, 12, 13, 17, 20, 21, 30, 100, 190, 200, 250})
FILTERS: dict[int, frozenset[int]] = {
    20: frozenset({20, 21}),
    30: frozenset({30, 21}),
    250: frozenset({250, 200, 190}),
}


# ---- index -------------------------------------------------------------------------------

def build_index(shop: Shop) -> dict[str, Any]:
    """Rebuild the sorted (time, order_id) lists, the gift-id map and the heap of gifts awaiting
    acceptance (by pay time: gifts.py expires them) from ``shop.orders``."""
    by_present: dict[str, list[str]] = {}
    pending: list[tuple[int, str]] = []
    for oid, rec in shop.orders.items():
        present = rec.get("present")
        if present:
            by_present.setdefault(present["present_order_id_str"], []).append(oid)
            if rec["status"] == 12:
                pending.append((rec["pay_time"], oid))
    heapq.heapify(pending)
    ix = {
        "n": len(shop.orders),
        "by_create": sorted((r["create_time"], oid) for oid, r in shop.orders.items()),
        "by_update": sorted((r["update_time"], oid) for oid, r in shop.orders.items()),
        "by_present": by_present,
        "gifts_pending": pending,
    }
    shop.index["orders"] = ix
    return ix


def index(shop: Shop) -> dict[str, Any]:
    ix = shop.index.get("orders")
    if ix is None or ix["n"] != len(shop.orders):
        ix = build_index(shop)
    return ix


@reindex
def _reindex_hook(shop: Shop) -> None:
    build_index(shop)


def add_order(shop: Shop, rec: dict[str, Any]) -> None:
    ix = index(shop)
    oid = rec["order_id"]
    if oid in shop.orders:
        raise ValueError(f"order {oid} exists")
    shop.orders[oid] = rec
    bisect.insort(ix["by_create"], (rec["create_time"], oid))
    bisect.insort(ix["by_update"], (rec["update_time"], oid))
    present = rec.get("present")
    if present:
        ix["by_present"].setdefault(present["present_order_id_str"], []).append(oid)
        if rec["status"] == 12:
            heapq.heappush(ix["gifts_pending"], (rec["pay_time"], oid))
    ix["n"] += 1


def touch(shop: Shop, rec: dict[str, Any], at: int | None = None) -> None:
    """Record a change: ``update_time`` becomes ``at`` (default the sandbox's now; a timeout
    that fired earlier passes its own time), never moving backwards."""
    ix = index(shop)
    oid = rec["order_id"]
    old = (rec["update_time"], oid)
    keys = ix["by_update"]
    i = bisect.bisect_left(keys, old)
    if i < len(keys) and keys[i] == old:
        del keys[i]
    rec["update_time"] = max(shop.clock.now() if at is None else at, rec["update_time"])
    bisect.insort(keys, (rec["update_time"], oid))


def new_record(order_id: str, status: int, create_time: int, openid: str,
               lines: list[dict[str, Any]], freight: int, pay_time: int,
               real_address: dict[str, Any] | None) -> dict[str, Any]:
    """A fresh order record (see the module docstring); ``real_address`` may be shared."""
    return {
        "order_id": order_id, "status": status, "create_time": create_time,
        "update_time": create_time, "openid": openid, "freight": freight,
        "pay_time": pay_time, "lines": lines,
        "real_address": real_address, "parcels": [], "ship_done_time": 0,
        "customer_notes": "", "merchant_notes": "", "confirm_receipt_time": 0,
        "present": None,
    }


def new_line(product_id: str, sku_id: str, snap: dict[str, Any], sale_price: int, count: int,
             real_price: int | None = None, deadline: int = 0) -> dict[str, Any]:
    return {"product_id": str(product_id), "sku_id": str(sku_id), "sku_cnt": count,
            "sale_price": sale_price,
            "real_price": sale_price * count if real_price is None else real_price,
            "delivery_deadline": deadline, "snap": snap}


def new_order_id(shop: Shop, rng: Any) -> str:
    while True:
        oid = f"37{rng.randrange(10**17):017d}"
        if oid not in shop.orders:
            return oid


def get_order(shop: Shop, body: dict[str, Any], name: str = "order_id") -> dict[str, Any]:
    oid = field_str(body, name)
    rec = shop.orders.get(oid or "")
    if rec is None:
        raise ApiError(100002, "order not exist")
    return rec


# ---- products and stock -------------------------------------------------------------------

def online_sku(shop: Shop, product_id: str, sku_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The on-sale product record and the SKU of its online copy; ValueError when not orderable."""
    prod = shop.products.get(str(product_id))
    if prod is None or prod.get("status") != 5 or not prod.get("product"):
        raise ValueError(f"product {product_id} is not on sale")
    for sku in prod["product"].get("skus", []):
        if str(sku.get("sku_id")) == str(sku_id):
            return prod, sku
    raise ValueError(f"sku {sku_id} is not in product {product_id}")


def change_stock(shop: Shop, product_id: str, sku_id: str, delta: int) -> None:
    """Move a SKU's stock in both the online and the draft copy (orders take and return stock)."""
    prod = shop.products.get(str(product_id))
    if prod is None:
        return
    for copy in (prod.get("product"), prod.get("edit_product")):
        for sku in (copy or {}).get("skus", []):
            if str(sku.get("sku_id")) == str(sku_id):
                sku["stock_num"] = max(0, int(sku.get("stock_num", 0)) + delta)


def sku_snapshot(product: dict[str, Any], sku: dict[str, Any]) -> dict[str, Any]:
    heads = product.get("head_imgs") or [""]
    return {
        "title": product.get("title", ""),
        "thumb_img": sku.get("thumb_img") or heads[0],
        "market_price": int(sku.get("market_price") or sku.get("sale_price") or 0),
        "sku_attrs": [dict(a) for a in sku.get("sku_attrs", [])],
        "sku_code": sku.get("sku_code", ""),
        "out_product_id": product.get("out_product_id", ""),
        "out_sku_id": sku.get("out_sku_id", ""),
    }


def unshipped(rec: dict[str, Any]) -> dict[tuple[str, str], int]:
    """(product_id, sku_id) → count ordered, not refunded before shipment and not yet in a parcel."""
    left: dict[tuple[str, str], int] = {}
    for line in rec["lines"]:
        key = (line["product_id"], line["sku_id"])
        left[key] = left.get(key, 0) + line["sku_cnt"]
    for line in rec["lines"]:  # units refunded before shipment never ship (aftersale.py)
        key = (line["product_id"], line["sku_id"])
        left[key] -= line.get("refunded_unshipped", 0)
    for parcel in rec["parcels"]:
        for item in parcel["product_infos"]:
            key = (item["product_id"], item["sku_id"])
            left[key] = left.get(key, 0) - item["product_cnt"]
    return left


# ---- request parsing shared by list and search -------------------------------------------

def encode_key(t: int, oid: str) -> str:
    return base64.urlsafe_b64encode(f"{t}:{oid}".encode()).decode()


def decode_key(key: str) -> tuple[int, str]:
    try:
        t, oid = base64.urlsafe_b64decode(key.encode()).decode().split(":")
        return int(t), oid
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(40097, "invalid args, next_key is invalid") from None


def status_filter(body: dict[str, Any]) -> frozenset[int] | None:
    status = field_int(body, "status", required=False)
    if status is None:
        return None
    if status not in STATUSES:
        raise ApiError(40097, f"invalid args, unknown order status {status}")
    return FILTERS.get(status, frozenset({status}))


def page_args(body: dict[str, Any], required: bool) -> tuple[int, tuple[int, str] | None]:
    size = field_int(body, "page_size", required=required, default=10)
    assert size is not None
    if not 1 <= size <= MAX_PAGE:
        raise ApiError(40097, f"invalid args, page_size must be 1..{MAX_PAGE}")
    key = body.get("next_key")
    if key is not None and not isinstance(key, str):
        raise ApiError(47001, "data format error, field \"next_key\" does't expect this value type")
    return size, decode_key(key) if key else None


def _time_range(body: dict[str, Any], name: str) -> tuple[int, int] | None:
    rng = body.get(name)
    if rng is None:
        return None
    if not isinstance(rng, dict):
        raise ApiError(47001, f"data format error, field \"{name}\" does't expect this value type")
    start = field_int(rng, "start_time")
    end = field_int(rng, "end_time")
    assert start is not None and end is not None
    if end < start:
        raise ApiError(40097, f"invalid args, {name}.end_time is before start_time")
    if end - start > WEEK:
        raise ApiError(40097, f"invalid args, {name} is longer than 7 days")
    return start, end


def walk(shop: Shop, keys: list[tuple[int, str]], lo: int, hi: int,
         cursor: tuple[int, str] | None, size: int, match: Any) -> dict[str, Any]:
    """Newest first over ``keys[lo:hi]``, after ``cursor``: a page of matching ids."""
    if cursor is not None:
        hi = min(hi, bisect.bisect_left(keys, cursor))
    ids: list[str] = []
    last: tuple[int, str] | None = None
    has_more = False
    i = hi - 1
    while i >= lo:
        key = keys[i]
        if match(shop.orders[key[1]]):
            if len(ids) == size:
                has_more = True
                break
            ids.append(key[1])
            last = key
        i -= 1
    next_key = encode_key(*last) if last else (encode_key(*cursor) if cursor else "")
    return {"ids": ids, "next_key": next_key, "has_more": has_more}


# ---- endpoints ---------------------------------------------------------------------------

@route("/channels/ec/order/list/get")
def order_list(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    created = _time_range(body, "create_time_range")
    updated = _time_range(body, "update_time_range")
    if created is None and updated is None:
        raise ApiError(40097, "invalid args, create_time_range or update_time_range is required")
    statuses = status_filter(body)
    openid = field_str(body, "openid", required=False)
    size, cursor = page_args(body, required=False)
    ix = index(shop)
    keys, (start, end) = (ix["by_update"], updated) if updated else (ix["by_create"], created)
    lo = bisect.bisect_left(keys, (start, ""))
    hi = bisect.bisect_left(keys, (end, ""))
    now = shop.clock.now()

    def match(rec: dict[str, Any]) -> bool:
        if statuses is not None and rec["status"] not in statuses:
            return False
        if updated and rec.get("_list_hidden_until", 0) > now:  # /sandbox/list_lag
            return False
        if openid and rec["openid"] != openid:
            return False
        return not (updated and created and not created[0] <= rec["create_time"] < created[1])

    page = walk(shop, keys, lo, hi, cursor, size, match)
    return {"order_id_list": page["ids"], "next_key": page["next_key"],
            "has_more": page["has_more"]}


@route("/channels/ec/order/get")
def order_get(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    encode = body.get("encode_sensitive_info")
    if encode is not None and not isinstance(encode, bool):
        raise ApiError(47001, "data format error, field \"encode_sensitive_info\" does't expect this value type")
    return {"order": order_wire(get_order(shop, body))}


_SEARCH_TEXT = ("title", "sku_code", "user_name", "tel_number_last4", "tel_number",
                "merchant_notes", "customer_notes", "present_order_id")


def _search_match(cond: dict[str, Any]) -> Any:
    text = {}
    for name in _SEARCH_TEXT:
        if name in cond:
            value = field_str(cond, name)
            if value:
                text[name] = value
    order_id = field_str(cond, "order_id", required=False)
    review = cond.get("address_under_review")
    if review is not None and not isinstance(review, bool):
        raise ApiError(47001, "data format error, field \"address_under_review\" does't expect this value type")
    if not text and not order_id and review is None:
        raise ApiError(40097, "invalid args, search_condition needs at least one field")
    last4 = text.get("tel_number_last4") or text.get("tel_number")

    def match(rec: dict[str, Any]) -> bool:
        if order_id and rec["order_id"] != order_id:
            return False
        if review is not None and bool(rec.get("address_review")) != review:
            return False
        if "title" in text and not any(text["title"] in ln["snap"]["title"] for ln in rec["lines"]):
            return False
        if "sku_code" in text and not any(text["sku_code"] == ln["snap"]["sku_code"]
                                          for ln in rec["lines"]):
            return False
        real = rec["real_address"]
        if "user_name" in text and not (real and text["user_name"] in real["user_name"]):
            return False
        if last4 and not (len(last4) == 4 and real and real["tel_number"].endswith(last4)):
            return False
        for notes in ("merchant_notes", "customer_notes"):
            if notes in text and text[notes] not in rec[notes]:
                return False
        present = rec["present"]
        return not ("present_order_id" in text and not (
            present and present["present_order_id_str"] == text["present_order_id"]))

    return match


@route("/channels/ec/order/search")
def order_search(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    cond = body.get("search_condition")
    if cond is None:
        raise ApiError(40097, "invalid args, search_condition is required")
    if not isinstance(cond, dict):
        raise ApiError(47001, "data format error, field \"search_condition\" does't expect this value type")
    cond_match = _search_match(cond)
    statuses = status_filter(body)
    aftersale = field_int(body, "on_aftersale_order_exist", required=False)
    if aftersale not in (None, 0, 1):
        raise ApiError(40097, "invalid args, on_aftersale_order_exist must be 0 or 1")
    size, cursor = page_args(body, required=True)
    keys = index(shop)["by_create"]

    def match(rec: dict[str, Any]) -> bool:
        if statuses is not None and rec["status"] not in statuses:
            return False
        if aftersale is not None and bool((rec.get("aftersale") or {}).get("open")) != aftersale:
            return False
        return bool(cond_match(rec))

    page = walk(shop, keys, 0, len(keys), cursor, size, match)
    return {"orders": page["ids"], "next_key": page["next_key"], "has_more": page["has_more"]}


@route("/channels/ec/order/merchantnotes/update")
def merchant_notes_update(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    notes = body.get("merchant_notes")
    if notes is None:
        raise ApiError(40097, "invalid args, field \"merchant_notes\" is required")
    if not isinstance(notes, str):
        raise ApiError(47001, "data format error, field \"merchant_notes\" does't expect this value type")
    rec = get_order(shop, body)
    rec["merchant_notes"] = notes
    touch(shop, rec)
    record(shop, req.path, order_id=rec["order_id"])
    return {}


def _decode_quota(shop: Shop) -> None:
    day = (shop.clock.now() + CHINA_UTC_OFFSET) // 86400
    if shop.counters.get("decode.day") != day:
        shop.counters["decode.day"] = day
        shop.counters["decode.used"] = 0
    limit = int(getattr(shop.config, "decode_quota_per_day", 30))
    if shop.counters["decode.used"] >= limit:
        raise ApiError(45009, "reach max api daily quota limit")
    shop.counters["decode.used"] += 1


@route("/channels/ec/order/sensitiveinfo/decode")
def sensitive_decode(shop: Shop, req: Request) -> dict[str, Any]:
    rec = get_order(shop, body_dict(req))
    if rec["real_address"] is None:
        raise ApiError(40097, "invalid args, the order has no address yet")
    _decode_quota(shop)
    record(shop, req.path, order_id=rec["order_id"])
    return {"address_info": {**rec["real_address"], "virtual_order_tel_number": ""}}
