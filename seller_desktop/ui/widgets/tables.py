"""How the window's read-only tables behave: whole rows selected, no editing, no row numbers."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView, QTableView

View = TypeVar("View", bound=QTableView)


def read_only_rows(table: View, *, multi: bool = False) -> View:
    """Set ``table`` up as a list of rows to pick from (``multi``: several at once)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    return table
