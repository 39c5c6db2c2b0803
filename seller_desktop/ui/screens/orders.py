"""订单: status tabs with counts, search across the whole order, the lazy table sorted by what
needs action first, and the detail pane. Rows load a page at a time (never all 50,000)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...store import held
from ...store import ui_queries as q
from ...store.orders import OrderRepo
from .. import labels
from ..actions import Actions
from ..models.orders import COL_ITEMS, KEY_ROLE, OrdersModel
from ..models.paged import PAGE
from ..widgets.order_detail import OrderDetail
from ..widgets.plain_text import PlainLabel
from ..widgets.tables import read_only_rows

SEARCH_DELAY_MS = 150
# Above this many orders every search is matched off the UI thread, a 1–2 character one even
# when the texts are held: at 200,000 matching them took 25-45 ms, a full-text search's counts
# and page 30-50 ms, the UI thread's whole budget.
MATCH_ON_UI_THREAD_MAX = 100_000
TABS = (q.OrderTab.TO_SHIP, q.OrderTab.GIFT_PENDING, q.OrderTab.PARTIAL, q.OrderTab.SHIPPED,
        q.OrderTab.COMPLETED, q.OrderTab.CANCELLED, q.OrderTab.ALL)


class OrdersScreen(QWidget):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.model = OrdersModel(actions.reader, actions.clock, self)
        self.counts: dict[q.OrderTab, int] = {}
        self.search_task: asyncio.Task | None = None
        self._rescan = False  # data changed while a scan ran: scan again
        self._warming: asyncio.Task | None = None
        self._scan_lock = asyncio.Lock()
        self._first_lock = asyncio.Lock()
        self.first_rows: asyncio.Task | None = None  # the first matches shown (see apply_search)
        self._details_shown = 0  # detail pane loads, so a selection loads it once

        self._names = {q.OrderTab.TO_SHIP: self.tr("待发货"),
                       q.OrderTab.GIFT_PENDING: self.tr("礼物待收下"),
                       q.OrderTab.PARTIAL: self.tr("部分发货"),
                       q.OrderTab.SHIPPED: self.tr("待收货"),
                       q.OrderTab.COMPLETED: self.tr("已完成"),
                       q.OrderTab.CANCELLED: self.tr("已取消"), q.OrderTab.ALL: self.tr("全部")}
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for _ in TABS:
            self.tabs.addTab("")
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("搜索订单号、商品、收件人、手机尾号、地址、备注（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.count_label = PlainLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ITEMS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (2, 70), (3, 125), (4, 90), (5, 130), (6, 115)):
            self.table.setColumnWidth(column, width)

        self.detail = OrderDetail(actions.clock)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([820, 360])

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.textEdited.connect(lambda _: self._warm_texts())
        self.search.returnPressed.connect(self.apply_search)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.detail.note_saved.connect(
            lambda oid, text: actions.tasks.spawn(self._save_note(oid, text)))
        self._retitle()

    async def _save_note(self, order_id: str, text: str) -> None:
        try:
            await self.actions.merchant_note(order_id, text)
        except Exception:
            self.detail.note_failed(order_id, text)
            raise

    # -- loading ----------------------------------------------------------------------------

    @property
    def tab(self) -> q.OrderTab:
        return TABS[max(self.tabs.currentIndex(), 0)]

    def tab_title(self, tab: q.OrderTab) -> str:
        count = self.counts.get(tab)
        return self._names[tab] if count is None else f"{self._names[tab]} ({count})"

    def _retitle(self) -> None:
        for i, tab in enumerate(TABS):
            title = self.tab_title(tab)
            if self.tabs.tabText(i) != title:  # each change lays the tab bar out again
                self.tabs.setTabText(i, title)

    def refresh_counts(self) -> None:
        conn, text = self.actions.reader(), self.search.text()
        counts = q.order_tab_counts(conn, text)
        # the first matches of a search only: no tab count until every match is known
        self.counts = counts if q.order_search_complete(conn, text) else {}
        self._retitle()

    def reload(self) -> None:
        self.refresh_counts()
        self.model.set_query(self.tab, self.search.text(), total=self.counts.get(self.tab))
        self._after_reload()

    def set_tab(self, tab: q.OrderTab) -> None:
        index = TABS.index(tab)
        if self.tabs.currentIndex() == index:
            self._tab_changed(index)
        else:
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self, _index: int) -> None:
        self.model.set_query(self.tab, self.search.text())
        self._after_reload()

    def apply_search(self) -> None:
        """Search now. A search that needs a table scan (only 1–2 character terms), or any
        search in a shop above ``MATCH_ON_UI_THREAD_MAX`` orders, is matched off the UI thread
        and shows its rows when its matches are found. Before the orders' texts are read (the
        first short search after start), the tab's first page is found by SQLite and shown
        meanwhile (``first_rows``), without counts."""
        self._search_timer.stop()
        text = self.search.text()
        conn = self.actions.reader()
        large = q.order_tab_counts(conn)[q.OrderTab.ALL] > MATCH_ON_UI_THREAD_MAX
        short = q.needs_scan(text)
        if (short or (large and q.terms(text))) and not q.has_order_search(conn, text):
            worker = self.actions.worker_reader()
            # Texts already read and current: matching them takes a few ms in a small shop,
            # less than the hop to a thread (the lock free: no thread uses the connection).
            if short and not large and not self._scan_lock.locked() \
                    and q.order_texts_current(worker):
                q.remember_order_search(conn, text, q.data_version(conn),
                                        q.scan_order_search(worker, text))
            else:
                self.count_label.setText(self.tr("搜索中…"))
                self.first_rows = None
                if short and not q.order_texts_current(worker):
                    self.first_rows = self.actions.tasks.spawn(self._first_page(text))
                self.search_task = self.actions.tasks.spawn(self._scan_then_reload(text))
                return
        self.reload()

    def _warm_texts(self) -> None:
        """The seller started typing: read the orders' texts off the UI thread now, so a 1–2
        character search finds them ready (reading them takes a few hundred ms at 50,000)."""
        if self._warming is None or self._warming.done():
            self._warming = self.actions.tasks.spawn(self._warm())

    async def _warm(self) -> None:
        async with self._scan_lock:
            await asyncio.to_thread(q.warm_order_texts, self.actions.worker_reader())

    async def _first_page(self, text: str) -> None:
        """Show the tab's first matches while every match is still being found."""
        async with self._first_lock:
            if self.search.text() != text:
                return
            conn = self.actions.reader()
            matches = await asyncio.to_thread(q.first_order_matches, self.actions.page_reader(),
                                              self.tab, text, PAGE)
            if self.search.text() != text or q.has_order_search(conn, text):
                return  # typed on, or the complete matches came first
            q.remember_order_search(conn, text, q.data_version(conn), matches)
            self.reload()

    async def _scan_then_reload(self, text: str) -> None:
        first = self.first_rows
        if first is not None and not first.done():
            # the first page first: reading the texts meanwhile would slow it down (the GIL)
            await asyncio.wait([first])
        async with self._scan_lock:
            self._rescan = True
            while self._rescan:
                self._rescan = False
                if self.search.text() != text:
                    return  # the seller typed on; the newer search runs after this one
                conn = self.actions.reader()
                version = q.data_version(conn)
                matches = await asyncio.to_thread(q.find_order_matches,
                                                  self.actions.worker_reader(), text, self.tab)
                latest = q.data_version(conn)
                if latest != version:
                    # A commit landed during the scan: show these matches now (never scan on
                    # the UI thread) and scan once more for what the commit changed.
                    self._rescan = True
                q.remember_order_search(conn, text, latest, matches)
                if self.search.text() == text:
                    self.reload()

    def _after_reload(self) -> None:
        self._count_text()
        shown = self.detail.order_id
        if shown is not None and self.model.row_of(shown) >= 0:
            self.select_order(shown)
        elif self.model.rowCount():
            self.select_order(self.model.keys()[0])
        else:
            self._show_order(None)

    def on_changes(self, changes: ChangeSet) -> None:
        if not changes.orders:
            return
        text = self.search.text()
        conn = self.actions.reader()
        if q.uses_matches(conn, text) and not q.has_order_search(conn, text):
            # the search's matches are stale: scan again off the UI thread, then reload
            if self.search_task is not None and not self.search_task.done():
                self._rescan = True  # the running scan goes once more when it is done
            else:
                self.search_task = self.actions.tasks.spawn(self._scan_then_reload(text))
            return
        self.refresh_counts()
        self.model.apply_changes(changes.orders)
        self._count_text()
        if self.detail.order_id in changes.orders:
            self._show_order(self.detail.order_id)

    def _count_text(self) -> None:
        total = self.model.total
        if q.order_search_complete(self.actions.reader(), self.search.text()):
            self.count_label.setText(self.tr("%n 个订单", "", total))
        else:
            self.count_label.setText(self.tr("前 %n 个订单，仍在搜索…", "", total))

    # -- selection --------------------------------------------------------------------------

    def select_order(self, order_id: str) -> bool:
        row = self.model.load_until(order_id)
        if row < 0:
            self._show_order(order_id)
            return False
        index = self.model.index(row, 0)
        shown = self._details_shown
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        if self._details_shown == shown:  # the current row stayed: no _show_current ran
            self._show_order(order_id)
        return True

    def show_order(self, order_id: str, tab: q.OrderTab | None = None) -> None:
        """Jump to an order: its tab, the row selected, its detail shown."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh_counts()
        if tab is not None:
            self.set_tab(tab)
        self.select_order(order_id)

    def _show_current(self) -> None:
        index = self.table.selectionModel().currentIndex()
        self._show_order(index.data(KEY_ROLE) if index.isValid() else None)

    def _show_order(self, order_id: str | None) -> None:
        self._details_shown += 1
        conn = self.actions.reader()
        detail = q.order_detail(conn, order_id) if order_id else None
        self.detail.show_detail(detail)
        verdict = None
        if order_id and detail is not None:
            order = OrderRepo(conn).get(order_id)
            if order is not None:
                verdict = held.verdicts(conn, {order_id: order})[order_id]
        if verdict is not None and verdict.held:
            self.detail.show_hold(labels.shipping(verdict.reason), labels.shipping(verdict.remedy))
        else:
            self.detail.show_hold("")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
