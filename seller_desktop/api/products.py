"""Product endpoints (auth-products.md §8): list, get, add, update, listing, delisting,
audit cancel, delete, stock get/update.

Sent with ``idempotent=False`` (after an ambiguous failure they raise ``UnknownOutcome`` and
the caller reads the server state before re-sending): ``add`` and relative stock changes, which
would apply twice, and the state transitions (listing, delisting, audit cancel, delete), whose
repeat after a lost reply would be refused (already under review, not on sale, not found) and
so report a failure for a change that was made. ``update`` (a full overwrite) and absolute
stock sets are retried.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from ..domain.product import Product
from .client import ApiClient
from .page_walk import PageWalk
from .schemas import (
    ProductCopies,
    ProductIdPage,
    StockInfo,
    parse_product_copies,
    parse_product_id_page,
    parse_stock,
    parse_written_product_id,
    product_body,
)

PAGE_SIZE_MAX = 30
# A small seller's shop: far fewer products. Bounds the id walk (page_walk.py).
MAX_PRODUCTS = 100_000
DIFF_ADD, DIFF_SUBTRACT, DIFF_SET = 1, 2, 3


async def list_product_ids(client: ApiClient, status: int | None = None, page_size: int = 30,
                           next_key: str = "") -> tuple[list[str], str, int]:
    """One page of product ids: ``(ids, next_key, total_num)``."""
    page = await list_product_page(client, status=status, page_size=page_size,
                                   next_key=next_key)
    return page.ids, page.next_key, page.total_num


async def list_product_page(client: ApiClient, *, status: int | None = None,
                            page_size: int = 30, next_key: str = "") -> ProductIdPage:
    if not 1 <= page_size <= PAGE_SIZE_MAX:
        raise ValueError(f"page_size must be 1–{PAGE_SIZE_MAX}")
    body: dict[str, object] = {"page_size": page_size}
    if status is not None:
        body["status"] = int(status)
    if next_key:
        body["next_key"] = next_key
    return parse_product_id_page(await client.call("/channels/ec/product/list/get", body))


async def iter_product_ids(client: ApiClient, status: int | None = None,
                           page_size: int = 30) -> AsyncIterator[str]:
    """Every product id, page after page; stops at an empty ``next_key`` or a short page.

    A cursor loop or more pages than ``MAX_PRODUCTS`` fill raise ``MalformedResponse``."""
    next_key = ""
    seen: set[str] = set()
    walk = PageWalk("/channels/ec/product/list/get", page_size, MAX_PRODUCTS)
    while True:
        page = await list_product_page(client, status=status, page_size=page_size,
                                       next_key=next_key)
        new = 0
        for product_id in page.ids:
            if product_id not in seen:
                seen.add(product_id)
                new += 1
                yield product_id
        if not page.next_key or len(page.ids) < page_size:
            return
        walk.page(page.next_key, new)
        next_key = page.next_key


async def get_product(client: ApiClient, product_id: str, data_type: int = 3) -> ProductCopies:
    """Both copies by default (``data_type`` 1 online only, 2 draft only, 3 both)."""
    reply = await client.call("/channels/ec/product/get",
                              {"product_id": product_id, "data_type": data_type})
    return parse_product_copies(reply)


async def add_product(client: ApiClient, product: Product, *, listing: bool = False) -> str:
    """Creates the product (a new draft, submitted for review when ``listing``); its id."""
    body = product_body(product, with_id=False, listing=listing)
    reply = await client.call("/channels/ec/product/add", body, idempotent=False)
    return parse_written_product_id(reply)


async def update_product(client: ApiClient, product: Product, *, listing: bool = False) -> None:
    """Overwrites the whole draft with ``product`` (SKUs keep their ``sku_id``)."""
    body = product_body(product, with_id=True, listing=listing)
    await client.call("/channels/ec/product/update", body)


async def _transition(client: ApiClient, path: str, product_id: str) -> None:
    await client.call(path, {"product_id": product_id}, idempotent=False)


async def list_product(client: ApiClient, product_id: str) -> None:
    """Submits the draft for review; once approved it goes on sale."""
    await _transition(client, "/channels/ec/product/listing", product_id)


async def delist_product(client: ApiClient, product_id: str) -> None:
    await _transition(client, "/channels/ec/product/delisting", product_id)


async def cancel_audit(client: ApiClient, product_id: str) -> None:
    await _transition(client, "/channels/ec/product/audit/cancel", product_id)


async def delete_product(client: ApiClient, product_id: str) -> None:
    await _transition(client, "/channels/ec/product/delete", product_id)


async def get_stock(client: ApiClient, product_id: str, sku_id: str) -> StockInfo:
    reply = await client.call("/channels/ec/product/stock/get",
                              {"product_id": product_id, "sku_id": sku_id})
    return parse_stock(reply)


async def update_stock(client: ApiClient, product_id: str, sku_id: str, diff_type: int,
                       num: int) -> None:
    """``diff_type`` 1 adds ``num``, 2 subtracts it, 3 sets the stock to ``num``."""
    if diff_type not in (DIFF_ADD, DIFF_SUBTRACT, DIFF_SET):
        raise ValueError("diff_type must be 1 (add), 2 (subtract) or 3 (set)")
    if num < 0:
        raise ValueError("num must not be negative")
    await client.call("/channels/ec/product/stock/update",
                      {"product_id": product_id, "sku_id": sku_id, "diff_type": diff_type,
                       "num": num},
                      idempotent=diff_type == DIFF_SET)
