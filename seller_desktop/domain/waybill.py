"""Electronic waybills (电子面单): carrier accounts and the waybill a label is printed from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class WaybillStatus(IntEnum):
    CREATED = 1
    CANCELLED = 2
    PRINTED = 3
    SHIPPED = 4


@dataclass(frozen=True)
class SenderAddress:
    name: str
    mobile: str
    province: str
    city: str
    county: str
    address: str
    street: str = ""

    def one_line(self) -> str:
        return f"{self.province}{self.city}{self.county}{self.street}{self.address}"


@dataclass(frozen=True)
class CarrierAccount:
    delivery_id: str  # carrier code, e.g. "YTO"
    delivery_name: str
    acct_id: str
    shop_id: str
    site_code: str
    site_name: str
    available: int  # remaining waybill stock
    sender: SenderAddress | None = None


@dataclass(frozen=True)
class Waybill:
    ewaybill_order_id: str
    order_id: str
    delivery_id: str
    waybill_id: str  # empty until the carrier assigned a number
    status: int
    acct_id: str = ""
    delivery_name: str = ""
    print_info: str = ""
    created_at: int = 0
    printed_at: int = 0
    print_count: int = 0
