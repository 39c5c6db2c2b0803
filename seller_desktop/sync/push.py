"""Push the outbox: each entity's rows in order, each row done only when the server confirmed.

The loop asks the outbox for the rows that may go out now (per entity its oldest open row),
pushes them (different entities concurrently, up to ``ctx.concurrency``) and asks again until
nothing is eligible. Each op has a :class:`Handler`: ``send`` (non-idempotent requests are
preceded by a durable :func:`mark_sending`) and ``applied`` (for a row found ``sending``: did
the change land? only then is it sent again). How each kind of failure ends a row's turn —
failed, in line, later, reconciled, or the push stops as offline — is one rule, applied here:
docs/architecture.md, "Push".
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from ..api.errors import (
    TRY_LATER_ERRCODES,
    ApiError,
    AuthExpired,
    AuthFailed,
    Busy,
    MalformedResponse,
    NotFound,
    Offline,
    PermissionDenied,
    QuotaExceeded,
    RateLimited,
    Rejected,
    ServerError,
    UnknownOutcome,
)
from ..store import StoreError, outbox
from ..store.outbox import ClaimLost, OutboxRow
from .context import SyncContext, SyncReport
from .progress import STEP_PUSH

log = logging.getLogger("seller_desktop.sync")

T = TypeVar("T")
MAX_RECONCILE = 3
# Transport problems: the store did not answer in a way that says yes or no.
STOPPING = (Offline, Busy, RateLimited, ServerError, MalformedResponse)
FATAL = (QuotaExceeded, AuthFailed, AuthExpired)


class RowFailed(Exception):
    """A row the server (or a local check) refused: kept as ``failed`` with this message."""


class RowConflict(Exception):
    """A product edit whose fields also changed on the server: the row waits in ``conflict``."""


class RowLater(Exception):
    """The store asked this row to wait (a rate rule; it was not applied): it goes back to
    ``pending`` with ``not_before`` = ``at``. Not an error, never shown as one."""

    def __init__(self, at: int) -> None:
        super().__init__(f"not before {at}")
        self.at = at


class PushStopped(Exception):
    """The push cannot go on now (offline, busy, quota, auth); ``error`` says why."""

    def __init__(self, error: ApiError) -> None:
        super().__init__(error.message)
        self.error = error


@dataclass
class PushResult:
    """Entities the push changed on the server, for the refresh that follows."""

    products: set[str] = field(default_factory=set)  # server product ids to re-read
    orders: set[str] = field(default_factory=set)  # order ids to re-read
    waybills: set[str] = field(default_factory=set)


Send = Callable[[SyncContext, OutboxRow, PushResult], Awaitable[None]]
Applied = Callable[[SyncContext, OutboxRow], Awaitable[bool]]


@dataclass(frozen=True)
class Handler:
    send: Send
    applied: Applied | None = None  # None: the op is idempotent, re-sending is harmless
    done: Send | None = None  # local follow-up after a confirmation found by ``applied``


HANDLERS: dict[tuple[str, str], Handler] = {}


def handler(entity: str, op: str, *, applied: Applied | None = None,
            done: Send | None = None) -> Callable[[Send], Send]:
    def register(fn: Send) -> Send:
        HANDLERS[(entity, op)] = Handler(fn, applied, done)
        return fn

    return register


async def mark_sending(ctx: SyncContext, row: OutboxRow,
                       before: Callable[[sqlite3.Connection], None] | None = None) -> None:
    """Durably mark the row ``sending`` (after ``before(conn)`` in the same transaction).

    A token is obtained first: offline, that fails here and the row stays ``pending``.
    """
    await ctx.api.access_token()

    def tx(conn: sqlite3.Connection) -> None:
        outbox.check_claim(conn, row.id, row)  # before ``before`` touches the row
        if before is not None:
            before(conn)
        outbox.mark_sending(conn, row.id)

    await ctx.write(tx, durable=True)


async def send_once(ctx: SyncContext, call: Callable[[], Awaitable[T]]) -> T:
    """Make a non-idempotent call with one attempt: any reply that may follow an applied write
    becomes ``UnknownOutcome`` (the row is reconciled with the server before a re-send)."""
    with ctx.api.single_attempt():
        try:
            return await call()
        except (Busy, RateLimited, AuthExpired, ServerError, MalformedResponse) as exc:
            raise UnknownOutcome(errmsg=f"{type(exc).__name__}: {exc.errmsg}",
                                 path=exc.path) from exc


async def _finish(ctx: SyncContext, row: OutboxRow, state: str, message: str = "") -> None:
    def tx(conn: sqlite3.Connection) -> None:
        current = outbox.get(conn, row.id)
        if current is None or current.state == "done":
            return
        if state == "done":
            outbox.mark_done(conn, row.id)
        elif state == "failed":
            if current.state not in ("sending", "pending"):
                return
            outbox.mark_failed(conn, row.id, message)
        elif state == "conflict":
            if current.state not in ("sending", "pending", "failed"):
                return  # already parked (by another pusher): nothing to change
            outbox.mark_conflict(conn, row.id, message)
        elif state == "noted":
            outbox.note_error(conn, row.id, message)

    await ctx.write(tx, durable=True)


def describe(row: OutboxRow) -> str:
    names = {"create": "新建商品", "edit": "修改商品", "list": "上架商品", "delist": "下架商品",
             "delete": "删除商品", "stock_delta": "修改库存", "merchant_note": "订单备注",
             "gift_note": "礼物留言", "ship": "发货", "ewaybill_create": "电子面单取号",
             "ewaybill_cancel": "取消电子面单",
             "print_report": "面单打印回传", "accept": "同意售后", "reject": "拒绝售后",
             "negotiate": "售后协商", "refund_certificate": "上传退款凭证",
             "reship": "换货发货", "reject_reship": "拒绝换货发货",
             "address_accept": "同意改地址", "address_reject": "拒绝改地址",
             "sku_approve": "同意换款", "sku_reject": "拒绝换款"}
    return f"{names.get(row.op, row.op)}（{row.entity_id}）"


async def _refused(ctx: SyncContext, row: OutboxRow, exc: Exception,
                   report: SyncReport) -> str:
    message = f"{describe(row)}失败：{exc}"
    await _finish(ctx, row, "failed", message)
    if isinstance(exc, PermissionDenied):  # not this change's fault: the app's setup
        report.denied = report.denied or exc
    report.refused += 1
    report.note(message)
    return "failed"


async def push_row(ctx: SyncContext, row: OutboxRow, result: PushResult,
                   report: SyncReport) -> str:
    """Push one row; returns its new state ("done", "failed", "conflict" or "sending"), or
    "taken" when another pusher claimed it first (it was not sent)."""
    spec = HANDLERS.get((row.entity, row.op))
    if spec is None:
        message = f"{describe(row)}：本版本不支持该操作（{row.entity}/{row.op}）"
        await _finish(ctx, row, "failed", message)
        report.refused += 1
        report.note(message)
        return "failed"
    current = row
    for _attempt in range(MAX_RECONCILE):
        try:
            if current.state == "sending" and spec.applied is not None:
                if await spec.applied(ctx, current):
                    if spec.done is not None:
                        await spec.done(ctx, current, result)
                    await _finish(ctx, current, "done")
                    report.pushed += 1
                    return "done"
            await spec.send(ctx, current, result)
            await _finish(ctx, current, "done")
            report.pushed += 1
            return "done"
        except UnknownOutcome:
            log.info("outbox row %d: outcome unknown, reading the server state", row.id)
            refreshed = await ctx.write(lambda conn: outbox.get(conn, row.id))
            if refreshed is None:
                return "done"
            current = refreshed
            continue
        except RowLater as later:
            at = later.at
            await ctx.write(partial(outbox.reschedule, row_id=row.id, not_before=at),
                            durable=True)
            log.info("outbox row %d: the store asked it to wait until %d", row.id, at)
            report.waiting += 1
            return "pending"
        except RowConflict as exc:
            await _finish(ctx, current, "conflict", str(exc))
            report.conflicts += 1
            report.changes.conflicts = True
            return "conflict"
        except Rejected as exc:
            if exc.errcode not in TRY_LATER_ERRCODES:
                return await _refused(ctx, current, exc, report)
            message = f"{describe(row)}稍后重试：{exc}"
            await _finish(ctx, current, "noted", message)
            report.note(message)
            return current.state
        except (RowFailed, NotFound) as exc:
            return await _refused(ctx, current, exc, report)
        except ClaimLost as exc:
            # Another pusher (process) has this row now: it sends it, we must not. (Before the
            # damaged-row clause: ClaimLost is a ValueError, via OutboxError.)
            log.info("outbox row %d: %s; leaving it to that pusher", row.id, exc)
            return "taken"
        except (KeyError, TypeError, ValueError) as exc:
            # A damaged row (the cache edited or damaged on disk) fails alone, visibly; it must
            # not crash every sync and so strand every other row. No payload text in the log.
            log.warning("outbox row %d (%s/%s) cannot be sent: %s", row.id, row.entity, row.op,
                        type(exc).__name__)
            damaged = RowFailed(f"待发送的数据已损坏，无法发送（{type(exc).__name__}）")
            return await _refused(ctx, current, damaged, report)
        except STOPPING + FATAL as exc:
            await _finish(ctx, current, "noted", f"{describe(row)}等待重试：{exc}")
            raise PushStopped(exc) from exc
    report.waiting += 1
    return "sending"


def open_count(conn: sqlite3.Connection) -> int:
    """Outbox rows still to go: pending, or sending with an unknown outcome."""
    return outbox.pending_count(conn) - len(outbox.list_failed(conn))


async def _push_rows(ctx: SyncContext, rows: list[OutboxRow], result: PushResult,
                     report: SyncReport, stop: list[PushStopped], finished: set[int],
                     on_row: Callable[[], None]) -> None:
    """Push ``rows`` (heads of different entities) ``ctx.concurrency`` at a time."""
    queue = list(rows)
    broken: list[StoreError] = []  # the cache cannot be written (disk full…): stop every worker

    async def worker() -> None:
        while queue and not stop and not broken:
            row = queue.pop(0)
            try:
                await push_row(ctx, row, result, report)
            except PushStopped as exc:
                stop.append(exc)
                return
            except StoreError as exc:
                broken.append(exc)
                return
            finished.add(row.id)
            on_row()

    await asyncio.gather(*(worker() for _ in range(min(ctx.concurrency, len(rows)))))
    if broken:
        raise broken[0]  # rows keep their state: a row left ``sending`` is reconciled later


async def push_outbox(ctx: SyncContext, report: SyncReport) -> PushResult:
    """Push every eligible row; raises :class:`PushStopped` when the push must wait."""
    result = PushResult()
    finished: set[int] = set()
    pushed = 0

    def on_row() -> None:
        nonlocal pushed
        pushed += 1
        ctx.progress(STEP_PUSH, pushed, total)
    total = await ctx.write(open_count)
    ctx.progress(STEP_PUSH, 0, total, force=True)
    try:
        while True:
            at = ctx.clock()  # the clock ``RowLater`` counts from (the sandbox's in tests)
            rows = await ctx.write(partial(outbox.next_batch, limit=200, at=at))
            rows = [r for r in rows if r.id not in finished]
            if not rows:
                break
            stop: list[PushStopped] = []
            await _push_rows(ctx, rows, result, report, stop, finished, on_row)
            if stop:
                raise stop[0]
    finally:
        if result.products or result.orders or pushed:
            report.changes.outbox = True
    return result
