"""The pull pipeline shared by orders and after-sale cases: list ids, fetch each, save in batches.

Listing, fetching and saving overlap: the id walk feeds a queue that ``ctx.concurrency``
fetchers drain while the previous batch is written on the writer thread (one write in flight
at a time, so memory stays bounded to about two batches). One transaction per batch, never per
item. ``fetch`` returns None for an item to skip (it records why itself); ``save`` runs on the
writer inside the batch's transaction; ``absorb`` takes each saved batch's result on the loop.

On any exception (offline, cancelled…) the fetchers stop; a batch already handed to the writer
commits or rolls back whole; the exception propagates.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Generic, TypeVar

from .context import SyncContext

T = TypeVar("T")
R = TypeVar("R")
_DONE = object()


class Pipeline(Generic[T, R]):
    def __init__(self, ctx: SyncContext, *, fetch: Callable[[str], Awaitable[T | None]],
                 save: Callable[[list[T]], Callable[[sqlite3.Connection], R]],
                 absorb: Callable[[R], None],
                 on_listed: Callable[[int], None] | None = None) -> None:
        self.ctx = ctx
        self.fetch = fetch
        self.save = save  # batch → the writer transaction that stores it
        self.absorb = absorb
        self.on_listed = on_listed

    async def run(self, first: Iterable[str], ids: AsyncIterator[str] | None) -> int:
        """Fetch and save ``first`` then every id ``ids`` yields (each once); returns how many
        ids were listed by ``ids``."""
        ctx = self.ctx
        queue: asyncio.Queue[object] = asyncio.Queue(maxsize=ctx.write_batch * 2)
        listed = 0

        async def lister() -> None:
            nonlocal listed
            seen: set[str] = set()
            for item_id in first:
                if item_id not in seen:
                    seen.add(item_id)
                    await queue.put(item_id)
            if ids is not None:
                async for item_id in ids:
                    if item_id in seen:
                        continue
                    seen.add(item_id)
                    listed += 1
                    if self.on_listed is not None:
                        self.on_listed(listed)
                    await queue.put(item_id)
            for _ in range(ctx.concurrency):
                await queue.put(_DONE)

        buffer: list[T] = []
        writing: asyncio.Future[R] | None = None
        ready = asyncio.Event()

        async def fetcher() -> None:
            while True:
                item = await queue.get()
                if item is _DONE:
                    return
                found = await self.fetch(str(item))
                if found is None:
                    continue
                buffer.append(found)
                if len(buffer) >= ctx.write_batch:
                    ready.set()

        async def flush(final: bool) -> None:
            nonlocal writing, buffer
            if writing is not None:
                self.absorb(await writing)
                writing = None
            if buffer:
                batch, buffer = buffer, []
                writing = asyncio.ensure_future(ctx.write(self.save(batch)))
            if final and writing is not None:
                self.absorb(await writing)
                writing = None

        tasks = [asyncio.ensure_future(lister())]
        tasks += [asyncio.ensure_future(fetcher()) for _ in range(ctx.concurrency)]
        all_done = asyncio.ensure_future(asyncio.gather(*tasks))
        try:
            while not all_done.done():
                waiter = asyncio.ensure_future(ready.wait())
                await asyncio.wait({all_done, waiter}, return_when=asyncio.FIRST_COMPLETED)
                waiter.cancel()
                ready.clear()
                if len(buffer) >= ctx.write_batch:
                    await flush(final=False)
            all_done.result()
            await flush(final=True)
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            all_done.cancel()
            await asyncio.gather(all_done, return_exceptions=True)
            if writing is not None:
                # A batch already handed to the writer commits or rolls back as one transaction.
                await asyncio.gather(writing, return_exceptions=True)
            raise
        return listed
