"""The shipping run (发货) for the screen and the CLI: ``candidates`` with the guard's verdict,
``check_target``/``check_component`` before any number is taken, ``create_waybills`` (取号
through the outbox), ``print_labels`` / ``print_with_component``, and only after a confirmed
print ``labels_printed`` (report + ship in one transaction, then a push); ``reprint``,
``cancel_waybill``, ``ship_self``, pick lists and slips. Held orders get no waybill, print or
reprint. The steps and why: docs/architecture.md, "Shipping and the guard".
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import labels
from ..api import delivery as delivery_api
from ..api import ewaybill as ewaybill_api
from ..api import shop as shop_api
from ..api.client import ApiClient
from ..api.errors import ApiError
from ..api.schemas import Carrier
from ..domain.changes import ChangeSet
from ..domain.guard import SHIP_OK, Verdict
from ..domain.order import SHIPPABLE_STATUSES, Order, OrderStatus
from ..domain.timeutil import now
from ..domain.waybill import CarrierAccount, Waybill, WaybillStatus
from ..labels.custom_area import CustomArea
from ..labels.printcomp import PrintComponentClient, PrintComponentError, tasks_for_waybills
from ..ops import orders as order_ops
from ..ops import shipping as shipping_ops
from ..store import Store, held, outbox
from ..store.orders import OrderRepo
from ..store.waybills import REQUESTED, WaybillRepo
from ..sync import SyncEngine
from . import shipping_checks as checks
from . import shipping_component as component

# unaccepted gifts (shown, with why they cannot ship yet) and every order waiting to ship
SHOWN_STATUSES = (int(OrderStatus.GIFT_AWAITING_ACCEPTANCE), *sorted(SHIPPABLE_STATUSES))
DONE_STATUSES = (int(OrderStatus.SHIPPED), int(OrderStatus.COMPLETED))
DEFAULT_SHOP_NAME = "微信小店"
ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class Candidate:
    """An order on the shipping screen, with where it is in the run."""

    order: Order
    reason: str  # why it cannot ship now ("" = it can)
    waybill: Waybill | None  # the active waybill (requested, created or printed)
    waybill_error: str = ""  # why the last 取号 failed
    verdict: Verdict = SHIP_OK  # the shipping guard's answer (code, reason, way out)

    @property
    def can_ship(self) -> bool:
        return not self.reason

    @property
    def held(self) -> bool:
        """Held by an after-sale case or a buyer's request (it may ship later)."""
        return self.verdict.held

    @property
    def order_id(self) -> str:
        return self.order.order_id

    @property
    def stage(self) -> str:
        """Where it is, in the seller's words."""
        if self.reason:
            return self.reason
        if self.waybill_error:
            return self.waybill_error
        w = self.waybill
        if w is None:
            return "待取号"
        if w.status == REQUESTED:
            return "取号中"
        if w.print_count == 0:
            return "待打印"
        return "已打印"


@dataclass
class WaybillBatch:
    created: dict[str, Waybill] = field(default_factory=dict)  # order id → waybill
    failed: dict[str, str] = field(default_factory=dict)  # order id → why (carrier message)
    refused: dict[str, str] = field(default_factory=dict)  # order id → why it cannot ship
    waiting: list[str] = field(default_factory=list)  # still queued (offline, busy)
    changes: ChangeSet = field(default_factory=ChangeSet)


@dataclass
class PrintOutcome:
    printed: list[str] = field(default_factory=list)  # ewaybill_order_ids confirmed printed
    shipped: list[str] = field(default_factory=list)  # order ids the store CONFIRMED shipped
    refused: dict[str, str] = field(default_factory=dict)  # order id → why the store refused
    unconfirmed: list[str] = field(default_factory=list)  # 'ship' queued, not confirmed yet
    skipped: dict[str, str] = field(default_factory=dict)  # order id → why not printed
    already: list[str] = field(default_factory=list)  # skipped as printed or shipped before
    failed: dict[str, str] = field(default_factory=dict)  # order id → printer's reason
    error: str = ""  # the whole job failed or was cancelled: nothing recorded
    result: labels.PrintResult | None = None
    changes: ChangeSet = field(default_factory=ChangeSet)

    @property
    def ok(self) -> bool:
        return not self.error and not self.failed

    @property
    def all_shipped(self) -> bool:
        """Every shipment this run queued was confirmed by the store."""
        return not self.refused and not self.unconfirmed


class ShippingWorkflow:
    """See the module docstring. ``engine`` None = offline: jobs wait in the outbox."""

    def __init__(self, store: Store, engine: SyncEngine | None = None) -> None:
        self.store = store
        self.engine = engine

    @property
    def api(self) -> ApiClient | None:
        return None if self.engine is None else self.engine.api

    def _conn(self) -> sqlite3.Connection:
        return self.store.reader()

    # -- reading ------------------------------------------------------------------------------

    def candidates(self, order_ids: Sequence[str] | None = None) -> list[Candidate]:
        """The orders to ship (all 20/21 and unaccepted gifts by default), oldest first."""
        conn = self._conn()
        if order_ids is None:
            marks = ", ".join("?" * len(SHOWN_STATUSES))
            order_ids = [r[0] for r in conn.execute(
                f"SELECT order_id FROM orders WHERE status IN ({marks})"
                " ORDER BY create_time, order_id", SHOWN_STATUSES)]
        orders = OrderRepo(conn).get_many(order_ids)  # a reload reads ~1,000: no query each
        waybills = WaybillRepo(conn).for_orders(orders)
        guard = held.verdicts(conn, orders)
        found = []
        for order_id, order in orders.items():
            verdict = guard[order_id]
            active = shipping_ops.open_waybills(order, waybills.get(order_id, ()))
            waybill = active[-1] if active else None
            error = ""
            if waybill is not None and waybill.status == REQUESTED:
                rows = outbox.open_rows(conn, "waybill", waybill.ewaybill_order_id)
                error = next((r.last_error for r in rows if r.state == "failed"), "")
            found.append(Candidate(order, verdict.reason, waybill, error, verdict))
        return found

    def recently_printed(self, days: int = 7) -> list[Candidate]:
        """Orders whose label printed in the last ``days`` days, newest first (for reprints)."""
        conn = self._conn()
        rows = conn.execute(
            "SELECT order_id, ewaybill_order_id FROM waybills WHERE print_count > 0"
            " AND status != ? AND printed_at >= ? ORDER BY printed_at DESC, order_id",
            (int(WaybillStatus.CANCELLED), now() - days * 86400)).fetchall()
        orders, waybills = OrderRepo(conn), WaybillRepo(conn)
        found, seen = [], set()
        for order_id, eid in rows:
            order = orders.get(order_id)
            if order is None or order_id in seen:
                continue
            seen.add(order_id)
            found.append(Candidate(order, order.can_ship()[1] or "已打印", waybills.get(eid)))
        return found

    def confirmed_shipped(self, order_ids: Sequence[str]) -> set[str]:
        return checks.confirmed_shipped(self._conn(), order_ids)

    def shop_name(self) -> str:
        return shipping_ops.cached_shop_name(self._conn()) or DEFAULT_SHOP_NAME

    def label_items(self, waybills: Sequence[Waybill]) -> tuple[list[labels.LabelData],
                                                                dict[str, str]]:
        """LabelData for each waybill from the cache; problems by order id."""
        conn = self._conn()
        orders = OrderRepo(conn)
        shop = self.shop_name()
        items, problems = [], {}
        for w in waybills:
            order = orders.get(w.order_id)
            sender = shipping_ops.cached_sender(conn, w.acct_id)
            if order is None:
                problems[w.order_id] = "缓存中没有这个订单"
            elif not w.waybill_id:
                problems[w.order_id] = "还没有运单号"
            elif sender is None:
                problems[w.order_id] = "缓存中没有这个面单账号的寄件地址，请联网后重新取号"
            else:
                items.append(labels.LabelData(order, w, sender, shop))
        return items, problems

    def printed_waybills(self, order_ids: Sequence[str]) -> list[Waybill]:
        """Waybills of these orders that printed at least once (what a reprint prints)."""
        repo = WaybillRepo(self._conn())
        return [w for oid in order_ids for w in repo.for_order(oid)
                if w.waybill_id and w.print_count > 0
                and w.status != WaybillStatus.CANCELLED]

    # -- online look-ups ------------------------------------------------------------------------

    def _need_api(self) -> ApiClient:
        if self.api is None:
            raise ApiError(message="未登录店铺或处于离线状态，无法连接微信小店")
        return self.api

    async def accounts(self) -> list[CarrierAccount]:
        """E-waybill accounts with carrier names, sites and the remaining waybill stock."""
        api = self._need_api()
        carriers = await ewaybill_api.get_carriers(api)
        names = {c.delivery_id: c.delivery_name for c in carriers.carriers}
        found: list[CarrierAccount] = []
        while True:
            page, total = await ewaybill_api.get_accounts(api, need_balance=True,
                                                          offset=len(found), limit=20,
                                                          names=names)
            found += page
            if not page or len(found) >= total:
                return found

    async def carriers(self) -> list[Carrier]:
        """Carriers for self-arranged shipping (delivery/send accepts these codes)."""
        return await delivery_api.list_carriers(self._need_api())

    async def refresh_shop_name(self) -> str:
        info = await shop_api.get_shop_info(self._need_api())
        await shipping_ops.remember_shop_name(self.store, info.nickname)
        return info.nickname

    async def push(self) -> ChangeSet:
        """Send the outbox now (offline: nothing happens, the jobs wait)."""
        if self.engine is None:
            return ChangeSet()
        return await self.engine.push()

    # -- the print target, checked before anything is taken -----------------------------------

    @staticmethod
    async def check_target(target: str | Path) -> str:
        """Why labels cannot go to ``target`` (a PDF path or a printer) now; "" = they can.
        Ask it before ``create_waybills``: a number taken for a label that cannot print is
        used up on the server. The spooler is asked on a thread (it may be slow)."""
        try:
            labels.check_target(target)
            if not labels.is_pdf_target(target):
                await asyncio.to_thread(labels.check_accepting, str(target))
        except labels.PrintError as exc:
            return str(exc)
        return ""

    @staticmethod
    async def check_component(printer: str, client: PrintComponentClient) -> str:
        """Why the WeChat print component cannot print on ``printer`` now; "" = it can."""
        try:
            known = {p.name: p for p in await client.get_printer_list()}
        except (PrintComponentError, ValueError) as exc:
            return str(exc)
        chosen = known.get(printer)
        if chosen is None:
            return f"打印组件中没有打印机“{printer}”"
        if chosen.status != "ready":
            return f"打印机“{chosen.display_name}”未就绪（{chosen.status}）"
        return ""

    # -- steps ----------------------------------------------------------------------------------

    async def create_waybills(self, order_ids: Sequence[str], account: CarrierAccount,
                              template_id: str = ewaybill_api.STANDARD_TEMPLATE) -> WaybillBatch:
        """Take a waybill number for each order without one, then push."""
        batch = WaybillBatch()
        new: list[str] = []
        for c in self.candidates(order_ids):
            if not c.can_ship:
                batch.refused[c.order_id] = c.reason
            elif c.waybill is None:
                new.append(c.order_id)
            elif c.waybill.status == REQUESTED and c.waybill_error:
                # the carrier refused it, nothing was taken: ask again
                batch.changes.merge(await shipping_ops.cancel_waybill(
                    self.store, c.waybill.ewaybill_order_id))
                new.append(c.order_id)
        if new:
            batch.changes.merge(await shipping_ops.create_waybill_jobs(
                self.store, new, account, template_id))
        batch.changes.merge(await self.push())
        for c in self.candidates([o for o in order_ids if o not in batch.refused]):
            if c.waybill_error:
                batch.failed[c.order_id] = c.waybill_error
            elif c.waybill is not None and c.waybill.waybill_id:
                batch.created[c.order_id] = c.waybill
            else:
                batch.waiting.append(c.order_id)
        return batch

    def to_print(self, order_ids: Sequence[str], outcome: PrintOutcome) -> list[Waybill]:
        ready = []
        found = self.candidates(order_ids)
        known = {c.order_id for c in found}
        outcome.skipped.update({o: "缓存中没有这个订单" for o in order_ids if o not in known})
        for c in found:
            if c.order.status in DONE_STATUSES:
                outcome.already.append(c.order_id)
            if not c.can_ship:
                outcome.skipped[c.order_id] = c.reason
            elif c.waybill is None or not c.waybill.waybill_id:
                outcome.skipped[c.order_id] = c.waybill_error or "还没有运单号，请先取号"
            elif c.waybill.print_count > 0:
                outcome.skipped[c.order_id] = "面单已打印，如需再打请用补打"
                outcome.already.append(c.order_id)
            else:
                ready.append(c.waybill)
        return ready

    async def print_labels(self, order_ids: Sequence[str], spec: labels.PageSpec,
                           target: str | Path, progress: ProgressFn | None = None,
                           cancel: CancelFn | None = None) -> PrintOutcome:
        """Print the first labels of these orders as one job, then report and ship them."""
        outcome = PrintOutcome()
        items, problems = self.label_items(self.to_print(order_ids, outcome))
        outcome.skipped.update(problems)
        if not items:
            outcome.error = "没有可打印的面单"
            return outcome
        return await self._print(items, spec, target, progress, cancel, outcome,
                                 reprint=False, reason="")

    async def reprint(self, order_ids: Sequence[str], spec: labels.PageSpec, target: str | Path,
                      reason: str, progress: ProgressFn | None = None,
                      cancel: CancelFn | None = None) -> PrintOutcome:
        """Print these orders' labels again from the cache (works offline)."""
        outcome = PrintOutcome()
        waybills = self.not_held(self.printed_waybills(order_ids), outcome)
        for oid in order_ids:
            if oid not in outcome.skipped and not any(w.order_id == oid for w in waybills):
                outcome.skipped[oid] = "面单还没有打印过，不能补打"
        items, problems = self.label_items(waybills)
        outcome.skipped.update(problems)
        if not items:
            outcome.error = "没有可补打的面单"
            return outcome
        return await self._print(items, spec, target, progress, cancel, outcome,
                                 reprint=True, reason=reason or "补打")

    def not_held(self, waybills: list[Waybill], outcome: PrintOutcome) -> list[Waybill]:
        return checks.not_held(self._conn(), waybills, outcome.skipped)

    async def _print(self, items: list[labels.LabelData], spec: labels.PageSpec,
                     target: str | Path, progress: ProgressFn | None, cancel: CancelFn | None,
                     outcome: PrintOutcome, *, reprint: bool, reason: str) -> PrintOutcome:
        try:
            result = await labels.print_labels_async(items, spec, target, progress, cancel)
        except labels.PrintError as exc:
            outcome.error = str(exc)
            return outcome
        outcome.result = result
        if not result.ok:
            outcome.error = result.error or "打印未完成"
            return outcome
        eids = [item.waybill.ewaybill_order_id for item in labels.pick_order(items)]
        await self.record_printed(eids, outcome, reprint=reprint, reason=reason)
        return outcome

    async def record_printed(self, eids: list[str], outcome: PrintOutcome, *, reprint: bool,
                      reason: str) -> None:
        conn = self._conn()
        last_row = conn.execute("SELECT coalesce(max(id), 0) FROM outbox").fetchone()[0]
        outcome.changes.merge(await shipping_ops.labels_printed(self.store, eids,
                                                                reprint=reprint, reason=reason))
        outcome.printed = eids
        outcome.changes.merge(await self.push())
        checks.settle_shipments(self._conn(), last_row, outcome)

    async def print_with_component(self, order_ids: Sequence[str], printer: str,
                                   client: PrintComponentClient, *,
                                   reprint: bool = False, reason: str = "",
                                   size_mm: tuple[float, float] | None = None,
                                   custom_area: CustomArea | None = None) -> PrintOutcome:
        """Print through the WeChat print component (the API's print_info per waybill), on
        labels of ``size_mm`` (sent unless 76×130), with the seller's custom area filled per
        order (``labels.custom_area``: order id and items, never the buyer's data)."""
        outcome = PrintOutcome()
        waybills = (self.not_held(self.printed_waybills(order_ids), outcome) if reprint
                    else self.to_print(order_ids, outcome))
        if not waybills:
            outcome.error = "没有可打印的面单"
            return outcome
        problem = await self.check_component(printer, client)
        if problem:
            outcome.error = problem
            return outcome
        try:
            with_info = [await self._with_print_info(w) for w in waybills]
            ordered = self._pick_ordered(with_info)
            tasks = tasks_for_waybills(ordered, component.custom_infos(
                self._conn(), custom_area, self.shop_name()))
            results = await client.print(printer, tasks, size_mm=size_mm)
        except (PrintComponentError, ApiError, ValueError) as exc:
            outcome.error = str(exc)
            return outcome
        done = []
        for w, r in zip(ordered, results, strict=True):
            if r.success:
                done.append(w.ewaybill_order_id)
            else:
                outcome.failed[w.order_id] = r.failure_reason
        if done:
            await self.record_printed(done, outcome, reprint=reprint, reason=reason or
                               ("补打" if reprint else ""))
        return outcome

    async def _with_print_info(self, waybill: Waybill) -> Waybill:
        """The waybill with its ``print_info`` fetched for this job only: it carries the
        recipient's real name, phone and address, so it is never stored (``store.scrub``)."""
        info = await ewaybill_api.get_print_info(self._need_api(), waybill.ewaybill_order_id)
        return replace(waybill, print_info=info)

    def _pick_ordered(self, waybills: list[Waybill]) -> list[Waybill]:
        orders = OrderRepo(self._conn())
        keyed = []
        for w in waybills:
            order = orders.get(w.order_id)
            key = labels.pick_sort_key(order) if order is not None else ((), w.order_id)
            keyed.append(((*key, w.waybill_id), w))
        return [w for _, w in sorted(keyed, key=lambda kw: kw[0])]

    async def cancel_waybill(self, ewaybill_order_id: str) -> ChangeSet:
        changes = await shipping_ops.cancel_waybill(self.store, ewaybill_order_id)
        return changes.merge(await self.push())

    async def ship_self(self, order_id: str, delivery_id: str, waybill_id: str,
                        delivery_name: str = "") -> ChangeSet:
        """Self-arranged shipping: the seller's own carrier and number, no e-waybill."""
        changes = await order_ops.mark_shipped(self.store, order_id, delivery_id, waybill_id,
                                               delivery_name=delivery_name)
        return changes.merge(await self.push())

    # -- sheets ---------------------------------------------------------------------------------

    def orders(self, order_ids: Sequence[str]) -> list[Order]:
        repo = OrderRepo(self._conn())
        return [o for o in (repo.get(i) for i in dict.fromkeys(order_ids)) if o is not None]

    async def print_pick_list(self, order_ids: Sequence[str], target: str | Path,
                              progress: ProgressFn | None = None,
                              cancel: CancelFn | None = None) -> labels.PrintResult:
        return await labels.print_pick_list_async(
            self.orders(order_ids), self.shop_name(), target, printed_at=now(),
            progress=progress, cancel=cancel)

    async def print_slips(self, order_ids: Sequence[str], target: str | Path,
                          progress: ProgressFn | None = None,
                          cancel: CancelFn | None = None) -> labels.PrintResult:
        waybills = component.slip_waybills(self._conn(), order_ids)
        return await labels.print_packing_slips_async(
            self.orders(order_ids), self.shop_name(), target, printed_at=now(),
            waybills=waybills, progress=progress, cancel=cancel)
