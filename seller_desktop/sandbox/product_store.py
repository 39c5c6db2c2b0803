"""Product records in ``shop.products`` and their life cycle: drafts, review, the online copy.

A record holds the draft (``edit_product``, a wire product), the online copy (``product``, once
a review passed), ``status``, ``edit_status`` and ``review_due``. Listing starts a review
(through the async write state 7 for more than 25 SKUs); a tick after ``review_due`` passes or
fails it per ``config.review_passes``. ``shop.index["reviewing"]`` keeps ticks cheap. The record
shape and the review states: sandbox/README.md, "Products".
"""

from __future__ import annotations

import copy
from collections import deque
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from .core import ApiError, record, reindex, tick

if TYPE_CHECKING:
    from .state import Shop

CHINA = timezone(timedelta(hours=8))
ASYNC_SKU_COUNT = 25  # more SKUs than this: listing goes through edit_status 7 first
PRODUCT_ID_START = 10000029990000
SKU_ID_START = 2100000000


def time_string(ts: int) -> str:
    """The reference's "YYYY-MM-DD HH:MM:SS" (Beijing time, as the platform shows it)."""
    return datetime.fromtimestamp(ts, CHINA).strftime("%Y-%m-%d %H:%M:%S")


def new_sku_id(shop: Shop) -> str:
    return str(shop.next_id("sku", SKU_ID_START))


def new_product_id(shop: Shop) -> str:
    return str(shop.next_id("product", PRODUCT_ID_START))


def min_price(skus: list[dict[str, Any]]) -> int:
    return min((s["sale_price"] for s in skus), default=0)


def sync_status(rec: dict[str, Any]) -> None:
    """Mirror the record's status/edit_status into both copies (as get returns them)."""
    for copy_ in (rec["edit_product"], rec["product"]):
        if copy_ is not None:
            copy_["status"] = rec["status"]
            copy_["edit_status"] = rec["edit_status"]


def set_draft(shop: Shop, rec: dict[str, Any], draft: dict[str, Any], now: int) -> None:
    """Install a normalized draft: ids for new SKUs, min_price, a strictly newer edit_time."""
    old = rec["edit_product"] or {}
    for sku in draft["skus"]:
        if sku["sku_id"] is None:
            sku["sku_id"] = new_sku_id(shop)
    draft["product_id"] = rec["product_id"]
    draft["min_price"] = min_price(draft["skus"])
    draft["create_time"] = old.get("create_time", time_string(now))
    draft["edit_time"] = max(now, old.get("edit_time", 0) + 1)
    rec["edit_product"] = draft
    sync_status(rec)


def get_record(shop: Shop, product_id: str) -> dict[str, Any]:
    rec = shop.products.get(product_id)
    if rec is None or rec["status"] == 9:
        raise ApiError(10020052, "product not found")
    return rec


def under_review(rec: dict[str, Any]) -> bool:
    return rec["edit_status"] in (2, 7)


def submit(shop: Shop, rec: dict[str, Any], now: int) -> None:
    """Send the draft to review (listing, or ``listing: 1`` on add/update)."""
    many = len(rec["edit_product"]["skus"]) > ASYNC_SKU_COUNT
    rec["edit_status"] = 7 if many else 2
    rec["review_due"] = now + (shop.config.async_write_delay if many else shop.config.review_delay)
    shop.index.setdefault("reviewing", set()).add(rec["product_id"])
    sync_status(rec)


def finish_review(shop: Shop, rec: dict[str, Any], passed: bool, by: str = "review") -> None:
    pid = rec["product_id"]
    if passed:
        rec["product"] = copy.deepcopy(rec["edit_product"])
        rec["status"] = 5
        rec["edit_status"] = 4
    else:
        rec["edit_status"] = 3
    rec["review_due"] = None
    shop.index.setdefault("reviewing", set()).discard(pid)
    sync_status(rec)
    record(shop, by, product_id=pid, passed=passed)


def cancel_review(shop: Shop, rec: dict[str, Any]) -> None:
    rec["edit_status"] = 1
    rec["review_due"] = None
    shop.index.setdefault("reviewing", set()).discard(rec["product_id"])
    sync_status(rec)


@tick
def review_tick(shop: Shop) -> None:
    pending = shop.index.get("reviewing")
    if not pending:
        return
    now = shop.clock.now()
    for pid in sorted(pending):
        rec = shop.products.get(pid)
        if rec is None or not under_review(rec):
            pending.discard(pid)
        elif rec["review_due"] is None or now < rec["review_due"]:
            continue
        elif rec["edit_status"] == 7:
            rec["edit_status"] = 2
            rec["review_due"] = now + shop.config.review_delay
            sync_status(rec)
            shop.dirty = True
        else:
            finish_review(shop, rec, shop.config.review_passes)


@reindex
def reindex_products(shop: Shop) -> None:
    shop.index["reviewing"] = {pid for pid, rec in shop.products.items() if under_review(rec)}
    shop.index["add_update_times"] = deque()


def consume_quota(shop: Shop, check_only: bool = False) -> None:
    """The shared add/update hourly quota, on a rolling hour of sandbox time (10020066)."""
    times: deque[int] = shop.index.setdefault("add_update_times", deque())
    now = shop.clock.now()
    while times and times[0] <= now - 3600:
        times.popleft()
    if len(times) >= shop.config.add_update_quota_per_hour:
        raise ApiError(10020066, "hourly review quota exceeded")
    if not check_only:
        times.append(now)


def find_sku(copy_: dict[str, Any] | None, sku_id: str) -> dict[str, Any] | None:
    if copy_ is None:
        return None
    for sku in copy_["skus"]:
        if sku["sku_id"] == sku_id:
            return sku
    return None


def wire_copy(product: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(product)
