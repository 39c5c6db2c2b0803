"""The wire shape of an order (orders-shipping.md §1.2), built from a stored order record.

``orders.py`` keeps orders as compact records (see its docstring); :func:`order_wire` returns a
fresh, complete ``order`` object for ``/channels/ec/order/get`` with every field a seller app
needs: lines with SKU attributes and prices (and their after-sale unit counts and SKU-change
request), price/pay/delivery info (the masked address, absent on a gift awaiting acceptance, and
an address change under review), parcels, notes, the after-sale summary and the gift fields.
``aftersale_order_list`` entries carry no ``status`` (the numeric one was withdrawn; read the
case with getaftersaleorder).
Amounts the platform derives (totals, discounts) are computed here from the lines, so they always
agree. Fields the sandbox has no use for keep their neutral values (0, false, "", []).
"""

from __future__ import annotations

from typing import Any

# The shop's ship-from address, shown as each parcel's delivery_address.
SHIP_FROM: dict[str, Any] = {
    "user_name": "小店发货仓", "tel_number": "02088886666", "postal_code": "510450",
    "province_name": "广东省", "city_name": "广州市", "county_name": "白云区",
    "detail_info": "太和镇大源北路88号仓储园3栋",
}


def mask_name(name: str) -> str:
    return name[:1] + "**"


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"


def masked_address(real: dict[str, Any]) -> dict[str, Any]:
    """The address as order/get shows it: name, phone and street masked, the region clear."""
    return {**real, "user_name": mask_name(real["user_name"]),
            "tel_number": mask_phone(real["tel_number"]), "detail_info": "****",
            "house_number": ""}


def _line_wire(rec: dict[str, Any], i: int, line: dict[str, Any]) -> dict[str, Any]:
    snap = line["snap"]
    total = line["sale_price"] * line["sku_cnt"]
    discount = total - line["real_price"]
    wire = {
        "product_id": line["product_id"], "sku_id": line["sku_id"],
        "thumb_img": snap["thumb_img"], "title": snap["title"], "sku_cnt": line["sku_cnt"],
        "sale_price": line["sale_price"], "market_price": snap["market_price"],
        "sku_attrs": [dict(a) for a in snap["sku_attrs"]], "sku_code": snap["sku_code"],
        "on_aftersale_sku_cnt": line.get("on_aftersale_sku_cnt", 0),
        "finish_aftersale_sku_cnt": line.get("finish_aftersale_sku_cnt", 0),
        "real_price": line["real_price"], "estimate_price": line["real_price"],
        "is_discounted": discount > 0, "is_change_price": False,
        "change_price": line["real_price"],
        "out_product_id": snap["out_product_id"], "out_sku_id": snap["out_sku_id"],
        "out_warehouse_id": "",
        "sku_deliver_info": {"stock_type": 0, "predict_delivery_time": 0,
                             "full_payment_presale_delivery_type": 0},
        "extra_service": {"seven_day_return": 1, "freight_insurance": 0},
        "use_deduction": False, "deduction_price": 0, "order_product_coupon_info_list": [],
        "delivery_deadline": line["delivery_deadline"],
        "merchant_discounted_price": discount, "finder_discounted_price": 0,
        "vip_discounted_price": 0, "is_free_gift": 0,
        "product_unique_id": f"{rec['order_id']}{i + 1:03d}",
    }
    if "accept_change_sku_info" in line:
        wire["accept_change_sku_info"] = dict(line["accept_change_sku_info"])
    if "change_sku_info" in line:  # a buyer's pre-shipment SKU change (buyer_requests.py)
        wire["change_sku_info"] = dict(line["change_sku_info"])
    return wire


def _price_info(rec: dict[str, Any]) -> dict[str, Any]:
    product_price = sum(ln["sale_price"] * ln["sku_cnt"] for ln in rec["lines"])
    paid_goods = sum(ln["real_price"] for ln in rec["lines"])
    discounted = product_price - paid_goods
    order_price = paid_goods + rec["freight"]
    return {
        "product_price": product_price, "order_price": order_price, "freight": rec["freight"],
        "discounted_price": discounted, "is_discounted": discounted > 0,
        "original_order_price": product_price + rec["freight"],
        "estimate_product_price": paid_goods, "change_down_price": 0, "change_freight": 0,
        "is_change_freight": False, "use_deduction": False, "deduction_price": 0,
        "merchant_receieve_price": order_price, "merchant_discounted_price": discounted,
        "finder_discounted_price": 0, "vip_discounted_price": 0,
    }


def _pay_info(rec: dict[str, Any]) -> dict[str, Any]:
    oid = rec["order_id"]
    info: dict[str, Any] = {"prepay_id": f"wx{rec['create_time']}{oid[-10:]}",
                            "prepay_time": rec["create_time"]}
    if rec["pay_time"]:
        info.update(transaction_id=f"42000{oid[2:]}{rec['pay_time'] % 10**4:04d}",
                    pay_time=rec["pay_time"], payment_method=1)
    return info


def order_wire(rec: dict[str, Any]) -> dict[str, Any]:
    delivery: dict[str, Any] = {
        "delivery_product_info": [
            {**p, "product_infos": [dict(x) for x in p["product_infos"]],
             "delivery_address": dict(SHIP_FROM)} for p in rec["parcels"]],
        "ship_done_time": rec["ship_done_time"], "deliver_method": 0,
        "quality_inspect_type": 0,
    }
    if rec["real_address"] is not None:
        delivery["address_info"] = masked_address(rec["real_address"])
    review = rec.get("address_review")
    if review:  # a buyer's address change waiting for the seller (buyer_requests.py)
        delivery["address_under_review"] = masked_address(review["address"])
        delivery["address_apply_time"] = review["apply_time"]
    aftersale = rec.get("aftersale") or {"ids": [], "open": 0}
    order: dict[str, Any] = {
        "order_id": rec["order_id"], "status": rec["status"],
        "create_time": rec["create_time"], "update_time": rec["update_time"],
        "openid": rec["openid"],
        "order_detail": {
            "product_infos": [_line_wire(rec, i, ln) for i, ln in enumerate(rec["lines"])],
            "price_info": _price_info(rec),
            "pay_info": _pay_info(rec),
            "delivery_info": delivery,
            "ext_info": {"customer_notes": rec["customer_notes"],
                         "merchant_notes": rec["merchant_notes"],
                         "confirm_receipt_time": rec["confirm_receipt_time"],
                         "order_scene": int(rec["order_id"][-1]) % 6 + 1},
        },
        "aftersale_detail": {
            "on_aftersale_order_cnt": aftersale["open"],
            "aftersale_order_list": [{"aftersale_order_id": cid} for cid in aftersale["ids"]]},
        "is_present": bool(rec["present"]),
        "is_flash_sale_order": False,
    }
    present = rec["present"]
    if present:
        order.update(present_order_id=int(present["present_order_id_str"]), **present)
        order["order_present_info"] = {**present, "is_b2c_free_present": False}
    return order
