"""Orders (订单), their lines, addresses, parcels and gift (送礼物) information.

Addresses arrive masked (``王**``, ``133****6868``, ``****``); decoding is a metered action.
A gift order (status 12) has no address until the recipient accepts; then it is an ordinary
order awaiting shipment (20) and the ship-by clock starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class OrderStatus(IntEnum):
    AWAITING_PAYMENT = 10
    GIFT_AWAITING_ACCEPTANCE = 12
    GROUP_BUY_FORMING = 13
    AWAITING_REDEMPTION = 17
    AWAITING_SHIPMENT = 20
    PARTIALLY_SHIPPED = 21
    SHIPPED = 30
    COMPLETED = 100
    CANCELLED_OVERSOLD = 190
    CANCELLED_AFTERSALE = 200
    CANCELLED = 250


CANCELLED_STATUSES = frozenset({190, 200, 250})
SHIPPABLE_STATUSES = frozenset({20, 21})
GIFT_TTL_SECONDS = 24 * 3600


class GiftState(IntEnum):
    """Where a gift order is in its life, from the seller's side."""

    NOT_A_GIFT = 0
    AWAITING_ACCEPTANCE = 1
    ACCEPTED = 2  # recipient filled the address; ship it
    EXPIRED = 3  # not accepted in 24 h: cancelled and refunded


class SendType(IntEnum):
    """The channel a gift was sent through (``present_send_type``)."""

    CHAT = 0
    GROUP_CHAT = 1
    OFFICIAL_ACCOUNT = 2
    CHANNELS = 3
    WECOM_CHAT = 4
    WECOM_GROUP = 5
    MINI_PROGRAM = 6


@dataclass(frozen=True)
class Address:
    user_name: str
    tel_number: str
    province: str
    city: str
    county: str
    detail: str
    postal_code: str = ""
    house_number: str = ""

    def one_line(self) -> str:
        return f"{self.province}{self.city}{self.county}{self.detail}{self.house_number}"

    @property
    def tel_last4(self) -> str:
        digits = "".join(ch for ch in self.tel_number if ch.isdigit())
        return digits[-4:]


@dataclass(frozen=True)
class OrderLine:
    product_id: str
    sku_id: str
    title: str
    sku_cnt: int
    sale_price: int  # unit price, 分
    real_price: int  # line total actually paid, 分
    sku_attrs: tuple[tuple[str, str], ...] = ()
    sku_code: str = ""
    thumb_img: str = ""
    delivery_deadline: int = 0

    def attrs_text(self) -> str:
        return " ".join(f"{k}:{v}" for k, v in self.sku_attrs)


@dataclass(frozen=True)
class ParcelItem:
    product_id: str
    sku_id: str
    count: int


@dataclass(frozen=True)
class Parcel:
    delivery_id: str  # carrier code, e.g. "YTO"
    waybill_id: str
    delivery_time: int
    items: tuple[ParcelItem, ...]
    delivery_name: str = ""
    deliver_type: int = 1


@dataclass(frozen=True)
class Gift:
    present_order_id: str
    note: str
    giver_openid: str
    send_type: int | None = None


@dataclass(frozen=True)
class Order:
    order_id: str
    status: int
    create_time: int
    update_time: int
    lines: tuple[OrderLine, ...]
    openid: str = ""
    address: Address | None = None
    customer_notes: str = ""
    merchant_notes: str = ""
    parcels: tuple[Parcel, ...] = ()
    product_price: int = 0  # 分
    order_price: int = 0  # 分, what the buyer paid
    freight: int = 0  # 分
    pay_time: int = 0
    ship_done_time: int = 0
    deliver_method: int = 0
    gift: Gift | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_gift(self) -> bool:
        return self.gift is not None

    @property
    def ship_by(self) -> int:
        """The earliest line deadline (0 when the API gave none)."""
        return min((ln.delivery_deadline for ln in self.lines if ln.delivery_deadline), default=0)

    @property
    def item_count(self) -> int:
        return sum(ln.sku_cnt for ln in self.lines)

    def shipped_counts(self) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        for parcel in self.parcels:
            for item in parcel.items:
                key = (item.product_id, item.sku_id)
                counts[key] = counts.get(key, 0) + item.count
        return counts

    def unshipped_items(self) -> tuple[ParcelItem, ...]:
        shipped = self.shipped_counts()
        left: list[ParcelItem] = []
        for line in self.lines:
            key = (line.product_id, line.sku_id)
            taken = min(shipped.get(key, 0), line.sku_cnt)
            shipped[key] = shipped.get(key, 0) - taken
            if line.sku_cnt - taken > 0:
                left.append(ParcelItem(line.product_id, line.sku_id, line.sku_cnt - taken))
        return tuple(left)

    @property
    def gift_state(self) -> GiftState:
        if self.gift is None:
            return GiftState.NOT_A_GIFT
        if self.status == OrderStatus.GIFT_AWAITING_ACCEPTANCE:
            return GiftState.AWAITING_ACCEPTANCE
        if self.status in CANCELLED_STATUSES and self.address is None:
            return GiftState.EXPIRED
        return GiftState.ACCEPTED

    def gift_deadline(self) -> int:
        """When an unaccepted gift expires (24 h after the order was created)."""
        return self.create_time + GIFT_TTL_SECONDS

    def can_ship(self) -> tuple[bool, str]:
        """Whether the seller may ship it now, and if not, why (in the seller's words)."""
        if self.status == OrderStatus.GIFT_AWAITING_ACCEPTANCE:
            return False, "礼物尚未被收下，收礼人填写地址后才能发货"
        if self.status in CANCELLED_STATUSES:
            return False, "订单已取消"
        if self.status == OrderStatus.AWAITING_PAYMENT:
            return False, "订单尚未付款"
        if self.status not in SHIPPABLE_STATUSES:
            return False, "订单已发货"
        if self.address is None and self.deliver_method == 0:
            return False, "订单没有收货地址"
        return True, ""
