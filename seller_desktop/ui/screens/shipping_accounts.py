"""The 发货 screen's e-waybill accounts: the list with each account's remaining waybill stock,
loaded the first time the screen is shown online or on 刷新账号, and read again after numbers
were taken or cancelled (the stock shown would be stale otherwise); 寄件地址… for the chosen
account (``dialogs/sender_dialog.py``). Texts keep the screen's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QPushButton

from ...api.errors import ApiError
from ...api.schemas import Carrier
from ...domain.changes import ChangeSet
from ...domain.waybill import CarrierAccount
from ...workflows.shipping import ShippingWorkflow
from ..carriers import carrier_name
from ..dialogs.sender_dialog import SenderDialog
from ..models.shipping import ShippingPrefs
from ..widgets import SHOP_DATA


class WaybillAccounts:
    def __init__(self, workflow: ShippingWorkflow, prefs: ShippingPrefs) -> None:
        self.workflow = workflow
        self.prefs = prefs
        self.combo = QComboBox()
        self.combo.setMinimumWidth(280)
        self.combo.setProperty(SHOP_DATA, True)  # carriers' and sites' names, as they come
        self.accounts: list[CarrierAccount] = []
        self.carriers: list[Carrier] = []
        self.asked = False  # loaded once by themselves already
        self.sender_button = QPushButton(QCoreApplication.translate("ShippingScreen",
                                                                    "寄件地址…"))
        self.sender_button.clicked.connect(lambda: self.edit_sender())
        self.sender_dialog: SenderDialog | None = None

    def edit_sender(self) -> SenderDialog | None:
        """The chosen account's sender address (the shop's own addresses, or typed)."""
        account = self.chosen()
        if account is None:
            self.combo.setPlaceholderText(QCoreApplication.translate(
                "ShippingScreen", "请先选择电子面单账号"))
            return None
        self.sender_dialog = SenderDialog(account, self.workflow.store, self.workflow.api,
                                          self.combo.window())
        self.sender_dialog.open()
        return self.sender_dialog

    def show_offline(self) -> None:
        self.combo.clear()
        self.combo.setPlaceholderText(QCoreApplication.translate(
            "ShippingScreen", "离线：不能取号，可打印已取号的面单"))

    async def load(self) -> None:
        await self.reload_balances()
        try:
            self.carriers = await self.workflow.carriers()
            await self.workflow.refresh_shop_name()
        except ApiError:
            pass  # the numbers still work; self-shipping falls back to the built-in list

    async def reload_balances(self) -> None:
        """Read the accounts and their remaining stock again; the chosen account stays chosen."""
        chosen = self.combo.currentData() or self.prefs.account
        self.accounts = await self.workflow.accounts()
        self.combo.clear()
        from .shipping import ShippingScreen  # its context, with Qt's plural forms

        for a in self.accounts:
            site = a.site_name or QCoreApplication.translate("ShippingScreen", "月结")
            carrier = carrier_name(a.delivery_id, a.delivery_name)[0]
            self.combo.addItem(f"{carrier} · {site} · "
                               + ShippingScreen.tr("余 %n 张", "", a.available), a.acct_id)
        self.combo.setCurrentIndex(max(self.combo.findData(chosen), 0))

    async def balances_after(self, changes: ChangeSet) -> None:
        """After a change to waybills: the stock shown follows the server's (a failed read only
        leaves the old number; 刷新账号 reads it again)."""
        if changes.waybills and self.accounts and self.workflow.api is not None:
            try:
                await self.reload_balances()
            except ApiError:
                pass

    def chosen(self) -> CarrierAccount | None:
        acct_id = self.combo.currentData()
        self.prefs.account = acct_id or ""
        return next((a for a in self.accounts if a.acct_id == acct_id), None)
