"""The listings table: one row per product, filtered by status and searched by title/SKU code."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.money import format_range
from ...store import ui_queries as q
from .. import labels
from ..widgets.thumbnails import Thumbnails
from .paged import PagedTableModel
from .roles import ALIGNMENT, DECORATION, DISPLAY, FOREGROUND, KEY, RIGHT, TOOLTIP

KEY_ROLE = KEY

COL_TITLE, COL_PRICE, COL_STOCK, COL_STATUS, COL_REVIEW, COL_SYNC = range(6)

AMBER_BRUSH = QBrush(QColor("#b26a00"))
RED_BRUSH = QBrush(QColor("#c62828"))


def _t(text: str) -> str:
    return QCoreApplication.translate("ProductsModel", text)


class ProductsModel(PagedTableModel[q.ProductRow]):
    COLUMNS = 6
    ROLES = frozenset({DISPLAY, DECORATION, TOOLTIP, FOREGROUND, ALIGNMENT, KEY_ROLE})

    def __init__(self, reader: Callable[[], sqlite3.Connection],
                 thumbnails: Thumbnails | None = None, parent: Any = None) -> None:
        super().__init__(reader, parent)
        self.filter = q.ProductFilter.ALL
        self.search = ""
        self.thumbnails = thumbnails
        if thumbnails is not None:
            thumbnails.loaded.connect(self._thumb_loaded)

    def set_query(self, filter_: q.ProductFilter | None = None, search: str | None = None) -> None:
        if filter_ is not None:
            self.filter = filter_
        if search is not None:
            self.search = search
        self.reload()

    def headers(self) -> Sequence[str]:
        return [QCoreApplication.translate("ProductsModel", "商品"),
                QCoreApplication.translate("ProductsModel", "价格"),
                QCoreApplication.translate("ProductsModel", "库存"),
                QCoreApplication.translate("ProductsModel", "状态"),
                QCoreApplication.translate("ProductsModel", "审核"),
                QCoreApplication.translate("ProductsModel", "同步")]

    def key(self, row: q.ProductRow) -> str:
        return row.product_id

    def count(self, conn: sqlite3.Connection) -> int:
        return q.product_count(conn, self.filter, self.search)

    def page(self, conn: sqlite3.Connection, offset: int, limit: int) -> list[q.ProductRow]:
        return q.product_page(conn, self.filter, self.search, offset, limit)

    def by_keys(self, conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, q.ProductRow]:
        return q.products_by_id(conn, keys)

    def shown(self, conn: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
        return q.products_matching(conn, self.filter, self.search, keys)

    @staticmethod
    def sync_badge(row: q.ProductRow) -> str:
        if row.has_conflict:
            return QCoreApplication.translate("ProductsModel", "冲突")
        if row.has_local_changes:
            return QCoreApplication.translate("ProductsModel", "待同步")
        return ""

    def texts(self, row: q.ProductRow) -> tuple[str, ...]:
        return (row.title, format_range(row.min_price, row.max_price), str(row.total_stock),
                labels.product_status(row.status), labels.edit_status(row.edit_status),
                self.sync_badge(row))

    def cell(self, row: q.ProductRow, column: int, role: int) -> Any:
        if role == KEY_ROLE:
            return row.product_id
        if role == DECORATION:
            if column == COL_TITLE and self.thumbnails is not None:
                return self.thumbnails.pixmap(row.thumb_url)
        elif role == TOOLTIP:
            if column == COL_TITLE:
                return row.title
        elif role == FOREGROUND:
            if column == COL_SYNC:
                return RED_BRUSH if row.has_conflict else AMBER_BRUSH
            if column == COL_STOCK and row.total_stock == 0:
                return RED_BRUSH
            if column == COL_REVIEW and row.edit_status == 3:
                return RED_BRUSH
        elif role == ALIGNMENT and column in (COL_PRICE, COL_STOCK):
            return RIGHT
        return None

    def _thumb_loaded(self, url: str) -> None:
        for i, row in enumerate(self._rows):
            if row.thumb_url == url:
                index = self.index(i, COL_TITLE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
