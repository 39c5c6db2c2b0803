"""Pull after-sale cases and the buyer requests waiting for the seller; re-read the orders they
touch so the order cache (status, held state, address) agrees with them.

Cases: ids by update-time windows of ≤ 24 h from the ``aftersale.synced_to`` watermark (through
``pipeline.Pipeline``), then ``getaftersaleorder`` per id; unreadable ones wait in
``aftersale.retry``; the overlap with the last run is read only where it may hide a change
(``overlap.py``: the case list has the orders' shape, ids by update time). SKU-change requests:
the whole waiting list each run. Then every order touched by a new or changed case or request
is read again. Cases and requests first seen after the first run are reported (``new_cases`` /
``new_requests``). Details: docs/architecture.md, "After-sales".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from ..api import aftersale as aftersale_api
from ..api.errors import MalformedResponse, NotFound, Rejected
from ..domain.aftersale import AfterSaleCase
from ..store.aftersale import CaseRepo, CaseUpsert, RequestRepo
from ..store.meta import ORDERS_RETRY, Watermarks
from . import marks
from .context import SyncContext, SyncReport
from .overlap import OverlapSpan, Seen, dump_seen, parse_seen
from .pipeline import Pipeline
from .pull_orders import OrderPull, pull_orders

CASES_SYNCED_TO = "aftersale.synced_to"
CASES_SEEN = "aftersale.seen"
CASES_RETRY = "aftersale.retry"


@dataclass
class CasePull:
    fetched: int = 0
    failed_ids: list[str] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    new: list[str] = field(default_factory=list)
    orders: set[str] = field(default_factory=set)  # orders of new or changed cases
    skipped: int = 0  # listed in the overlap, read after the last run's watermark: not read


async def pull_cases(ctx: SyncContext, span: OverlapSpan, report: SyncReport,
                     retry_ids: list[str]) -> CasePull:
    result = CasePull()

    async def fetch(case_id: str) -> AfterSaleCase | None:
        stamp = span.stamp()
        try:
            case = await aftersale_api.get_case(ctx.api, case_id)
        except MalformedResponse as exc:
            result.failed_ids.append(case_id)
            report.note(f"售后单 {case_id} 的数据无法解析，已跳过，下次同步重试（{exc.errmsg}）")
            return None
        except NotFound:
            return None
        except Rejected as exc:  # a refusal of this one read (an errcode we do not know)
            result.failed_ids.append(case_id)
            report.note(f"售后单 {case_id} 暂时无法读取，已跳过，下次同步重试（{exc}）")
            return None
        span.read(case_id, case.update_time, stamp)
        result.fetched += 1
        return case

    def save(batch: list[AfterSaleCase]) -> Callable[[sqlite3.Connection], CaseUpsert]:
        fetched_at = ctx.clock()
        return lambda conn: CaseRepo(conn).upsert_many(batch, fetched_at)

    def absorb(saved: CaseUpsert) -> None:
        result.touched.update(saved.touched)
        result.new += saved.new
        result.orders |= saved.orders

    await Pipeline(ctx, fetch=fetch, save=save, absorb=absorb).run(
        retry_ids, span.ids(lambda start, end, on_page: aftersale_api.iter_case_ids(
            ctx.api, start, end, on_page=on_page)))
    result.skipped = span.skipped
    return result


async def pull_aftersale(ctx: SyncContext, report: SyncReport, order_pull: OrderPull, *,
                         full: bool, days: int, overlap: int) -> CasePull:
    """Cases, SKU-change requests, then the orders they touch (see the module docstring)."""
    now = ctx.clock()

    def read_marks(conn: sqlite3.Connection
                   ) -> tuple[int | None, list[str], set[str], Seen | None]:
        w = Watermarks(conn)
        synced = w.get(CASES_SYNCED_TO)
        return (int(synced) if synced and synced.isdigit() else None,
                marks.parse_ids(w.get(CASES_RETRY)), RequestRepo(conn).pending_order_ids(),
                parse_seen(w.get(CASES_SEEN)))

    synced_to, retry, pending, seen = await ctx.write(read_marks)
    floor = now - days * 86400
    start = floor if full or synced_to is None else max(floor, synced_to - overlap)
    span = OverlapSpan(clock=ctx.clock, start=start, now=now, overlap=overlap,
                       synced_to=synced_to, previous=None if full else seen, what="cases")
    cases = await pull_cases(ctx, span, report, retry)
    failed = sorted(set(cases.failed_ids))

    def write_marks(conn: sqlite3.Connection) -> None:
        w = Watermarks(conn)
        w.set(CASES_SYNCED_TO, str(span.watermark()))
        w.set(CASES_SEEN, dump_seen(span.seen()))
        w.set(CASES_RETRY, marks.dump_ids(failed))

    await ctx.write(write_marks, durable=True)
    changed: set[str] = set()
    new_requests: list[str] = []
    try:
        waiting = await aftersale_api.list_sku_change_orders(ctx.api)
    except Rejected as exc:  # e.g. no permission for it: the cases above are kept
        report.note(f"发货前换款申请未同步：{exc.message}")
    else:
        changed, new_requests = await ctx.write(
            lambda conn: RequestRepo(conn).sync_sku_waiting(waiting, now))
    reread = (cases.orders | changed | pending) - order_pull.touched
    if reread:
        again = await pull_orders(ctx, None, report, retry_ids=sorted(reread))
        if again.failed_ids:  # unreadable or refused: the next run's order pull asks again
            lost = sorted(set(again.failed_ids))
            await ctx.write(lambda conn: Watermarks(conn).add_ids(ORDERS_RETRY, lost),
                            durable=True)
        changed |= again.requests_changed
        new_requests += again.new_requests
    changes = report.changes
    changes.cases |= cases.touched
    changes.orders |= cases.orders
    changes.requests |= changed | order_pull.requests_changed
    if synced_to is not None:  # the first run finds everything "new": no notice for those
        changes.new_cases += [c for c in cases.new if c not in changes.new_cases]
        changes.new_requests += [r for r in new_requests + order_pull.new_requests
                                 if r not in changes.new_requests]
    return cases
