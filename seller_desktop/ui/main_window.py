"""The main window: 商品 / 订单 / 礼物 / 售后 / 发货 tabs, the sync status bar, shortcuts, the
notices (a gift accepted, a new after-sale case or buyer request), and remembered geometry and column layouts.

It receives its services explicitly (``Services``) from the composition root (``app.py``);
nothing here knows whether the shop is the real API or the demo sandbox beyond a flag.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QMainWindow, QTableView, QTabWidget, QWidget

from ..config import Paths
from ..credentials import SecretStore
from ..domain import timeutil
from ..domain.changes import ChangeSet
from ..domain.money import format_fen
from ..store import aftersale_queries as aq
from ..store import ui_queries as q
from ..store.db import Store
from ..workflows.aftersale import AfterSaleLookups
from ..workflows.shipping import ShippingWorkflow
from . import aftersale_labels as aftersale_words
from . import messages
from .actions import Actions
from .aftersale_actions import AfterSaleActions
from .dialogs.about import AboutDialog
from .dialogs.conflicts import ConflictsDialog
from .dialogs.connect_dialog import ConnectDialog
from .dialogs.diagnostics import DiagnosticsDialog, DiagnosticsSources
from .dialogs.failed_changes import FailedChangesDialog
from .dialogs.settings_dialog import SettingsDialog
from .events import Events
from .screens.aftersale import AfterSaleScreen
from .screens.gifts import GiftsScreen
from .screens.listings import ListingsScreen
from .screens.orders import OrdersScreen
from .screens.shipping import ShippingScreen
from .settings import Settings
from .storage_text import describe
from .sync_controller import SyncController
from .tasks import TaskRunner
from .widgets.notification import Notification
from .widgets.sync_status import SyncStatus
from .widgets.thumbnails import Thumbnails


@dataclass
class Services:
    store: Store
    settings: Settings
    secrets: SecretStore = field(default_factory=SecretStore)
    engine: Any = None  # a SyncEngine, or None when no account is configured
    progress_relay: Any = None  # the engine's progress callback; its ``target`` is set here
    image_rewrite: Callable[[str], str] | None = None
    fetch_images: bool = True  # False: thumbnails only from the disk cache (tests, benchmarks)
    demo: bool = False
    clock: Callable[[], int] = timeutil.now


AFTERSALE_NOTICE = "aftersale:"  # a notice's payload that leads to the 售后 screen


class MainWindow(QMainWindow):
    reopen_requested = Signal()  # settings changed the account, demo mode or language
    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings
        # Ends with the app's display name, so the window manager's title does not repeat it.
        name = self.tr("小店桌面")
        self.setWindowTitle(self.tr("演示店铺 — %1").replace("%1", name) if services.demo else name)
        self.events = Events(self)
        self.tasks = TaskRunner()
        self.tasks.on_error = self._task_failed
        self.actions = Actions(services.store, self.events, self.tasks, services.clock)
        self.thumbnails = Thumbnails(Path(services.store.data_dir), services.image_rewrite,
                                     fetch=services.fetch_images, parent=self)
        self.sync = SyncController(services.engine, self.events, self.settings, services.clock,
                                   services.progress_relay, self)
        self.actions.on_queued = self.sync.schedule_push  # an edit made online goes out soon

        self.listings = ListingsScreen(self.actions, self.thumbnails)
        self.orders = OrdersScreen(self.actions)
        self.gifts = GiftsScreen(self.actions)
        # a real shop: the real API (HTTPS); the demo and sandboxes are plain-HTTP loopback
        real_shop = (services.engine is not None and not services.demo
                     and services.engine.api.base_url.startswith("https://"))
        self.aftersale = AfterSaleScreen(AfterSaleActions(
            self.actions, AfterSaleLookups(services.engine), lambda: self.sync.sync_now()))
        self.shipping = ShippingScreen(
            self.actions, ShippingWorkflow(services.store, services.engine), self.settings,
            real_shop=real_shop)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.listings, self.tr("商品"))
        self.tabs.addTab(self.orders, self.tr("订单"))
        self.tabs.addTab(self.gifts, self.tr("礼物"))
        self.tabs.addTab(self.aftersale, self.tr("售后"))
        self.tabs.addTab(self.shipping, self.tr("发货"))
        self.setCentralWidget(self.tabs)

        self.status = SyncStatus(self.sync, self.actions.reader, services.demo)
        self.statusBar().addPermanentWidget(self.status, 1)
        self.notification = Notification(self)
        self.conflicts_dialog: ConflictsDialog | None = None
        self.failures_dialog: FailedChangesDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.connect_dialog: ConnectDialog | None = None

        self._refreshes: deque[tuple[Callable[[ChangeSet], None], ChangeSet]] = deque()
        self._refresh_timer = QTimer(self, interval=0)
        self._refresh_timer.timeout.connect(self._refresh_next)
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._show_screen)
        self._menus()
        self._shortcuts()
        self.events.changed.connect(self.on_changes)
        self.notification.activated.connect(self._notice_clicked)
        self.gifts.open_order.connect(self.open_order)
        self.aftersale.open_order.connect(self.open_order)
        self.aftersale.waiting_changed.connect(self._aftersale_title)
        self.shipping.open_to_ship.connect(
            lambda: (self.tabs.setCurrentWidget(self.orders),
                     self.orders.set_tab(q.OrderTab.TO_SHIP)))
        self.status.show_conflicts.connect(self.show_conflicts)
        self.status.show_failures.connect(self.show_failures)
        self.resize(1200, 760)
        self.restore_layout()
        self.reload_all()

    # -- building ---------------------------------------------------------------------------

    def _menus(self) -> None:
        shop = self.menuBar().addMenu(self.tr("店铺"))
        self.sync_action = QAction(self.tr("立即同步"), self, shortcut=QKeySequence("F5"))
        self.sync_action.triggered.connect(lambda: self.sync.sync_now())
        full = QAction(self.tr("完整同步"), self)
        full.triggered.connect(lambda: self.sync.sync_now(full=True))
        conflicts = QAction(self.tr("解决冲突…"), self)
        conflicts.triggered.connect(self.show_conflicts)
        connect = QAction(self.tr("连接店铺…"), self)
        connect.triggered.connect(lambda: self.show_connect())
        failures = QAction(self.tr("失败的修改…"), self)
        failures.triggered.connect(self.show_failures)
        settings = QAction(self.tr("设置…"), self, shortcut=QKeySequence("Ctrl+,"))
        settings.triggered.connect(lambda: self.show_settings())
        quit_action = QAction(self.tr("退出"), self, shortcut=QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        for action in (self.sync_action, full, conflicts, failures):
            shop.addAction(action)
        shop.addSeparator()
        shop.addAction(connect)
        shop.addAction(settings)
        shop.addAction(quit_action)
        about = QAction(self.tr("关于小店桌面"), self)
        about.triggered.connect(lambda: self.show_about())
        diagnostics = QAction(self.tr("诊断信息…"), self)
        diagnostics.triggered.connect(lambda: self.show_diagnostics())
        help_menu = self.menuBar().addMenu(self.tr("帮助"))
        help_menu.addAction(diagnostics)
        help_menu.addAction(about)

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence("Ctrl+Tab"), self, activated=self.next_tab)
        QShortcut(QKeySequence("Ctrl+Shift+Tab"), self, activated=lambda: self.next_tab(-1))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_current)

    # -- data -------------------------------------------------------------------------------

    def reload_all(self) -> None:
        """Load the visible screen now; the others load when first shown (a screen never
        opened costs nothing at start-up or after a sync)."""
        self._stale = {self.listings, self.orders, self.gifts, self.aftersale, self.shipping}
        self._show_screen(self.tabs.currentIndex())
        self.aftersale.refresh_counts()  # the 售后 tab's count shows before it is opened
        self.status.refresh()

    def _show_screen(self, index: int) -> None:
        screen = self.tabs.widget(index)
        if screen in self._stale:
            self._stale.discard(screen)
            screen.reload()
        if screen is self.shipping:
            self.shipping.load_accounts_once()

    def on_changes(self, changes: ChangeSet) -> None:
        """Each view refreshes in its own event-loop turn, the visible one first, so a big
        sync's ChangeSet never holds the loop for the sum of all the views' refreshes."""
        current = self.tabs.currentWidget()
        screens = [current] + [s for s in (self.listings, self.orders, self.gifts,
                                           self.aftersale, self.shipping) if s is not current]
        for screen in screens:
            if screen in self._stale:
                continue
            if screen is not current and getattr(screen, "REFRESH_WHEN_SHOWN", False):
                self._stale.add(screen)  # its refresh is costly: done when it is shown
                continue
            self._refreshes.append((screen.on_changes, changes))
        if self.conflicts_dialog is not None:
            self._refreshes.append((self.conflicts_dialog.on_changes, changes))
        if self.failures_dialog is not None:
            self._refreshes.append((self.failures_dialog.on_changes, changes))
        self._refreshes.append((lambda _c: self.status.refresh(), changes))
        self._refreshes.append((self._announce, changes))
        self._refresh_timer.start()

    def _refresh_next(self) -> None:
        if self._refreshes:
            apply, changes = self._refreshes.popleft()
            apply(changes)
        if not self._refreshes:
            self._refresh_timer.stop()

    @property
    def idle(self) -> bool:
        """No view refresh is waiting (tests wait for this after a sync or an op)."""
        return not self._refreshes

    def _announce(self, changes: ChangeSet) -> None:
        if len(changes.gifts_accepted) == 1:
            self.notify_gift_accepted(changes.gifts_accepted[0])
        elif changes.gifts_accepted:
            self.notification.notify(
                self.tr("%n 个礼物已被收下，请尽快发货", "", len(changes.gifts_accepted)),
                self.tr("查看礼物"), "")
        if changes.cases or changes.requests or changes.orders:
            self.aftersale.refresh_counts()  # a few ms: the 售后 tab's count stays true
        if changes.new_cases or changes.new_requests:
            self.notify_aftersale(changes.new_cases, changes.new_requests)
        if changes.gifts_expired:
            self.statusBar().showMessage(
                self.tr("%n 个礼物未在 24 小时内被收下，已过期", "",
                        len(changes.gifts_expired)), 10_000)

    def notify_gift_accepted(self, order_id: str) -> None:
        detail = q.order_detail(self.actions.reader(), order_id)
        if detail is None:
            return
        row = detail.row
        text = self.tr("礼物已被收下：%1\n收件人 %2，请在 %3 前发货").replace(
            "%1", row.line_titles).replace("%2", row.user_name).replace(
            "%3", timeutil.format_ts(row.ship_by) if row.ship_by else self.tr("规定时间"))
        self.notification.notify(text, self.tr("查看订单"), order_id)

    def _aftersale_title(self, waiting: int) -> None:
        """The 售后 tab says how many cases and requests wait on the seller."""
        title = self.tr("售后") + (f" ({waiting})" if waiting else "")
        index = self.tabs.indexOf(self.aftersale)
        if self.tabs.tabText(index) != title:
            self.tabs.setTabText(index, title)

    def notify_aftersale(self, cases: list[str], requests: list[str]) -> None:
        """New cases or buyer requests since the last sync: one notice that leads to them."""
        reader = self.actions.reader()
        if len(cases) == 1 and not requests:
            detail = aq.case_detail(reader, cases[0])
            if detail is None:
                return
            case = detail.case
            text = self.tr("新的售后申请：%1 %2（订单 %3）").replace(
                "%1", aftersale_words.case_type(case.type)).replace(
                "%2", format_fen(case.amount)).replace("%3", case.order_id)
            if detail.deadline_at and case.actor == "seller":
                text += "\n" + self.tr("请在 %1 前处理，超时平台将自动处理").replace(
                    "%1", timeutil.format_ts(detail.deadline_at))
            self.notification.notify(text, self.tr("查看售后"), AFTERSALE_NOTICE + case.case_id)
            return
        if len(requests) == 1 and not cases:
            kind, _, order_id = requests[0].partition(":")
            text = self.tr("买家申请%1：订单 %2，处理前不能发货").replace(
                "%1", aftersale_words.request_kind(kind)).replace("%2", order_id)
            self.notification.notify(text, self.tr("查看申请"), AFTERSALE_NOTICE + "requests")
            return
        parts = ([self.tr("%n 个新的售后申请", "", len(cases))] if cases else []) + (
            [self.tr("%n 个新的买家申请", "", len(requests))] if requests else [])
        text = self.tr("，").join(parts)
        self.notification.notify(text, self.tr("查看售后"), AFTERSALE_NOTICE)

    def _notice_clicked(self, payload: str) -> None:
        if not payload.startswith(AFTERSALE_NOTICE):
            self.open_order(payload)
            return
        target = payload[len(AFTERSALE_NOTICE):]
        self.tabs.setCurrentWidget(self.aftersale)
        if target == "requests":
            self.aftersale.set_tab("requests")
        elif target:
            self.aftersale.show_case(target)

    def open_order(self, order_id: str) -> None:
        if not order_id:  # a summary notification: the gift board
            self.tabs.setCurrentWidget(self.gifts)
            return
        row = q.orders_by_id(self.actions.reader(), [order_id]).get(order_id)
        tab = q.OrderTab.ALL
        if row is not None:
            tab = next((t for t in q.TAB_STATUSES if t is not q.OrderTab.ALL
                        and q.tab_shows(t, row.status)), q.OrderTab.ALL)
        self.tabs.setCurrentWidget(self.orders)
        self.orders.show_order(order_id, tab)

    # -- commands ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        screen = self.tabs.currentWidget()
        if hasattr(screen, "focus_search"):
            screen.focus_search()

    def next_tab(self, step: int = 1) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def save_current(self) -> None:
        if self.tabs.currentWidget() is self.orders and self.orders.detail.save_note.isEnabled():
            self.orders.detail.save_note.click()

    def show_conflicts(self) -> ConflictsDialog:
        if self.conflicts_dialog is None:
            self.conflicts_dialog = ConflictsDialog(self.actions, self.sync, self)
        self.conflicts_dialog.model.reload()
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()
        return self.conflicts_dialog

    def show_settings(self, first_run: bool = False) -> SettingsDialog:
        self.settings_dialog = SettingsDialog(self.settings, self.services.secrets, first_run,
                                              self)
        self.settings_dialog.applied.connect(self._settings_applied)
        self.settings_dialog.open()
        return self.settings_dialog

    def show_connect(self, first_run: bool = False) -> ConnectDialog:
        self.connect_dialog = ConnectDialog(self.settings, self.services.secrets, first_run, self)
        self.connect_dialog.applied.connect(self._settings_applied)
        self.connect_dialog.open()
        return self.connect_dialog

    def show_about(self) -> AboutDialog:
        data_dir = Path(self.settings.path).parent  # the data dir (a shop may have a subfolder)
        dialog = AboutDialog(data_dir, Paths(data_dir).log_file, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_diagnostics(self) -> DiagnosticsDialog:
        data_dir = Path(self.settings.path).parent
        engine = self.services.engine
        api = engine.api if engine is not None else None
        dialog = DiagnosticsDialog(DiagnosticsSources(
            data_dir=data_dir, shop_dir=Path(self.services.store.data_dir),
            log_file=Paths(data_dir).log_file, reader=self.actions.reader(), api=api,
            appid=api.appid if api is not None else self.settings.appid,
            demo=self.services.demo, component=self.shipping.component,
            print_settings=self.shipping.print_settings_summary()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _settings_applied(self, reopen: bool) -> None:
        self.sync.apply_interval()
        if reopen:
            self.reopen_requested.emit()

    def show_failures(self) -> FailedChangesDialog:
        """The changes the store refused (retry / drop each) and the ones waiting behind them;
        a stopped sync's reason (offline, unreadable replies) also shows in the status bar."""
        if self.status.error:
            self.statusBar().showMessage(messages.message(self.status.error), 15_000)
        if self.failures_dialog is None:
            self.failures_dialog = FailedChangesDialog(self.actions, self.sync, self)
        self.failures_dialog.reload()
        self.failures_dialog.show()
        self.failures_dialog.raise_()
        return self.failures_dialog

    def _task_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(self.tr("操作失败：%1").replace("%1", describe(error)), 15_000)

    # -- layout memory ----------------------------------------------------------------------

    def _tables(self) -> dict[str, QTableView]:
        tables = {"products": self.listings.table, "orders": self.orders.table}
        tables.update({f"gifts_{s.value}": t for s, t in self.gifts.tables.items()})
        tables["aftersale"] = self.aftersale.table
        return tables

    def restore_layout(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(QByteArray(self.settings.geometry))
        if self.settings.window_state:
            self.restoreState(QByteArray(self.settings.window_state))
        for name, table in self._tables().items():
            state = self.settings.header_state(name)
            if state:
                table.horizontalHeader().restoreState(QByteArray(state))

    def save_layout(self) -> None:
        self.settings.geometry = bytes(self.saveGeometry().data())
        self.settings.window_state = bytes(self.saveState().data())
        for name, table in self._tables().items():
            self.settings.set_header_state(name, bytes(table.horizontalHeader().saveState().data()))
        self.settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.notification.isVisible():
            self.notification.place()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
        self.closed.emit()

    async def shutdown(self) -> None:
        """Stop background work before the store and the API client close."""
        await self.sync.stop()
        await self.tasks.finish_all()  # a save in flight is written, not cancelled
        await self.thumbnails.aclose()
