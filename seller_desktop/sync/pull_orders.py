"""Pull orders: ids by update-time windows (≤ 7 days, ``next_key``/``has_more``), then
``order/get`` per id with bounded concurrency, saved in batches through the store's writer.

Listing, fetching and saving overlap: the id walk feeds a queue that ``concurrency`` fetchers
drain while the previous batch is written on the writer thread (one write in flight at a time,
so memory stays bounded to about two batches). One transaction per batch, never per order.

An order whose reply cannot be read (malformed JSON, wrong types) is recorded as a problem for
that order and kept in the ``orders.retry`` watermark so the next run asks for it again; the
others go on. A shipped order without an address or an unknown status is stored (it is what
the server says) and reported. Offline, busy, quota or auth failures stop the pull; what was
saved stays saved and the watermark is not advanced, so the next run covers the same span.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from ..api import orders as orders_api
from ..api.errors import MalformedResponse, NotFound, Rejected
from ..domain.order import Order, OrderStatus
from ..store.orders import OrderRepo, UpsertResult
from . import marks
from .context import SyncContext, SyncReport
from .progress import STEP_ORDER_IDS, STEP_ORDERS

log = logging.getLogger("seller_desktop.sync")

_KNOWN_STATUSES = frozenset(int(s) for s in OrderStatus)
_NEEDS_ADDRESS = frozenset({20, 21, 30, 100})
_DONE = object()


@dataclass
class OrderPull:
    """What one order pull saw."""

    fetched: int = 0
    gift_orders: int = 0
    failed_ids: list[str] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)  # new or changed order ids
    product_ids: set[str] = field(default_factory=set)  # products in new/changed orders


def order_problem(order: Order) -> str:
    """A problem worth telling the seller about an order the server sent, or ""."""
    if int(order.status) not in _KNOWN_STATUSES:
        return f"订单 {order.order_id} 的状态码 {int(order.status)} 无法识别，已按原样保存"
    if (int(order.status) in _NEEDS_ADDRESS and order.address is None
            and order.deliver_method == 0):
        return f"订单 {order.order_id} 缺少收货地址（状态 {int(order.status)}），请在小店后台核对"
    return ""


async def pull_orders(ctx: SyncContext, start: int, end: int, report: SyncReport,
                      retry_ids: list[str] | None = None) -> OrderPull:
    """Fetch every order updated in [start, end] (plus ``retry_ids``) into the store."""
    result = OrderPull()
    queue: asyncio.Queue[object] = asyncio.Queue(maxsize=ctx.write_batch * 2)
    listed = 0

    async def lister() -> None:
        nonlocal listed
        seen: set[str] = set()
        for oid in retry_ids or ():
            if oid not in seen:
                seen.add(oid)
                await queue.put(oid)
        async for oid in orders_api.iter_order_ids(ctx.api, start, end):
            if oid in seen:
                continue
            seen.add(oid)
            listed += 1
            ctx.progress(STEP_ORDER_IDS, listed, None)
            await queue.put(oid)
        for _ in range(ctx.concurrency):
            await queue.put(_DONE)

    buffer: list[Order] = []
    lines: dict[str, set[str]] = {}  # order id → its product ids, until the write says changed
    writing: asyncio.Future[UpsertResult] | None = None
    ready = asyncio.Event()

    async def fetcher() -> None:
        while True:
            item = await queue.get()
            if item is _DONE:
                return
            oid = str(item)
            try:
                order = await orders_api.get_order(ctx.api, oid)
            except MalformedResponse as exc:
                result.failed_ids.append(oid)
                report.note(f"订单 {oid} 的数据无法解析，已跳过，下次同步重试（{exc.errmsg}）")
                continue
            except NotFound:
                continue
            except Rejected as exc:  # a refusal of this one read (an errcode we do not know)
                result.failed_ids.append(oid)
                report.note(f"订单 {oid} 暂时无法读取，已跳过，下次同步重试（{exc}）")
                continue
            problem = order_problem(order)
            if problem:
                report.note(problem)
            buffer.append(order)
            result.fetched += 1
            ctx.progress(STEP_ORDERS, result.fetched, None)
            if len(buffer) >= ctx.write_batch:
                ready.set()

    async def flush(final: bool) -> None:
        nonlocal writing, buffer
        if writing is not None:
            _absorb(result, report, await writing, lines)
            writing = None
        if buffer:
            batch, buffer = buffer, []
            for order in batch:
                if order.gift is not None:
                    result.gift_orders += 1
                lines[order.order_id] = {line.product_id for line in order.lines}
            now = ctx.clock()
            writing = asyncio.ensure_future(
                ctx.write(lambda conn: OrderRepo(conn).upsert_many(batch, now)))
        if final and writing is not None:
            _absorb(result, report, await writing, lines)
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
    report.orders += result.fetched
    report.gift_orders += result.gift_orders
    return result


def _absorb(pull: OrderPull, report: SyncReport, upserted: UpsertResult,
            lines: dict[str, set[str]]) -> None:
    """Take in a saved batch; only new or changed orders point at products to re-read."""
    pull.touched.update(upserted.touched)
    for oid in upserted.touched:
        pull.product_ids |= lines.get(oid, set())
    lines.clear()
    report.changes.orders.update(upserted.touched)
    changes = report.changes
    changes.gifts_accepted += [o for o in upserted.gifts_accepted if o not in changes.gifts_accepted]
    changes.gifts_expired += [o for o in upserted.gifts_expired if o not in changes.gifts_expired]


async def pull_order_span(ctx: SyncContext, report: SyncReport, *, full: bool,
                          order_days: int, overlap: int) -> OrderPull:
    """The span to pull (full: the last ``order_days``; else from the watermark minus
    ``overlap``), the pull itself, then the watermark; returns what was pulled."""
    now = ctx.clock()
    state = await ctx.write(lambda conn: marks.read_orders(conn))
    floor = now - order_days * 86400
    if full or state.synced_to is None:
        start = floor
    else:
        start = max(floor, state.synced_to - overlap)
    end = now + 1  # the list range is half-open on some servers: include this second
    pull = await pull_orders(ctx, start, end, report, retry_ids=state.retry_ids)
    failed = sorted(set(pull.failed_ids))
    await ctx.write(lambda conn: marks.write_orders(conn, synced_to=now, retry_ids=failed),
                    durable=True)
    return pull
