"""发货: the shipping run on one screen: pick orders, take waybill numbers, preview, print, ship.

``ShippingScreen(actions, workflow=None, settings=None, component=(host, port))``: ``workflow``
is a ``ShippingWorkflow`` (None: offline, printing from the cache only); ``settings`` keeps the
label printer, size and print path. Keeps the window's contract: ``open_to_ship``, ``reload()``,
``on_changes(changes)``. Slots stay synchronous (dialogs in the slot, work through the
TaskRunner; ``current_task`` is the last task). Selection, accounts and the actions on existing
waybills live in ``shipping_selection``, ``shipping_accounts``, ``shipping_orders``;
打印设置 in ``shipping_print_settings``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...api.errors import ApiError
from ...api.schemas import Carrier
from ...domain.changes import ChangeSet
from ...domain.validation import ValidationFailed
from ...domain.waybill import CarrierAccount
from ...labels import (
    LABEL_SPECS,
    PageSpec,
    parse_spec,
)
from ...labels.printcomp import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    PrintComponentClient,
    PrintComponentError,
)
from ...store import ui_queries as q
from ...workflows.shipping import PrintOutcome, ShippingWorkflow
from .. import labels
from ..actions import Actions
from ..files import FileWritten
from ..messages import error as error_text
from ..messages import message
from ..models.shipping import ShippingModel, ShippingPrefs
from ..settings import Settings
from ..widgets.plain_text import PlainLabel
from ..widgets.tables import read_only_rows
from .label_path import LabelPath
from .shipping_accounts import WaybillAccounts
from .shipping_orders import ShippingOrderActions
from .shipping_preview import LabelPreview
from .shipping_print_settings import ShippingPrintSettings
from .shipping_selection import ShippingSelection
from .shipping_sheets import ShippingSheets
from .shipping_target import PrintTarget, PrintTargetPicker


def _summary(outcome: PrintOutcome, reprint: bool) -> str:
    if outcome.error:
        text = QCoreApplication.translate(
            "ShippingScreen", "打印失败：%1。没有订单被标记发货，可以重新打印。").replace(
            "%1", message(outcome.error))
    elif reprint:
        text = ShippingScreen.tr("已补打 %n 张面单（已记录补打原因）。", "", len(outcome.printed))
    else:
        text = (ShippingScreen.tr("已打印 %n 张面单，", "", len(outcome.printed))
                + ShippingScreen.tr("%n 个订单已发货。", "", len(outcome.shipped)))
    problem = QCoreApplication.translate("ShippingScreen", "%1：%2")
    problems = [problem.replace("%1", oid).replace("%2", message(why))
                for oid, why in {**outcome.skipped, **outcome.failed, **outcome.refused}.items()
                if oid not in outcome.already]
    if outcome.unconfirmed:  # queued shipments are not counted shipped until the store says so
        problems.insert(0, ShippingScreen.tr("%n 个订单待微信小店确认发货（同步后确认）", "",
                                              len(outcome.unconfirmed)))
    if problems:
        text += "\n" + "\n".join(problems[:8]) + ("\n…" if len(problems) > 8 else "")
    notes = [message(m) for m in outcome.changes.messages]
    return text + ("\n" + "\n".join(notes) if notes else "")


# The label sizes as the seller knows them (labels/specs.py names them for the printer).
SIZE_NAMES = {
    "76x130": QT_TRANSLATE_NOOP("ShippingScreen", "76×130 一联单（快递标准）"),
    "100x150": QT_TRANSLATE_NOOP("ShippingScreen", "100×150 热敏标签"),
    "100x180": QT_TRANSLATE_NOOP("ShippingScreen", "100×180 热敏标签"),
}

class ShippingScreen(ShippingOrderActions, ShippingSheets, ShippingPrintSettings, QWidget):
    # A reload reads every order to ship (~1,000 in a big shop): while another screen is shown,
    # the main window marks this one stale instead and reloads it when it is shown.
    REFRESH_WHEN_SHOWN = True
    open_to_ship = Signal()

    def __init__(self, actions: Actions, workflow: ShippingWorkflow | None = None,
                 settings: Settings | None = None,
                 component: tuple[str, int] = (DEFAULT_HOST, DEFAULT_PORT),
                 parent: QWidget | None = None, real_shop: bool = False) -> None:
        super().__init__(parent)
        self.real_shop, self.probing = real_shop, None  # label_path.py: the component's probe
        self.actions = actions
        self.workflow = workflow or ShippingWorkflow(actions.store, None)
        self.prefs = ShippingPrefs(settings)
        self.default_component = component  # the window's; 打印设置 may save another
        self.waybill_accounts = WaybillAccounts(self.workflow, self.prefs)
        self._published: ChangeSet | None = None
        self.current_task: asyncio.Task | None = None
        self._stop = False
        self._fitted = False
        self._build()
        self._restore_prefs()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.account = self.waybill_accounts.combo
        self.refresh_accounts_button = QPushButton(self.tr("刷新账号"))
        self.refresh_accounts_button.clicked.connect(self.refresh_accounts)
        self.size = QComboBox()
        for spec in LABEL_SPECS:
            self.size.addItem(self.tr(SIZE_NAMES.get(spec.name, spec.title)), spec.name)
        self.size.currentIndexChanged.connect(self._update_preview)
        self.picker = PrintTargetPicker(self.prefs)
        self.print_settings_button = QPushButton(self.tr("打印设置…"))
        self.print_settings_button.clicked.connect(self.open_print_settings)
        self.label_path = LabelPath(self.picker, self.prefs, self.real_shop, self.component)
        top = QHBoxLayout()
        for label, widget in ((self.tr("面单账号"), self.account), (None, self.refresh_accounts_button),
                              (None, self.waybill_accounts.sender_button),
                              (None, self.print_settings_button),
                              (self.tr("尺寸"), self.size), (self.tr("打印到"), self.picker)):
            if label:
                top.addWidget(PlainLabel(label))
            top.addWidget(widget)
        top.addStretch(1)

        self.model = ShippingModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._update_preview)
        self.preview = LabelPreview()
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.summary = PlainLabel()
        self.view = QComboBox()
        self.view.addItem(self.tr("待发货"), "pending")
        self.view.addItem(self.tr("最近 7 天已打印（补打、取消）"), "printed")
        self.view.currentIndexChanged.connect(self.reload)
        self.select_all = QPushButton(self.tr("全选可发货"))
        self.select_all.clicked.connect(lambda: self.model.check_all(True))
        self.take = QPushButton(self.tr("取号"))
        self.take.clicked.connect(self.take_numbers)
        self.print_button = QPushButton(self.tr("打印面单并发货"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_checked)
        self.print_dialog_button = QPushButton(self.tr("选择打印机打印…"))
        self.print_dialog_button.clicked.connect(self.print_with_dialog)
        self.reprint_button = QPushButton(self.tr("补打"))
        self.reprint_button.clicked.connect(self.reprint_current)
        self.cancel_button = QPushButton(self.tr("取消面单"))
        self.cancel_button.clicked.connect(self.cancel_current)
        self.self_ship_button = QPushButton(self.tr("自己联系物流…"))
        self.self_ship_button.clicked.connect(self.self_ship_current)
        self.pick_button = QPushButton(self.tr("拣货单…"))
        self.pick_button.clicked.connect(lambda: self._sheet(pick=True))
        self.slips_button = QPushButton(self.tr("发货单…"))
        self.slips_button.clicked.connect(lambda: self._sheet(pick=False))
        self.busy_buttons = (self.refresh_accounts_button, self.take, self.print_button,
                             self.print_dialog_button, self.reprint_button, self.cancel_button,
                             self.self_ship_button, self.pick_button, self.slips_button)
        row = QHBoxLayout()
        for button in (self.select_all, self.take, self.print_button, self.print_dialog_button,
                       self.reprint_button, self.cancel_button, self.self_ship_button,
                       self.pick_button, self.slips_button):
            row.addWidget(button)
        row.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.stop_button = QPushButton(self.tr("停止"))
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self._request_stop)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.selection = ShippingSelection(self.model, self.table, self.status, self)
        row.insertWidget(0, self.selection.label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.stop_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.label_path)
        header = QHBoxLayout()
        header.addWidget(self.view)
        header.addWidget(self.summary, 1)
        layout.addLayout(header)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self.file_written = FileWritten()
        layout.addWidget(self.file_written)

    def _restore_prefs(self) -> None:
        index = self.size.findData(self.prefs.size)
        self.size.setCurrentIndex(max(index, 0))

    # -- data ---------------------------------------------------------------------------------

    def spec(self) -> PageSpec:
        return parse_spec(str(self.size.currentData()))

    def reload(self) -> None:
        current = self._current()
        if self.view.currentData() == "printed":
            self.model.set_rows(self.workflow.recently_printed())
            self.summary.setText(self.tr("%n 个订单的面单最近打印过，可补打", "",
                                         len(self.model.rows)))
        else:
            rows = self.workflow.candidates()
            self.model.set_rows(sorted(rows, key=lambda c: not c.can_ship))
            self.summary.setText(self._pending_summary(rows))
        self._fit_columns()
        if current is None or not self.select_order(current.order_id):
            self.preview.clear(self.tr("选择一个已取号的订单，这里按实际尺寸预览面单"))

    def _pending_summary(self, rows: list[Any]) -> str:
        """The counts by the 订单 tabs' own sets (待发货, 部分发货, 礼物待收下), so the two
        screens agree, and what this screen adds to 待发货 is named."""
        def count(tab: q.OrderTab, can_ship: bool | None = None) -> int:
            return sum(1 for c in rows if q.tab_shows(tab, c.order.status)
                       and (can_ship is None or c.can_ship == can_ship))

        to_ship, partial = count(q.OrderTab.TO_SHIP), count(q.OrderTab.PARTIAL)
        blocked = count(q.OrderTab.TO_SHIP, False) + count(q.OrderTab.PARTIAL, False)
        gifts = count(q.OrderTab.GIFT_PENDING)
        total = to_ship + partial
        text = self.tr("%n 个订单待发货", "", total)
        if partial:
            text = self.tr("%n 个订单待发货（含 %1 个部分发货）", "", total).replace(
                "%1", str(partial))
        if blocked:
            text += self.tr("，其中 %n 个暂不能发货（原因见列表）", "", blocked)
        if gifts:
            text += self.tr("，%n 个礼物待收下（不能发货）", "", gifts)
        return text

    def _fit_columns(self) -> None:
        """Fit the columns to their contents once (a sample of rows: measuring thousands of
        rows froze the window for a second), then keep the widths the seller sees or sets."""
        if self._fitted or not self.model.rows:
            return
        self._fitted = True
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(100)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            header.resizeSection(col, min(header.sectionSize(col), 200))

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.orders or changes.waybills:
            self.reload()
        idle = self.current_task is None or self.current_task.done()
        if changes.waybills and idle and self.accounts and changes is not self._published:
            # waybill jobs pushed by a sync (queued while offline): their numbers came off the
            # account's stock too (this screen's own work re-reads it in its task)
            self.current_task = self.actions.tasks.spawn(self.waybill_accounts.balances_after(changes))

    def select_order(self, order_id: str) -> bool:
        row = self.model.row_of(order_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def _current(self) -> Any:
        return self.selection.current()

    def _update_preview(self, *_: object) -> None:
        self.prefs.size = str(self.size.currentData())
        c = self._current()
        if c is None:
            return
        if c.waybill is None or not c.waybill.waybill_id:
            self.preview.clear(labels.shipping(c.reason) or self.tr("%1：取号后可预览面单")
                               .replace("%1", labels.shipping(c.stage)))
            return
        items, problems = self.workflow.label_items([c.waybill])
        if items:
            self.preview.show_label(items[0], self.spec())
        else:
            self.preview.clear(next(iter(problems.values()), ""))

    # -- running work -------------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task:
        self.file_written.hide()
        for button in self.busy_buttons:
            button.setEnabled(False)

        async def guarded() -> None:
            try:
                await coro
            except (ApiError, ValidationFailed, PrintComponentError) as exc:
                self.status.setText(error_text(exc))
            finally:
                for button in self.busy_buttons:
                    button.setEnabled(True)
                self.progress.setVisible(False)
                self.stop_button.setVisible(False)

        self.current_task = self.actions.tasks.spawn(guarded())
        return self.current_task

    def _publish(self, changes: ChangeSet) -> None:
        self._published = changes  # its own work re-reads the balances itself
        self.actions.events.publish(changes)
        self.reload()

    def _checked(self) -> list[str]:
        """The orders an action acts on (see shipping_selection: ticked, else highlighted)."""
        return self.selection.order_ids()

    @property
    def accounts(self) -> list[CarrierAccount]:
        return self.waybill_accounts.accounts

    @property
    def carriers(self) -> list[Carrier]:
        return self.waybill_accounts.carriers

    def load_accounts_once(self) -> asyncio.Task | None:
        """The first time the screen is shown online, its waybill accounts load by themselves
        (刷新账号 loads them again). The print component is asked once too."""
        if self.probing is None:
            self.probing = asyncio.ensure_future(self.label_path.probe())
        if self.accounts or self.waybill_accounts.asked or self.workflow.api is None:
            return None
        self.waybill_accounts.asked = True
        return self.refresh_accounts()

    def refresh_accounts(self) -> asyncio.Task | None:
        if self.workflow.api is None:
            self.waybill_accounts.show_offline()
            return None
        return self._run(self.waybill_accounts.load())

    def chosen_account(self) -> CarrierAccount | None:
        return self.waybill_accounts.chosen()

    def take_numbers(self) -> None:
        ids = self._checked()
        account = self.chosen_account()
        if ids and account is None:
            self.status.setText(self.tr("请先选择电子面单账号（联网后点“刷新账号”）"))
        elif ids and account is not None:
            self._run(self._take(ids, account))

    async def _take(self, ids: list[str], account: CarrierAccount) -> None:
        self.status.setText(self.tr("正在取号…"))
        batch = await self.workflow.create_waybills(ids, account)
        self._publish(batch.changes)
        await self.waybill_accounts.balances_after(batch.changes)
        text = self.tr("取号成功 %n 单", "", len(batch.created))
        problems = {**batch.failed, **batch.refused}
        if problems:
            text += self.tr("，%n 单失败：", "", len(problems)) + "\n" + "\n".join(
                self.tr("%1：%2").replace("%1", oid).replace("%2", message(why))
                for oid, why in problems.items())
        if batch.waiting:
            text += "\n" + self.tr("%n 单仍在排队（网络恢复后自动取号）", "", len(batch.waiting))
        self.status.setText(text)

    def print_checked(self) -> None:
        """Print the checked orders on the chosen target (no dialog), taking numbers first."""
        ids = self._checked()
        if not ids:
            return
        target = self.picker.resolve()
        if target is None:
            self.status.setText(self.picker.problem)
            return
        self._run(self._print(ids, target))

    def print_with_dialog(self) -> None:
        ids = self._checked()
        if not ids:
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            target = printer.outputFileName() or self.picker.pdf()
        else:
            target = printer.printerName()
            self.prefs.printer = target
        if target:
            self._run(self._print(ids, PrintTarget(os_target=target)))

    async def _print(self, ids: list[str], target: PrintTarget,
                     reprint_reason: str | None = None) -> None:
        if reprint_reason is None:
            lacking = [c.order_id for c in self.workflow.candidates(ids)
                       if c.can_ship and (c.waybill is None or c.waybill_error)]
            account = self.chosen_account()
            if lacking and account is not None:
                if not await self._target_ready(target):
                    return  # no number is taken for a label that cannot print
                await self._take(lacking, account)
        self._stop = False
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(target.component_printer is None or self.draws_own_labels())
        self.status.setText(self.tr("正在打印…"))

        def progress(done: int, total: int) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        if target.component_printer is not None:  # shipping_print_settings: which payload
            outcome = await self.print_through_component(ids, target.component_printer,
                                                         reprint_reason, progress)
        elif reprint_reason is not None:
            outcome = await self.workflow.reprint(ids, self.spec(), target.os_target or "",
                                                  reprint_reason, progress, lambda: self._stop)
        else:
            outcome = await self.workflow.print_labels(ids, self.spec(), target.os_target or "",
                                                       progress, lambda: self._stop)
        self._publish(outcome.changes)
        self.status.setText(_summary(outcome, reprint_reason is not None))
        if outcome.printed and (target.os_target or "").lower().endswith(".pdf"):
            self.file_written.show_file(target.os_target or "")

    async def _target_ready(self, target: PrintTarget) -> bool:
        """Check the print target before taking numbers; say why it cannot print."""
        if target.component_printer is not None:
            host, port = self.component
            try:
                async with PrintComponentClient(host, port) as client:
                    problem = await self.workflow.check_component(target.component_printer,
                                                                  client)
            except PrintComponentError as exc:  # not running / not installed
                problem = str(exc)
        else:
            problem = await self.workflow.check_target(target.os_target or "")
        if problem:
            self.status.setText(message(problem) + "\n" + self.tr("没有取号，也没有订单被标记发货"))
        return not problem

    def _request_stop(self) -> None:
        self._stop = True

    def select_rows(self, order_ids: list[str]) -> None:
        self.model.set_checked(order_ids, True)

    def index_of(self, order_id: str) -> QModelIndex:
        return self.model.index(self.model.row_of(order_id), 0)
