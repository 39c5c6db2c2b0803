"""Walking a list endpoint by time windows and ``next_key`` pages (orders, after-sale cases).

The list endpoints take a bounded window (orders ≤ 7 days, after-sale cases ≤ 24 h) and page
with ``next_key`` while ``has_more``. :func:`iter_window_ids` splits any span into such windows,
oldest first, follows the pages, and yields each id once (an id updated again meanwhile shows
up in two windows). Each window's page walk is bounded by a :class:`PageWalk` (a cursor loop,
stale pages, more pages than ``max_items`` fill raise ``MalformedResponse``: a hostile or broken
server cannot hold a sync, and a cut list is never taken for a complete one).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Protocol

from .page_walk import PageWalk


class IdPage(Protocol):
    ids: list[str]
    next_key: str
    has_more: bool


# (window start, window end, next_key) → one page
PageFn = Callable[[int, int, str], Awaitable[IdPage]]


async def iter_window_ids(page: PageFn, start: int, end: int, max_window: int, *,
                          path: str, page_size: int, max_items: int) -> AsyncIterator[str]:
    """Every id ``page`` lists in [start, end], in windows of at most ``max_window`` seconds;
    each window's walk is bounded by ``PageWalk(path, page_size, max_items)``."""
    if end < start:
        raise ValueError("end is before start")
    seen: set[str] = set()
    window_start = start
    while True:
        window_end = min(end, window_start + max_window)
        next_key = ""
        walk = PageWalk(path, page_size, max_items)
        in_window: set[str] = set()  # "new" for the walk: an id may repeat across windows
        while True:
            reply = await page(window_start, window_end, next_key)
            new_ids = len(set(reply.ids) - in_window)
            in_window.update(reply.ids)
            for item_id in reply.ids:
                if item_id not in seen:
                    seen.add(item_id)
                    yield item_id
            if not reply.has_more or not reply.next_key:
                break
            walk.page(reply.next_key, new_ids)
            next_key = reply.next_key
        if window_end >= end:
            return
        window_start = window_end + 1
