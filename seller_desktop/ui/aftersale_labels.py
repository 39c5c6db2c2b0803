"""The seller-facing words of after-sales (statuses, types, tabs, who acts, buyer requests,
the answers and the ops' refusals), translatable.

The domain (``domain/aftersale.py``) and the ops speak Chinese; these QT_TRANSLATE_NOOP marks
(context "AfterSale") put every one of those texts in the .ts, and :func:`tr` / :func:`message`
translate them at call time (a test checks that every status of the domain is listed here).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain import aftersale as rules
from . import labels

CTX = "AfterSale"

WORDS = (
    QT_TRANSLATE_NOOP("AfterSale", "待商家处理"),
    QT_TRANSLATE_NOOP("AfterSale", "待买家退货"),
    QT_TRANSLATE_NOOP("AfterSale", "待商家收货"),
    QT_TRANSLATE_NOOP("AfterSale", "待买家确认"),
    QT_TRANSLATE_NOOP("AfterSale", "待买家处理协商"),
    QT_TRANSLATE_NOOP("AfterSale", "待买家处理商家发起的售后"),
    QT_TRANSLATE_NOOP("AfterSale", "待买家收货（换货）"),
    QT_TRANSLATE_NOOP("AfterSale", "物流拦截中"),
    QT_TRANSLATE_NOOP("AfterSale", "平台退款中"),
    QT_TRANSLATE_NOOP("AfterSale", "平台退款失败，请线下退款并上传凭证"),
    QT_TRANSLATE_NOOP("AfterSale", "商家逾期未退款"),
    QT_TRANSLATE_NOOP("AfterSale", "已拒绝退款"),
    QT_TRANSLATE_NOOP("AfterSale", "已拒绝退货退款"),
    QT_TRANSLATE_NOOP("AfterSale", "已拒绝换货"),
    QT_TRANSLATE_NOOP("AfterSale", "已拒绝发货（换货），平台介入中"),
    QT_TRANSLATE_NOOP("AfterSale", "买家超时未退货，退货关闭"),
    QT_TRANSLATE_NOOP("AfterSale", "买家已取消"),
    QT_TRANSLATE_NOOP("AfterSale", "退款完成"),
    QT_TRANSLATE_NOOP("AfterSale", "退货退款完成"),
    QT_TRANSLATE_NOOP("AfterSale", "换货完成"),
    QT_TRANSLATE_NOOP("AfterSale", "打款失败，客服已关闭售后"),
    QT_TRANSLATE_NOOP("AfterSale", "售后关闭"),
    QT_TRANSLATE_NOOP("AfterSale", "仅退款"),
    QT_TRANSLATE_NOOP("AfterSale", "退货退款"),
    QT_TRANSLATE_NOOP("AfterSale", "换货"),
    QT_TRANSLATE_NOOP("AfterSale", "待我处理"),
    QT_TRANSLATE_NOOP("AfterSale", "等待买家或平台"),
    QT_TRANSLATE_NOOP("AfterSale", "已结束"),
    QT_TRANSLATE_NOOP("AfterSale", "商家"),
    QT_TRANSLATE_NOOP("AfterSale", "买家"),
    QT_TRANSLATE_NOOP("AfterSale", "平台"),
    QT_TRANSLATE_NOOP("AfterSale", "修改地址"),
    QT_TRANSLATE_NOOP("AfterSale", "发货前换款"),
    QT_TRANSLATE_NOOP("AfterSale", "售后"),
    QT_TRANSLATE_NOOP("AfterSale", "改地址"),
    QT_TRANSLATE_NOOP("AfterSale", "换款"),
    QT_TRANSLATE_NOOP("AfterSale", "同意"),
    QT_TRANSLATE_NOOP("AfterSale", "拒绝"),
    QT_TRANSLATE_NOOP("AfterSale", "协商"),
    QT_TRANSLATE_NOOP("AfterSale", "上传退款凭证"),
    QT_TRANSLATE_NOOP("AfterSale", "换货发货"),
    QT_TRANSLATE_NOOP("AfterSale", "拒绝换货发货"),
)

# The ops' refusals (ops/aftersale.py), numbers replaced by %n like labels.issue does.
MESSAGES = (
    QT_TRANSLATE_NOOP("AfterSale", "请填写说明"),
    QT_TRANSLATE_NOOP("AfterSale", "说明最多 %1 个字"),
    QT_TRANSLATE_NOOP("AfterSale", "同意退货或换货需要选择退货地址"),
    QT_TRANSLATE_NOOP("AfterSale", "请选择拒绝原因"),
    QT_TRANSLATE_NOOP("AfterSale", "协商方案只能是仅退款或退货退款"),
    QT_TRANSLATE_NOOP("AfterSale", "协商金额必须大于 %1 且不超过申请金额"),
    QT_TRANSLATE_NOOP("AfterSale", "请上传退款凭证图片"),
    QT_TRANSLATE_NOOP("AfterSale", "只有换货售后需要发出新货"),
    QT_TRANSLATE_NOOP("AfterSale", "请选择快递公司"),
    QT_TRANSLATE_NOOP("AfterSale", "请填写快递单号"),
    QT_TRANSLATE_NOOP("AfterSale", "只有换货售后可以拒绝发货"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单 %1 不存在，请先同步"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单 %1 已有待同步的处理，请等同步完成"),
    QT_TRANSLATE_NOOP("AfterSale", "订单 %1 的申请已处理，正在同步"),
    QT_TRANSLATE_NOOP("AfterSale", "未登录店铺或处于离线状态，无法连接微信小店"),
    QT_TRANSLATE_NOOP("AfterSale", "这个协商原因需要上传凭证图片"),
    QT_TRANSLATE_NOOP("AfterSale", "请输入金额，例如 %1.%2（最多两位小数）"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text) if text else ""


def message(text: str) -> str:
    """An op's refusal in the UI language (unchanged when it is not a known template)."""
    return labels.issue(text, CTX)


def status(code: str) -> str:
    info = rules.status_info(code)
    return tr(info.label) if code in rules.STATUSES else QCoreApplication.translate(
        "AfterSale", "未知状态 %1").replace("%1", code)


def case_type(code: str) -> str:
    try:
        return tr(rules.TYPE_LABELS[rules.CaseType(code)])
    except ValueError:
        return code


def tab(name: str) -> str:
    return tr(rules.TAB_LABELS.get(name, name))


def actor(code: str) -> str:
    try:
        return tr(rules.ACTOR_LABELS[rules.Actor(code)])
    except ValueError:
        return code


def request_kind(kind: str) -> str:
    try:
        return tr(rules.REQUEST_LABELS[rules.RequestKind(kind)])
    except ValueError:
        return kind


def badge(text: str) -> str:
    """An order's after-sale badge ("售后" / "改地址" / "换款", store.aftersale_queries)."""
    return tr(text)
