"""The after-sale part of the message table (``ui/messages.py`` matches and translates them):
the words of ``domain/aftersale.py`` (statuses, types, tabs, who must act, buyer requests), the
ops' refusals (``ops/aftersale.py``), the outbox rows' names (``sync/push.py``), the pull's notes,
the 拦截 of a shipment or a waybill, and the API's after-sale error codes (``api/errors.py``).

Context "AfterSale", the one the after-sale screen uses for the same words, so a status or an
action reads the same in a message as on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "AfterSale"

TEMPLATES = (
    # a case's status (domain/aftersale.py STATUSES)
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
    QT_TRANSLATE_NOOP("AfterSale", "未知状态 %1"),
    # type, tab, who must act, buyer requests, an order's badge
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
    QT_TRANSLATE_NOOP("AfterSale", "（新地址）"),
    # the seller's answers (ops ACTION_LABELS) and the outbox rows that carry them
    QT_TRANSLATE_NOOP("AfterSale", "同意"),
    QT_TRANSLATE_NOOP("AfterSale", "拒绝"),
    QT_TRANSLATE_NOOP("AfterSale", "协商"),
    QT_TRANSLATE_NOOP("AfterSale", "上传退款凭证"),
    QT_TRANSLATE_NOOP("AfterSale", "换货发货"),
    QT_TRANSLATE_NOOP("AfterSale", "拒绝换货发货"),
    QT_TRANSLATE_NOOP("AfterSale", "同意售后"),
    QT_TRANSLATE_NOOP("AfterSale", "拒绝售后"),
    QT_TRANSLATE_NOOP("AfterSale", "售后协商"),
    QT_TRANSLATE_NOOP("AfterSale", "同意改地址"),
    QT_TRANSLATE_NOOP("AfterSale", "拒绝改地址"),
    QT_TRANSLATE_NOOP("AfterSale", "同意换款"),
    QT_TRANSLATE_NOOP("AfterSale", "拒绝换款"),
    # the ops' refusals
    QT_TRANSLATE_NOOP("AfterSale", "售后单 %1 不存在，请先同步"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单 %1 当前为“%2”，不能%3"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单 %1 已有待同步的处理，请等同步完成"),
    QT_TRANSLATE_NOOP("AfterSale", "请填写说明"),
    QT_TRANSLATE_NOOP("AfterSale", "说明最多 %1 个字"),
    QT_TRANSLATE_NOOP("AfterSale", "同意退货或换货需要选择退货地址"),
    QT_TRANSLATE_NOOP("AfterSale", "请选择拒绝原因"),
    QT_TRANSLATE_NOOP("AfterSale", "协商方案只能是仅退款或退货退款"),
    QT_TRANSLATE_NOOP("AfterSale", "协商金额必须大于 0 且不超过申请金额"),
    QT_TRANSLATE_NOOP("AfterSale", "请上传退款凭证图片"),
    QT_TRANSLATE_NOOP("AfterSale", "只有换货售后需要发出新货"),
    QT_TRANSLATE_NOOP("AfterSale", "只有换货售后可以拒绝发货"),
    QT_TRANSLATE_NOOP("AfterSale", "未知的买家申请类型 %1"),
    QT_TRANSLATE_NOOP("AfterSale", "订单 %1 没有待处理的%2申请"),
    QT_TRANSLATE_NOOP("AfterSale", "订单 %1 的申请已处理，正在同步"),
    # sync: the pull's notes and the 拦截 (a case or request appeared before the store shipped)
    QT_TRANSLATE_NOOP("AfterSale", "售后单未同步：%1"),
    QT_TRANSLATE_NOOP("AfterSale", "发货前换款申请未同步：%1"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单 %1 的数据无法解析，已跳过，下次同步重试（%2）"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单 %1 暂时无法读取，已跳过，下次同步重试（%2）"),
    QT_TRANSLATE_NOOP("AfterSale", "拦截，未发货：%1"),
    QT_TRANSLATE_NOOP("AfterSale", "拦截，未取号：%1"),
    # the API's after-sale and buyer-request error codes (api/errors.py)
    QT_TRANSLATE_NOOP("AfterSale", "售后单不存在"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单当前状态不允许此操作"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单当前状态不支持此操作，请刷新后再处理"),
    QT_TRANSLATE_NOOP("AfterSale", "退款失败"),
    QT_TRANSLATE_NOOP("AfterSale", "退款金额不足"),
    QT_TRANSLATE_NOOP("AfterSale", "买家已发起纠纷，平台处理中"),
    QT_TRANSLATE_NOOP("AfterSale", "同意退货需要选择退货地址"),
    QT_TRANSLATE_NOOP("AfterSale", "同一订单每分钟只能退款一次"),
    QT_TRANSLATE_NOOP("AfterSale", "请选择退货地址"),
    QT_TRANSLATE_NOOP("AfterSale", "退货地址无效"),
    QT_TRANSLATE_NOOP("AfterSale", "售后单平台处理中，暂不能操作"),
    QT_TRANSLATE_NOOP("AfterSale", "该售后单需先与买家协商，不能直接拒绝"),
    QT_TRANSLATE_NOOP("AfterSale", "当前订单不支持此操作"),
)
