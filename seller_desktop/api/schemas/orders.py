"""Wire ↔ domain for orders (orders-shipping.md §1): order/get, list/search pages, addresses.

Gift fields are read from the top level and, field by field, from ``order_present_info`` when
the top level lacks them; a gift at status 12 has no address (``None``). What the domain does
not model stays in ``Order.extra`` (its keys: docs/architecture.md, "Wire schemas"), including
``"holds"``, the after-sale and buyer-request signals the shipping guard reads. Sizes are
bounded (caps several times what the WeChat forms accept): beyond them a reply is malformed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.order import Address, Gift, Order, OrderLine, OrderStatus, Parcel, ParcelItem
from ._wire import (
    Wire,
    bounded_extra,
    id_list,
    obj,
    objs,
    opt_bool,
    opt_id,
    opt_int,
    opt_int_or_none,
    opt_obj,
    opt_str,
    opt_time,
    opt_url,
    req_id,
    req_int,
    req_str,
)
from .aftersale import order_hold_signals

MAX_NAME = 100
MAX_PHONE = 40
MAX_REGION = 60  # province, city, county
MAX_DETAIL = 500  # street address
MAX_NOTE = 1000  # buyer's, seller's and gift notes
MAX_LINE_TITLE = 2 * 60  # a product title (auth-products.md §7.4, doubled)
MAX_LINES = 500

_ORDER_MODELLED = frozenset({"order_id", "status", "create_time", "update_time", "openid",
                             "order_detail", "is_present", "present_order_id",
                             "present_order_id_str", "present_note", "present_giver_openid",
                             "present_send_type"})
_DETAIL_MODELLED = frozenset({"product_infos", "price_info", "pay_info", "delivery_info",
                              "ext_info"})
_DELIVERY_MODELLED = frozenset({"address_info", "delivery_product_info", "ship_done_time",
                                "deliver_method"})
_EXT_MODELLED = frozenset({"customer_notes", "merchant_notes"})
_ADDRESS_MODELLED = frozenset({"user_name", "tel_number", "province_name", "city_name",
                               "county_name", "detail_info", "postal_code", "house_number"})


@dataclass(frozen=True)
class OrderIdPage:
    ids: list[str]
    next_key: str
    has_more: bool
    server_time: int | None = None  # the reply's HTTP Date (the server's clock), if readable


def order_status(code: int) -> int:
    """The OrderStatus member for a known code, else the bare int (the API adds codes)."""
    try:
        return OrderStatus(code)
    except ValueError:
        return code


def parse_address(d: Wire, where: str) -> Address | None:
    """An ``address_info``-shaped object → Address; None when every field is empty."""
    address = Address(
        user_name=opt_str(d, "user_name", where, max_len=MAX_NAME),
        tel_number=opt_str(d, "tel_number", where, max_len=MAX_PHONE),
        province=opt_str(d, "province_name", where, max_len=MAX_REGION),
        city=opt_str(d, "city_name", where, max_len=MAX_REGION),
        county=opt_str(d, "county_name", where, max_len=MAX_REGION),
        detail=opt_str(d, "detail_info", where, max_len=MAX_DETAIL),
        postal_code=opt_str(d, "postal_code", where, max_len=MAX_PHONE),
        house_number=opt_str(d, "house_number", where, max_len=MAX_NAME),
    )
    if not any((address.user_name, address.tel_number, address.province, address.city,
                address.county, address.detail, address.house_number)):
        return None
    return address


def _parse_line(d: Wire, where: str) -> OrderLine:
    count = req_int(d, "sku_cnt", where)
    unit = opt_int(d, "sale_price", where)
    paid = opt_int_or_none(d, "real_price", where)
    if paid is None:
        paid = opt_int(d, "estimate_price", where, unit * count)
    attrs = tuple((req_str(a, "attr_key", w), req_str(a, "attr_value", w))
                  for a, w in objs(d, "sku_attrs", where))
    return OrderLine(
        product_id=req_id(d, "product_id", where),
        sku_id=opt_id(d, "sku_id", where),
        title=opt_str(d, "title", where, max_len=MAX_LINE_TITLE),
        sku_cnt=count,
        sale_price=unit,
        real_price=paid,
        sku_attrs=attrs,
        sku_code=opt_str(d, "sku_code", where),
        thumb_img=opt_url(d, "thumb_img", where),
        delivery_deadline=opt_time(d, "delivery_deadline", where),
    )


def _parse_parcel(d: Wire, where: str) -> Parcel:
    items = tuple(ParcelItem(req_id(p, "product_id", w), opt_id(p, "sku_id", w),
                             req_int(p, "product_cnt", w))
                  for p, w in objs(d, "product_infos", where))
    return Parcel(
        delivery_id=opt_str(d, "delivery_id", where),
        waybill_id=opt_str(d, "waybill_id", where),
        delivery_time=opt_time(d, "delivery_time", where),
        items=items,
        delivery_name=opt_str(d, "delivery_name", where),
        deliver_type=opt_int(d, "deliver_type", where, 1),
    )


def _parse_gift(d: Wire, where: str) -> Gift | None:
    grouped = opt_obj(d, "order_present_info", where)
    gwhere = f"{where}.order_present_info"

    def pick_str(key: str) -> str:
        return (opt_str(d, key, where, max_len=MAX_NOTE)
                or opt_str(grouped, key, gwhere, max_len=MAX_NOTE))

    present_id = pick_str("present_order_id_str") or opt_id(d, "present_order_id", where)
    is_gift = opt_bool(d, "is_present", where) or bool(grouped) or bool(present_id)
    if not is_gift:
        return None
    send_type = opt_int_or_none(d, "present_send_type", where)
    if send_type is None:
        send_type = opt_int_or_none(grouped, "present_send_type", gwhere)
    return Gift(present_order_id=present_id, note=pick_str("present_note"),
                giver_openid=pick_str("present_giver_openid"), send_type=send_type)


def parse_order(d: Any, where: str = "order") -> Order:
    d = obj(d, where)
    detail = opt_obj(d, "order_detail", where)
    dwhere = f"{where}.order_detail"
    price = opt_obj(detail, "price_info", dwhere)
    pay = opt_obj(detail, "pay_info", dwhere)
    delivery = opt_obj(detail, "delivery_info", dwhere)
    ext = opt_obj(detail, "ext_info", dwhere)
    address_info = opt_obj(delivery, "address_info", f"{dwhere}.delivery_info")

    extra: dict[str, Any] = {k: v for k, v in d.items() if k not in _ORDER_MODELLED}
    for name, source, modelled in (("order_detail", detail, _DETAIL_MODELLED),
                                   ("delivery_info", delivery, _DELIVERY_MODELLED),
                                   ("ext_info", ext, _EXT_MODELLED),
                                   ("address_info", address_info, _ADDRESS_MODELLED)):
        rest = {k: v for k, v in source.items() if k not in modelled}
        if rest:
            extra[name] = rest
    if price:
        extra["price_info"] = price
    bounded_extra(extra, where)  # the verbatim fields only: holds are the app's own
    holds = order_hold_signals(d, detail, delivery, where)
    if holds:
        extra["holds"] = holds

    return Order(
        order_id=req_id(d, "order_id", where),
        status=order_status(req_int(d, "status", where)),
        create_time=opt_time(d, "create_time", where),
        update_time=opt_time(d, "update_time", where),
        lines=tuple(_parse_line(p, w)
                    for p, w in objs(detail, "product_infos", dwhere, max_items=MAX_LINES)),
        openid=opt_str(d, "openid", where),
        address=parse_address(address_info, f"{dwhere}.delivery_info.address_info"),
        customer_notes=opt_str(ext, "customer_notes", f"{dwhere}.ext_info", max_len=MAX_NOTE),
        merchant_notes=opt_str(ext, "merchant_notes", f"{dwhere}.ext_info", max_len=MAX_NOTE),
        parcels=tuple(_parse_parcel(p, w) for p, w in
                      objs(delivery, "delivery_product_info", f"{dwhere}.delivery_info")),
        product_price=opt_int(price, "product_price", f"{dwhere}.price_info"),
        order_price=opt_int(price, "order_price", f"{dwhere}.price_info"),
        freight=opt_int(price, "freight", f"{dwhere}.price_info"),
        pay_time=opt_time(pay, "pay_time", f"{dwhere}.pay_info"),
        ship_done_time=opt_time(delivery, "ship_done_time", f"{dwhere}.delivery_info"),
        deliver_method=opt_int(delivery, "deliver_method", f"{dwhere}.delivery_info"),
        gift=_parse_gift(d, where),
        extra=extra,
    )


def parse_order_reply(reply: Wire) -> Order:
    return parse_order(reply.get("order"), "reply.order")


def parse_order_id_page(reply: Wire, key: str = "order_id_list") -> OrderIdPage:
    return OrderIdPage(ids=id_list(reply, key, "reply"),
                       next_key=opt_str(reply, "next_key", "reply", max_len=1024),
                       has_more=opt_bool(reply, "has_more", "reply"))


def parse_search_page(reply: Wire) -> OrderIdPage:
    """``order/search`` names its id list ``orders`` (two SDKs); one summary says ``order_id_list``."""
    key = "orders" if reply.get("orders") is not None else "order_id_list"
    return parse_order_id_page(reply, key)


def parse_decoded_address(reply: Wire) -> Address | None:
    """``sensitiveinfo/decode``: the unmasked ``address_info``."""
    return parse_address(obj(reply.get("address_info"), "reply.address_info"),
                         "reply.address_info")


def parse_sub_order_ids(reply: Wire) -> list[str]:
    return id_list(reply, "order_ids", "reply")
