"""自己联系物流: ship an order with the seller's own carrier and waybill number (typed, or scanned
by a keyboard-wedge scanner, which types the number and presses Enter)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ...api.schemas import Carrier
from ..carriers import carrier_name
from ..widgets import SHOP_DATA_ROLE
from ..widgets.plain_text import PlainLabel


class SelfShipDialog(QDialog):
    """Emits ``ship(order_id, delivery_id, waybill_id, delivery_name)`` on OK; the screen runs it."""

    ship = Signal(str, str, str, str)

    def __init__(self, order_id: str, carriers: Sequence[Carrier],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("自己联系物流发货"))
        self.order_id = order_id
        self.names = {c.delivery_id: c.delivery_name for c in carriers}  # as the store has them
        self.carrier = QComboBox()
        for c in carriers:
            name, known = carrier_name(c.delivery_id, c.delivery_name)
            self.carrier.addItem(self.tr("%1（%2）").replace("%1", name).replace(
                "%2", c.delivery_id), c.delivery_id)
            if not known:
                self.carrier.setItemData(self.carrier.count() - 1, True, SHOP_DATA_ROLE)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("输入或扫描快递单号，回车确认"))
        self.number.setMinimumWidth(  # the hint whole, in either language
            self.number.fontMetrics().horizontalAdvance(self.number.placeholderText()) + 24)
        self.number.returnPressed.connect(self._accept_if_ready)
        self.error = PlainLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_ready)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("订单"), PlainLabel(order_id))
        form.addRow(self.tr("快递公司"), self.carrier)
        form.addRow(self.tr("快递单号"), self.number)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.number.setFocus()

    def _accept_if_ready(self) -> None:
        number = self.number.text().strip()
        if self.carrier.currentIndex() < 0:
            self.error.setText(self.tr("请选择快递公司"))
            return
        if len(number) < 6 or not number.isascii() or not number.replace("-", "").isalnum():
            self.error.setText(self.tr("快递单号应为至少 6 位的字母或数字"))
            self.number.selectAll()
            return
        name = self.names.get(str(self.carrier.currentData()), "")
        self.error.setText(self.tr("正在发货…"))
        self.buttons.setEnabled(False)
        # The dialog stays open until the shipment is saved (``shipped``) or refused
        # (``failed``): a refused number must not vanish with the dialog.
        self.ship.emit(self.order_id, str(self.carrier.currentData()), number, name)

    def shipped(self) -> None:
        self.accept()

    def failed(self, message: str) -> None:
        self.error.setText(message)
        self.buttons.setEnabled(True)
        self.number.setFocus()
