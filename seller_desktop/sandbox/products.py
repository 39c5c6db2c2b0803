"""Product endpoints (auth-products.md §8): list, get, add, update, listing, delisting,
audit/cancel, delete, stock/get, stock/update.

Records and review live in ``product_store.py``, body validation in ``product_validate.py``. The
decisions where the reference is silent (list order and ``next_key``, deleted products, zero
stock deltas, immutable ``out_product_id``/``out_sku_id``): sandbox/README.md, "Products".
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from .catalog import check_freight
from .core import ApiError, Request, body_dict, field_int, field_str, record, route
from .product_store import (
    cancel_review,
    consume_quota,
    find_sku,
    get_record,
    new_product_id,
    set_draft,
    submit,
    sync_status,
    time_string,
    under_review,
    wire_copy,
)
from .product_validate import MAX_STOCK, check_listing_flag, validate_product

if TYPE_CHECKING:
    from .state import Shop

DEFAULT_HIDDEN = (0, 6, 9)  # never listed, recycle bin, fully deleted


def _product_id(body: dict[str, Any]) -> str:
    pid = field_str(body, "product_id")
    assert pid is not None
    return pid


def _encode_key(last_id: str) -> str:
    return base64.urlsafe_b64encode(f"p1:{last_id}".encode()).decode().rstrip("=")


def _decode_key(key: str) -> int:
    try:
        text = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)).decode()
        prefix, last = text.split(":", 1)
        if prefix != "p1":
            raise ValueError(prefix)
        return int(last)
    except ValueError:
        raise ApiError(40097, "invalid args, field \"next_key\" is invalid") from None


@route("/channels/ec/product/list/get")
def list_products(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    status = field_int(body, "status", required=False)
    page_size = field_int(body, "page_size")
    assert page_size is not None
    if not 1 <= page_size <= 30:
        raise ApiError(40097, "invalid args, field \"page_size\" must be within 1-30")
    next_key = field_str(body, "next_key", required=False)
    if status is None:
        ids = [int(pid) for pid, rec in shop.products.items()
               if rec["status"] not in DEFAULT_HIDDEN]
    else:
        ids = [int(pid) for pid, rec in shop.products.items() if rec["status"] == status]
    ids.sort(reverse=True)
    start = 0
    if next_key:
        after = _decode_key(next_key)
        start = next((i for i, pid in enumerate(ids) if pid < after), len(ids))
    page = ids[start:start + page_size]
    key = _encode_key(str(page[-1])) if len(page) == page_size else ""
    return {"product_ids": [str(pid) for pid in page], "next_key": key, "total_num": len(ids)}


@route("/channels/ec/product/get")
def get_product(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    rec = get_record(shop, _product_id(body))
    data_type = field_int(body, "data_type", required=False, default=1)
    if data_type not in (1, 2, 3):
        raise ApiError(40097, "invalid args, field \"data_type\" must be 1, 2 or 3")
    reply: dict[str, Any] = {}
    if data_type in (1, 3) and rec["product"] is not None:
        reply["product"] = wire_copy(rec["product"])
    if data_type in (2, 3):
        reply["edit_product"] = wire_copy(rec["edit_product"])
    return reply


@route("/channels/ec/product/add")
def add_product(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    consume_quota(shop, check_only=True)
    listing = check_listing_flag(body)
    draft = validate_product(body, shop, listing)
    for i, sku in enumerate(draft["skus"]):
        if sku["sku_id"] is not None:
            raise ApiError(10020051, f"parameter error: skus[{i}].sku_id is not allowed in add")
    consume_quota(shop)
    now = shop.clock.now()
    pid = new_product_id(shop)
    rec: dict[str, Any] = {"product_id": pid, "status": 0, "edit_status": 1,
                           "edit_product": None, "product": None, "review_due": None}
    set_draft(shop, rec, draft, now)
    shop.products[pid] = rec
    if listing:
        submit(shop, rec, now)
    record(shop, req.path, product_id=pid, listing=listing,
           sku_ids=[s["sku_id"] for s in draft["skus"]])
    return {"data": {"product_id": pid, "create_time": rec["edit_product"]["create_time"]}}


def _keep_immutable(rec: dict[str, Any], draft: dict[str, Any]) -> None:
    """Check the SKU ids of an update and that out_product_id / out_sku_id did not change;
    carry the stored values into ``draft`` where the request left them out."""
    old_out = rec["edit_product"].get("out_product_id") or ""
    new_out = draft.get("out_product_id") or ""
    if new_out and new_out != old_out:
        raise ApiError(10020051, "parameter error: out_product_id cannot be changed")
    if old_out:
        draft["out_product_id"] = old_out
    known = {s["sku_id"]: s for s in rec["edit_product"]["skus"]}
    if rec["product"] is not None:
        for s in rec["product"]["skus"]:
            known.setdefault(s["sku_id"], s)
    seen: set[str] = set()
    for i, sku in enumerate(draft["skus"]):
        sid = sku["sku_id"]
        if sid is None:
            continue
        if sid not in known or sid in seen:
            raise ApiError(10020051, f"parameter error: skus[{i}].sku_id {sid} is invalid")
        seen.add(sid)
        stored = known[sid].get("out_sku_id") or ""
        if sku["out_sku_id"] and sku["out_sku_id"] != stored:
            raise ApiError(10020051, f"parameter error: skus[{i}].out_sku_id cannot be changed")
        sku["out_sku_id"] = stored


@route("/channels/ec/product/update")
def update_product(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    rec = get_record(shop, _product_id(body))
    if under_review(rec):
        raise ApiError(10020049, "product is under review, cannot edit")
    if rec["status"] == 6:
        raise ApiError(10020008, "product is not editable in its current state")
    consume_quota(shop, check_only=True)
    listing = check_listing_flag(body)
    draft = validate_product(body, shop, listing)
    _keep_immutable(rec, draft)
    consume_quota(shop)
    now = shop.clock.now()
    set_draft(shop, rec, draft, now)
    rec["edit_status"] = 1
    sync_status(rec)
    if listing:
        submit(shop, rec, now)
    record(shop, req.path, product_id=rec["product_id"], listing=listing,
           sku_ids=[s["sku_id"] for s in draft["skus"]])
    return {"data": {"product_id": rec["product_id"],
                     "update_time": time_string(rec["edit_product"]["edit_time"])}}


@route("/channels/ec/product/listing")
def listing_product(shop: Shop, req: Request) -> dict[str, Any]:
    rec = get_record(shop, _product_id(body_dict(req)))
    if rec["edit_status"] == 7:
        raise ApiError(10020067, "async upload in progress, cannot list")
    if rec["edit_status"] == 2:
        raise ApiError(10020047, "product is under review, cancel the audit first")
    if rec["status"] == 6:
        raise ApiError(10020008, "product is not editable in its current state")
    if not rec["edit_product"]["skus"]:
        raise ApiError(10020038, "listed product has no sku")
    check_freight(shop, rec["edit_product"], listing=True)
    submit(shop, rec, shop.clock.now())
    record(shop, req.path, product_id=rec["product_id"])
    return {}


@route("/channels/ec/product/delisting")
def delisting_product(shop: Shop, req: Request) -> dict[str, Any]:
    rec = get_record(shop, _product_id(body_dict(req)))
    if under_review(rec):
        raise ApiError(10020047, "product is under review, cancel the audit first")
    if rec["status"] != 5:
        raise ApiError(10020065, "product is not on sale")
    rec["status"] = 11
    sync_status(rec)
    record(shop, req.path, product_id=rec["product_id"])
    return {}


@route("/channels/ec/product/audit/cancel")
def cancel_audit(shop: Shop, req: Request) -> dict[str, Any]:
    rec = get_record(shop, _product_id(body_dict(req)))
    if not under_review(rec):
        raise ApiError(10020008, "product is not under review")
    consume_quota(shop)
    cancel_review(shop, rec)
    record(shop, req.path, product_id=rec["product_id"])
    return {}


@route("/channels/ec/product/delete")
def delete_product(shop: Shop, req: Request) -> dict[str, Any]:
    rec = get_record(shop, _product_id(body_dict(req)))
    if under_review(rec):
        raise ApiError(10020049, "product is under review, cannot delete")
    if rec["status"] == 6:
        raise ApiError(10020052, "product not found")
    rec["status"] = 6
    sync_status(rec)
    record(shop, req.path, product_id=rec["product_id"])
    return {}


def _stock_sku(shop: Shop, body: dict[str, Any]) -> tuple[dict[str, Any], str, dict[str, Any]]:
    rec = get_record(shop, _product_id(body))
    sku_id = field_str(body, "sku_id")
    assert sku_id is not None
    sku = find_sku(rec["product"], sku_id) or find_sku(rec["edit_product"], sku_id)
    if sku is None:
        raise ApiError(10020052, "sku not found")
    return rec, sku_id, sku


@route("/channels/ec/product/stock/get")
def get_stock(shop: Shop, req: Request) -> dict[str, Any]:
    _, _, sku = _stock_sku(shop, body_dict(req))
    stock = sku["stock_num"]
    return {"data": {"normal_stock_num": stock, "limited_discount_stock_num": 0,
                     "warehouse_stocks": [], "total_stock_num": stock}}


@route("/channels/ec/product/stock/update")
def update_stock(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    rec = get_record(shop, _product_id(body))
    sku_id = field_str(body, "sku_id")
    diff_type = field_int(body, "diff_type")
    num = field_int(body, "num")
    assert sku_id is not None and diff_type is not None and num is not None
    if diff_type not in (1, 2, 3):
        raise ApiError(10020051, "parameter error: diff_type must be 1, 2 or 3")
    if num < 0:
        raise ApiError(10020051, "parameter error: num must be >= 0")
    if rec["status"] in (6, 9):
        raise ApiError(10020052, "product not found")
    if rec["product"] is None:
        raise ApiError(10020289, "product was never listed")
    if under_review(rec):
        raise ApiError(10020217, "product draft is under review")
    online = find_sku(rec["product"], sku_id)
    if online is None:
        raise ApiError(10020052, "sku not found")
    current = online["stock_num"]
    new = {1: current + num, 2: current - num, 3: num}[diff_type]
    if new == current:
        raise ApiError(10020218, "stock diff is 0")
    if new < 0:
        raise ApiError(10020219, "stock is insufficient")
    if new > MAX_STOCK:
        raise ApiError(10020051, f"parameter error: stock cannot exceed {MAX_STOCK}")
    online["stock_num"] = new
    draft_sku = find_sku(rec["edit_product"], sku_id)
    if draft_sku is not None:
        draft_sku["stock_num"] = new
    record(shop, req.path, product_id=rec["product_id"], sku_id=sku_id, diff_type=diff_type,
           num=num, stock_after=new)
    return {}
