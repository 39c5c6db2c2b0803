"""The orders table of one status tab: lazy pages sorted by what needs action first.

An order an open after-sale case or a buyer request holds carries a badge in its status
(【售后】/【改地址】/【换款】, read with each page from ``store.aftersale_queries``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from ...domain import timeutil
from ...domain.money import format_fen
from ...store import aftersale_queries as aq
from ...store import ui_queries as q
from .. import aftersale_labels as aftersale_words
from .. import labels
from .paged import PagedTableModel
from .roles import ALIGNMENT, DISPLAY, FOREGROUND, KEY, RIGHT, TOOLTIP

KEY_ROLE = KEY

COL_ID, COL_ITEMS, COL_AMOUNT, COL_BUYER, COL_STATUS, COL_SHIP_BY, COL_CREATED = range(7)
URGENT_SECONDS = 6 * 3600

RED_BRUSH = QBrush(QColor("#c62828"))
AMBER_BRUSH = QBrush(QColor("#b26a00"))


class OrdersModel(PagedTableModel[q.OrderRow]):
    COLUMNS = 7
    ROLES = frozenset({DISPLAY, TOOLTIP, FOREGROUND, ALIGNMENT, KEY_ROLE})
    LIVE_COLUMNS = frozenset({COL_SHIP_BY})  # "剩 3小时05分" counts down

    def __init__(self, reader: Callable[[], sqlite3.Connection],
                 clock: Callable[[], int] = timeutil.now, parent: Any = None) -> None:
        super().__init__(reader, parent)
        self.tab = q.OrderTab.TO_SHIP
        self.search = ""
        self.clock = clock
        self._known_total: int | None = None
        self._badges: dict[str, str] = {}  # order id -> 售后 / 改地址 / 换款 (loaded rows)

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

    def known_count(self) -> int | None:
        total, self._known_total = self._known_total, None
        return total

    def count(self, conn: sqlite3.Connection) -> int:
        return q.order_count(conn, self.tab, self.search)

    def page(self, conn: sqlite3.Connection, offset: int, limit: int) -> list[q.OrderRow]:
        rows = q.order_page(conn, self.tab, self.search, offset, limit)
        self._read_badges(conn, [r.order_id for r in rows], offset == 0)
        return rows

    def by_keys(self, conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, q.OrderRow]:
        self._read_badges(conn, keys)
        return q.orders_by_id(conn, keys)

    def _read_badges(self, conn: sqlite3.Connection, order_ids: Sequence[str],
                     fresh: bool = False) -> None:
        if fresh:
            self._badges = {}
        for order_id in order_ids:
            self._badges.pop(order_id, None)
        self._badges.update(aq.order_badges(conn, order_ids))

    def badge(self, order_id: str) -> str:
        return self._badges.get(order_id, "")

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

    def texts(self, row: q.OrderRow) -> tuple[str, ...]:
        if row.status == 12:
            buyer = QCoreApplication.translate("OrdersModel", "（等待收礼人填写）")
        else:
            buyer = f"{row.user_name} {row.tel_masked}".strip()
        status = labels.order_status(row.status)
        if row.is_gift:
            status = QCoreApplication.translate("OrdersModel", "礼物·%1").replace("%1", status)
        badge = self._badges.get(row.order_id)
        if badge:
            status = QCoreApplication.translate("OrdersModel", "【%1】%2").replace(
                "%1", aftersale_words.badge(badge)).replace("%2", status)
        return (row.order_id + (" ●" if row.has_local_changes else ""), row.line_titles,
                format_fen(row.order_price), buyer, status, "",
                timeutil.format_ts(row.create_time))

    def cell(self, row: q.OrderRow, column: int, role: int) -> Any:
        if role == KEY_ROLE:
            return row.order_id
        if role == DISPLAY:  # COL_SHIP_BY, the live column
            return self.ship_by_text(row)
        if role == TOOLTIP:
            if column == COL_ITEMS:
                return row.line_titles
            if column == COL_BUYER:
                return row.address
            if column == COL_ID and row.has_local_changes:
                return QCoreApplication.translate("OrdersModel", "有待同步的修改")
            if column == COL_STATUS and row.order_id in self._badges:
                return QCoreApplication.translate(
                    "OrdersModel", "买家的售后或申请未处理完，订单暂不能发货（见 售后）")
        elif role == FOREGROUND:
            if column == COL_STATUS and row.order_id in self._badges:
                return RED_BRUSH
            if column == COL_SHIP_BY and row.ship_by:
                left = row.ship_by - self.clock()
                if left < 0:
                    return RED_BRUSH
                if left < URGENT_SECONDS:
                    return AMBER_BRUSH
        elif role == ALIGNMENT and column == COL_AMOUNT:
            return RIGHT
        return None
