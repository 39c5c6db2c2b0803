"""售后: the cases that wait on the seller, most urgent first with a live countdown; the cases
waiting on the buyer or the platform; the closed ones; and the buyer requests (修改地址 /
发货前换款) with accept / reject. Tab counts, search, the detail pane with the answers.

Reads go through ``store.aftersale_queries`` (the models and the pane never see SQL); answers
through ``AfterSaleActions`` (ops + outbox, then a sync). One QTimer ticks every countdown
while the screen is shown.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.aftersale import TAB_CLOSED, TAB_OTHERS, TAB_SELLER
from ...domain.changes import ChangeSet
from ...domain.validation import ValidationFailed
from ...store import aftersale_queries as aq
from .. import aftersale_labels as words
from ..aftersale_actions import AfterSaleActions
from ..dialogs.aftersale_answer import AnswerDialog
from ..models.aftersale import COL_ITEM, CasesModel
from ..models.buyer_requests import COL_WHAT, RequestsModel
from ..models.roles import KEY
from ..widgets.case_detail import CaseDetailPane
from ..widgets.plain_text import PlainLabel
from ..widgets.tables import read_only_rows

SEARCH_DELAY_MS = 150
REQUESTS = "requests"
PAGES = (TAB_SELLER, TAB_OTHERS, TAB_CLOSED, REQUESTS)


class AfterSaleScreen(QWidget):
    open_order = Signal(str)
    waiting_changed = Signal(int)  # cases waiting on the seller + buyer requests

    def __init__(self, answers: AfterSaleActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answers = answers
        self.actions = answers.actions
        self.model = CasesModel(self.actions.reader, self.actions.clock, self)
        self.requests = RequestsModel(self.actions.clock, self)
        self.counts: dict[str, int] = {}
        self.dialog: AnswerDialog | None = None
        self.request_task: asyncio.Task | None = None
        self._details_shown = 0  # detail pane loads, so a selection loads it once

        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for _ in PAGES:
            self.tabs.addTab("")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索售后单号、订单号、商品、买家说明（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.count_label = PlainLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        self.table = read_only_rows(QTableView())
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(COL_ITEM,
                                                           QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 150), (3, 90), (4, 170), (5, 80), (6, 120)):
            self.table.setColumnWidth(column, width)
        self.detail = CaseDetailPane(self.actions.clock)
        cases = QSplitter(Qt.Orientation.Horizontal)
        cases.addWidget(self.table)
        cases.addWidget(self.detail)
        cases.setStretchFactor(0, 1)
        cases.setSizes([780, 420])

        self.request_table = read_only_rows(QTableView())
        self.request_table.setModel(self.requests)
        self.request_table.horizontalHeader().setSectionResizeMode(
            COL_WHAT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 120), (3, 120), (4, 100), (5, 240)):
            self.request_table.setColumnWidth(column, width)
        self.accept_request = QPushButton(self.tr("同意申请"))
        self.reject_request = QPushButton(self.tr("拒绝申请"))
        self.show_request_order = QPushButton(self.tr("查看订单"))
        self.request_hint = PlainLabel(self.tr(
            "申请处理前，订单不能取号、打印或发货。同意改地址后，已打印的面单须取消并重新取号。"))
        self.request_hint.setWordWrap(True)
        self.request_error = PlainLabel()
        self.request_error.setStyleSheet("color: #c62828;")
        self.request_error.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.accept_request, self.reject_request, self.show_request_order):
            buttons.addWidget(button)
        buttons.addStretch(1)
        requests_page = QWidget()
        requests_layout = QVBoxLayout(requests_page)
        requests_layout.setContentsMargins(0, 0, 0, 0)
        requests_layout.addWidget(self.request_hint)
        requests_layout.addWidget(self.request_table, 1)
        requests_layout.addWidget(self.request_error)
        requests_layout.addLayout(buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(cases)
        self.pages.addWidget(requests_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.request_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._request_buttons())
        self.detail.action.connect(self.answer)
        self.detail.open_order.connect(self.open_order)
        self.accept_request.clicked.connect(lambda: self._answer_request(True))
        self.reject_request.clicked.connect(lambda: self._answer_request(False))
        self.show_request_order.clicked.connect(self._open_request_order)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.tick)
        self._retitle()
        self._request_buttons()

    # -- loading ----------------------------------------------------------------------------

    @property
    def tab(self) -> str:
        return PAGES[max(self.tabs.currentIndex(), 0)]

    def _retitle(self) -> None:
        names = {TAB_SELLER: words.tab(TAB_SELLER), TAB_OTHERS: words.tab(TAB_OTHERS),
                 TAB_CLOSED: words.tab(TAB_CLOSED), REQUESTS: self.tr("买家申请")}
        for i, page in enumerate(PAGES):
            count = self.counts.get(page)
            title = names[page] if count is None else f"{names[page]} ({count})"
            if self.tabs.tabText(i) != title:
                self.tabs.setTabText(i, title)

    def refresh_counts(self) -> None:
        self.counts = aq.tab_counts(self.actions.reader())
        self._retitle()
        self.waiting_changed.emit(self.counts[TAB_SELLER] + self.counts[REQUESTS])

    def reload(self) -> None:
        self.refresh_counts()
        self._load_page()

    def set_tab(self, page: str) -> None:
        index = PAGES.index(page)
        if self.tabs.currentIndex() == index:
            self._tab_changed()
        else:
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self) -> None:
        self._load_page()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self._load_page()

    def _load_page(self) -> None:
        if self.tab == REQUESTS:
            self.pages.setCurrentIndex(1)
            self.search.setEnabled(False)
            self.requests.set_rows(aq.pending_requests(self.actions.reader()))
            self.count_label.setText(self.tr("%n 个申请", "", self.requests.rowCount()))
            if self.requests.rowCount() and not self.request_table.currentIndex().isValid():
                self.request_table.selectRow(0)
            self._request_buttons()
            return
        self.pages.setCurrentIndex(0)
        self.search.setEnabled(True)
        text = self.search.text()
        self.model.set_query(self.tab, text, total=None if text.split()
                             else self.counts.get(self.tab))
        self.count_label.setText(self.tr("%n 个售后单", "", self.model.total))
        shown = self.detail.case_id
        if shown is not None and self.model.row_of(shown) >= 0:
            self.select_case(shown)
        elif self.model.rowCount():
            self.select_case(self.model.keys()[0])
        else:
            self.detail.show_detail(None)

    def on_changes(self, changes: ChangeSet) -> None:
        if not (changes.cases or changes.requests or changes.orders or changes.new_cases
                or changes.new_requests):
            return
        self.reload()
        if self.detail.case_id is not None and self.tab != REQUESTS:
            self._show_case(self.detail.case_id)

    # -- selection --------------------------------------------------------------------------

    def select_case(self, case_id: str) -> bool:
        row = self.model.load_until(case_id)
        if row < 0:
            self._show_case(case_id)
            return False
        index = self.model.index(row, 0)
        shown = self._details_shown
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        if self._details_shown == shown:  # the current row stayed: no _show_current ran
            self._show_case(case_id)
        return True

    def show_case(self, case_id: str) -> None:
        """Jump to a case: its tab, its row, its detail."""
        detail = aq.case_detail(self.actions.reader(), case_id)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh_counts()
        self.set_tab(detail.case.tab if detail else TAB_SELLER)
        self.select_case(case_id)

    def _show_current(self) -> None:
        index = self.table.selectionModel().currentIndex()
        self._show_case(index.data(KEY) if index.isValid() else None)

    def _show_case(self, case_id: str | None) -> None:
        self._details_shown += 1
        detail = aq.case_detail(self.actions.reader(), case_id) if case_id else None
        self.detail.show_detail(detail)

    def tick(self) -> None:
        self.model.tick()
        self.requests.tick()
        self.detail.tick()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.timer.stop()

    # -- answers ----------------------------------------------------------------------------

    def answer(self, action: str, case_id: str) -> AnswerDialog | None:
        """Open the answer dialog for ``action`` on the case (non-modal: ``open()``)."""
        detail = aq.case_detail(self.actions.reader(), case_id)
        if detail is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = AnswerDialog(action, detail.case, self.answers, self)
        self.dialog.open()
        return self.dialog

    def _current_request(self):
        return self.requests.row_at(self.request_table.currentIndex().row())

    def _request_buttons(self) -> None:
        request = self._current_request()
        free = request is not None and not request.answer
        self.accept_request.setEnabled(free)
        self.reject_request.setEnabled(free)
        self.show_request_order.setEnabled(request is not None)

    def _answer_request(self, accept: bool) -> asyncio.Task | None:
        request = self._current_request()
        if request is None:
            return None
        self.request_error.setText("")
        self.accept_request.setEnabled(False)
        self.reject_request.setEnabled(False)
        self.request_task = self.actions.tasks.spawn(self._send_request(request, accept))
        return self.request_task

    async def _send_request(self, request, accept: bool) -> None:
        try:
            await self.answers.answer_request(request.order_id, request.kind, accept)
        except ValidationFailed as exc:
            self.request_error.setText("\n".join(words.message(i.message)
                                                 for i in exc.issues))
            self._request_buttons()

    def _open_request_order(self) -> None:
        request = self._current_request()
        if request is not None:
            self.open_order.emit(request.order_id)
