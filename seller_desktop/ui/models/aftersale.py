"""The cases of one 售后 tab as a lazy table: most urgent first, the time left counting down.

Rows come from ``store.aftersale_queries`` (the tab's order, search by case, order, product or
the buyer's words). The time-left column is recomputed from ``clock()`` on each paint; the
screen's one QTimer only tells the views that column changed (like the gifts' countdown).
Cases are a few thousand at most, so a change reloads the pages already shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain import timeutil
from ...domain.aftersale import TAB_CLOSED, TAB_SELLER
from ...domain.money import format_fen
from ...ops.aftersale import ACTION_LABELS
from ...store import aftersale_queries as aq
from .. import aftersale_labels as words
from .. import labels
from .paged import PagedTableModel
from .roles import ALIGNMENT, DISPLAY, FOREGROUND, KEY, RIGHT, TOOLTIP

COL_CASE, COL_ORDER, COL_ITEM, COL_TYPE, COL_STATUS, COL_AMOUNT, COL_LEFT = range(7)
URGENT_SECONDS = 6 * 3600
RED_BRUSH = QBrush(QColor("#c62828"))
AMBER_BRUSH = QBrush(QColor("#b26a00"))
GREY_BRUSH = QBrush(QColor("#757575"))


class CasesModel(PagedTableModel[aq.CaseRow]):
    COLUMNS = 7
    ROLES = frozenset({DISPLAY, TOOLTIP, FOREGROUND, ALIGNMENT, KEY})
    LIVE_COLUMNS = frozenset({COL_LEFT})

    def __init__(self, reader: Callable[[], sqlite3.Connection],
                 clock: Callable[[], int] = timeutil.now, parent: Any = None) -> None:
        super().__init__(reader, parent)
        self.tab = TAB_SELLER
        self.search = ""
        self.clock = clock
        self._known_total: int | None = None

    def set_query(self, tab: str | None = None, search: str | None = None,
                  total: int | None = None) -> None:
        if tab is not None:
            self.tab = tab
        if search is not None:
            self.search = search
        self._known_total = total
        self.reload()

    def headers(self) -> Sequence[str]:
        last = QCoreApplication.translate("CasesModel", "更新时间") if self.tab == TAB_CLOSED else QCoreApplication.translate("CasesModel", "剩余时间")
        return [QCoreApplication.translate("CasesModel", "售后单号"), QCoreApplication.translate("CasesModel", "订单号"), QCoreApplication.translate("CasesModel", "商品"), QCoreApplication.translate("CasesModel", "类型"), QCoreApplication.translate("CasesModel", "状态"),
                QCoreApplication.translate("CasesModel", "退款金额"), last]

    def key(self, row: aq.CaseRow) -> str:
        return row.case_id

    def known_count(self) -> int | None:
        total, self._known_total = self._known_total, None
        return total

    def count(self, conn: sqlite3.Connection) -> int:
        return aq.count_cases(conn, self.tab, self.search)

    def page(self, conn: sqlite3.Connection, offset: int, limit: int) -> list[aq.CaseRow]:
        return aq.list_cases(conn, self.tab, self.search, offset, limit)

    def apply_changes(self, keys: Iterable[str]) -> None:
        if list(keys):
            self.reload()  # a tab holds a few thousand cases at most: its pages reload fast

    def tick(self) -> None:
        if self._rows and self.tab != TAB_CLOSED:
            self.dataChanged.emit(self.index(0, COL_LEFT),
                                  self.index(len(self._rows) - 1, COL_LEFT),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def left_text(self, row: aq.CaseRow) -> str:
        if self.tab == TAB_CLOSED:
            return timeutil.format_ts(row.update_time)
        left = row.seconds_left(self.clock())
        if left is None:
            return "—"
        if left <= 0:
            return QCoreApplication.translate("CasesModel", "已到期")
        return labels.time_left(left)

    def texts(self, row: aq.CaseRow) -> tuple[str, ...]:
        status = words.status(row.status)
        if row.local_action:
            status = QCoreApplication.translate("CasesModel", "%1 · 处理中（%2）").replace("%1", status).replace(
                "%2", words.tr(ACTION_LABELS.get(row.local_action, row.local_action)))
        return (row.case_id, row.order_id, row.title, words.case_type(row.type), status,
                format_fen(row.amount), "")

    def cell(self, row: aq.CaseRow, column: int, role: int) -> Any:
        if role == KEY:
            return row.case_id
        if role == DISPLAY:
            return self.left_text(row)
        if role == TOOLTIP:
            if column == COL_ITEM:
                return row.title
            if column == COL_STATUS:
                return row.reason_text
        elif role == FOREGROUND:
            if column == COL_LEFT and self.tab != TAB_CLOSED:
                left = row.seconds_left(self.clock())
                if left is not None and left < URGENT_SECONDS:
                    return RED_BRUSH if self.tab == TAB_SELLER else AMBER_BRUSH
            if column == COL_STATUS and row.local_action:
                return GREY_BRUSH
        elif role == ALIGNMENT and column == COL_AMOUNT:
            return RIGHT
        return None
