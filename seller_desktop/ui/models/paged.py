"""A table model that loads its rows a page at a time and refreshes only the rows that changed.

Subclasses say how to count, page, look rows up by key, and which keys the current view shows;
``apply_changes(keys)`` then updates rows in place when they stay in the view and reloads (the
rows already fetched, at least one page) only when rows enter or leave it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

PAGE = 200
BULK = 1000  # more changed keys than this: reload instead of patching rows
ROOT = QModelIndex()  # the default parent (never mutated)


class PagedTableModel(QAbstractTableModel, Generic[R]):
    COLUMNS = 0  # how many columns ``headers()`` names (asked on every paint: kept constant)

    def __init__(self, reader: Callable[[], sqlite3.Connection], parent: Any = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._rows: list[R] = []
        self._pos: dict[str, int] = {}
        self._total = 0

    # -- what a subclass provides ---------------------------------------------------------

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def key(self, row: R) -> str:
        raise NotImplementedError

    def count(self, conn: sqlite3.Connection) -> int:
        raise NotImplementedError

    def page(self, conn: sqlite3.Connection, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def by_keys(self, conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, R]:
        raise NotImplementedError

    def shown(self, conn: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
        raise NotImplementedError

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        conn = self._reader()
        keep = max(PAGE, len(self._rows))
        self.beginResetModel()
        self._total = self.count(conn)
        self._rows = self.page(conn, 0, min(keep, self._total) or PAGE)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._pos = {self.key(r): i for i, r in enumerate(self._rows)}

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid():
            return
        more = self.page(self._reader(), len(self._rows), PAGE)
        more = [r for r in more if self.key(r) not in self._pos]
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        for i, r in enumerate(more, first):
            self._pos[self.key(r)] = i
        self.endInsertRows()

    def load_until(self, key: str, max_rows: int = 20 * PAGE) -> int:
        """Fetch pages until ``key`` is loaded (or ``max_rows``); its row, or -1."""
        while key not in self._pos and self.canFetchMore() and len(self._rows) < max_rows:
            self.fetchMore()
        return self._pos.get(key, -1)

    def apply_changes(self, keys: Iterable[str]) -> None:
        """Refresh for rows whose data changed (any of ``keys``; unknown keys are ignored
        unless the view shows them now)."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return
        if len(keys) > BULK:  # a big sync: one page query beats checking every key
            self.reload()
            return
        conn = self._reader()
        shown = self.shown(conn, keys)
        present = {k for k in keys if k in self._pos}
        if shown != present:  # rows enter or leave the view
            self.reload()
            return
        fresh = self.by_keys(conn, sorted(present))
        for k, row in fresh.items():
            i = self._pos[k]
            self._rows[i] = row
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return self._pos.get(key, -1)

    def keys(self) -> list[str]:
        return [self.key(r) for r in self._rows]
