"""One section of the gift board (awaiting / accepted / expired) as a table model.

The awaiting section's countdown column is recomputed from ``clock()`` on every paint;
``tick()`` (driven by the board's single QTimer) only tells the views that column changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain import timeutil
from ...domain.money import format_fen
from ...domain.order import GIFT_TTL_SECONDS
from ...store import ui_queries as q
from .. import labels
from ..widgets.plain_text import plain_tip
from .paged import ROOT, Index

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COL_ITEM, COL_GIVER, COL_NOTE, COL_CHANNEL, COL_TIME, COL_RECIPIENT, COL_AMOUNT = range(7)
URGENT_SECONDS = 2 * 3600


class GiftsModel(QAbstractTableModel):
    def __init__(self, section: q.GiftSection, clock: Callable[[], int] = timeutil.now,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.section = section
        self.clock = clock
        self._rows: list[q.GiftRow] = []

    def set_rows(self, rows: Sequence[q.GiftRow]) -> None:
        self.beginResetModel()
        self._rows = [r for r in rows if r.section is self.section]
        self.endResetModel()

    def order_ids(self) -> list[str]:
        return [r.order_id for r in self._rows]

    def row_at(self, row: int) -> q.GiftRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def tick(self) -> None:
        if self._rows and self.section is q.GiftSection.AWAITING:
            self.dataChanged.emit(self.index(0, COL_TIME),
                                  self.index(len(self._rows) - 1, COL_TIME),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        time_header = {q.GiftSection.AWAITING: QCoreApplication.translate("GiftsModel", "剩余时间"),
                       q.GiftSection.ACCEPTED: QCoreApplication.translate("GiftsModel", "收下已过"),
                       q.GiftSection.EXPIRED: QCoreApplication.translate("GiftsModel", "过期时间")}[self.section]
        headers = [QCoreApplication.translate("GiftsModel", "礼物"), QCoreApplication.translate("GiftsModel", "送礼人"),
                   QCoreApplication.translate("GiftsModel", "礼物留言"), QCoreApplication.translate("GiftsModel", "渠道"), time_header,
                   QCoreApplication.translate("GiftsModel", "收礼人"), QCoreApplication.translate("GiftsModel", "金额")]
        return headers[section] if 0 <= section < len(headers) else None

    def time_left(self, row: q.GiftRow) -> int:
        return row.create_time + GIFT_TTL_SECONDS - self.clock()

    def _time_text(self, row: q.GiftRow) -> str:
        if self.section is q.GiftSection.AWAITING:
            left = self.time_left(row)
            if left <= 0:
                return QCoreApplication.translate("GiftsModel", "即将过期")
            return labels.countdown(left)
        if self.section is q.GiftSection.ACCEPTED:
            return labels.duration(self.clock() - row.accepted_at)
        return timeutil.format_ts(row.accepted_at)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == KEY_ROLE:
            return row.order_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ITEM:
                return row.line_titles
            if column == COL_GIVER:
                return _short_openid(row.giver_openid)
            if column == COL_NOTE:
                return row.present_note
            if column == COL_CHANNEL:
                return labels.send_type(row.send_type)
            if column == COL_TIME:
                return self._time_text(row)
            if column == COL_RECIPIENT:
                if self.section is q.GiftSection.AWAITING:
                    return QCoreApplication.translate("GiftsModel", "等待收下")
                if self.section is q.GiftSection.EXPIRED:
                    return QCoreApplication.translate("GiftsModel", "未收下，已退款")
                return f"{row.user_name} {row.address}".strip()
            if column == COL_AMOUNT:
                return format_fen(row.order_price)
        elif role == Qt.ItemDataRole.ForegroundRole and column == COL_TIME \
                and self.section is q.GiftSection.AWAITING \
                and self.time_left(row) < URGENT_SECONDS:
            return QBrush(QColor("#c62828"))
        elif role == Qt.ItemDataRole.ToolTipRole and column in (COL_NOTE, COL_ITEM, COL_RECIPIENT):
            return plain_tip({COL_NOTE: row.present_note, COL_ITEM: row.line_titles,
                              COL_RECIPIENT: row.address}[column])
        return None


def _short_openid(openid: str) -> str:
    """Openids are long opaque strings; the seller only needs to tell givers apart."""
    return openid if len(openid) <= 10 else f"{openid[:4]}…{openid[-4:]}"
