"""A table model that loads its rows a page at a time and refreshes only the rows that changed.

Subclasses say how to count, page, look rows up by key, and which keys the current view shows;
``apply_changes(keys)`` then updates rows in place when they stay in the view and reloads (the
rows already fetched, at least one page) only when rows enter or leave it.

A view asks ``data()`` about every visible cell on every paint, for seven roles each: a row's
display texts are made once (``texts``) and kept until the row changes, and roles the model
never answers return at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..widgets.plain_text import plain_tip
from .roles import DISPLAY, TOOLTIP

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

PAGE = 200
BULK = 1000  # more changed keys than this: reload instead of patching rows
ROOT = QModelIndex()  # the default parent (never mutated)


class PagedTableModel(QAbstractTableModel, Generic[R]):
    COLUMNS = 0  # how many columns ``headers()`` names (asked on every paint: kept constant)
    ROLES: frozenset[int] = frozenset({DISPLAY})  # the roles ``cell`` answers (ints, roles.py)
    LIVE_COLUMNS: frozenset[int] = frozenset()  # display texts that change with the clock

    def __init__(self, reader: Callable[[], sqlite3.Connection], parent: Any = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._rows: list[R] = []
        self._texts: list[tuple[str, ...] | None] = []  # per row, made on its first paint
        self._pos: dict[str, int] = {}
        self._total = 0

    # -- what a subclass provides ---------------------------------------------------------

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def texts(self, row: R) -> tuple[str, ...]:
        """The row's display text per column (``LIVE_COLUMNS`` are asked of ``cell``)."""
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        """Any role but the display of a column not in ``LIVE_COLUMNS``."""
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

    def known_count(self) -> int | None:
        """The count when the subclass has it without a query (then ``count`` is not asked)."""
        return None

    def reload(self) -> None:
        conn = self._reader()
        keep = max(PAGE, len(self._rows))
        total = self.known_count()
        if total is None:
            rows = self.page(conn, 0, keep)
            total = len(rows) if len(rows) < keep else self.count(conn)  # a short page: all
        else:
            rows = self.page(conn, 0, min(keep, total)) if total else []
        self.beginResetModel()
        self._total, self._rows = total, rows
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._pos = {self.key(r): i for i, r in enumerate(self._rows)}
        self._texts = [None] * len(self._rows)

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
        self._texts.extend([None] * len(more))
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
            self._texts[i] = None
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

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in self.ROLES:
            return None
        i = index.row()  # -1 for an invalid index
        if not 0 <= i < len(self._rows):
            return None
        column = index.column()
        if role == DISPLAY and column not in self.LIVE_COLUMNS:
            texts = self._texts[i]
            if texts is None:
                texts = self._texts[i] = self.texts(self._rows[i])
            return texts[column] if 0 <= column < len(texts) else None
        value = self.cell(self._rows[i], column, role)
        return plain_tip(value) if role == TOOLTIP else value

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return self._pos.get(key, -1)

    def keys(self) -> list[str]:
        return [self.key(r) for r in self._rows]
