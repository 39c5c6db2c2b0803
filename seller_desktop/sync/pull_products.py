"""Pull products: every product (full pass) or the ones known to have changed.

The API has no "changed since" filter. A full pass lists every id (the default list hides
never-listed drafts, so status 0 is listed too) and reads each with ``data_type`` 3 (draft and
online copy), ``concurrency`` at a time, saved through the writer in batches. Products the
server no longer has (gone from the list, 10020052, recycle bin) are dropped from the cache
unless the seller has changes for them still on the way. Between full passes only the
products touched by a push or by new/changed orders, and those still in review (the engine
follows them until the review settles), are read; ids that could not be read are kept in the
``products.dirty`` watermark for the next run.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3

from ..api import products as products_api
from ..api.errors import MalformedResponse, NotFound, Rejected
from ..api.schemas import ProductCopies
from ..domain.product import Product, ProductStatus
from ..store import outbox
from ..store.products import ProductRepo
from . import marks
from .context import SyncContext, SyncReport
from .progress import STEP_PRODUCT_IDS, STEP_PRODUCTS, bounded_map

log = logging.getLogger("seller_desktop.sync")

GONE_STATUSES = frozenset({int(ProductStatus.RECYCLED), int(ProductStatus.DELETED)})
_GONE = object()


async def list_all_product_ids(ctx: SyncContext) -> list[str]:
    """Every product id the shop has, drafts that were never listed included."""
    ids: list[str] = []
    seen: set[str] = set()
    for status in (None, int(ProductStatus.INITIAL)):
        async for pid in products_api.iter_product_ids(ctx.api, status=status):
            if pid not in seen:
                seen.add(pid)
                ids.append(pid)
                ctx.progress(STEP_PRODUCT_IDS, len(ids), None)
    return ids


def _save(conn: sqlite3.Connection, copies: list[tuple[Product, Product | None]],
          gone: list[str], now: int) -> list[str]:
    repo = ProductRepo(conn)
    saved = repo.upsert_server_many(copies, now)
    dropped = []
    for pid in gone:
        if not outbox.open_rows(conn, "product", pid) and repo.get(pid) is not None:
            repo.delete(pid)
            dropped.append(pid)
    return saved + dropped


def _local_only(conn: sqlite3.Connection, server_ids: set[str]) -> list[str]:
    """Cached products the server's list no longer shows (and no change of ours is pending)."""
    rows = ProductRepo(conn).list(limit=1 << 30)
    return [r["product_id"] for r in rows
            if r["product_id"] not in server_ids and r["product_id"] != r["local_id"]
            and not outbox.open_rows(conn, "product", r["product_id"])]


async def pull_products(ctx: SyncContext, report: SyncReport, *, full: bool,
                        product_ids: set[str]) -> None:
    now = ctx.clock()
    if full:
        ids = await list_all_product_ids(ctx)
        report.full_products = True
    else:
        local = await ctx.write(lambda conn: {r["product_id"]: r["local_id"] for r in
                                              ProductRepo(conn).list(limit=1 << 30)})
        ids = sorted(pid for pid in product_ids if pid and local.get(pid) != pid
                     and not pid.startswith("local-"))
    failed: list[str] = []
    pending: list[tuple[Product, Product | None]] = []
    gone: list[str] = []
    fetched = 0

    async def fetch(pid: str) -> ProductCopies | object | None:
        nonlocal fetched
        try:
            copies = await products_api.get_product(ctx.api, pid, data_type=3)
        except NotFound:
            return _GONE
        except MalformedResponse as exc:
            failed.append(pid)
            report.note(f"商品 {pid} 的数据无法解析，已跳过，下次同步重试（{exc.errmsg}）")
            return None
        except Rejected as exc:  # a refusal of this one read (an errcode we do not know)
            failed.append(pid)
            report.note(f"商品 {pid} 暂时无法读取，已跳过，下次同步重试（{exc}）")
            return None
        fetched += 1
        return copies

    writing: asyncio.Future[list[str]] | None = None

    async def flush(wait: bool) -> None:
        """Hand what was read to the writer; one write in flight while the next chunk loads."""
        nonlocal pending, gone, writing
        if writing is not None:
            report.changes.products.update(await writing)
            writing = None
        batch, dropped = pending, gone
        pending, gone = [], []
        if batch or dropped:
            writing = asyncio.ensure_future(ctx.write(lambda conn: _save(conn, batch, dropped,
                                                                         now)))
        if wait and writing is not None:
            report.changes.products.update(await writing)
            writing = None

    step = max(1, ctx.write_batch // 4)
    done = 0
    try:
        for start in range(0, len(ids), step):
            chunk = ids[start:start + step]
            results = await bounded_map(chunk, fetch, ctx.concurrency,
                                        lambda n, base=done: ctx.progress(
                                            STEP_PRODUCTS, base + n, len(ids)))
            done += len(chunk)
            for pid, copies in zip(chunk, results, strict=True):
                if copies is _GONE:
                    gone.append(pid)
                elif isinstance(copies, ProductCopies):
                    draft = copies.draft or copies.online
                    if draft is None:
                        continue
                    if int(draft.status) in GONE_STATUSES:
                        gone.append(pid)
                    else:
                        pending.append((draft, copies.online))
            await flush(wait=False)
        await flush(wait=True)
    finally:
        if writing is not None:
            # a batch handed to the writer commits or rolls back whole, even when cancelled
            await asyncio.gather(writing, return_exceptions=True)
    report.products += fetched
    if full:
        server_ids = set(ids)
        vanished = await ctx.write(lambda conn: _local_only(conn, server_ids))
        gone.extend(vanished)
        await flush(wait=True)

    def finish(conn: sqlite3.Connection) -> None:
        marks.set_dirty_products(conn, failed)
        if full:
            marks.set_products_full_at(conn, now)

    await ctx.write(finish, durable=True)
