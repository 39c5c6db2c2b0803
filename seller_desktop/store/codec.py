"""Domain objects <-> the plain dicts the cache stores as JSON (and outbox payloads carry).

This is the store's own format, not the API's wire format (``api/schemas`` owns that). The
product dict is also the shape ``domain.merge`` works on: the editable fields at top level and
``skus`` as a list of dicts with ``sku_id`` and the SKU fields; ``attrs`` is ``[[key, value], …]``.
Hand-written rather than ``dataclasses.asdict``: the 50,000-order import spends its time here.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from ..domain.order import Address, Gift, Order, OrderLine, Parcel, ParcelItem
from ..domain.product import Product, Sku, SkuAttr

_stdlib_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(value: Any) -> str:
    """Compact JSON text, as ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``.

    orjson first: the writer thread encodes every product and parcel it saves, holding the GIL
    the event loop needs; the stdlib encoder only for what orjson refuses (integers beyond
    64 bits).
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except (TypeError, orjson.JSONEncodeError):
        return _stdlib_dumps(value)


def sku_to_dict(sku: Sku) -> dict[str, Any]:
    return {
        "sku_id": sku.sku_id, "sale_price": sku.sale_price, "stock_num": sku.stock_num,
        "attrs": [[a.key, a.value] for a in sku.attrs], "market_price": sku.market_price,
        "sku_code": sku.sku_code, "out_sku_id": sku.out_sku_id, "thumb_img": sku.thumb_img,
        "extra": sku.extra,
    }


def sku_from_dict(d: dict[str, Any]) -> Sku:
    return Sku(
        sku_id=d.get("sku_id"), sale_price=int(d["sale_price"]), stock_num=int(d["stock_num"]),
        attrs=tuple(SkuAttr(k, v) for k, v in d.get("attrs") or ()),
        market_price=d.get("market_price"), sku_code=d.get("sku_code", ""),
        out_sku_id=d.get("out_sku_id", ""), thumb_img=d.get("thumb_img", ""),
        extra=dict(d.get("extra") or {}),
    )


def product_to_dict(p: Product) -> dict[str, Any]:
    return {
        "product_id": p.product_id, "title": p.title, "short_title": p.short_title,
        "head_imgs": list(p.head_imgs), "desc": p.desc, "desc_imgs": list(p.desc_imgs),
        "out_product_id": p.out_product_id, "spu_code": p.spu_code, "status": int(p.status),
        "edit_status": int(p.edit_status), "edit_time": p.edit_time, "extra": p.extra,
        "skus": [sku_to_dict(s) for s in p.skus],
    }


def product_from_dict(d: dict[str, Any]) -> Product:
    return Product(
        product_id=d.get("product_id"), title=d.get("title", ""),
        skus=tuple(sku_from_dict(s) for s in d.get("skus") or ()),
        short_title=d.get("short_title", ""), head_imgs=tuple(d.get("head_imgs") or ()),
        desc=d.get("desc", ""), desc_imgs=tuple(d.get("desc_imgs") or ()),
        out_product_id=d.get("out_product_id", ""), spu_code=d.get("spu_code", ""),
        status=int(d.get("status", 0)), edit_status=int(d.get("edit_status", 0)),
        edit_time=int(d.get("edit_time", 0)), extra=dict(d.get("extra") or {}),
    )


def parcel_to_dict(p: Parcel) -> dict[str, Any]:
    return {"delivery_id": p.delivery_id, "waybill_id": p.waybill_id,
            "delivery_time": p.delivery_time, "delivery_name": p.delivery_name,
            "deliver_type": p.deliver_type,
            "items": [[i.product_id, i.sku_id, i.count] for i in p.items]}


def parcel_from_dict(d: dict[str, Any]) -> Parcel:
    return Parcel(d["delivery_id"], d["waybill_id"], int(d.get("delivery_time", 0)),
                  tuple(ParcelItem(a, b, int(c)) for a, b, c in d.get("items") or ()),
                  d.get("delivery_name", ""), int(d.get("deliver_type", 1)))


def order_to_dict(o: Order) -> dict[str, Any]:
    """Lines are positional (``_LINE_FIELDS`` order); tuples encode as JSON arrays."""
    g, a = o.gift, o.address
    return {
        "order_id": o.order_id, "status": o.status, "create_time": o.create_time,
        "update_time": o.update_time,
        "lines": [(ln.product_id, ln.sku_id, ln.title, ln.sku_cnt, ln.sale_price, ln.real_price,
                   ln.sku_attrs, ln.sku_code, ln.thumb_img, ln.delivery_deadline)
                  for ln in o.lines],
        "openid": o.openid,
        "address": None if a is None else {
            "user_name": a.user_name, "tel_number": a.tel_number, "province": a.province,
            "city": a.city, "county": a.county, "detail": a.detail,
            "postal_code": a.postal_code, "house_number": a.house_number},
        "customer_notes": o.customer_notes, "merchant_notes": o.merchant_notes,
        "parcels": [parcel_to_dict(p) for p in o.parcels] if o.parcels else [],
        "product_price": o.product_price, "order_price": o.order_price, "freight": o.freight,
        "pay_time": o.pay_time, "ship_done_time": o.ship_done_time,
        "deliver_method": o.deliver_method,
        "gift": None if g is None else (g.present_order_id, g.note, g.giver_openid, g.send_type),
        "extra": o.extra,
    }


def order_from_dict(d: dict[str, Any]) -> Order:
    a, g = d.get("address"), d.get("gift")
    return Order(
        order_id=d["order_id"], status=int(d["status"]), create_time=int(d["create_time"]),
        update_time=int(d["update_time"]),
        lines=tuple(
            OrderLine(pid, sid, title, cnt, sale, real, tuple((k, v) for k, v in attrs),
                      code, thumb, deadline)
            for pid, sid, title, cnt, sale, real, attrs, code, thumb, deadline in d["lines"]
        ),
        openid=d.get("openid", ""), address=Address(**a) if a else None,
        customer_notes=d.get("customer_notes", ""), merchant_notes=d.get("merchant_notes", ""),
        parcels=tuple(parcel_from_dict(p) for p in d.get("parcels") or ()),
        product_price=d.get("product_price", 0), order_price=d.get("order_price", 0),
        freight=d.get("freight", 0), pay_time=d.get("pay_time", 0),
        ship_done_time=d.get("ship_done_time", 0), deliver_method=d.get("deliver_method", 0),
        gift=Gift(g[0], g[1], g[2], g[3]) if g else None, extra=dict(d.get("extra") or {}),
    )
