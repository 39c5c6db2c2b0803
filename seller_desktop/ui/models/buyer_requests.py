"""The buyer requests waiting for the seller (修改地址 / 发货前换款), oldest first, as a table.

Rows come from ``store.aftersale_queries.pending_requests``; a queued answer shows as 处理中
until the store confirms it. The waited-for column is recomputed from ``clock()`` on paint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt

from ...domain import timeutil
from ...domain.aftersale import BuyerRequest
from .. import aftersale_labels as words
from .. import labels
from ..widgets.plain_text import plain_tip
from .paged import ROOT, Index
from .roles import DISPLAY, KEY, TOOLTIP

COL_ORDER, COL_KIND, COL_WHAT, COL_APPLIED, COL_WAITED, COL_STATE = range(6)
# the platform approves an address change left unanswered for 12 h (aftersale.md §5)
ADDRESS_AUTO_APPROVE = 12 * 3600


class RequestsModel(QAbstractTableModel):
    def __init__(self, clock: Callable[[], int] = timeutil.now, parent: Any = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._rows: list[BuyerRequest] = []

    def set_rows(self, rows: Sequence[BuyerRequest]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BuyerRequest | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def keys(self) -> list[str]:
        return [f"{r.kind}:{r.order_id}" for r in self._rows]

    def row_of(self, key: str) -> int:
        keys = self.keys()
        return keys.index(key) if key in keys else -1

    def tick(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_WAITED),
                                  self.index(len(self._rows) - 1, COL_STATE))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = [QCoreApplication.translate("RequestsModel", "订单号"), QCoreApplication.translate("RequestsModel", "申请"), QCoreApplication.translate("RequestsModel", "内容"), QCoreApplication.translate("RequestsModel", "申请时间"), QCoreApplication.translate("RequestsModel", "已等待"), QCoreApplication.translate("RequestsModel", "处理")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == KEY:
            return f"{row.kind}:{row.order_id}"
        if role == TOOLTIP and column == COL_WHAT:
            return plain_tip(row.new_address_text)
        if role != DISPLAY:
            return None
        if column == COL_ORDER:
            return row.order_id
        if column == COL_KIND:
            return words.request_kind(row.kind)
        if column == COL_WHAT:
            return plain_tip(row.new_address_text) if row.kind == "address" else QCoreApplication.translate("RequestsModel", "买家想换成其他规格")
        if column == COL_APPLIED:
            return timeutil.format_ts(row.apply_time) if row.apply_time else "—"
        if column == COL_WAITED:
            return labels.duration(self.clock() - row.apply_time) if row.apply_time else "—"
        if column == COL_STATE:
            if row.answer == "accept":
                return QCoreApplication.translate("RequestsModel", "已同意，同步中")
            if row.answer == "reject":
                return QCoreApplication.translate("RequestsModel", "已拒绝，同步中")
            if row.kind == "address" and row.apply_time:
                left = row.apply_time + ADDRESS_AUTO_APPROVE - self.clock()
                if left > 0:  # silence is a yes: say when the platform decides
                    return QCoreApplication.translate(
                        "RequestsModel", "待处理，%1后自动同意").replace(
                        "%1", labels.duration(left))
            return QCoreApplication.translate("RequestsModel", "待处理")
        return None
