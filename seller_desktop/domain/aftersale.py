"""After-sale cases (售后单) and buyer requests (修改地址 / 发货前换款), from the seller's side.

A case's ``status`` (aftersale.md §1.3) decides who must act next (:class:`Actor`), which tab it
is listed under (:data:`TAB_SELLER` waits on the seller, :data:`TAB_OTHERS` on the buyer or the
platform, :data:`TAB_CLOSED` is over) and whether it holds the order out of shipping
(:func:`holds_shipping`). Unknown statuses are kept as they came: they wait on "someone"
(the others tab) and DO hold shipping, because shipping an order that must not ship costs more
than waiting for the next sync.

``deadline`` arrives as seconds left; the cache stores ``deadline_at`` = the time the reply
was read + those seconds, so the countdown keeps running offline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CaseType(StrEnum):
    REFUND = "REFUND"  # 仅退款
    RETURN = "RETURN"  # 退货退款
    EXCHANGE = "EXCHANGE"  # 换货


class Actor(StrEnum):
    SELLER = "seller"
    BUYER = "buyer"
    PLATFORM = "platform"
    NOBODY = "nobody"  # closed


TAB_SELLER, TAB_OTHERS, TAB_CLOSED = "seller", "others", "closed"
TABS = (TAB_SELLER, TAB_OTHERS, TAB_CLOSED)
TAB_LABELS = {TAB_SELLER: "待我处理", TAB_OTHERS: "等待买家或平台", TAB_CLOSED: "已结束"}
TYPE_LABELS = {CaseType.REFUND: "仅退款", CaseType.RETURN: "退货退款", CaseType.EXCHANGE: "换货"}
ACTOR_LABELS = {Actor.SELLER: "商家", Actor.BUYER: "买家", Actor.PLATFORM: "平台",
                Actor.NOBODY: "—"}


@dataclass(frozen=True)
class StatusInfo:
    label: str  # the seller's words
    actor: Actor
    holds: bool  # the order must not ship while a case is in this status
    closed: bool = False
    refunded: bool = False  # ended with money back to the buyer


_S, _B, _P, _N = Actor.SELLER, Actor.BUYER, Actor.PLATFORM, Actor.NOBODY

STATUSES: dict[str, StatusInfo] = {
    "MERCHANT_PROCESSING": StatusInfo("待商家处理", _S, True),
    "USER_WAIT_RETURN": StatusInfo("待买家退货", _B, True),
    "MERCHANT_WAIT_RECEIPT": StatusInfo("待商家收货", _S, True),
    "USER_WAIT_CONFIRM": StatusInfo("待买家确认", _B, True),
    "USER_WAIT_CONFIRM_UPDATE": StatusInfo("待买家处理协商", _B, True),
    "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE": StatusInfo("待买家处理商家发起的售后", _B, True),
    "USER_WAIT_RECEIPT": StatusInfo("待买家收货（换货）", _B, True),
    "WAIT_PACKAGE_INTERCEPT": StatusInfo("物流拦截中", _P, True),
    "PLATFORM_REFUNDING": StatusInfo("平台退款中", _P, True),
    "PLATFORM_REFUND_FAIL": StatusInfo("平台退款失败，请线下退款并上传凭证", _S, True),
    "MERCHANT_OVERDUE_REFUND": StatusInfo("商家逾期未退款", _P, True),
    # Rejected: the buyer may edit, re-apply or escalate; the order itself may ship again.
    "MERCHANT_REJECT_REFUND": StatusInfo("已拒绝退款", _B, False),
    "MERCHANT_REJECT_RETURN": StatusInfo("已拒绝退货退款", _B, False),
    "MERCHANT_REJECT_EXCHANGE": StatusInfo("已拒绝换货", _B, False),
    "MERCHANT_REJECT_RESHIP": StatusInfo("已拒绝发货（换货），平台介入中", _P, False),
    "RETURN_CLOSED": StatusInfo("买家超时未退货，退货关闭", _B, False),
    "USER_CANCELD": StatusInfo("买家已取消", _N, False, closed=True),
    "MERCHANT_REFUND_SUCCESS": StatusInfo("退款完成", _N, False, closed=True, refunded=True),
    "MERCHANT_RETURN_SUCCESS": StatusInfo("退货退款完成", _N, False, closed=True, refunded=True),
    "MERCHANT_EXCHANGE_SUCCESS": StatusInfo("换货完成", _N, False, closed=True),
    "MERCHANT_REFUND_RETRY_FAIL": StatusInfo("打款失败，客服已关闭售后", _N, False, closed=True),
    "MERCHANT_FAIL": StatusInfo("售后关闭", _N, False, closed=True),
}


def status_info(status: str) -> StatusInfo:
    """The status's meaning; an unknown one waits on someone and holds shipping."""
    return STATUSES.get(status) or StatusInfo(f"未知状态 {status}", Actor.PLATFORM, True)


def holds_shipping(status: str) -> bool:
    return status_info(status).holds


def tab_of(status: str) -> str:
    info = status_info(status)
    if info.closed:
        return TAB_CLOSED
    return TAB_SELLER if info.actor == Actor.SELLER else TAB_OTHERS


@dataclass(frozen=True)
class Shipment:
    """A parcel in a case: the buyer's return, or the seller's exchange reship."""

    delivery_id: str = ""
    delivery_name: str = ""
    waybill_id: str = ""


@dataclass(frozen=True)
class AfterSaleCase:
    case_id: str
    order_id: str
    type: str  # CaseType value; kept as sent when unknown
    status: str
    create_time: int = 0
    update_time: int = 0
    product_id: str = ""
    sku_id: str = ""
    count: int = 0
    amount: int = 0  # 分 to refund
    reason: str = ""
    reason_text: str = ""
    buyer_desc: str = ""
    buyer_received: bool = False
    proof_media: tuple[str, ...] = ()  # the buyer's proof images (media ids)
    deadline: int = 0  # seconds left for the current step, as read (0: none)
    return_parcel: Shipment | None = None
    reship_parcel: Shipment | None = None
    reject_reason: str = ""  # the seller's last rejection text
    refund_certificates: tuple[str, ...] = ()
    complaint_id: str = ""
    exchange_new_sku_id: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def info(self) -> StatusInfo:
        return status_info(self.status)

    @property
    def actor(self) -> Actor:
        return self.info.actor

    @property
    def holds(self) -> bool:
        return self.info.holds

    @property
    def tab(self) -> str:
        return tab_of(self.status)

    @property
    def type_label(self) -> str:
        try:
            return TYPE_LABELS[CaseType(self.type)]
        except ValueError:
            return self.type


# What the seller may do, per status (the API refuses the others; ops check first).
ACCEPT_STATUSES = frozenset({"MERCHANT_PROCESSING", "MERCHANT_WAIT_RECEIPT"})
REJECT_STATUSES = ACCEPT_STATUSES
NEGOTIATE_STATUSES = frozenset({"MERCHANT_PROCESSING"})
CERTIFICATE_STATUSES = frozenset({"PLATFORM_REFUND_FAIL", "MERCHANT_OVERDUE_REFUND"})
RESHIP_STATUSES = frozenset({"MERCHANT_WAIT_RECEIPT"})


def needs_return_address(case: AfterSaleCase) -> bool:
    """Accepting asks for a return address (first step of a return or an exchange)."""
    return case.status == "MERCHANT_PROCESSING" and case.type in (CaseType.RETURN,
                                                                  CaseType.EXCHANGE)


def accept_pays_buyer(case: AfterSaleCase) -> bool:
    """Accepting sends money to the buyer (the window confirms these first)."""
    if case.type == CaseType.REFUND:
        return True
    return case.type == CaseType.RETURN and case.status == "MERCHANT_WAIT_RECEIPT"


class RequestKind(StrEnum):
    ADDRESS = "address"  # 修改地址
    SKU = "sku"  # 发货前换款


REQUEST_LABELS = {RequestKind.ADDRESS: "修改地址", RequestKind.SKU: "发货前换款"}
PENDING, ACCEPTED, REJECTED, GONE = "pending", "accepted", "rejected", "gone"


@dataclass(frozen=True)
class BuyerRequest:
    """A buyer's request on an unshipped order that waits for the seller's answer."""

    order_id: str
    kind: str  # RequestKind value
    state: str = PENDING  # pending / accepted / rejected / gone (resolved elsewhere)
    apply_time: int = 0
    new_address_text: str = ""  # address change: the masked new address, one line
    seen_at: int = 0
    answer: str = ""  # a queued answer not yet confirmed: "accept" / "reject"

    @property
    def pending(self) -> bool:
        return self.state == PENDING
