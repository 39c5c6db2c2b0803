"""The orders table of one status tab: lazy pages sorted by what needs action first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain import timeutil
from ...domain.money import format_fen
from ...store import ui_queries as q
from .. import labels
from .paged import PagedTableModel

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

COL_ID, COL_ITEMS, COL_AMOUNT, COL_BUYER, COL_STATUS, COL_SHIP_BY, COL_CREATED = range(7)
URGENT_SECONDS = 6 * 3600

RED = QColor("#c62828")
AMBER = QColor("#b26a00")


class OrdersModel(PagedTableModel[q.OrderRow]):
    COLUMNS = 7

    def __init__(self, reader: Callable[[], sqlite3.Connection],
                 clock: Callable[[], int] = timeutil.now, parent: Any = None) -> None:
        super().__init__(reader, parent)
        self.tab = q.OrderTab.TO_SHIP
        self.search = ""
        self.clock = clock
        self._known_total: int | None = None

    def set_query(self, tab: q.OrderTab | None = None, search: str | None = None,
                  total: int | None = None) -> None:
        """Show ``tab`` filtered by ``search``; ``total``: their count when the caller has just
        read it (the tab counts), saving the model a second count query."""
        if tab is not None:
            self.tab = tab
        if search is not None:
            self.search = search
        self._known_total = total
        self.reload()

    def headers(self) -> Sequence[str]:
        return [QCoreApplication.translate("OrdersModel", "订单号"), QCoreApplication.translate("OrdersModel", "商品"), QCoreApplication.translate("OrdersModel", "实付"),
                QCoreApplication.translate("OrdersModel", "收件人"), QCoreApplication.translate("OrdersModel", "状态"),
                QCoreApplication.translate("OrdersModel", "发货截止"), QCoreApplication.translate("OrdersModel", "下单时间")]

    def key(self, row: q.OrderRow) -> str:
        return row.order_id

    def count(self, conn: sqlite3.Connection) -> int:
        total, self._known_total = self._known_total, None
        return total if total is not None else q.order_count(conn, self.tab, self.search)

    def page(self, conn: sqlite3.Connection, offset: int, limit: int) -> list[q.OrderRow]:
        return q.order_page(conn, self.tab, self.search, offset, limit)

    def by_keys(self, conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, q.OrderRow]:
        return q.orders_by_id(conn, keys)

    def shown(self, conn: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
        return q.orders_matching(conn, self.tab, self.search, keys)

    def ship_by_text(self, row: q.OrderRow) -> str:
        if not row.ship_by or row.status not in (20, 21):
            return ""
        left = row.ship_by - self.clock()
        if left < 0:
            return QCoreApplication.translate("OrdersModel", "已超时 %1").replace(
                "%1", labels.duration(-left))
        return QCoreApplication.translate("OrdersModel", "剩 %1").replace(
            "%1", labels.duration(left))

    def cell(self, row: q.OrderRow, column: int, role: int) -> Any:
        if role == KEY_ROLE:
            return row.order_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ID:
                mark = " ●" if row.has_local_changes else ""
                return row.order_id + mark
            if column == COL_ITEMS:
                return row.line_titles
            if column == COL_AMOUNT:
                return format_fen(row.order_price)
            if column == COL_BUYER:
                if row.status == 12:
                    return QCoreApplication.translate("OrdersModel", "（等待收礼人填写）")
                return f"{row.user_name} {row.tel_masked}".strip()
            if column == COL_STATUS:
                text = labels.order_status(row.status)
                if row.is_gift:
                    text = QCoreApplication.translate("OrdersModel", "礼物·%1").replace("%1", text)
                return text
            if column == COL_SHIP_BY:
                return self.ship_by_text(row)
            if column == COL_CREATED:
                return timeutil.format_ts(row.create_time)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_ITEMS:
                return row.line_titles
            if column == COL_BUYER:
                return row.address
            if column == COL_ID and row.has_local_changes:
                return QCoreApplication.translate("OrdersModel", "有待同步的修改")
        elif role == Qt.ItemDataRole.ForegroundRole and column == COL_SHIP_BY and row.ship_by:
            left = row.ship_by - self.clock()
            if left < 0:
                return QBrush(RED)
            if left < URGENT_SECONDS:
                return QBrush(AMBER)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
