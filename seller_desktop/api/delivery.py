"""Shipping endpoints (orders-shipping.md §2): carrier lists and ``delivery/send``."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.order import Parcel
from .client import ApiClient
from .schemas import Carrier, delivery_list_body, parse_carriers


async def list_carriers(client: ApiClient, *, ewaybill_only: bool = False) -> list[Carrier]:
    """Carriers from ``deliverycompanylist/new/get``."""
    reply = await client.call("/channels/ec/order/deliverycompanylist/new/get",
                              {"ewaybill_only": ewaybill_only})
    return parse_carriers(reply)


async def list_carriers_legacy(client: ApiClient) -> list[Carrier]:
    """Carriers from the older ``deliverycompanylist/get``."""
    return parse_carriers(await client.call("/channels/ec/order/deliverycompanylist/get", {}))


async def send_delivery(client: ApiClient, order_id: str, parcels: Sequence[Parcel]) -> None:
    """Ships ``parcels`` of the order. Not idempotent: after ``UnknownOutcome`` read the order
    (``delivery_product_info``) before sending again."""
    if not parcels:
        raise ValueError("delivery/send needs at least one parcel")
    await client.call("/channels/ec/order/delivery/send",
                      {"order_id": order_id, "delivery_list": delivery_list_body(parcels)},
                      idempotent=False)
