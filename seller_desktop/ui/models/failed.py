"""失败的修改: the changes the store refused, and the ones waiting behind them, one row each:
when, which product/order/waybill, what change, its state, the store's reason."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtGui import QColor

from ...domain import timeutil
from ...store import outbox_view
from ...store.outbox_view import AttentionRow
from ..messages import message
from ..widgets.plain_text import plain_tip
from .paged import ROOT, Index

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COL_WHEN, COL_WHAT, COL_CHANGE, COL_STATE, COL_REASON = range(5)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FailedChangesModel", text)


# The texts, marked for lupdate (``_tr`` translates them when shown).
TEXTS = {
    "product": QT_TRANSLATE_NOOP("FailedChangesModel", "商品 %1"),
    "order": QT_TRANSLATE_NOOP("FailedChangesModel", "订单 %1"),
    "waybill": QT_TRANSLATE_NOOP("FailedChangesModel", "订单 %1 的面单"),
    "stock_delta": QT_TRANSLATE_NOOP("FailedChangesModel", "库存 %1（SKU %2）"),
    "merchant_note": QT_TRANSLATE_NOOP("FailedChangesModel", "商家备注：%1"),
    "gift_note": QT_TRANSLATE_NOOP("FailedChangesModel", "礼物留言：%1"),
    "ship": QT_TRANSLATE_NOOP("FailedChangesModel", "发货：%1 %2"),
    "ewaybill_create": QT_TRANSLATE_NOOP("FailedChangesModel", "电子面单取号（%1）"),
    "ewaybill_cancel": QT_TRANSLATE_NOOP("FailedChangesModel", "取消电子面单 %1"),
    "print_report": QT_TRANSLATE_NOOP("FailedChangesModel", "面单打印回传 %1"),
    "failed": QT_TRANSLATE_NOOP("FailedChangesModel", "失败"),
    "behind_failed": QT_TRANSLATE_NOOP("FailedChangesModel", "排在失败的修改之后"),
    "behind_conflict": QT_TRANSLATE_NOOP("FailedChangesModel", "排在冲突之后"),
    "h_when": QT_TRANSLATE_NOOP("FailedChangesModel", "时间"),
    "h_what": QT_TRANSLATE_NOOP("FailedChangesModel", "对象"),
    "h_change": QT_TRANSLATE_NOOP("FailedChangesModel", "修改"),
    "h_state": QT_TRANSLATE_NOOP("FailedChangesModel", "状态"),
    "h_reason": QT_TRANSLATE_NOOP("FailedChangesModel", "原因"),
}

# Changes named by their op alone: product actions, the after-sale and buyer-request answers.
OPS = {
    "create": QT_TRANSLATE_NOOP("FailedChangesModel", "新建商品"),
    "edit": QT_TRANSLATE_NOOP("FailedChangesModel", "修改商品信息"),
    "list": QT_TRANSLATE_NOOP("FailedChangesModel", "上架"),
    "delist": QT_TRANSLATE_NOOP("FailedChangesModel", "下架"),
    "delete": QT_TRANSLATE_NOOP("FailedChangesModel", "删除商品"),
    "accept": QT_TRANSLATE_NOOP("FailedChangesModel", "同意售后"),
    "reject": QT_TRANSLATE_NOOP("FailedChangesModel", "拒绝售后"),
    "negotiate": QT_TRANSLATE_NOOP("FailedChangesModel", "售后协商"),
    "refund_certificate": QT_TRANSLATE_NOOP("FailedChangesModel", "上传退款凭证"),
    "reship": QT_TRANSLATE_NOOP("FailedChangesModel", "换货发货"),
    "reject_reship": QT_TRANSLATE_NOOP("FailedChangesModel", "拒绝换货发货"),
    "address_accept": QT_TRANSLATE_NOOP("FailedChangesModel", "同意改地址"),
    "address_reject": QT_TRANSLATE_NOOP("FailedChangesModel", "拒绝改地址"),
    "sku_approve": QT_TRANSLATE_NOOP("FailedChangesModel", "同意换款"),
    "sku_reject": QT_TRANSLATE_NOOP("FailedChangesModel", "拒绝换款"),
}


def _t(key: str) -> str:
    return _tr(TEXTS[key])


def target_text(row: AttentionRow) -> str:
    if row.entity == "product":
        return _t("product").replace("%1", row.name or row.entity_id)
    if row.entity == "order":
        return _t("order").replace("%1", row.entity_id)
    if row.entity == "waybill":
        return _t("waybill").replace("%1", row.order_id or row.entity_id)
    if row.order_id:  # another kind of row about an order (e.g. an after-sale answer)
        return _t("order").replace("%1", row.order_id)
    return f"{row.entity} {row.entity_id}"


def _quoted(payload: Any, key: str) -> str:
    value = payload.get(key) if isinstance(payload, dict) else None
    text = str(value or "")
    return text if len(text) <= 40 else text[:39] + "…"


def change_text(row: AttentionRow) -> str:
    """What the change does, in the seller's words."""
    p = row.payload if isinstance(row.payload, dict) else {}
    op = row.op
    if op == "stock_delta":
        delta = p.get("delta")
        amount = f"{delta:+d}" if isinstance(delta, int) else "?"
        return _t("stock_delta").replace("%1", amount).replace("%2", str(p.get("sku_id")))
    if op == "merchant_note":
        return _t("merchant_note").replace("%1", _quoted(p, "notes"))
    if op == "gift_note":
        return _t("gift_note").replace("%1", _quoted(p, "notes"))
    if op == "ship":
        parcel = p.get("parcel") if isinstance(p.get("parcel"), dict) else {}
        return _t("ship").replace("%1", str(parcel.get("delivery_id", ""))).replace(
            "%2", str(parcel.get("waybill_id", "")))
    if op == "ewaybill_create":
        return _t("ewaybill_create").replace(
            "%1", str(p.get("delivery_name") or p.get("delivery_id") or ""))
    if op == "ewaybill_cancel":
        return _t("ewaybill_cancel").replace("%1", str(p.get("waybill_id", "")))
    if op == "print_report":
        return _t("print_report").replace("%1", str(p.get("waybill_id", "")))
    return _tr(OPS[op]) if op in OPS else op


def state_text(row: AttentionRow) -> str:
    if row.state == outbox_view.FAILED:
        return _t("failed")
    if row.state == outbox_view.BLOCKED:
        return _t("behind_failed")
    return _t("behind_conflict")


def reason_text(row: AttentionRow) -> str:
    """The store's reason without our "<change>失败：" prefix (the row already says which), in
    the UI language (``ui/messages``)."""
    reason = row.reason
    head, sep, rest = reason.partition("失败：")
    return message(rest if sep and len(head) < 60 else reason)


class FailedChangesModel(QAbstractTableModel):
    def __init__(self, reader: Callable[[], sqlite3.Connection], parent: Any = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._rows: list[AttentionRow] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = outbox_view.attention_rows(self._reader())
        self.endResetModel()

    def row_at(self, row: int) -> AttentionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def failed_count(self) -> int:
        return sum(1 for r in self._rows if r.state == outbox_view.FAILED)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = [_t("h_when"), _t("h_what"), _t("h_change"), _t("h_state"), _t("h_reason")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ROW_ID_ROLE:
            return row.row_id
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE \
                and row.state == outbox_view.FAILED:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(message(row.reason) if column == COL_REASON
                             else self._text(row, column))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        return None

    @staticmethod
    def _text(row: Any, column: int) -> str | None:
        if column == COL_WHEN:
            return timeutil.format_ts(row.when)
        if column == COL_WHAT:
            return target_text(row)
        if column == COL_CHANGE:
            return change_text(row)
        if column == COL_STATE:
            return state_text(row)
        if column == COL_REASON:
            return reason_text(row)
        return None
