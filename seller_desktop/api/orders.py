"""Order endpoints (orders-shipping.md §1): list by time window, get, search, merchant notes,
gift notes and sub-orders, sensitive-info decode.

The list endpoint accepts windows of at most 7 days; :func:`iter_order_ids` splits a longer
span into such windows and follows ``next_key`` while ``has_more``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import Literal

from ..domain.order import Address, Order
from .client import ApiClient
from .paging import iter_window_ids
from .schemas import (
    OrderIdPage,
    parse_decoded_address,
    parse_order_id_page,
    parse_order_reply,
    parse_search_page,
    parse_sub_order_ids,
)

MAX_WINDOW_SECONDS = 7 * 24 * 3600
PAGE_SIZE_MAX = 100
# Orders updated in one 7-day window, for a small seller: far fewer. Bounds the id walk.
MAX_ORDERS_PER_WINDOW = 100_000
LIST_PATH = "/channels/ec/order/list/get"
TimeField = Literal["update", "create"]


def _window(start: int, end: int) -> dict[str, int]:
    if end < start:
        raise ValueError("end_time is before start_time")
    if end - start > MAX_WINDOW_SECONDS:
        raise ValueError("an order list window may span at most 7 days")
    return {"start_time": int(start), "end_time": int(end)}


async def list_order_ids(client: ApiClient, *,
                         update_time_range: tuple[int, int] | None = None,
                         create_time_range: tuple[int, int] | None = None,
                         status: int | None = None, page_size: int = 100,
                         next_key: str = "") -> OrderIdPage:
    """One page of order ids in one ≤ 7-day window (exactly one of the two ranges)."""
    if (update_time_range is None) == (create_time_range is None):
        raise ValueError("give exactly one of update_time_range and create_time_range")
    if not 1 <= page_size <= PAGE_SIZE_MAX:
        raise ValueError(f"page_size must be 1–{PAGE_SIZE_MAX}")
    body: dict[str, object] = {"page_size": page_size, "next_key": next_key}
    if update_time_range is not None:
        body["update_time_range"] = _window(*update_time_range)
    else:
        assert create_time_range is not None
        body["create_time_range"] = _window(*create_time_range)
    if status is not None:
        body["status"] = int(status)
    reply, server_time = await client.call_dated(LIST_PATH, body)
    return replace(parse_order_id_page(reply), server_time=server_time)


async def iter_order_ids(client: ApiClient, start: int, end: int, *,
                         by: TimeField = "update", status: int | None = None,
                         page_size: int = 100,
                         on_page: Callable[[OrderIdPage], None] | None = None
                         ) -> AsyncIterator[str]:
    """Every order id with its update (or create) time in [start, end], oldest window first.

    An id seen in two windows (it changed again meanwhile) is yielded once. A cursor loop or
    more pages than ``MAX_ORDERS_PER_WINDOW`` fill raise ``MalformedResponse``. ``on_page``
    sees each page before its ids are yielded (the sync reads the server's clock from it).
    """
    async def page(window_start: int, window_end: int, next_key: str) -> OrderIdPage:
        span = (window_start, window_end)
        reply = await list_order_ids(
            client, status=status, page_size=page_size, next_key=next_key,
            update_time_range=span if by == "update" else None,
            create_time_range=span if by == "create" else None)
        if on_page is not None:
            on_page(reply)
        return reply

    async for order_id in iter_window_ids(page, start, end, MAX_WINDOW_SECONDS,
                                         path=LIST_PATH, page_size=page_size,
                                         max_items=MAX_ORDERS_PER_WINDOW):
        yield order_id


async def get_order(client: ApiClient, order_id: str) -> Order:
    return parse_order_reply(await client.call("/channels/ec/order/get", {"order_id": order_id}))


async def search_orders(client: ApiClient, *, title: str = "", sku_code: str = "",
                        user_name: str = "", tel_number_last4: str = "", order_id: str = "",
                        merchant_notes: str = "", customer_notes: str = "",
                        present_order_id: str = "", status: int | None = None,
                        on_aftersale_order_exist: int | None = None, page_size: int = 100,
                        next_key: str = "") -> OrderIdPage:
    """One page of ids of orders matching every given condition (at least one is needed)."""
    condition = {k: v for k, v in (
        ("title", title), ("sku_code", sku_code), ("user_name", user_name),
        ("tel_number_last4", tel_number_last4), ("order_id", order_id),
        ("merchant_notes", merchant_notes), ("customer_notes", customer_notes),
        ("present_order_id", present_order_id)) if v}
    if not condition:
        raise ValueError("an order search needs at least one condition")
    if not 1 <= page_size <= PAGE_SIZE_MAX:
        raise ValueError(f"page_size must be 1–{PAGE_SIZE_MAX}")
    body: dict[str, object] = {"search_condition": condition, "page_size": page_size,
                               "next_key": next_key}
    if status is not None:
        body["status"] = int(status)
    if on_aftersale_order_exist is not None:
        body["on_aftersale_order_exist"] = on_aftersale_order_exist
    return parse_search_page(await client.call("/channels/ec/order/search", body))


async def update_merchant_notes(client: ApiClient, order_id: str, notes: str) -> None:
    await client.call("/channels/ec/order/merchantnotes/update",
                      {"order_id": order_id, "merchant_notes": notes})


async def add_present_note(client: ApiClient, present_order_id: str, notes: str) -> None:
    """Sets the merchant's note on a gift order (礼物单)."""
    await client.call("/channels/ec/order/presentnote/add",
                      {"present_order_id": present_order_id, "notes": notes})


async def get_present_sub_orders(client: ApiClient, present_order_id: str) -> list[str]:
    reply = await client.call("/channels/ec/order/presentsuborder/get",
                              {"present_order_id": present_order_id})
    return parse_sub_order_ids(reply)


async def decode_sensitive_info(client: ApiClient, order_id: str) -> Address | None:
    """The unmasked recipient address. Metered (a small daily quota): call on request only."""
    reply = await client.call("/channels/ec/order/sensitiveinfo/decode", {"order_id": order_id})
    return parse_decoded_address(reply)
