"""SyncEngine: one run = push the outbox, then pull orders, after-sale cases and buyer requests
(and the orders they touch), then products; a report at the end.

Runs never overlap (a lock) and each has an overall ``deadline`` (past it: stopped,
``TooSlow``). A run stops early, keeping what it saved, when the API is offline, busy, out of
quota or refuses the credentials (``SyncReport.stopped`` / ``stop_error``); a cache that records
another shop is refused before anything is sent (``OtherShopsCache``). Nothing goes out or comes
in before the cache passed its whole-file check (``checked``, awaited by every entry point).
Cancelling the awaiting task leaves the store consistent. While a run is in progress the loop
stays responsive: a 1 ms GIL switch interval, the app's objects frozen out of the GC, no
automatic full collection (:func:`_responsive_loop`). Why, with the measurements: docs/architecture.md, "Sync engine".
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping

from ..api.client import ApiClient
from ..api.errors import (
    ApiError,
    AuthExpired,
    AuthFailed,
    Busy,
    MalformedResponse,
    Offline,
    PermissionDenied,
    QuotaExceeded,
    RateLimited,
    Rejected,
    ServerError,
    TooSlow,
)
from ..domain.changes import ChangeSet
from ..store import outbox
from ..store import owner as cache_owner
from ..store.db import Store, refresh_statistics
from ..store.errors import OtherShopsCache
from ..store.products import ProductRepo
from . import conflicts, marks
from .context import SyncContext, SyncReport
from .progress import Progress, ProgressFn
from .pull_aftersale import pull_aftersale
from .pull_orders import pull_order_span
from .pull_products import pull_products
from .push import PushResult, PushStopped, describe, open_count, push_outbox

log = logging.getLogger("seller_desktop.sync")

# Why a run stopped when the store's replies could not be read (a captive portal, a proxy,
# a broken server): like being offline, nothing is lost and the next run tries again.
UNREADABLE = ("无法读取微信小店的回复（网络可能需要先登录，例如酒店或咖啡馆的 Wi-Fi），"
              "修改都已保存，稍后会自动重试")

# Rejected: a list call refused (an errcode no reference lists, a permission withdrawn) stops
# the pull with the store's reason instead of escaping the run as an exception.
PULL_STOPPING = (Offline, Busy, RateLimited, ServerError, QuotaExceeded, AuthFailed, AuthExpired,
                 MalformedResponse, Rejected)


SWITCH_INTERVAL = 0.001
# No automatic full (oldest-generation) collection while a run is in progress; see the module
# docstring. Young collections (cheap, bounded) keep running.
NO_FULL_COLLECTION = 1 << 30

_responsive_depth = 0
_saved_settings: tuple[float, tuple[int, ...]] | None = None


@contextlib.contextmanager
def _responsive_loop() -> Iterator[None]:
    # Process-wide settings: the first run to start changes them, the last one to end restores
    # them (two shops' engines may overlap).
    global _responsive_depth, _saved_settings
    if _responsive_depth == 0:
        previous = sys.getswitchinterval()
        threshold = gc.get_threshold()
        _saved_settings = (previous, threshold)
        sys.setswitchinterval(min(previous, SWITCH_INTERVAL))
        gc.freeze()
        gc.set_threshold(threshold[0], threshold[1], NO_FULL_COLLECTION)
    _responsive_depth += 1
    try:
        yield
    finally:
        _responsive_depth -= 1
        if _responsive_depth == 0 and _saved_settings is not None:
            previous, threshold = _saved_settings
            _saved_settings = None
            gc.set_threshold(*threshold)
            gc.unfreeze()
            sys.setswitchinterval(previous)


# A first full sync of 50,000 orders takes a few minutes; an hour leaves room for a slow link
# (a run cut short keeps what it saved, but its order window starts again next time).
DEFAULT_DEADLINE = 60 * 60.0


def _wall_clock() -> int:
    return int(time.time())


class SyncEngine:
    """Pull the shop into the store and push the seller's changes; see ``sync/__init__``."""

    def __init__(self, api: ApiClient, store: Store, *, order_days: int = 90,
                 product_full_interval: int = 6 * 3600, progress: ProgressFn | None = None,
                 concurrency: int = 8, overlap: int = 300, write_batch: int = 500,
                 clock: Callable[[], int] | None = None, follow_limit: int = 60,
                 deadline: float = DEFAULT_DEADLINE,
                 checked: asyncio.Future[None] | None = None) -> None:
        self.api = api
        self.checked = checked  # the cache's whole-file check (None: checked at open)
        self.follow_limit = follow_limit  # products in review re-read per incremental run
        self.store = store
        self.order_days = order_days
        self.product_full_interval = product_full_interval
        self.overlap = overlap
        self.deadline = deadline
        self.ctx = SyncContext(api=api, store=store, progress=Progress(progress),
                               clock=clock or _wall_clock, concurrency=concurrency,
                               write_batch=write_batch)
        self._lock = asyncio.Lock()
        self.last_report: SyncReport | None = None
        self._claimed: tuple[object, str] | None = None  # (cache, shop) whose owner was checked

    @property
    def online(self) -> bool:
        return self.api.online

    @property
    def running(self) -> bool:
        return self._lock.locked()

    # ---- public API ----------------------------------------------------------------------

    async def run(self, full: bool = False) -> SyncReport:
        """Push, then pull (``full``: every product and the whole order span)."""
        await self._cache_checked()
        async with self._lock, self._busy():
            report = SyncReport()
            async with self._bounded(report):
                pushed = await self._push(report)
                if not report.stop_error:
                    await self._pull(report, full=full, pushed=pushed)
            await self.ctx.write(lambda conn: tally(conn, report))
            if not report.stop_error:  # in the store: the window and the CLI show one time
                when = self.ctx.clock()
                await self.ctx.write(lambda conn: marks.set_last_success(conn, when))
            self.last_report = report
            return report

    async def push(self) -> ChangeSet:
        await self._cache_checked()
        async with self._lock, self._busy():
            report = SyncReport()
            async with self._bounded(report):
                pushed = await self._push(report)
                if pushed.products and not report.stop_error:
                    await self._refresh_products(report, pushed.products)
            await self.ctx.write(lambda conn: tally(conn, report))
            self.last_report = report
            return report.changes

    async def pull(self, full: bool = False) -> ChangeSet:
        await self._cache_checked()
        async with self._lock, self._busy():
            report = SyncReport()
            async with self._bounded(report):
                await self._pull(report, full=full, pushed=PushResult())
            self.last_report = report
            return report.changes

    async def resolve_conflict(self, product_id: str, choices: Mapping[str, str]) -> ChangeSet:
        """Settle a product's conflicts field by field (``"mine"`` / ``"theirs"``), then push."""
        await self._cache_checked()
        async with self._lock, self._busy():
            report = SyncReport()
            async with self._bounded(report):
                await conflicts.resolve(self.ctx, product_id, dict(choices), report)
                pushed = await self._push(report)
                if pushed.products and not report.stop_error:
                    await self._refresh_products(report, pushed.products)
            self.last_report = report
            return report.changes

    async def _cache_checked(self) -> None:
        """Wait for the cache's whole-file check; its ``StoreError`` if it failed (shielded: a
        cancelled sync must not cancel the check the app awaits too)."""
        if self.checked is not None:
            await asyncio.shield(self.checked)

    @contextlib.asynccontextmanager
    async def _busy(self) -> AsyncIterator[None]:
        await self._check_owner()
        with _responsive_loop():
            yield

    async def _check_owner(self) -> None:
        """Nothing is pulled into or pushed from a cache of another shop: the shop the store
        was opened for (``store.shop``; else the API's AppID) must be the one it records (the
        first sync records it) and, for a real shop, the one the API credentials are for."""
        store, appid = self.store, self.api.appid
        shop = getattr(store, "shop", None) or cache_owner.identity(appid)
        if shop != cache_owner.DEMO and shop != cache_owner.identity(appid):
            raise OtherShopsCache(store.path, shop, cache_owner.identity(appid))
        if self._claimed != (store.path, shop):  # once per engine: one writer per data dir
            await self.ctx.write(lambda conn: cache_owner.claim(conn, shop, store.path),
                                 durable=True)
            self._claimed = (store.path, shop)

    @contextlib.asynccontextmanager
    async def _bounded(self, report: SyncReport) -> AsyncIterator[None]:
        """The body runs within ``deadline``; past it, it is cancelled (what was saved stays
        saved, a row caught ``sending`` is reconciled next time) and the report says why."""
        timer = asyncio.timeout(self.deadline)
        try:
            async with timer:
                yield
        except TimeoutError:
            if not timer.expired():
                raise
            minutes = max(1, round(self.deadline / 60))
            self._stopped(report, TooSlow(
                f"同步超过 {minutes} 分钟仍未完成，已停止；已保存的内容不受影响，下次同步继续",
                errmsg=f"sync deadline {self.deadline:g}s"))

    # ---- steps ---------------------------------------------------------------------------

    async def _push(self, report: SyncReport) -> PushResult:
        try:
            result = await push_outbox(self.ctx, report)
        except PushStopped as stop:
            self._stopped(report, stop.error)
            return PushResult()
        report.changes.products |= result.products
        report.changes.orders |= result.orders
        report.changes.waybills |= result.waybills
        return result

    async def _pull(self, report: SyncReport, *, full: bool, pushed: PushResult) -> None:
        ctx = self.ctx
        try:
            order_pull = await pull_order_span(ctx, report, full=full,
                                               order_days=self.order_days,
                                               overlap=self.overlap)
            try:
                await pull_aftersale(ctx, report, order_pull, full=full, days=self.order_days,
                                     overlap=self.overlap)
            except Rejected as exc:  # e.g. 48001: the app lacks the after-sale permission (131)
                report.note(f"售后单未同步：{exc.message}")
                if isinstance(exc, PermissionDenied):  # the run goes on; the CLI still says so
                    report.denied = report.denied or exc
            full_at = await ctx.write(lambda conn: marks.products_full_at(conn))
            now = ctx.clock()
            due = full or full_at is None or now - full_at >= self.product_full_interval
            dirty = await ctx.write(lambda conn: marks.dirty_products(conn))
            # A review's outcome moves no list the incremental pull reads: follow the products
            # in review until they settle (bounded; the longest unread first).
            reviewing = await ctx.write(
                lambda conn: ProductRepo(conn).ids_in_review(self.follow_limit))
            wanted = set(dirty) | pushed.products | order_pull.product_ids | set(reviewing)
            if not due and wanted != set(dirty):
                await ctx.write(lambda conn: marks.set_dirty_products(conn, wanted),
                                durable=True)
            await pull_products(ctx, report, full=due, product_ids=wanted)
            if full:  # thousands of rows changed: the planner's statistics follow them
                await ctx.write(refresh_statistics, durable=False)
        except PULL_STOPPING as exc:
            self._stopped(report, exc)

    async def _refresh_products(self, report: SyncReport, product_ids: set[str]) -> None:
        try:
            await pull_products(self.ctx, report, full=False, product_ids=product_ids)
        except PULL_STOPPING as exc:
            self._stopped(report, exc)

    @staticmethod
    def _stopped(report: SyncReport, error: ApiError) -> None:
        log.warning("sync stopped: %s", error)
        report.stop_error = error
        report.stopped = UNREADABLE if isinstance(error, MalformedResponse) else error.message
        report.changes.messages.append(report.stopped)


def tally(conn: sqlite3.Connection, report: SyncReport) -> None:
    """The outbox as the run leaves it: rows still to go, failed and conflicting rows and their
    reasons, rows waiting behind them (a later run must not say "failed: 0" or "conflicts: 0"
    while an older refusal or conflict still holds the seller's change)."""
    report.waiting = open_count(conn)
    held = outbox.list_failed(conn)
    failed = [r for r in held if r.state == "failed"]
    report.failed = len(failed)
    report.failures = [r.last_error or describe(r) for r in failed]
    conflicting = [r for r in held if r.state == "conflict"]
    report.conflicts = len(conflicting)
    report.conflict_rows = [describe(r) + (f"：{r.last_error}" if r.last_error else "")
                            for r in conflicting]
    report.blocked = outbox.blocked_count(conn)
