"""Open conflicts: one row per product field edited here and on the server (mine / theirs)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, Qt

from ...domain.money import format_fen
from ...store import ui_queries as q
from ..messages import join_items
from ..widgets.plain_text import plain_tip
from .paged import ROOT, Index

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COL_PRODUCT, COL_FIELD, COL_MINE, COL_THEIRS, COL_CHOICE = range(5)
MINE, THEIRS = "mine", "theirs"

FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("ConflictsModel", "标题"),
    "short_title": QT_TRANSLATE_NOOP("ConflictsModel", "短标题"),
    "head_imgs": QT_TRANSLATE_NOOP("ConflictsModel", "主图"),
    "desc": QT_TRANSLATE_NOOP("ConflictsModel", "详情"),
    "desc_imgs": QT_TRANSLATE_NOOP("ConflictsModel", "详情图"),
    "spu_code": QT_TRANSLATE_NOOP("ConflictsModel", "商品编码"),
    "sale_price": QT_TRANSLATE_NOOP("ConflictsModel", "售价"),
    "market_price": QT_TRANSLATE_NOOP("ConflictsModel", "划线价"),
    "sku_code": QT_TRANSLATE_NOOP("ConflictsModel", "SKU 编码"),
    "attrs": QT_TRANSLATE_NOOP("ConflictsModel", "规格"),
    "thumb_img": QT_TRANSLATE_NOOP("ConflictsModel", "SKU 图片"),
    "stock_num": QT_TRANSLATE_NOOP("ConflictsModel", "库存"),
}


def field_label(field: str) -> str:
    """``title`` → 标题; ``skus[123].sale_price`` → 售价（SKU 123）."""
    base, sku = field, ""
    if field.startswith("skus[") and "]." in field:
        sku, base = field[5:].split("].", 1)
    elif field.startswith("skus[") and field.endswith("]"):
        return QCoreApplication.translate("ConflictsModel", "整个 SKU %1").replace(
            "%1", field[5:-1])
    name = QCoreApplication.translate("ConflictsModel", FIELD_NAMES.get(base, base))
    if sku:
        return QCoreApplication.translate("ConflictsModel", "%1（SKU %2）").replace(
            "%1", name).replace("%2", sku)
    return name


def value_text(field: str, raw: str | None) -> str:
    """A stored JSON value as the seller reads it (prices in 元, lists joined)."""
    if raw is None:
        return "—"
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return str(raw)
    if field.endswith("price") and isinstance(value, int):
        return format_fen(value)
    if isinstance(value, list):
        return join_items([_item_text(v) for v in value])
    if value is None:
        return "—"
    return str(value)


def _item_text(value: Any) -> str:
    if isinstance(value, dict) and {"key", "value"} <= value.keys():
        return f"{value['key']}:{value['value']}"
    if isinstance(value, dict) and {"attr_key", "attr_value"} <= value.keys():
        return f"{value['attr_key']}:{value['attr_value']}"
    return str(value)


class ConflictsModel(QAbstractTableModel):
    def __init__(self, reader: Callable[[], sqlite3.Connection], parent: Any = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._rows: list[q.ConflictRow] = []
        self.choices: dict[int, str] = {}  # conflict id → "mine" | "theirs", not yet applied

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = q.open_conflicts(self._reader())
        ids = {r.conflict_id for r in self._rows}
        self.choices = {k: v for k, v in self.choices.items() if k in ids}
        self.endResetModel()

    def choose(self, rows: list[int], choice: str) -> None:
        for row in rows:
            conflict = self.row_at(row)
            if conflict is not None:
                self.choices[conflict.conflict_id] = choice
                index = self.index(row, COL_CHOICE)
                self.dataChanged.emit(index, index)

    def decided_products(self) -> dict[str, dict[str, str]]:
        """Products whose every open conflict has a choice: {product id: {field: choice}}."""
        by_product: dict[str, dict[str, str]] = {}
        undecided: set[str] = set()
        for row in self._rows:
            choice = self.choices.get(row.conflict_id)
            if choice is None:
                undecided.add(row.product_id)
            else:
                by_product.setdefault(row.product_id, {})[row.field] = choice
        return {pid: fields for pid, fields in by_product.items() if pid not in undecided}

    def row_at(self, row: int) -> q.ConflictRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = [QCoreApplication.translate("ConflictsModel", "商品"), QCoreApplication.translate("ConflictsModel", "字段"),
                   QCoreApplication.translate("ConflictsModel", "我的修改"), QCoreApplication.translate("ConflictsModel", "服务器上的"),
                   QCoreApplication.translate("ConflictsModel", "选择")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == KEY_ROLE:
            return row.conflict_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_PRODUCT:
                return row.title or row.product_id
            if column == COL_FIELD:
                return field_label(row.field)
            if column == COL_MINE:
                return value_text(row.field, row.mine)
            if column == COL_THEIRS:
                return value_text(row.field, row.theirs)
            if column == COL_CHOICE:
                choice = self.choices.get(row.conflict_id)
                if choice == MINE:
                    return QCoreApplication.translate("ConflictsModel", "保留我的")
                if choice == THEIRS:
                    return QCoreApplication.translate("ConflictsModel", "采用服务器的")
                return QCoreApplication.translate("ConflictsModel", "未选择")
        return None
