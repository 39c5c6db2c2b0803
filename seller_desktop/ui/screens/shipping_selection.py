"""Which orders the 发货 screen's buttons act on: one rule for every action.

The ticked rows when any are ticked, else the highlighted row. A label beside the buttons says
which, as the seller ticks or moves through the list; a "pick an order first" message in the
status line clears itself as soon as there is something to act on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QTableView

from ...workflows.shipping import Candidate
from ..models.shipping import ShippingModel
from ..widgets.plain_text import PlainLabel


class ShippingSelection(QObject):
    def __init__(self, model: ShippingModel, table: QTableView, status: QLabel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = table
        self.status = status
        self.label = PlainLabel()
        self._hints: set[str] = set()
        model.dataChanged.connect(lambda *_: self.update())
        model.modelReset.connect(self.update)
        table.selectionModel().currentRowChanged.connect(lambda *_: self.update())
        self.update()

    def current(self) -> Candidate | None:
        return self.model.candidate(self.table.currentIndex().row())

    def candidates(self) -> list[Candidate]:
        """What an action acts on: the ticked rows, else the highlighted one, else nothing."""
        checked = self.model.checked_ids()
        if checked:
            return [c for c in (self.model.candidate(self.model.row_of(o)) for o in checked)
                    if c is not None]
        current = self.current()
        return [current] if current is not None else []

    def order_ids(self) -> list[str]:
        """The orders to act on; when there are none, says so in the status line."""
        ids = [c.order_id for c in self.candidates()]
        if not ids:
            self.hint(self.tr("请先勾选订单，或在列表中选中一个订单"))
        return ids

    def hint(self, text: str) -> None:
        """A message about the selection: it goes away once the selection changes."""
        self._hints.add(text)
        self.status.setText(text)

    def update(self) -> None:
        n = len(self.model.checked_ids())
        current = self.current()
        if n:
            # English avoids a plural ("Ticked: 3"): no %n forms needed
            self.label.setText(self.tr("已勾选 %n 个订单", "", n))
        elif current is not None:
            self.label.setText(self.tr("未勾选：操作选中的订单 %1").replace(
                "%1", current.order_id))
        else:
            self.label.setText(self.tr("勾选订单，或在列表中选中一个"))
        if self.status.text() in self._hints and (n or current is not None):
            self.status.clear()
