"""The shipping screen's table (orders to ship, checkable, with their waybill stage) and the
shipping preferences kept in the app's settings file (label printer, size, print path, and the
打印设置: the component's address, the custom area, sheets through the component).

Rows come from ``ShippingWorkflow.candidates()``; an order that cannot ship (a gift not yet
accepted) is shown greyed, cannot be checked, and says why in its 状态 column and tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain import money, timeutil
from ...workflows.shipping import Candidate
from .. import labels
from ..carriers import carrier_name
from ..messages import message
from ..settings import Setting, Settings
from ..widgets.plain_text import plain_tip

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("ShippingModel", "订单号"), QT_TRANSLATE_NOOP("ShippingModel", "状态"),
    QT_TRANSLATE_NOOP("ShippingModel", "收件人"), QT_TRANSLATE_NOOP("ShippingModel", "商品"),
    QT_TRANSLATE_NOOP("ShippingModel", "件数（实付）"), QT_TRANSLATE_NOOP("ShippingModel", "快递"),
    QT_TRANSLATE_NOOP("ShippingModel", "运单号"), QT_TRANSLATE_NOOP("ShippingModel", "下单时间"),
)
STAGE_COLUMN = 1
GREY = QColor("#9a9a9a")
RED = QColor("#c62828")

# print paths on the screen's 打印到 picker
TARGET_PDF = "pdf"
TARGET_COMPONENT = "component"


class ShippingPrefs:
    """What the seller chose last time; stored under ``shipping/`` in settings.ini."""

    printer = Setting("shipping/label_printer", "")  # remembered OS label printer
    size = Setting("shipping/label_size", "76x130")
    target = Setting("shipping/target", "")  # a printer name, TARGET_PDF or TARGET_COMPONENT
    target_chosen = Setting("shipping/target_chosen", False)  # the seller picked it by hand
    custom_area_url = Setting("shipping/custom_area_url", "")  # component customInfo template
    custom_area_text = Setting("shipping/custom_area_text", "")  # labels.custom_area placeholders
    component_url = Setting("shipping/component_url", "")  # "" = ws://127.0.0.1:12705
    everything_component = Setting("shipping/everything_component", False)  # sheets too
    a4_printer = Setting("shipping/a4_component_printer", "")  # the component's, for sheets
    component_printer = Setting("shipping/component_printer", "")
    pdf_dir = Setting("shipping/pdf_dir", "")
    account = Setting("shipping/acct_id", "")

    def __init__(self, settings: Settings | None) -> None:
        self.qsettings = settings.qsettings if settings is not None else _Memory()

    def save(self) -> bool:
        """Write the settings file now; False if it could not be written (disk full, a
        read-only folder): the caller says so instead of "saved"."""
        if not isinstance(self.qsettings, QSettings):
            return True
        self.qsettings.sync()
        return self.qsettings.status() == QSettings.Status.NoError


class _Memory:
    """Preferences for a screen built without a settings file (tests, previews)."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:
        self.values[key] = value


class ShippingModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Candidate] = []
        self.checked: set[str] = set()

    # -- data ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        shippable = {c.order_id for c in self.rows if c.can_ship}
        self.checked &= shippable
        self.endResetModel()

    def row_of(self, order_id: str) -> int:
        return next((i for i, c in enumerate(self.rows) if c.order_id == order_id), -1)

    def candidate(self, row: int) -> Candidate | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def checked_ids(self) -> list[str]:
        return [c.order_id for c in self.rows if c.order_id in self.checked]

    def set_checked(self, order_ids: Sequence[str], on: bool = True) -> None:
        for order_id in order_ids:
            row = self.row_of(order_id)
            if row >= 0:
                self.setData(self.index(row, 0),
                             Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                             Qt.ItemDataRole.CheckStateRole)

    def check_all(self, on: bool = True) -> None:
        self.set_checked([c.order_id for c in self.rows if c.can_ship], on)

    # -- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        c = self.rows[index.row()]
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.column() == 0 and c.can_ship:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 \
                or role != Qt.ItemDataRole.CheckStateRole:
            return False
        c = self.rows[index.row()]
        if not c.can_ship:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(c.order_id)
        else:
            self.checked.discard(c.order_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(c, col)
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            if not c.can_ship:
                return None
            return Qt.CheckState.Checked if c.order_id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if not c.can_ship:
                return QBrush(GREY)
            if col == STAGE_COLUMN and c.waybill_error:
                return QBrush(RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tip(c))
        if role == Qt.ItemDataRole.UserRole:
            return c.order_id
        return None

    def _tip(self, c: Candidate) -> str:
        if not c.can_ship:
            text = self.tr("不能发货：") + labels.shipping(c.reason)
            # a held order (case, buyer request, old label) also says what to do
            return text + ("\n" + labels.shipping(c.verdict.remedy) if c.verdict.remedy
                           else "")
        if c.waybill_error:
            return message(c.waybill_error)
        return "\n".join(f"{ln.title} {ln.attrs_text()} ×{ln.sku_cnt}" for ln in c.order.lines)

    def _text(self, c: Candidate, col: int) -> str:
        order = c.order
        if col == 0:
            return order.order_id
        if col == STAGE_COLUMN:  # a stage, or the store's refusal of the last 取号
            return message(c.stage)
        if col == 2:
            a = order.address
            return f"{a.user_name} {a.province}{a.city}" if a else "—"
        if col == 3:
            first = order.lines[0].title if order.lines else ""
            if len(order.lines) > 1:
                return self.tr("%1 等%n种", "", len(order.lines)).replace("%1", first)
            return first
        if col == 4:
            return self.tr("%1（%2）").replace("%1", str(order.item_count)).replace(
                "%2", money.format_fen(order.order_price))
        if col == 5:
            return (carrier_name(c.waybill.delivery_id, c.waybill.delivery_name)[0]
                    if c.waybill else "")
        if col == 6:
            return c.waybill.waybill_id if c.waybill else ""
        if col == 7:
            return timeutil.format_ts(order.create_time)
        return ""
