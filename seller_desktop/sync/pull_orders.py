"""Pull orders: ids by update-time windows (≤ 7 days, ``next_key``/``has_more``), then
``order/get`` per id with bounded concurrency, saved in batches through the store's writer
(the shared ``pipeline.Pipeline``: listing, fetching and saving overlap). Each batch also
brings the buyer requests its orders show (address under review, SKU change waiting) into
``buyer_requests``.

An order whose reply cannot be read (malformed JSON, wrong types) is recorded as a problem for
that order and kept in the ``orders.retry`` watermark so the next run asks for it again; the
others go on. A shipped order without an address or an unknown status is stored (it is what
the server says) and reported. Offline, busy, quota or auth failures stop the pull; what was
saved stays saved and the watermark is not advanced, so the next run covers the same span.
Gifts awaiting acceptance are also read each run until they settle (see ``pull_order_span``).
The overlap with the last run is listed apart and read only where it may hide a change
(``overlap.py``).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from ..api import orders as orders_api
from ..api.errors import MalformedResponse, NotFound, Rejected
from ..domain.order import Order, OrderStatus
from ..store.aftersale import RequestRepo
from ..store.orders import OrderRepo, UpsertResult
from . import marks
from .context import SyncContext, SyncReport
from .overlap import OverlapSpan
from .pipeline import Pipeline
from .progress import STEP_ORDER_IDS, STEP_ORDERS

log = logging.getLogger("seller_desktop.sync")

_KNOWN_STATUSES = frozenset(int(s) for s in OrderStatus)
_NEEDS_ADDRESS = frozenset({20, 21, 30, 100})
FOLLOW_GIFTS = 200  # gifts awaiting acceptance re-read per run, at most


@dataclass
class OrderPull:
    """What one order pull saw."""

    fetched: int = 0
    gift_orders: int = 0
    failed_ids: list[str] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)  # new or changed order ids
    requests_changed: set[str] = field(default_factory=set)  # orders whose requests changed
    new_requests: list[str] = field(default_factory=list)  # "kind:order_id" first seen
    product_ids: set[str] = field(default_factory=set)  # products in new/changed orders
    skipped: int = 0  # listed in the overlap, read after the last run's watermark: not read


def order_problem(order: Order) -> str:
    """A problem worth telling the seller about an order the server sent, or ""."""
    if int(order.status) not in _KNOWN_STATUSES:
        return f"订单 {order.order_id} 的状态码 {int(order.status)} 无法识别，已按原样保存"
    if (int(order.status) in _NEEDS_ADDRESS and order.address is None
            and order.deliver_method == 0):
        return f"订单 {order.order_id} 缺少收货地址（状态 {int(order.status)}），请在小店后台核对"
    return ""


async def pull_orders(ctx: SyncContext, span: OverlapSpan | None, report: SyncReport,
                      retry_ids: list[str] | None = None) -> OrderPull:
    """Fetch ``retry_ids`` and every order ``span`` lists into the store; ``span`` None: only
    ``retry_ids`` (orders a case or request touched), stored even when their ``update_time``
    did not move."""
    result = OrderPull()
    lines: dict[str, set[str]] = {}  # order id → its product ids, until the write says changed
    listing = span is not None

    async def fetch(oid: str) -> Order | None:
        stamp = span.stamp() if span is not None else None
        try:
            order = await orders_api.get_order(ctx.api, oid)
        except MalformedResponse as exc:
            result.failed_ids.append(oid)
            report.note(f"订单 {oid} 的数据无法解析，已跳过，下次同步重试（{exc.errmsg}）")
            return None
        except NotFound:
            return None
        except Rejected as exc:  # a refusal of this one read (an errcode we do not know)
            result.failed_ids.append(oid)
            report.note(f"订单 {oid} 暂时无法读取，已跳过，下次同步重试（{exc}）")
            return None
        problem = order_problem(order)
        if problem:
            report.note(problem)
        if span is not None:
            span.read(oid, order.update_time, stamp)
        result.fetched += 1
        ctx.progress(STEP_ORDERS, result.fetched, None)
        return order

    def save(batch: list[Order]) -> Callable[[sqlite3.Connection], UpsertResult]:
        for order in batch:
            if order.gift is not None:
                result.gift_orders += 1
            lines[order.order_id] = {line.product_id for line in order.lines}
        now = ctx.clock()
        return lambda conn: _save(conn, batch, now, result, force=not listing)

    pipeline = Pipeline(ctx, fetch=fetch, save=save,
                        absorb=lambda saved: _absorb(result, report, saved, lines),
                        on_listed=lambda n: ctx.progress(STEP_ORDER_IDS, n, None))
    ids = span.ids(lambda start, end, on_page: orders_api.iter_order_ids(
        ctx.api, start, end, on_page=on_page)) if span is not None else None
    await pipeline.run(retry_ids or (), ids)
    report.orders += result.fetched
    report.gift_orders += result.gift_orders
    return result


def _save(conn: sqlite3.Connection, batch: list[Order], now: int, pull: OrderPull, *,
          force: bool) -> UpsertResult:
    """One batch: the orders, then the buyer requests they show (address / SKU changes)."""
    upserted = OrderRepo(conn).upsert_many(batch, now, force=force)
    changed, new = RequestRepo(conn).sync_from_orders(batch, now)
    pull.requests_changed |= changed
    pull.new_requests += new
    return upserted


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
    # The list's end is now + 1 (the range is half-open on some servers: include this second);
    # the overlap part is split off and partly skipped (overlap.py).
    span = OverlapSpan(clock=ctx.clock, start=start, now=now, overlap=overlap,
                       synced_to=state.synced_to, previous=None if full else state.seen,
                       what="orders")
    # Whether a gift's acceptance (or expiry) moves its update_time is not documented: gifts
    # awaiting their recipient are read each run until they settle (bounded).
    following = await ctx.write(lambda conn: OrderRepo(conn).ids_awaiting_gift(FOLLOW_GIFTS))
    pull = await pull_orders(ctx, span, report, retry_ids=state.retry_ids + following)
    failed = sorted(set(pull.failed_ids))
    pull.skipped = span.skipped
    await ctx.write(lambda conn: marks.write_orders(conn, synced_to=span.watermark(),
                                                    retry_ids=failed, seen=span.seen()),
                    durable=True)
    return pull
