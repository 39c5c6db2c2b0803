"""The shipping run's print-component side beyond the API's print_info: the seller's custom
area per order (``customInfo``, from ``labels.custom_area``), and our own documents as
printType 2 pages with their paper ``size`` when the seller prints everything through the
component: A4 pick lists and packing slips, and the labels we draw ourselves (a demo or
sandbox shop, which has no carrier template). A page goes per request: the seller sees
progress and can stop between pages, and one page stays far below the component's message
limits. Labels count as printed only up to the last page the component confirmed.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Sequence
from typing import Any

from .. import labels
from ..domain.timeutil import now
from ..domain.waybill import Waybill, WaybillStatus
from ..labels.component_pages import page_task_async
from ..labels.custom_area import CustomArea, custom_info, problem
from ..labels.printcomp import (
    PRINT_HTML,
    CustomInfoFn,
    PrintComponentClient,
    PrintComponentError,
)
from ..store.orders import OrderRepo
from ..store.waybills import WaybillRepo

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def custom_infos(conn: sqlite3.Connection, area: CustomArea | None,
                 shop_name: str) -> CustomInfoFn | None:
    """Each waybill's ``customInfo`` (its order's id and items), or None when the seller set no
    custom area. Raises ValueError (in Chinese) before anything prints if the settings are bad."""
    if area is None or not area.configured:
        return None
    why = problem(area)
    if why:
        raise ValueError(why)
    orders = OrderRepo(conn)

    def info(waybill: Waybill) -> dict[str, Any] | None:
        order = orders.get(waybill.order_id)
        return None if order is None else custom_info(area, order, shop_name)

    return info


def slip_waybills(conn: sqlite3.Connection, order_ids: Sequence[str]) -> dict[str, Waybill]:
    """Each order's latest numbered, not cancelled waybill (what its packing slip names)."""
    repo = WaybillRepo(conn)
    found = {}
    for oid in order_ids:
        numbered = [w for w in repo.for_order(oid)
                    if w.waybill_id and w.status != WaybillStatus.CANCELLED]
        if numbered:
            found[oid] = numbered[-1]
    return found


async def print_pages(client: PrintComponentClient, printer: str, pages: Sequence[labels.Page],
                      name: str, progress: ProgressFn | None = None,
                      cancel: CancelFn | None = None) -> labels.PrintResult:
    """``pages`` through the component as printType 2, a page per request, stopping at the
    first page the component refuses (its reason is the result's error)."""
    target = f"打印组件：{printer}"
    total, stamp = len(pages), int(time.time() * 1000)
    for number, page in enumerate(pages, 1):
        if cancel is not None and cancel():
            return labels.PrintResult(target, total, number - 1, cancelled=True)
        try:
            task = await page_task_async(page, number, total, name, stamp)  # off the UI thread
            result = (await client.print(printer, [task], print_type=PRINT_HTML,
                                         size_mm=(page.spec.width_mm, page.spec.height_mm)))[0]
            reason = "" if result.success else result.failure_reason
        except (PrintComponentError, ValueError) as exc:  # the pages before it did print
            reason = str(exc)
        if reason:
            return labels.PrintResult(target, total, number - 1, error=(
                f"打印组件打印第 {number} 页失败：{reason}"))
        if progress is not None:
            progress(number, total)
        await asyncio.sleep(0)  # the window stays live between pages
    return labels.PrintResult(target, total, total)


async def print_sheet(workflow: Any, order_ids: Sequence[str], pick: bool, printer: str,
                      client: PrintComponentClient, progress: ProgressFn | None = None,
                      cancel: CancelFn | None = None) -> labels.PrintResult:
    """The pick list (``pick``) or the packing slips of ``order_ids`` on the component's
    ``printer`` (an A4 one); the printer is asked first, so a missing one prints nothing."""
    why = await workflow.check_component(printer, client)
    if why:
        return labels.PrintResult(f"打印组件：{printer}", 0, 0, error=why)
    orders, shop, when = workflow.orders(order_ids), workflow.shop_name(), now()
    try:  # laid out first: an order with no lines is said before anything prints
        pages = (labels.pick_list_pages(orders, shop, printed_at=when) if pick
                 else labels.packing_slip_pages(orders, shop, printed_at=when, waybills=(
                     slip_waybills(workflow.store.reader(), order_ids))))
    except ValueError as exc:
        return labels.PrintResult(f"打印组件：{printer}", 0, 0, error=str(exc))
    return await print_pages(client, printer, pages, "picklist" if pick else "slips",
                             progress, cancel)


async def print_own_labels(workflow: Any, order_ids: Sequence[str], spec: labels.PageSpec,
                           printer: str, client: PrintComponentClient, *,
                           reprint_reason: str | None = None,
                           progress: ProgressFn | None = None,
                           cancel: CancelFn | None = None) -> Any:
    """Our drawn labels of ``order_ids`` (first prints, or reprints with a reason) through
    the component on ``spec`` paper; then report and ship those the component printed."""
    from .shipping import PrintOutcome  # (shipping imports this module)

    outcome = PrintOutcome()
    reprint = reprint_reason is not None
    waybills = (workflow.not_held(workflow.printed_waybills(order_ids), outcome) if reprint
                else workflow.to_print(order_ids, outcome))
    items, problems = workflow.label_items(waybills)
    outcome.skipped.update(problems)
    why = "" if items else "没有可打印的面单"
    why = why or await workflow.check_component(printer, client)
    if why:
        outcome.error = why
        return outcome
    ordered = labels.pick_order(items)  # the order label_pages paints them in
    result = await print_pages(client, printer, labels.label_pages(ordered, spec), "labels",
                               progress, cancel)
    outcome.result = result
    done, rest = ordered[:result.pages_printed], ordered[result.pages_printed:]
    if result.error:
        outcome.failed[rest[0].order.order_id] = result.error
        rest = rest[1:]
    for item in rest:  # never sent: they stay ready to print
        outcome.skipped[item.order.order_id] = ("已取消打印" if result.cancelled
                                                else "前一张面单打印失败，这张没有打印")
    if not done and result.cancelled:
        outcome.error = "已取消打印"
    if done:
        await workflow.record_printed([item.waybill.ewaybill_order_id for item in done], outcome,
                                      reprint=reprint, reason=reprint_reason or "")
    return outcome
