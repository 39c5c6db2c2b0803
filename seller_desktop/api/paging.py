"""Walking a list endpoint by time windows and ``next_key`` pages (orders, after-sale cases).

The list endpoints take a bounded window (orders ≤ 7 days, after-sale cases ≤ 24 h) and page
with ``next_key`` while ``has_more``. :func:`iter_window_ids` splits any span into such windows,
oldest first, follows the pages, and yields each id once (an id updated again meanwhile shows
up in two windows).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Protocol


class IdPage(Protocol):
    ids: list[str]
    next_key: str
    has_more: bool


# (window start, window end, next_key) → one page
PageFn = Callable[[int, int, str], Awaitable[IdPage]]


async def iter_window_ids(page: PageFn, start: int, end: int,
                          max_window: int) -> AsyncIterator[str]:
    """Every id ``page`` lists in [start, end], in windows of at most ``max_window`` seconds."""
    if end < start:
        raise ValueError("end is before start")
    seen: set[str] = set()
    window_start = start
    while True:
        window_end = min(end, window_start + max_window)
        next_key = ""
        while True:
            reply = await page(window_start, window_end, next_key)
            for item_id in reply.ids:
                if item_id not in seen:
                    seen.add(item_id)
                    yield item_id
            if not reply.has_more or not reply.next_key or reply.next_key == next_key:
                break
            next_key = reply.next_key
        if window_end >= end:
            return
        window_start = window_end + 1
