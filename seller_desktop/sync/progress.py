"""Progress reporting and bounded concurrency for the sync steps.

``Progress`` wraps the caller's ``progress(step, done, total)`` callback: it never lets a
failing callback break a sync, and it throttles per-item calls so a UI callback is not called
50,000 times. :func:`bounded_map` runs one coroutine per item with at most ``limit`` in flight,
keeps the results in input order, and on cancellation or on the first unexpected error cancels
the rest and waits for them (no task outlives the step that started it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TypeVar

log = logging.getLogger("seller_desktop.sync")

ProgressFn = Callable[[str, int, "int | None"], None]

T = TypeVar("T")
R = TypeVar("R")

# Step names the callback receives (the UI may translate them).
STEP_PUSH = "push"
STEP_PRODUCT_IDS = "products.list"
STEP_PRODUCTS = "products.get"
STEP_ORDER_IDS = "orders.list"
STEP_ORDERS = "orders.get"


class Progress:
    """Calls ``callback(step, done, total)``; at most every ``interval`` s within one step."""

    def __init__(self, callback: ProgressFn | None, interval: float = 0.1) -> None:
        self._callback = callback
        self._interval = interval
        self._last: dict[str, float] = {}

    def __call__(self, step: str, done: int, total: int | None = None, *,
                 force: bool = False) -> None:
        if self._callback is None:
            return
        now = time.monotonic()
        finished = total is not None and done >= total
        if not (force or finished or done == 0) and \
                now - self._last.get(step, 0.0) < self._interval:
            return
        self._last[step] = now
        try:
            self._callback(step, done, total)
        except Exception:
            log.exception("progress callback failed")


async def bounded_map(items: Sequence[T] | Iterable[T], fn: Callable[[T], Awaitable[R]],
                      limit: int, on_done: Callable[[int], None] | None = None) -> list[R]:
    """``[await fn(x) for x in items]`` with at most ``limit`` calls in flight.

    ``fn`` should catch the errors it can handle per item; any exception it lets through
    cancels the remaining calls and is re-raised here.
    """
    items = list(items)
    results: list[R | None] = [None] * len(items)
    if not items:
        return []
    position = 0
    done = 0

    async def worker() -> None:
        nonlocal position, done
        while position < len(items):
            index = position
            position += 1
            results[index] = await fn(items[index])
            done += 1
            if on_done is not None:
                on_done(done)

    workers = [asyncio.ensure_future(worker()) for _ in range(min(limit, len(items)))]
    try:
        await asyncio.gather(*workers)
    except BaseException:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        raise
    return results  # type: ignore[return-value]


async def yield_now() -> None:
    """Let the event loop run other callbacks (UI repaint, heartbeats) between chunks of work."""
    await asyncio.sleep(0)
