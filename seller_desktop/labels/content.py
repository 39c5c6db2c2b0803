"""What goes on the paper, before any painting: label inputs, pick order, pick-list rows.

Pure Python over domain objects, so the aggregation rules (pick order, SKU totals) are tested
without Qt. The caller builds ``LabelData``; nothing here fetches or decodes anything: addresses
are printed exactly as the API gave them (masked).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from seller_desktop.domain import Order, SenderAddress, Waybill

CARRIER_NAMES = {
    "SF": "顺丰速运",
    "YTO": "圆通速递",
    "ZTO": "中通快递",
    "STO": "申通快递",
    "YUNDA": "韵达快递",
    "JTSD": "极兔速递",
    "JD": "京东快递",
    "EMS": "EMS",
    "DBKD": "德邦快递",
    "HTKY": "百世快递",
}

SHORT_TITLE_CHARS = 18
_TAGS = re.compile(r"【[^】]*】|\[[^\]]*\]")


@dataclass(frozen=True)
class LabelData:
    """Everything one shipping label shows; built by the caller from its store."""

    order: Order
    waybill: Waybill
    sender: SenderAddress
    shop_name: str
    printed_at: int = 0  # unix seconds; 0 = the moment it is printed

    @property
    def carrier_name(self) -> str:
        return (
            self.waybill.delivery_name
            or CARRIER_NAMES.get(self.waybill.delivery_id.upper())
            or self.waybill.delivery_id
        )


def short_title(title: str, limit: int = SHORT_TITLE_CHARS) -> str:
    """A product title for the narrow custom area: marketing tags (【官方正品】) dropped, cut
    to ``limit`` characters."""
    short = " ".join(_TAGS.sub(" ", title).split()) or " ".join(title.split())
    return short if len(short) <= limit else short[: limit - 1] + "…"


def _sku_codes(order: Order) -> tuple[str, ...]:
    # Lines without a SKU code sort after coded ones.
    return tuple(sorted(line.sku_code or "\uffff" for line in order.lines)) or ("\uffff",)


def pick_sort_key(order: Order) -> tuple[tuple[str, ...], str]:
    """Pick order: by the order's SKU codes (sorted), then by order id."""
    return (_sku_codes(order), order.order_id)


def pick_order(items: Iterable[LabelData]) -> list[LabelData]:
    """Labels in pick order (SKU code, then order id, then waybill number)."""
    return sorted(items, key=lambda item: (*pick_sort_key(item.order), item.waybill.waybill_id))


@dataclass(frozen=True)
class PickRow:
    """One SKU on the pick list, summed over the selected orders."""

    product_id: str
    sku_id: str
    title: str
    attrs: str
    sku_code: str
    quantity: int
    order_ids: tuple[str, ...]


def pick_rows(orders: Sequence[Order]) -> list[PickRow]:
    """Aggregate the orders' lines by SKU, sorted by SKU code then title."""
    rows: dict[tuple[str, str], dict] = {}
    for order in orders:
        for line in order.lines:
            key = (line.product_id, line.sku_id)
            row = rows.setdefault(
                key,
                {"line": line, "quantity": 0, "orders": []},
            )
            row["quantity"] += line.sku_cnt
            if order.order_id not in row["orders"]:
                row["orders"].append(order.order_id)
    result = [
        PickRow(
            product_id=key[0],
            sku_id=key[1],
            title=row["line"].title,
            attrs=row["line"].attrs_text(),
            sku_code=row["line"].sku_code,
            quantity=row["quantity"],
            order_ids=tuple(sorted(row["orders"])),
        )
        for key, row in rows.items()
    ]
    result.sort(key=lambda r: (r.sku_code or "\uffff", r.title, r.sku_id))
    return result
