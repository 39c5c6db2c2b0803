"""Typed API errors and the errcode → error mapping.

Every failure a caller of ``seller_desktop.api`` sees is an :class:`ApiError` subclass carrying a
seller-facing Chinese ``message`` plus the server's ``errcode``/``errmsg`` when there was a reply.
``errmsg`` is kept without the `` rid: …`` (or ``hints: [ req_id: … ]``) suffix the platform
appends. Which codes are retried, refreshed or final is decided in ``client.py``; this module
only names and classifies them.
"""

from __future__ import annotations

import re
from typing import Any

# Token invalid or expired on a business call: refresh once and retry (auth-products.md §2.4).
TOKEN_ERRCODES = frozenset({40001, 40014, 42001})
# Token-endpoint refusals: the AppID/AppSecret pair itself is wrong (auth-products.md §2.3).
AUTH_FAILED_ERRCODES = frozenset({40001, 40002, 40013, 40125, 40243, 41002, 41004})
IP_WHITELIST_ERRCODES = frozenset({40164, 61004, 45035})
# The app may not call this API (not enabled for it, or blocked): no retry helps, the seller
# must grant it in the shop's back office (auth-products.md §9).
PERMISSION_ERRCODES = frozenset({48001, 48004})
BUSY_ERRCODE = -1
RATE_LIMIT_ERRCODE = 45011
QUOTA_ERRCODE = 45009
NOT_FOUND_ERRCODES = frozenset({100002, 10020052, 10025010, 1000003})
EWAYBILL_CREATE_FAILED = 10025005
# Refusals that mean "not now" rather than "no" (the reference says retry): an outbox row
# refused with one stays in line for the next sync instead of failing.
TRY_LATER_ERRCODES = frozenset({
    100003,  # order updated too often (orders-shipping.md, delivery/send)
    10020112,  # per-SKU stock update frequency exceeded (auth-products.md, stock/update)
    10025011,  # e-waybill update conflict, retry (orders-shipping.md §3.8 order/cancel)
    10025030,  # the carrier's cancel call timed out (orders-shipping.md §3.8)
})

_RID_SUFFIX = re.compile(r"\s*(?:rid:\s*[0-9a-fA-F-]+|hints:\s*\[\s*req_id:[^\]]*\])\s*$")

# Seller-facing wording for the codes a seller is likely to meet (auth-products.md §9,
# orders-shipping.md §2.2, §3.6, §3.8). Codes not listed fall back to the server's errmsg.
_REJECTION_TEXT: dict[int, str] = {
    48001: "没有调用该接口的权限，请在小店后台检查授权",
    48004: "接口已被封禁",
    47001: "请求格式有误",
    40097: "参数有误",
    10020008: "商品当前状态不允许编辑",
    10020013: "SKU 数量须在 1–500 个之间",
    10020019: "运费模板无效",
    10020020: "商品标题不能为空",
    10020021: "商品标题太长",
    10020042: "商品标题太短",
    10020022: "请上传商品主图",
    10020023: "商品主图太多",
    10020028: "SKU 价格太高",
    10020035: "图片必须先上传到微信小店",
    10020039: "SKU 价格不能为 0",
    10020040: "划线价必须高于售价",
    10020045: "标题不能只有数字、字母或符号",
    10020047: "商品审核中，请先撤回审核",
    10020049: "商品审核中，不能编辑或删除",
    10020050: "没有该商品的操作权限",
    10020051: "参数有误",
    10020055: "参数有误",
    10020065: "商品未上架",
    10020067: "商品正在异步上传，暂不能上架",
    10020112: "该 SKU 库存修改太频繁，请稍后再试",
    10020217: "商品审核中，不能改库存",
    10020218: "库存变化量不能为 0",
    10020219: "库存不足，不能扣减",
    10020289: "商品从未上架过，不能改库存",
    100003: "订单更新太频繁，请稍后再试",
    101100: "订单当前状态不允许此操作",
    108009: "订单有未完成的售后",
    109000: "发货商品有误（不在订单中、已发货或已退款）",
    109001: "订单已全部发货",
    109002: "发货请求中没有商品",
    109205: "订单已有线上物流单，不能自寄发货",
    EWAYBILL_CREATE_FAILED: "电子面单取号失败",
    10025006: "电子面单取消失败",
    10025011: "电子面单更新冲突，请重试",
    10025012: "快递公司编码有误",
    10025013: "网点信息有误",
    10025014: "网点账号有误",
    10025019: "电子面单已存在",
    10025020: "电子面单单号格式有误",
    10025030: "快递公司取消超时",
    10025106: "面单模板不存在",
    # after-sale and buyer requests (aftersale.md §2, §5)
    10020000: "售后单不存在",
    10020001: "售后单当前状态不允许此操作",
    10021041: "售后单当前状态不支持此操作，请刷新后再处理",
    10021045: "退款失败",
    10021046: "退款金额不足",
    10021050: "售后单不存在",
    10021051: "买家已发起纠纷，平台处理中",
    10021057: "售后单不存在",
    10021058: "同意退货需要选择退货地址",
    10021059: "同一订单每分钟只能退款一次",
    10021060: "请选择退货地址",
    10021062: "退货地址无效",
    10021065: "售后单平台处理中，暂不能操作",
    10021068: "该售后单需先与买家协商，不能直接拒绝",
    10020116: "当前订单不支持此操作",
}


def clean_errmsg(errmsg: Any) -> str:
    """The server's errmsg without its request-id suffix (``… rid: 6336ebac-467cadb4-…``)."""
    if not isinstance(errmsg, str):
        return ""
    return _RID_SUFFIX.sub("", errmsg).strip()


class ApiError(Exception):
    """Base of every API failure. ``message`` is for the seller; ``errcode``/``errmsg`` for logs."""

    default_message = "微信小店接口调用失败"

    def __init__(self, message: str | None = None, *, errcode: int | None = None,
                 errmsg: str = "", path: str = "") -> None:
        self.message = message or self.default_message
        self.errcode = errcode
        self.errmsg = errmsg
        self.path = path
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [self.message]
        if self.errcode is not None:
            parts.append(f"[{self.errcode}]")
        if self.errmsg:
            parts.append(self.errmsg)
        return " ".join(parts)


class AuthFailed(ApiError):
    default_message = "AppID 或 AppSecret 不正确，请在设置中重新填写"


class AuthExpired(ApiError):
    default_message = "登录凭证已失效，刷新后仍被拒绝，请检查是否有其他工具重置了 AppSecret"


class Busy(ApiError):
    default_message = "微信小店系统繁忙，请稍后再试"


class RateLimited(ApiError):
    default_message = "调用太频繁，已达到每分钟上限，请稍后再试"


class QuotaExceeded(ApiError):
    default_message = "该接口今日调用次数已用完，请明天再试"


class NotFound(ApiError):
    default_message = "找不到该记录（可能已被删除）"


class Rejected(ApiError):
    """The server refused the request by a business rule; ``errmsg`` says which."""

    default_message = "微信小店拒绝了该操作"

    def __init__(self, errcode: int, errmsg: str, *, message: str | None = None,
                 delivery_error_msg: str = "", path: str = "") -> None:
        self.delivery_error_msg = delivery_error_msg
        super().__init__(message or _rejection_message(errcode, errmsg, delivery_error_msg),
                         errcode=errcode, errmsg=errmsg, path=path)


class PermissionDenied(Rejected):
    """48001 / 48004: the app lacks the permission for this API (a setup problem, like wrong
    credentials, not a refusal of one change); still a ``Rejected`` for every ``except``."""


class Offline(ApiError):
    default_message = "无法连接微信小店服务器，请检查网络"


class CaptivePortal(Offline):
    """HTTP 511: the network (a hotel's or café's Wi-Fi) wants a login before it lets anything
    through. The request never reached the store: offline, not a server error."""

    default_message = ("所在的网络需要先登录（例如酒店或咖啡馆的 Wi-Fi）：请在浏览器中登录后再试，"
                       "修改都已保存，登录后会自动重试")


class ServerError(ApiError):
    default_message = "微信小店服务器暂时无法正常响应，请稍后再试"


class TooSlow(ServerError):
    """A reply (or a whole sync) did not finish within its deadline: a stalled or trickling
    server is waited for a bounded time, then treated like one that is not answering."""

    default_message = "微信小店服务器响应太慢，已停止等待，请稍后再试"


class MalformedResponse(ApiError):
    default_message = "微信小店返回了无法识别的数据"


class UnknownOutcome(ApiError):
    """The request may or may not have been applied: read the server state before re-sending."""

    default_message = "请求结果未知（网络中断），请先刷新确认后再重试"


def _rejection_message(errcode: int, errmsg: str, delivery_error_msg: str) -> str:
    text = _REJECTION_TEXT.get(errcode) or errmsg or Rejected.default_message
    if delivery_error_msg:
        text = f"{text}：{delivery_error_msg}"
    elif errcode in _REJECTION_TEXT and errmsg and errmsg != text:
        text = f"{text}（{errmsg}）"
    return text


def error_for(errcode: int, errmsg: str, body: dict[str, Any], *, path: str = "",
              token_endpoint: bool = False) -> ApiError:
    """The typed error for a non-zero errcode (``errmsg`` already cleaned)."""
    if token_endpoint and errcode in AUTH_FAILED_ERRCODES:
        return AuthFailed(errcode=errcode, errmsg=errmsg, path=path)
    if errcode in IP_WHITELIST_ERRCODES:
        return AuthFailed("本机 IP 不在小店后台的 IP 白名单中，请先添加", errcode=errcode,
                          errmsg=errmsg, path=path)
    if errcode in TOKEN_ERRCODES:
        return AuthExpired(errcode=errcode, errmsg=errmsg, path=path)
    if errcode == BUSY_ERRCODE:
        return Busy(errcode=errcode, errmsg=errmsg, path=path)
    if errcode == RATE_LIMIT_ERRCODE:
        return RateLimited(errcode=errcode, errmsg=errmsg, path=path)
    if errcode == QUOTA_ERRCODE:
        return QuotaExceeded(errcode=errcode, errmsg=errmsg, path=path)
    if errcode in NOT_FOUND_ERRCODES:
        return NotFound(errcode=errcode, errmsg=errmsg, path=path)
    detail = body.get("delivery_error_msg")
    if errcode in PERMISSION_ERRCODES:
        return PermissionDenied(errcode, errmsg, path=path)
    return Rejected(errcode, errmsg, delivery_error_msg=detail if isinstance(detail, str) else "",
                    path=path)
