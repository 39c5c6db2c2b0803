"""The shipping guard: may this order be given a waybill, printed or shipped now, and if not, why.

One pure rule, :func:`may_ship`, asked by the shipping workflow, the CLI, the window and the
sync engine right before ``delivery/send`` (with the order read fresh: 拦截). It looks at the
order itself (``Order.can_ship``), the server's signals in ``Order.extra["holds"]``
(:func:`order_holds`), the order's cached cases and buyer requests, and the address a label was
printed for (:func:`address_key`), which must still be the order's. A :class:`Verdict` carries a
stable ``code``, the seller's words (``reason``, Chinese) and the way out (``remedy``). The
inputs in detail: docs/architecture.md, "Shipping and the guard".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from .aftersale import PENDING, AfterSaleCase, BuyerRequest, RequestKind
from .order import CANCELLED_STATUSES, SHIPPABLE_STATUSES, Address, Order, OrderStatus

# Verdict codes.
OK = "ok"
UNPAID = "unpaid"
GIFT_NOT_ACCEPTED = "gift_not_accepted"
CANCELLED = "cancelled"
SHIPPED = "shipped"
NO_ADDRESS = "no_address"
AFTERSALE_OPEN = "aftersale_open"
ADDRESS_CHANGE = "address_change"
SKU_CHANGE = "sku_change"
LABEL_ADDRESS_CHANGED = "label_address_changed"

# Codes that come from a buyer's request or case (the order is held; it may ship later).
HOLD_CODES = frozenset({AFTERSALE_OPEN, ADDRESS_CHANGE, SKU_CHANGE, LABEL_ADDRESS_CHANGED})


@dataclass(frozen=True)
class Verdict:
    ok: bool
    code: str = OK
    reason: str = ""  # the seller's words ("" when ok)
    remedy: str = ""  # what to do about it

    @property
    def held(self) -> bool:
        """Held by a case or a buyer's request (as opposed to never shippable)."""
        return self.code in HOLD_CODES

    def text(self) -> str:
        return f"{self.reason}；{self.remedy}" if self.remedy else self.reason


SHIP_OK = Verdict(True)


@dataclass(frozen=True)
class OrderHolds:
    open_cases: int = 0
    lines_in_case: int = 0
    address_review: str = ""
    address_apply_time: int = 0
    sku_change_waiting: bool = False


def order_holds(order: Order) -> OrderHolds:
    raw = order.extra.get("holds") if isinstance(order.extra, dict) else None
    if not isinstance(raw, dict):
        return OrderHolds()
    return OrderHolds(open_cases=int(raw.get("open_cases") or 0),
                      lines_in_case=int(raw.get("lines_in_case") or 0),
                      address_review=str(raw.get("address_review") or ""),
                      address_apply_time=int(raw.get("address_apply_time") or 0),
                      sku_change_waiting=bool(raw.get("sku_change_waiting")))


def address_key(address: Address | None) -> str:
    """A short fingerprint of an address (what a label was printed for), not the address."""
    if address is None:
        return ""
    text = "\x1f".join((address.user_name, address.tel_number, address.province, address.city,
                        address.county, address.detail, address.house_number))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _order_verdict(order: Order) -> Verdict:
    status = int(order.status)
    if status == OrderStatus.GIFT_AWAITING_ACCEPTANCE:
        return Verdict(False, GIFT_NOT_ACCEPTED, "礼物尚未被收下，收礼人填写地址后才能发货")
    if status in CANCELLED_STATUSES:
        return Verdict(False, CANCELLED, "订单已取消")
    if status == OrderStatus.AWAITING_PAYMENT:
        return Verdict(False, UNPAID, "订单尚未付款")
    if status not in SHIPPABLE_STATUSES:
        return Verdict(False, SHIPPED, "订单已发货")
    if order.address is None and order.deliver_method == 0:
        return Verdict(False, NO_ADDRESS, "订单没有收货地址")
    return SHIP_OK


def may_ship(order: Order, cases: Iterable[AfterSaleCase] = (),
             requests: Iterable[BuyerRequest] = (), *,
             label_address: str | None = None) -> Verdict:
    """Whether ``order`` may get a waybill, be printed or be shipped now.

    ``cases``/``requests``: the order's cached ones (others are ignored). ``label_address``:
    the :func:`address_key` a printed label carries, when the question is about that label.
    """
    verdict = _order_verdict(order)
    if not verdict.ok:
        return verdict
    holds = order_holds(order)
    open_cases = [c for c in cases if c.order_id == order.order_id and c.holds]
    if open_cases or holds.open_cases > 0 or holds.lines_in_case > 0:
        return Verdict(False, AFTERSALE_OPEN, "订单有未完成的售后，不能发货",
                       "售后结束后再发货；若已退款，请取消电子面单")
    pending = {r.kind for r in requests if r.order_id == order.order_id and r.state == PENDING}
    if holds.address_review or RequestKind.ADDRESS in pending:
        return Verdict(False, ADDRESS_CHANGE, "买家申请修改地址，待处理",
                       "先同意或拒绝改地址申请；同意后请取消原面单、重新取号并打印")
    if holds.sku_change_waiting or RequestKind.SKU in pending:
        return Verdict(False, SKU_CHANGE, "买家申请发货前换款，待处理",
                       "先同意或拒绝换款申请，再按新的订单内容打印发货")
    if label_address and label_address != address_key(order.address):
        return Verdict(False, LABEL_ADDRESS_CHANGED, "面单打印后收货地址已变更，旧面单不能使用",
                       "请取消该电子面单，重新取号并打印")
    return SHIP_OK
