"""The seller-facing names of domain codes (statuses, channels), durations and the store's
validation messages, translatable.

Domain enums carry codes; their words live here so both languages come from the .ts files.
Strings are marked with QT_TRANSLATE_NOOP (context "Labels") and translated at call time.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "Labels"

PRODUCT_STATUS = {
    0: QT_TRANSLATE_NOOP("Labels", "未上架"),
    5: QT_TRANSLATE_NOOP("Labels", "在售"),
    6: QT_TRANSLATE_NOOP("Labels", "回收站"),
    9: QT_TRANSLATE_NOOP("Labels", "已删除"),
    11: QT_TRANSLATE_NOOP("Labels", "已下架"),
    12: QT_TRANSLATE_NOOP("Labels", "已售罄"),
    13: QT_TRANSLATE_NOOP("Labels", "违规下架"),
    14: QT_TRANSLATE_NOOP("Labels", "保证金不足"),
    15: QT_TRANSLATE_NOOP("Labels", "资质过期"),
    20: QT_TRANSLATE_NOOP("Labels", "封禁"),
}

EDIT_STATUS = {
    0: "",
    1: QT_TRANSLATE_NOOP("Labels", "编辑中"),
    2: QT_TRANSLATE_NOOP("Labels", "审核中"),
    3: QT_TRANSLATE_NOOP("Labels", "审核未通过"),
    4: QT_TRANSLATE_NOOP("Labels", "审核通过"),
    5: QT_TRANSLATE_NOOP("Labels", "提交中"),
    7: QT_TRANSLATE_NOOP("Labels", "上传中"),
    8: QT_TRANSLATE_NOOP("Labels", "上传失败"),
}

ORDER_STATUS = {
    10: QT_TRANSLATE_NOOP("Labels", "待付款"),
    12: QT_TRANSLATE_NOOP("Labels", "礼物待收下"),
    13: QT_TRANSLATE_NOOP("Labels", "拼团中"),
    17: QT_TRANSLATE_NOOP("Labels", "待核销"),
    20: QT_TRANSLATE_NOOP("Labels", "待发货"),
    21: QT_TRANSLATE_NOOP("Labels", "部分发货"),
    30: QT_TRANSLATE_NOOP("Labels", "待收货"),
    100: QT_TRANSLATE_NOOP("Labels", "已完成"),
    190: QT_TRANSLATE_NOOP("Labels", "已取消（超卖）"),
    200: QT_TRANSLATE_NOOP("Labels", "已取消（售后）"),
    250: QT_TRANSLATE_NOOP("Labels", "已取消"),
}

SEND_TYPE = {
    0: QT_TRANSLATE_NOOP("Labels", "微信好友"),
    1: QT_TRANSLATE_NOOP("Labels", "微信群"),
    2: QT_TRANSLATE_NOOP("Labels", "公众号"),
    3: QT_TRANSLATE_NOOP("Labels", "视频号"),
    4: QT_TRANSLATE_NOOP("Labels", "企业微信好友"),
    5: QT_TRANSLATE_NOOP("Labels", "企业微信群"),
    6: QT_TRANSLATE_NOOP("Labels", "小程序"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text) if text else ""


def _code(table: dict[int, str], code: int | None) -> str:
    if code is None:
        return ""
    text = table.get(int(code))
    return tr(text) if text is not None else QCoreApplication.translate("Labels", "未知状态（%1）").replace("%1", str(code))


def product_status(code: int) -> str:
    return _code(PRODUCT_STATUS, code)


def edit_status(code: int) -> str:
    return _code(EDIT_STATUS, code)


def order_status(code: int) -> str:
    return _code(ORDER_STATUS, code)


def send_type(code: int | None) -> str:
    return _code(SEND_TYPE, code)


def duration(seconds: int) -> str:
    """A countdown or an age: "3小时05分" / "3 h 05 min" (the domain's rules, translatable)."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        text, args = QCoreApplication.translate("Labels", "%1天%2小时"), (days, hours)
    elif hours:
        text, args = QCoreApplication.translate("Labels", "%1小时%2分"), (hours, f"{minutes:02d}")
    else:
        text, args = QCoreApplication.translate("Labels", "%1分%2秒"), (minutes, f"{secs:02d}")
    for i, value in enumerate(args, 1):
        text = text.replace(f"%{i}", str(value))
    return text


SYNC_STEP = {
    "push": QT_TRANSLATE_NOOP("Labels", "上传修改"),
    "products.list": QT_TRANSLATE_NOOP("Labels", "获取商品列表"),
    "products.get": QT_TRANSLATE_NOOP("Labels", "下载商品"),
    "orders.list": QT_TRANSLATE_NOOP("Labels", "获取订单列表"),
    "orders.get": QT_TRANSLATE_NOOP("Labels", "下载订单"),
    "save": QT_TRANSLATE_NOOP("Labels", "保存"),
}


def sync_step(step: str) -> str:
    text = SYNC_STEP.get(step)
    return tr(text) if text else step


def time_left(seconds: int) -> str:
    """A countdown that may span days: seconds tick under a day, "9天3小时" beyond."""
    return countdown(seconds) if seconds < 86400 else duration(seconds)


def countdown(seconds: int) -> str:
    """A ticking countdown with seconds: "21小时06分09秒" / "21 h 06 min 09 s"."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return (QCoreApplication.translate("Labels", "%1小时%2分%3秒")
                .replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
                .replace("%3", f"{secs:02d}"))
    return duration(seconds)


# The store's rules (domain/validation.py, ops/) speak Chinese; numbers become %1, %2 … so one
# template translates every instance.
ISSUES = (
    QT_TRANSLATE_NOOP("Issues", "请填写商品标题"),
    QT_TRANSLATE_NOOP("Issues", "标题至少 %1 个字（现在 %2 个）"),
    QT_TRANSLATE_NOOP("Issues", "标题最多 %1 个字（现在 %2 个）"),
    QT_TRANSLATE_NOOP("Issues", "标题不能只有数字、字母或符号，请包含中文"),
    QT_TRANSLATE_NOOP("Issues", "短标题最多 %1 个字"),
    QT_TRANSLATE_NOOP("Issues", "主图最多 %1 张"),
    QT_TRANSLATE_NOOP("Issues", "主图至少 %1 张（现在 %2 张）"),
    QT_TRANSLATE_NOOP("Issues", "主图不能重复"),
    QT_TRANSLATE_NOOP("Issues", "请选择商品类目（可沿用已有商品的类目和设置）"),
    QT_TRANSLATE_NOOP("Issues", "快递发货的商品需要运费模板"),
    QT_TRANSLATE_NOOP("Issues", "请设置售后服务（七天无理由退货、运费险）"),
    QT_TRANSLATE_NOOP("Issues", "SKU 数量须在 %1–%2 个之间"),
    QT_TRANSLATE_NOOP("Issues", "售价必须大于 %1 元"),
    QT_TRANSLATE_NOOP("Issues", "售价不能超过 %1 万元"),
    QT_TRANSLATE_NOOP("Issues", "划线价必须高于售价"),
    QT_TRANSLATE_NOOP("Issues", "库存不能为负数"),
    QT_TRANSLATE_NOOP("Issues", "库存不能超过 %1 万"),
    QT_TRANSLATE_NOOP("Issues", "SKU 编码不能超过 %1 个字符"),
    QT_TRANSLATE_NOOP("Issues", "规格名和规格值都不能为空"),
    QT_TRANSLATE_NOOP("Issues", "规格名和规格值不能超过 %1 个字符"),
    QT_TRANSLATE_NOOP("Issues", "两个 SKU 的规格完全相同"),
    QT_TRANSLATE_NOOP("Issues", "商品正在审核中，请先撤回审核再修改"),
    QT_TRANSLATE_NOOP("Issues", "同一规格名下最多 %1 个不同的规格值"),
)
_NUMBER = re.compile(r"\d+")


def issue(message: str, context: str = "Issues") -> str:
    """A rule's message in the UI language (unchanged when it is not a known template)."""
    numbers = _NUMBER.findall(message)
    counter = iter(range(1, len(numbers) + 1))
    template = _NUMBER.sub(lambda _m: f"%{next(counter)}", message)
    text = QCoreApplication.translate(context, template)
    if text == template:
        return message
    for i, number in enumerate(numbers, 1):
        text = text.replace(f"%{i}", number)
    return text


# What the shipping run (workflows/shipping.py) and an order (domain/order.py can_ship) say
# about an order or a print: stages, reasons it cannot ship or print, errors.
SHIPPING = (
    QT_TRANSLATE_NOOP("Shipping", "待取号"),
    QT_TRANSLATE_NOOP("Shipping", "取号中"),
    QT_TRANSLATE_NOOP("Shipping", "待打印"),
    QT_TRANSLATE_NOOP("Shipping", "已打印"),
    QT_TRANSLATE_NOOP("Shipping", "礼物尚未被收下，收礼人填写地址后才能发货"),
    QT_TRANSLATE_NOOP("Shipping", "订单已取消"),
    QT_TRANSLATE_NOOP("Shipping", "订单尚未付款"),
    QT_TRANSLATE_NOOP("Shipping", "订单已发货"),
    QT_TRANSLATE_NOOP("Shipping", "订单没有收货地址"),
    QT_TRANSLATE_NOOP("Shipping", "缓存中没有这个订单"),
    QT_TRANSLATE_NOOP("Shipping", "还没有运单号"),
    QT_TRANSLATE_NOOP("Shipping", "缓存中没有这个面单账号的寄件地址，请联网后重新取号"),
    QT_TRANSLATE_NOOP("Shipping", "未登录店铺或处于离线状态，无法连接微信小店"),
    QT_TRANSLATE_NOOP("Shipping", "还没有运单号，请先取号"),
    QT_TRANSLATE_NOOP("Shipping", "面单已打印，如需再打请用补打"),
    QT_TRANSLATE_NOOP("Shipping", "没有可打印的面单"),
    QT_TRANSLATE_NOOP("Shipping", "面单还没有打印过，不能补打"),
    QT_TRANSLATE_NOOP("Shipping", "没有可补打的面单"),
    QT_TRANSLATE_NOOP("Shipping", "打印未完成"),
    # the shipping guard (domain/guard.py): why an order is held, and the way out
    QT_TRANSLATE_NOOP("Shipping", "订单有未完成的售后，不能发货"),
    QT_TRANSLATE_NOOP("Shipping", "售后结束后再发货；若已退款，请取消电子面单"),
    QT_TRANSLATE_NOOP("Shipping", "买家申请修改地址，待处理"),
    QT_TRANSLATE_NOOP("Shipping", "先同意或拒绝改地址申请；同意后请取消原面单、重新取号并打印"),
    QT_TRANSLATE_NOOP("Shipping", "买家申请发货前换款，待处理"),
    QT_TRANSLATE_NOOP("Shipping", "先同意或拒绝换款申请，再按新的订单内容打印发货"),
    QT_TRANSLATE_NOOP("Shipping", "面单打印后收货地址已变更，旧面单不能使用"),
    QT_TRANSLATE_NOOP("Shipping", "请取消该电子面单，重新取号并打印"),
)


def shipping(message: str) -> str:
    """A stage, reason or error of the shipping run in the UI language."""
    return issue(message, "Shipping")
