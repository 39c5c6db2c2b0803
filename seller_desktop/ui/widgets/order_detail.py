"""The order detail pane: lines with SKU attributes and amounts, notes (the merchant note is
editable), the masked address, parcels, gift information, and why the order is held (an open
after-sale case or buyer request: ``show_hold``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import timeutil
from ...domain.money import format_fen
from ...domain.order import GIFT_TTL_SECONDS
from ...store import ui_queries as q
from .. import labels
from ..carriers import carrier_name
from . import SHOP_DATA
from .plain_text import PlainLabel

NOTE_MAX = 200
_NOTHING = object()  # the pane before its first show_detail


def _value_label(shop_data: bool = True) -> QLabel:
    """A value of the pane; ``shop_data``: it shows the shop's words (names, notes, addresses),
    not the app's (statuses, times, amounts), which the English UI translates."""
    label = PlainLabel()
    label.setProperty(SHOP_DATA, shop_data)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a buyer's note is shown as written
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags()
                                  | label.textInteractionFlags().TextSelectableByMouse)
    return label


class OrderDetail(QScrollArea):
    note_saved = Signal(str, str)  # order id, merchant note

    def __init__(self, clock: Callable[[], int] = timeutil.now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.order_id: str | None = None
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)

        self.heading = PlainLabel(self.tr("选择一个订单查看详情"))
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)

        self.summary = QFormLayout()
        self.status = _value_label(False)
        self.created = _value_label(False)
        self.ship_by = _value_label(False)
        self.amount = _value_label(False)
        self.summary.addRow(self.tr("状态"), self.status)
        self.summary.addRow(self.tr("下单时间"), self.created)
        self.summary.addRow(self.tr("发货截止"), self.ship_by)
        self.summary.addRow(self.tr("实付"), self.amount)
        layout.addLayout(self.summary)
        self.hold = PlainLabel()  # why the order may not ship now (a case, a buyer request)
        self.hold.setWordWrap(True)
        self.hold.setStyleSheet("color: #c62828; font-weight: bold;")
        self.hold.hide()
        layout.addWidget(self.hold)

        self.lines = QTableWidget(0, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("商品"), self.tr("数量"), self.tr("小计")])
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().setVisible(False)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # as wide as the header's word in either language, or the amount
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.setWordWrap(True)
        self.lines.verticalHeader().setDefaultSectionSize(40)  # title and attributes
        self.lines.setMaximumHeight(150)
        layout.addWidget(self.lines)

        address_box = QGroupBox(self.tr("收货信息"))
        address_form = QFormLayout(address_box)
        self.recipient = _value_label()
        self.address = _value_label()
        address_form.addRow(self.tr("收件人"), self.recipient)
        address_form.addRow(self.tr("地址"), self.address)
        layout.addWidget(address_box)

        self.gift_box = QGroupBox(self.tr("礼物信息"))
        gift_form = QFormLayout(self.gift_box)
        self.gift_giver = _value_label()
        self.gift_note = _value_label()
        self.gift_channel = _value_label(False)
        self.gift_time = _value_label(False)
        gift_form.addRow(self.tr("送礼人"), self.gift_giver)
        gift_form.addRow(self.tr("礼物留言"), self.gift_note)
        gift_form.addRow(self.tr("渠道"), self.gift_channel)
        gift_form.addRow(self.tr("时间"), self.gift_time)
        layout.addWidget(self.gift_box)

        notes_box = QGroupBox(self.tr("备注"))
        notes_layout = QVBoxLayout(notes_box)
        self.buyer_note = _value_label()
        buyer_row = QHBoxLayout()
        buyer_row.addWidget(PlainLabel(self.tr("买家留言：")), 0, Qt.AlignmentFlag.AlignTop)
        buyer_row.addWidget(self.buyer_note, 1)
        notes_layout.addLayout(buyer_row)
        self.merchant_note = QPlainTextEdit()
        self.merchant_note.setPlaceholderText(self.tr("商家备注（仅自己可见）"))
        self.merchant_note.setMaximumHeight(70)
        self.save_note = QPushButton(self.tr("保存备注"))
        note_row = QHBoxLayout()
        note_row.addStretch(1)
        note_row.addWidget(self.save_note)
        notes_layout.addWidget(self.merchant_note)
        notes_layout.addLayout(note_row)
        layout.addWidget(notes_box)

        self.parcels_box = QGroupBox(self.tr("包裹"))
        parcels_layout = QVBoxLayout(self.parcels_box)
        self.parcels = _value_label(False)
        parcels_layout.addWidget(self.parcels)
        layout.addWidget(self.parcels_box)
        layout.addStretch(1)

        self.save_note.clicked.connect(self._save_note)
        self.merchant_note.textChanged.connect(self._note_edited)
        self._saved_note = ""
        self._unsaved_before = ""  # what was saved before the save in flight
        self._shown: q.OrderDetail | None | object = _NOTHING  # what the pane shows
        self._shown_minute = 0
        self.show_detail(None)

    def show_detail(self, detail: q.OrderDetail | None) -> None:
        previous = self.order_id
        typed = self.merchant_note.toPlainText()
        unsaved = previous is not None and typed != self._saved_note and len(typed) <= NOTE_MAX
        staying = detail is not None and detail.row.order_id == previous
        if (staying or detail is None) and detail == self._shown \
                and self.clock() // 60 == self._shown_minute:
            return  # a reload showing the same order unchanged (its times are per minute)
        self._shown, self._shown_minute = detail, self.clock() // 60
        if unsaved and not staying:
            self.note_saved.emit(previous, typed)  # leaving the order saves what was typed
        self.order_id = detail.row.order_id if detail else None
        self.widget().setEnabled(detail is not None)
        if detail is None:
            self.heading.setText(self.tr("选择一个订单查看详情"))
            for label in (self.status, self.created, self.ship_by, self.amount, self.recipient,
                          self.address, self.buyer_note, self.parcels):
                label.setText("")
            self.lines.setRowCount(0)
            self.gift_box.hide()
            self.merchant_note.setPlainText("")
            self._saved_note = ""
            self._note_edited()
            return
        row = detail.row
        self.heading.setText(self.tr("订单 %1").replace("%1", row.order_id))
        status = labels.order_status(row.status)
        if row.has_local_changes:
            status += self.tr("（有待同步的修改）")
        self.status.setText(status)
        self.created.setText(timeutil.format_ts(row.create_time))
        self.ship_by.setText(timeutil.format_ts(row.ship_by) if row.ship_by else "—")
        self.amount.setText(self.tr("%1（%n 件）", "", row.item_count)
                            .replace("%1", format_fen(row.order_price)))
        self.lines.setRowCount(len(detail.lines))
        for i, line in enumerate(detail.lines):
            name = f"{line.title}\n{line.attrs}" if line.attrs else line.title
            for column, text in enumerate((name, f"×{line.sku_cnt}",
                                           format_fen(line.real_price))):
                item = QTableWidgetItem(text)
                item.setToolTip(self.tr("%1 × %2 = %3").replace("%1", format_fen(line.sale_price))
                                .replace("%2", str(line.sku_cnt))
                                .replace("%3", format_fen(line.real_price)))
                self.lines.setItem(i, column, item)

        self.recipient.setProperty(SHOP_DATA, bool(row.user_name))
        if row.user_name:
            self.recipient.setText(f"{row.user_name}  {row.tel_masked}")
            self.address.setText(row.address)
        else:
            self.recipient.setText(self.tr("（礼物尚未被收下，收礼人填写地址后显示）")
                                   if row.status == 12 else "—")
            self.address.setText("")
        self._show_gift(detail)
        self.buyer_note.setProperty(SHOP_DATA, bool(row.customer_notes))
        self.buyer_note.setText(row.customer_notes or self.tr("无"))
        self._saved_note = row.merchant_notes
        if not (unsaved and staying):  # a refresh of this order keeps the seller's typing
            self.merchant_note.blockSignals(True)
            self.merchant_note.setPlainText(row.merchant_notes)
            self.merchant_note.blockSignals(False)
        self._note_edited()
        carriers = [carrier_name(p.delivery_id) for p in detail.parcels]
        self.parcels.setProperty(SHOP_DATA, not all(known for _name, known in carriers))
        self.parcels.setText("\n".join(
            f"{name} {p.waybill_id}  {timeutil.format_ts(p.delivery_time)}"
            + (self.tr("（待同步）") if p.local else "")
            for p, (name, _known) in zip(detail.parcels, carriers, strict=True))
            or self.tr("尚未发货"))

    def show_hold(self, reason: str, remedy: str = "") -> None:
        """Say why the shown order is held out of shipping, and the way out ("" hides it)."""
        self.hold.setText(f"{reason}\n{remedy}".strip())
        self.hold.setVisible(bool(reason))

    def _show_gift(self, detail: q.OrderDetail) -> None:
        row = detail.row
        self.gift_box.setVisible(row.is_gift)
        if not row.is_gift:
            return
        self.gift_giver.setText(detail.giver_openid)
        self.gift_note.setProperty(SHOP_DATA, bool(detail.present_note))
        self.gift_note.setText(detail.present_note or self.tr("无"))
        self.gift_channel.setText(labels.send_type(detail.send_type))
        if row.status == 12:
            left = row.create_time + GIFT_TTL_SECONDS - self.clock()
            self.gift_time.setText(self.tr("等待收下，剩余 %1").replace(
                "%1", labels.duration(left)))
        elif row.user_name:
            accepted = detail.gift_accepted_at or row.update_time
            self.gift_time.setText(self.tr("已收下于 %1").replace(
                "%1", timeutil.format_ts(accepted)))
        else:
            self.gift_time.setText(self.tr("未在 24 小时内收下，已过期"))

    def _note_edited(self) -> None:
        text = self.merchant_note.toPlainText()
        self.save_note.setEnabled(self.order_id is not None and text != self._saved_note
                                  and len(text) <= NOTE_MAX)

    def _save_note(self) -> None:
        if self.order_id is not None:
            self._unsaved_before = self._saved_note
            self._saved_note = self.merchant_note.toPlainText()
            self.note_saved.emit(self.order_id, self._saved_note)
            self._note_edited()

    def note_failed(self, order_id: str, text: str) -> None:
        """The op refused or failed: the note is unsaved again (the text stays in the editor)."""
        if order_id == self.order_id and self._saved_note == text:
            self._saved_note = self._unsaved_before
            self._note_edited()
