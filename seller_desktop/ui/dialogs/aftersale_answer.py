"""The dialog that answers one case: 同意 (with a return address when the case needs one),
拒绝 (a reason from the store's list for the case's scene), 协商, 上传退款凭证, 换货发货 and
拒绝换货发货. Where money leaves the shop it says how much and to whom, and its button says it
again ("确认退款 ¥12.50"): the dialog is the confirmation.

It never runs ``exec()``: opened with ``open()``, its choices load in a task, and its OK button
spawns the answer; a refusal (the ops' checks, the store offline) shows in the dialog, which
stays open with everything the seller typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...api.errors import ApiError
from ...domain import aftersale as rules
from ...domain.money import fen_to_yuan_text, format_fen, parse_yuan
from ...domain.validation import ValidationFailed
from ...workflows.aftersale import RESHIP_SCENE, SCENES
from .. import aftersale_labels as words
from ..aftersale_actions import AfterSaleActions
from ..widgets import SHOP_DATA
from ..widgets.plain_text import PlainLabel

# merchantupdateaftersale reasons (aftersale.md §1.4): type -> (update type, needs images, text)
NEGOTIATE_REASONS = {8: (3, False, QT_TRANSLATE_NOOP("AfterSale", "生鲜商品，无需退货直接退款")),
                     6: (3, True, QT_TRANSLATE_NOOP("AfterSale", "新方案已与买家协商一致")),
                     10: (3, True, QT_TRANSLATE_NOOP("AfterSale", "仅修改退款金额")),
                     7: (2, True, QT_TRANSLATE_NOOP("AfterSale", "联系不上买家，请补充凭证")),
                     9: (1, True, QT_TRANSLATE_NOOP("AfterSale", "已发货，拦截失败"))}
TITLES = {"accept": QT_TRANSLATE_NOOP("AfterSale", "同意售后"),
          "reject": QT_TRANSLATE_NOOP("AfterSale", "拒绝售后"),
          "negotiate": QT_TRANSLATE_NOOP("AfterSale", "与买家协商"),
          "refund_certificate": QT_TRANSLATE_NOOP("AfterSale", "上传线下退款凭证"),
          "reship": QT_TRANSLATE_NOOP("AfterSale", "换货：发出新商品"),
          "reject_reship": QT_TRANSLATE_NOOP("AfterSale", "拒绝换货发货")}


class AnswerDialog(QDialog):
    def __init__(self, action: str, case: rules.AfterSaleCase, answers: AfterSaleActions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action, self.case, self.answers = action, case, answers
        self.images: list[str] = []
        self.task: Any = None
        self.setWindowTitle(words.tr(TITLES[action]))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.choice = QComboBox()  # return address, reject reason, negotiation reason, carrier
        self.choice.setProperty(SHOP_DATA, True)  # the store's addresses and reason texts
        self.text = QPlainTextEdit()
        self.text.setMaximumHeight(80)
        self.amount = QLineEdit()
        self.number = QLineEdit()
        self.pick = QPushButton(self.tr("选择图片…"))
        self.picked = PlainLabel()
        self.error = PlainLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.pick.clicked.connect(self._pick_images)
        self._build()
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        case, action = self.case, self.action
        what = self.tr("%1 · %2 · 订单 %3").replace("%1", words.case_type(case.type)).replace(
            "%2", format_fen(case.amount)).replace("%3", case.order_id)
        self.ok.setText(self.tr("确定"))
        if action == "accept":
            pays = rules.accept_pays_buyer(case)
            if rules.needs_return_address(case):
                self.form.addRow(self.tr("退货地址"), self.choice)
                self._load(self._addresses())
                text = self.tr("同意后买家将把商品寄回所选地址。")
            elif pays:
                text = self.tr("同意后将立即退款 %1 给买家，此操作不能撤回。").replace(
                    "%1", format_fen(case.amount))
            else:
                text = self.tr("同意买家的售后申请。")
            if pays:
                self.ok.setText(self.tr("确认退款 %1").replace("%1", format_fen(case.amount)))
            else:
                self.ok.setText(self.tr("同意"))
            self.summary.setText(what + "\n" + text)
        elif action in ("reject", "reject_reship"):
            scene = RESHIP_SCENE if action == "reject_reship" else SCENES.get(case.type, 1)
            self.form.addRow(self.tr("拒绝原因"), self.choice)
            self.form.addRow(self.tr("给买家的说明"), self.text)
            self.choice.currentIndexChanged.connect(self._reason_picked)
            self._load(self._reasons(scene))
            self.summary.setText(what + "\n" + self.tr("买家可以修改申请或申请平台介入。"))
            self.ok.setText(self.tr("拒绝"))
        elif action == "negotiate":
            for code, (_kind, _image, text) in NEGOTIATE_REASONS.items():
                self.choice.addItem(words.tr(text), code)
            self.choice.setProperty(SHOP_DATA, False)
            self.choice.currentIndexChanged.connect(self._negotiate_picked)
            self.amount.setText(fen_to_yuan_text(case.amount))
            self.form.addRow(self.tr("协商原因"), self.choice)
            self.form.addRow(self.tr("退款金额（元）"), self.amount)
            self.form.addRow(self.tr("给买家的说明"), self.text)
            self.form.addRow(self.pick, self.picked)
            self._negotiate_picked()
            self.summary.setText(what + "\n" + self.tr(
                "买家同意新方案后，平台按新金额退款。"))
            self.ok.setText(self.tr("发送协商"))
        elif action == "refund_certificate":
            self.form.addRow(self.tr("说明"), self.text)
            self.form.addRow(self.pick, self.picked)
            self.summary.setText(what + "\n" + self.tr(
                "平台退款失败：请先线下退款 %1，再上传转账凭证。").replace(
                "%1", format_fen(case.amount)))
            self.ok.setText(self.tr("上传凭证"))
        elif action == "reship":
            self.form.addRow(self.tr("快递公司"), self.choice)
            self.form.addRow(self.tr("快递单号"), self.number)
            self._load(self._carriers())
            self.summary.setText(what + "\n" + self.tr("确认已收到退回的商品，并发出新商品。"))
            self.ok.setText(self.tr("确认发货"))

    def _load(self, coro: Any) -> None:
        self.ok.setEnabled(False)
        self.choice.setEnabled(False)
        self.choice.addItem(self.tr("读取中…"))
        self.task = self.answers.actions.tasks.spawn(self._fill(coro))

    async def _fill(self, coro: Any) -> None:
        try:
            items = await coro
        except ApiError as exc:
            self.choice.clear()
            self.error.setText(words.message(exc.message))
            return
        self.choice.clear()
        for text, data in items:
            self.choice.addItem(text, data)
        self.choice.setEnabled(True)
        self.ok.setEnabled(bool(items))
        if not items:
            self.error.setText(self.tr("微信小店没有返回可选项，请在小店后台设置后再试"))

    async def _addresses(self) -> list[tuple[str, Any]]:
        found = await self.answers.lookups.return_addresses()
        return [((self.tr("【默认】") if a.default_recv else "") + a.text, a.address_id)
                for a in found]

    async def _reasons(self, scene: int) -> list[tuple[str, Any]]:
        found = await self.answers.lookups.reject_reasons(scene)
        return [(r.text, (r.reject_reason_type, r.default_reason)) for r in found]

    async def _carriers(self) -> list[tuple[str, Any]]:
        return [(c.delivery_name or c.delivery_id, c.delivery_id)
                for c in await self.answers.lookups.carriers()]

    def _reason_picked(self) -> None:
        data = self.choice.currentData()
        if data and not self.text.toPlainText().strip():
            self.text.setPlainText(data[1])

    def _negotiate_picked(self) -> None:
        code = self.choice.currentData()
        need_image = NEGOTIATE_REASONS.get(code, (0, False, ""))[1]
        self.pick.setVisible(need_image)
        self.picked.setVisible(need_image)

    def _pick_images(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择凭证图片"), "", self.tr("图片 (*.jpg *.jpeg *.png)"))
        if paths:
            self.images = paths
            self.picked.setText(self.tr("已选 %n 张", "", len(paths)))

    # -- answering ------------------------------------------------------------------------------

    def submit(self) -> None:
        self.error.setText("")
        try:
            coro = self._answer()
        except ValueError as exc:  # an amount that is not one (MoneyError), missing pictures
            self.error.setText(words.message(str(exc)))
            return
        self.ok.setEnabled(False)
        self.task = self.answers.actions.tasks.spawn(self._send(coro))

    def _answer(self) -> Any:
        a, case_id, text = self.answers, self.case.case_id, self.text.toPlainText()
        data = self.choice.currentData()
        if self.action == "accept":
            return a.accept(case_id, data or "")
        if self.action in ("reject", "reject_reship"):
            reason_type = data[0] if data else 0
            send = a.reject if self.action == "reject" else a.reject_reship
            return send(case_id, reason_type, text)
        if self.action == "negotiate":
            update_type, need_image, _ = NEGOTIATE_REASONS[data]
            if need_image and not self.images:
                raise ValueError("这个协商原因需要上传凭证图片")
            target = 1 if self.case.type == rules.CaseType.REFUND or data == 8 else 2
            return a.negotiate(case_id, target_type=target,
                               amount=parse_yuan(self.amount.text().strip()), desc=text,
                               update_reason_type=data, merchant_update_type=update_type,
                               images=self.images if need_image else ())
        if self.action == "refund_certificate":
            if not self.images:
                raise ValueError("请上传退款凭证图片")
            return a.refund_certificate(case_id, self.images, text)
        return a.reship(case_id, data or "", self.number.text())

    async def _send(self, coro: Any) -> None:
        try:
            await coro
        except ValidationFailed as exc:
            self.error.setText("\n".join(words.message(i.message) for i in exc.issues))
        except ApiError as exc:
            self.error.setText(words.message(exc.message))
        except OSError as exc:  # a picked picture went away or cannot be read
            self.error.setText(self.tr("读取图片失败：%1").replace("%1", exc.strerror or str(exc)))
        else:
            self.accept()
            return
        finally:
            self.ok.setEnabled(True)
