"""寄件地址: the sender address of one e-waybill account. ``account/get`` often has no
``sender_address`` (its official example has none), which used to be a dead end; here the
seller picks one of the shop's own ship-from addresses (merchant address list, read on the
event loop) or types one. It is saved per account, durably, before the dialog says so, and it
is editable later; it wins over the account's own address for every new waybill.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...api.errors import ApiError
from ...api.shop_address import list_ship_from
from ...domain.validation import ValidationFailed
from ...domain.waybill import CarrierAccount, SenderAddress
from ...ops import shipping as shipping_ops
from ...store import Store
from .. import messages
from ..widgets.plain_text import PlainLabel

_PHONE = re.compile(r"[0-9][0-9-]{6,19}")


class SenderDialog(QDialog):
    def __init__(self, account: CarrierAccount, store: Store, api: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.store, self.api = account, store, api
        self.setWindowTitle(self.tr("面单账号 %1 的寄件地址").replace("%1", account.acct_id))
        self.setMinimumWidth(480)
        self.shop_addresses: list[SenderAddress] = []
        self.saving: asyncio.Task | None = None
        self.choice = QComboBox()
        self.choice.addItem(self.tr("手动填写"), -1)
        self.choice.currentIndexChanged.connect(self._picked)
        self.fields = {key: QLineEdit() for key in ("name", "mobile", "province", "city",
                                                    "county", "address")}
        self.note = PlainLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("店铺地址"), self.choice)
        for key, label in (("name", self.tr("寄件人")), ("mobile", self.tr("手机号")),
                           ("province", self.tr("省")), ("city", self.tr("市")),
                           ("county", self.tr("区/县")), ("address", self.tr("详细地址"))):
            form.addRow(label, self.fields[key])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        current = (shipping_ops.chosen_sender(store.reader(), account.acct_id)
                   or account.sender)
        if current is not None:
            self._fill(current)
        self.loading: asyncio.Task | None = asyncio.ensure_future(self.load())

    def _fill(self, sender: SenderAddress) -> None:
        for key, edit in self.fields.items():
            edit.setText(getattr(sender, key))

    async def load(self) -> None:
        """The shop's ship-from addresses (when online); typing stays possible meanwhile."""
        if self.api is None:
            return
        self.note.setText(self.tr("正在读取店铺地址…"))
        try:
            self.shop_addresses = await list_ship_from(self.api)
        except ApiError as exc:
            self.note.setText(self.tr("读不到店铺地址（%1），请手动填写").replace(
                "%1", messages.message(exc.message)))
            return
        if not self.shop_addresses:
            self.note.setText(self.tr("店铺没有地址，请手动填写"))
            return
        self.note.setText("")
        for n, sender in enumerate(self.shop_addresses):
            self.choice.addItem(f"{sender.name} {sender.one_line()}", n)
        if not any(e.text().strip() for e in self.fields.values()):
            self.choice.setCurrentIndex(1)  # nothing yet: the shop's default ship-from

    def _picked(self, _index: int) -> None:
        n = self.choice.currentData()
        if isinstance(n, int) and 0 <= n < len(self.shop_addresses):
            self._fill(self.shop_addresses[n])

    def sender(self) -> SenderAddress:
        v = {key: edit.text().strip() for key, edit in self.fields.items()}
        return SenderAddress(name=v["name"], mobile=v["mobile"], province=v["province"],
                             city=v["city"], county=v["county"], address=v["address"])

    def problem(self) -> str:
        sender = self.sender()
        for key, label in (("name", self.tr("寄件人")), ("mobile", self.tr("手机号")),
                           ("province", self.tr("省")), ("city", self.tr("市")),
                           ("address", self.tr("详细地址"))):
            if not getattr(sender, key):
                return self.tr("请填写%1").replace("%1", label)
        if not _PHONE.fullmatch(sender.mobile):
            return self.tr("请填写正确的手机号或电话（数字和 -）")
        return ""

    def save(self) -> asyncio.Task | None:
        problem = self.problem()
        if problem:
            self.note.setText(problem)
            return None
        if self.saving is None or self.saving.done():
            self.saving = asyncio.ensure_future(self._save(self.sender()))
        return self.saving

    async def _save(self, sender: SenderAddress) -> None:
        self.buttons.setEnabled(False)
        try:
            await shipping_ops.save_sender(self.store, self.account.acct_id, sender)
        except ValidationFailed as exc:
            self.note.setText(messages.message(str(exc)))
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()

    def done(self, result: int) -> None:
        if self.loading is not None:
            self.loading.cancel()
        super().done(result)
