"""Sandbox shipping: the carrier lists and ``/channels/ec/order/delivery/send`` (orders-shipping.md §2).

Owns the carrier table (also used by ``ewaybill.py`` and the demo data) and the ``parcels`` of
an order record. A shipment appends one parcel per ``delivery_list`` entry (→ 21, or 30 when all
shipped) and tells the functions in :data:`SHIPPED` each waybill number. Nothing is applied
unless every check passes (types, order, status, :data:`SEND_GUARDS`, deliver_type, quantities),
so a re-sent shipment fails instead of shipping twice. The checks in order: sandbox/README.md,
"Shipping".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .core import ApiError, Request, body_dict, field_int, field_str, record, route
from .orders import touch, unshipped
from .state import Shop

# (delivery_id, delivery_name, supports e-waybill)
CARRIERS: tuple[tuple[str, str, bool], ...] = (
    ("SF", "顺丰速运", True), ("YTO", "圆通速递", True), ("ZTO", "中通快递", True),
    ("YUNDA", "韵达快递", True), ("JTSD", "极兔速递", True), ("STO", "申通快递", True),
    ("JD", "京东快递", True), ("EMS", "中国邮政速递物流", True), ("DBKD", "德邦快递", True),
    ("SXJD", "顺心捷达", False), ("OTHER", "其他", False),
)
CARRIER_NAMES = {code: name for code, name, _ in CARRIERS}

SHIPPED: list[Callable[[Shop, str], None]] = []
# Called with the order before a shipment is applied; raise ApiError to refuse it (an open
# after-sale case → 108009 in aftersale.py, a waiting SKU change in buyer_requests.py).
SEND_GUARDS: list[Callable[[Shop, dict[str, Any]], None]] = []


def _company_list(ewaybill_only: bool) -> dict[str, Any]:
    return {"company_list": [{"delivery_id": code, "delivery_name": name}
                             for code, name, ewb in CARRIERS if ewb or not ewaybill_only]}


@route("/channels/ec/order/deliverycompanylist/get")
def company_list_legacy(shop: Shop, req: Request) -> dict[str, Any]:
    body_dict(req)
    return _company_list(False)


@route("/channels/ec/order/deliverycompanylist/new/get")
def company_list(shop: Shop, req: Request) -> dict[str, Any]:
    only = body_dict(req).get("ewaybill_only", False)
    if not isinstance(only, bool):
        raise ApiError(47001, "data format error, field \"ewaybill_only\" does't expect this value type")
    return _company_list(only)


def _parse_parcel(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ApiError(47001, "data format error, field \"delivery_list\" does't expect this value type")
    items = raw.get("product_infos")
    if items is None or items == []:
        raise ApiError(40097, "invalid args, field \"delivery_list.product_infos\" is required")
    if not isinstance(items, list):
        raise ApiError(47001, "data format error, field \"product_infos\" does't expect this value type")
    parsed = []
    for item in items:
        if not isinstance(item, dict):
            raise ApiError(47001, "data format error, field \"product_infos\" does't expect this value type")
        parsed.append({"product_id": field_str(item, "product_id"),
                       "sku_id": field_str(item, "sku_id"),
                       "product_cnt": field_int(item, "product_cnt")})
    return {"deliver_type": field_int(raw, "deliver_type"),
            "delivery_id": field_str(raw, "delivery_id", required=False) or "",
            "waybill_id": field_str(raw, "waybill_id", required=False) or "",
            "product_infos": parsed}


def _check_parcel(parcel: dict[str, Any]) -> None:
    if parcel["deliver_type"] != 1:
        raise ApiError(40097, "invalid args, deliver_type不正确")
    if not parcel["delivery_id"] or not parcel["waybill_id"]:
        raise ApiError(40097, "invalid args, delivery_id and waybill_id are required for express")
    if parcel["delivery_id"] not in CARRIER_NAMES:
        raise ApiError(40097, f"invalid args, unknown delivery_id {parcel['delivery_id']}")


@route("/channels/ec/order/delivery/send")
def delivery_send(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    oid = field_str(body, "order_id")
    raw = body.get("delivery_list")
    if raw is None:
        raise ApiError(40097, "invalid args, field \"delivery_list\" is required")
    if not isinstance(raw, list):
        raise ApiError(47001, "data format error, field \"delivery_list\" does't expect this value type")
    parcels = [_parse_parcel(p) for p in raw]
    rec = shop.orders.get(oid or "")
    if rec is None:
        raise ApiError(100002, "order not exist")
    if rec["status"] in (30, 100):
        raise ApiError(109001, "order already fully delivered")
    if rec["status"] not in (20, 21):
        raise ApiError(101100, f"order status {rec['status']} does not allow delivery")
    if not any(p["product_infos"] for p in parcels):
        raise ApiError(109002, "no product in delivery_list")
    for guard in SEND_GUARDS:
        guard(shop, rec)
    left = unshipped(rec)
    for parcel in parcels:
        _check_parcel(parcel)
        for item in parcel["product_infos"]:
            key = (item["product_id"], item["sku_id"])
            if key not in left or item["product_cnt"] <= 0:
                raise ApiError(109000, f"invalid product {key[0]}/{key[1]} in delivery_list")
            left[key] -= item["product_cnt"]
            if left[key] < 0:
                raise ApiError(109000, f"product {key[0]}/{key[1]} count exceeds the unshipped count")

    now = shop.clock.now()
    for parcel in parcels:
        if parcel["product_infos"]:
            rec["parcels"].append({
                "waybill_id": parcel["waybill_id"], "delivery_id": parcel["delivery_id"],
                "delivery_name": CARRIER_NAMES[parcel["delivery_id"]], "delivery_time": now,
                "deliver_type": 1, "product_infos": parcel["product_infos"]})
    done = all(n == 0 for n in left.values())
    rec["status"] = 30 if done else 21
    if done:
        rec["ship_done_time"] = now
    touch(shop, rec)
    waybills = [p["waybill_id"] for p in parcels if p["product_infos"]]
    record(shop, req.path, order_id=rec["order_id"], waybill_ids=waybills,
              finish_delivery=int(done))
    for waybill in waybills:
        for hook in SHIPPED:
            hook(shop, waybill)
    return {}
