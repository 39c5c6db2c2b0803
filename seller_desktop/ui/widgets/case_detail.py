"""The 售后 detail pane: one case with its order lines, amount, type, reason, the buyer's words
and proof images, return / reship tracking, the statuses it went through, a queued answer or
the store's refusal of it, and the seller's answer buttons (enabled as the status allows)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import aftersale as rules
from ...domain import timeutil
from ...domain.aftersale import Shipment
from ...domain.money import format_fen
from ...ops.aftersale import ACTION_LABELS
from ...store.aftersale_queries import CaseDetail
from .. import aftersale_labels as words
from .. import labels
from . import SHOP_DATA
from .plain_text import PlainLabel

# action name -> the statuses that allow it (the ops check the same sets)
ACTIONS = {"accept": rules.ACCEPT_STATUSES, "reject": rules.REJECT_STATUSES,
           "negotiate": rules.NEGOTIATE_STATUSES,
           "refund_certificate": rules.CERTIFICATE_STATUSES,
           "reship": rules.RESHIP_STATUSES, "reject_reship": rules.RESHIP_STATUSES}
EXCHANGE_ONLY = frozenset({"reship", "reject_reship"})


def _value(shop_data: bool = False) -> QLabel:
    label = PlainLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a buyer's "<b>" is shown, not rendered
    label.setProperty(SHOP_DATA, shop_data)
    label.setTextInteractionFlags(label.textInteractionFlags()
                                  | label.textInteractionFlags().TextSelectableByMouse)
    return label


def allowed(detail: CaseDetail | None, action: str) -> bool:
    if detail is None or detail.local_action:
        return False
    case = detail.case
    if action in EXCHANGE_ONLY and case.type != rules.CaseType.EXCHANGE:
        return False
    if action in ("reship", "reject_reship") or case.type != rules.CaseType.EXCHANGE:
        return case.status in ACTIONS[action]
    # an exchange waiting for receipt is answered by reshipping, not by accept/reject
    return case.status in ACTIONS[action] and case.status not in rules.RESHIP_STATUSES


class CaseDetailPane(QScrollArea):
    action = Signal(str, str)  # action name, case id
    open_order = Signal(str)

    def __init__(self, clock: Callable[[], int] = timeutil.now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.detail: CaseDetail | None = None
        self.setWidgetResizable(True)
        # the texts wrap to the pane's width (English labels are longer)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.heading = PlainLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)
        self.error = PlainLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        layout.addWidget(self.error)

        form = QFormLayout()
        self.type = _value()
        self.status = _value()
        self.actor = _value()
        self.left = _value()
        self.amount = _value()
        self.order = _value()
        self.reason = _value(True)
        self.buyer_words = _value(True)
        self.proofs = _value(True)
        for title, widget in ((self.tr("类型"), self.type), (self.tr("状态"), self.status),
                              (self.tr("等待"), self.actor), (self.tr("剩余时间"), self.left),
                              (self.tr("退款金额"), self.amount), (self.tr("订单"), self.order),
                              (self.tr("原因"), self.reason),
                              (self.tr("买家说明"), self.buyer_words),
                              (self.tr("凭证图片"), self.proofs)):
            form.addRow(title, widget)
        layout.addLayout(form)

        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        names = {"accept": self.tr("同意…"), "reject": self.tr("拒绝…"),
                 "negotiate": self.tr("协商…"), "refund_certificate": self.tr("上传退款凭证…"),
                 "reship": self.tr("换货发货…"), "reject_reship": self.tr("拒绝换货发货…")}
        for i, (name, text) in enumerate(names.items()):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, n=name: self._act(n))
            buttons.addWidget(button, i // 2, i % 2)
            self.buttons[name] = button
        self.order_button = QPushButton(self.tr("查看订单"))
        self.order_button.clicked.connect(
            lambda: self.detail and self.open_order.emit(self.detail.case.order_id))
        buttons.addWidget(self.order_button, 3, 0)
        layout.addLayout(buttons)

        self.lines = QTableWidget(0, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("商品"), self.tr("数量"), self.tr("小计")])
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.setColumnWidth(1, 50)
        self.lines.setColumnWidth(2, 80)
        self.lines.setMaximumHeight(120)
        layout.addWidget(self.lines)

        parcels = QGroupBox(self.tr("物流"))
        parcels_form = QFormLayout(parcels)
        self.return_parcel = _value()
        self.reship_parcel = _value()
        parcels_form.addRow(self.tr("买家退货"), self.return_parcel)
        parcels_form.addRow(self.tr("换货发出"), self.reship_parcel)
        layout.addWidget(parcels)

        history = QGroupBox(self.tr("处理记录"))
        history_layout = QVBoxLayout(history)
        self.history = _value()
        history_layout.addWidget(self.history)
        layout.addWidget(history)
        layout.addStretch(1)
        self.show_detail(None)

    @property
    def case_id(self) -> str | None:
        return self.detail.case.case_id if self.detail else None

    def _act(self, name: str) -> None:
        if self.detail is not None:
            self.action.emit(name, self.detail.case.case_id)

    def _parcel(self, parcel: Shipment | None) -> str:
        if parcel is None or not parcel.waybill_id:
            return "—"
        return f"{parcel.delivery_name or parcel.delivery_id} {parcel.waybill_id}"

    def tick(self) -> None:
        detail = self.detail
        if detail is None or not detail.deadline_at or detail.case.info.closed:
            self.left.setText("—")
            return
        left = detail.deadline_at - self.clock()
        self.left.setText(labels.time_left(left) if left > 0 else self.tr("已到期"))

    def show_detail(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        self.widget().setEnabled(detail is not None)
        for name, button in self.buttons.items():
            button.setEnabled(allowed(detail, name))
        if detail is None:
            self.heading.setText(self.tr("选择一个售后单查看详情"))
            for label in (self.error, self.type, self.status, self.actor, self.left,
                          self.amount, self.order, self.reason, self.buyer_words, self.proofs,
                          self.return_parcel, self.reship_parcel, self.history):
                label.setText("")
            self.lines.setRowCount(0)
            return
        case = detail.case
        self.heading.setText(self.tr("售后单 %1").replace("%1", case.case_id))
        status = words.status(case.status)
        if detail.local_action:
            status += self.tr("（%1 处理中，等待同步）").replace(
                "%1", words.tr(ACTION_LABELS.get(detail.local_action, detail.local_action)))
        self.status.setText(status)
        self.error.setText(self.tr("上次处理被微信小店拒绝：%1").replace(
            "%1", detail.action_error) if detail.action_error else "")
        self.error.setVisible(bool(detail.action_error))
        self.type.setText(words.case_type(case.type))
        self.actor.setText(words.actor(case.actor))
        self.tick()
        self.amount.setText(format_fen(case.amount) + (
            self.tr("（%n 件）", "", case.count) if case.count else ""))
        self.order.setText(case.order_id)
        self.reason.setText(case.reason_text or case.reason or "—")
        self.buyer_words.setText(case.buyer_desc or "—")
        self.proofs.setText("\n".join(detail.proof_images) or "—")
        self.return_parcel.setText(self._parcel(case.return_parcel))
        self.reship_parcel.setText(self._parcel(case.reship_parcel))
        self.history.setText("\n".join(
            f"{timeutil.format_ts(t)}  {words.status(s)}" for t, s, _label in detail.history)
            or "—")
        lines = detail.order.lines if detail.order else ()
        self.lines.setRowCount(len(lines))
        for i, line in enumerate(lines):
            name = f"{line.title}\n{line.attrs_text()}" if line.sku_attrs else line.title
            mark = " ◀" if line.sku_id == case.sku_id and case.sku_id else ""
            for column, text in enumerate((name + mark, f"×{line.sku_cnt}",
                                           format_fen(line.real_price))):
                self.lines.setItem(i, column, QTableWidgetItem(text))
