"""The 发货 screen's actions on orders that already have a waybill or need none: 补打, 取消面单,
自己联系物流. Each acts on the orders the screen's one rule gives (``shipping_selection``: the
ticked rows, else the highlighted one). A mixin of ``ShippingScreen``: it uses the screen's
selection, status line, print target and task runner; texts keep the screen's context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ...api.schemas import Carrier
from ...domain.changes import ChangeSet
from ...labels.content import CARRIER_NAMES
from .. import labels
from ..dialogs.shipping_self import SelfShipDialog
from ..messages import error as error_text


class ShippingOrderActions:
    # provided by ShippingScreen
    selection: Any
    status: Any
    picker: Any
    workflow: Any
    waybill_accounts: Any
    carriers: list[Carrier]
    _run: Any
    _print: Any
    _publish: Any

    def reprint_current(self) -> None:
        """补打 the orders acted on (ticked, else highlighted) whose label printed before."""
        chosen = self.selection.candidates()
        ids = [c.order_id for c in chosen if c.waybill is not None and c.waybill.print_count]
        if not ids:
            self.selection.hint(QCoreApplication.translate(
                "ShippingScreen", "请选择一个已打印过面单的订单"))
            return
        reason, ok = QInputDialog.getText(
            self, QCoreApplication.translate("ShippingScreen", "补打面单"),
            QCoreApplication.translate("ShippingScreen", "补打原因"),
            text=QCoreApplication.translate("ShippingScreen", "面单损坏"))
        if not ok:
            return
        target = self.picker.resolve()
        if target is None:
            self.status.setText(self.picker.problem)
            return
        self._run(self._print(ids, target, reason or QCoreApplication.translate(
            "ShippingScreen", "补打")))

    def cancel_current(self) -> QMessageBox | None:
        """取消面单 of the orders acted on (ticked, else highlighted) that have a waybill. The
        question is opened, not run in a nested event loop (the qasync loop's timers break
        inside one)."""
        waybills = [c.waybill for c in self.selection.candidates() if c.waybill is not None]
        if not waybills:
            self.selection.hint(QCoreApplication.translate(
                "ShippingScreen", "请选择一个已取号的订单"))
            return None
        pending = QCoreApplication.translate("ShippingScreen", "（取号中）")
        numbers = "、".join(w.waybill_id or pending for w in waybills[:5])
        if len(waybills) > 5:
            numbers += "…"
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("ShippingScreen", "取消面单"),
                          QCoreApplication.translate(
                              "ShippingScreen", "取消运单号 %1？取消后单号作废，面单余额退回。"
                          ).replace("%1", numbers), yes | no, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the carrier's waybill numbers
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        eids = [w.ewaybill_order_id for w in waybills]
        box.finished.connect(lambda _r: box.standardButton(box.clickedButton()) == yes
                             and self._run(self._cancel(eids)))
        box.open()
        return box

    async def _cancel(self, ewaybill_order_ids: list[str]) -> None:
        changes = ChangeSet()
        for eid in ewaybill_order_ids:
            changes.merge(await self.workflow.cancel_waybill(eid))
        self._publish(changes)
        await self.waybill_accounts.balances_after(changes)
        self.status.setText(QCoreApplication.translate("ShippingScreen", "面单已取消"))

    def self_ship_current(self) -> SelfShipDialog | None:
        """自己联系物流 for the order acted on (one: a number is typed or scanned for it)."""
        chosen = self.selection.candidates()
        if not chosen:
            self.selection.hint(QCoreApplication.translate("ShippingScreen", "请选择一个订单"))
            return None
        if len(chosen) > 1:
            self.selection.hint(QCoreApplication.translate(
                "ShippingScreen", "自己联系物流一次发一个订单，请只勾选一个"))
            return None
        c = chosen[0]
        if not c.can_ship:
            self.status.setText(labels.shipping(c.reason))
            return None
        carriers = self.carriers or [Carrier(k, v) for k, v in CARRIER_NAMES.items()]
        dialog = SelfShipDialog(c.order_id, carriers, self)
        dialog.ship.connect(lambda *args: self._run(self._ship_self(dialog, *args)))
        dialog.open()
        return dialog

    async def _ship_self(self, dialog: SelfShipDialog, order_id: str, delivery_id: str,
                         waybill_id: str, name: str) -> None:
        try:
            changes = await self.workflow.ship_self(order_id, delivery_id, waybill_id, name)
        except Exception as exc:
            dialog.failed(error_text(exc))
            raise
        dialog.shipped()
        self._publish(changes)
        self.status.setText(
            QCoreApplication.translate("ShippingScreen", "订单 %1 已发货（%2 %3）")
            .replace("%1", order_id).replace("%2", name).replace("%3", waybill_id))
