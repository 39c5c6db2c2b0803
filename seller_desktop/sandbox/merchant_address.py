"""The shop's merchant addresses (aftersale.md §2.1): return / receiving and ship-from addresses,
``/channels/ec/merchant/address/{list,get,add,update,delete}``. Owns ``shop.merchant_addresses``
(address_id → ``address_detail``). ``acceptapply`` takes one of the ``recv_addr`` ids; the
platform's auto-accept of a return uses the ``default_recv`` one.

Decisions: ids are emitted as strings (the reference's sample shows a number; both are
accepted); ``list`` pages by ``offset``/``limit`` (limit 1..100) in id order and also answers
``total_num``; an unknown id is 40097; flags come back as 0/1 whatever was sent; setting a
default clears the previous default of that kind.
"""

from __future__ import annotations

from typing import Any

from .core import ApiError, Request, body_dict, field_int, field_str, record, route
from .state import Shop

P = "/channels/ec/merchant/address/"
INFO_FIELDS = ("user_name", "postal_code", "province_name", "city_name", "county_name",
               "detail_info", "tel_number", "house_number")
FLAGS = ("send_addr", "default_send", "recv_addr", "default_recv")

RETURN_DESK = {"user_name": "售后组 李敏", "postal_code": "510450", "province_name": "广东省",
               "city_name": "广州市", "county_name": "白云区",
               "detail_info": "太和镇大源北路88号仓储园3栋 退货组", "tel_number": "13926001234",
               "house_number": "3栋1楼"}
SHIP_FROM = {"user_name": "小店发货仓", "postal_code": "510450", "province_name": "广东省",
             "city_name": "广州市", "county_name": "白云区",
             "detail_info": "太和镇大源北路88号仓储园3栋", "tel_number": "02088886666",
             "house_number": ""}
SECOND_RETURN = {"user_name": "王店长", "postal_code": "310012", "province_name": "浙江省",
                 "city_name": "杭州市", "county_name": "西湖区",
                 "detail_info": "文三路90号东部软件园1号楼502", "tel_number": "13757112345",
                 "house_number": "502"}


def _detail(address_id: str, info: dict[str, Any], t: int, remark: str = "",
            **flags: int) -> dict[str, Any]:
    return {"address_id": address_id, "address_info": {**info, "lat": 0, "lng": 0},
            "landline": "", "remark": remark,
            **{f: int(bool(flags.get(f, 0))) for f in FLAGS},
            "address_type": {"same_city": 0, "pickup": 0}, "create_time": t, "update_time": t}


def seed_addresses(shop: Shop, t: int) -> None:
    """The demo shop's addresses: the default return desk, the ship-from warehouse, and a
    second (not default) return address."""
    for info, remark, flags in (
            (RETURN_DESK, "默认退货地址", {"recv_addr": 1, "default_recv": 1}),
            (SHIP_FROM, "发货仓", {"send_addr": 1, "default_send": 1}),
            (SECOND_RETURN, "杭州备用退货点", {"recv_addr": 1})):
        aid = _new_id(shop)
        shop.merchant_addresses[aid] = _detail(aid, info, t, remark, **flags)


def _new_id(shop: Shop) -> str:
    return str(shop.next_id("merchant.address", 1_000_000_000) * 3 + 7)


def _address(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    aid = field_str(body, "address_id") or ""
    rec = shop.merchant_addresses.get(aid)
    if rec is None:
        raise ApiError(40097, f"invalid args, address {aid} not exist")
    return rec


def _parse(body: dict[str, Any]) -> dict[str, Any]:
    detail = body.get("address_detail")
    if not isinstance(detail, dict):
        raise ApiError(40097, "invalid args, field \"address_detail\" is required")
    info = detail.get("address_info")
    if not isinstance(info, dict):
        raise ApiError(40097, "invalid args, field \"address_detail.address_info\" is required")
    parsed = {}
    for name in INFO_FIELDS:
        value = info.get(name, "")
        if not isinstance(value, str):
            raise ApiError(47001, f"data format error, field \"{name}\" does't expect this value type")
        parsed[name] = value
    for name in ("user_name", "province_name", "city_name", "detail_info", "tel_number"):
        if not parsed[name]:
            raise ApiError(40097, f"invalid args, address_info.{name} is required")
    flags = {}
    for name in FLAGS:
        value = detail.get(name, 0)
        if not isinstance(value, (bool, int)) or value not in (0, 1):
            raise ApiError(47001, f"data format error, field \"{name}\" must be 0/1 or a boolean")
        flags[name] = int(value)
    if not (flags["send_addr"] or flags["recv_addr"]):
        raise ApiError(40097, "invalid args, an address is a send_addr, a recv_addr or both")
    remark = detail.get("remark", "")
    if not isinstance(remark, str):
        raise ApiError(47001, "data format error, field \"remark\" does't expect this value type")
    return {"info": parsed, "flags": flags, "remark": remark}


def _store(shop: Shop, aid: str, parsed: dict[str, Any], created: int) -> dict[str, Any]:
    now = shop.clock.now()
    rec = _detail(aid, parsed["info"], created, parsed["remark"], **parsed["flags"])
    rec["update_time"] = now
    for kind, default in (("send_addr", "default_send"), ("recv_addr", "default_recv")):
        if rec[default]:
            rec[kind] = 1
            for other in shop.merchant_addresses.values():
                if other["address_id"] != aid and other[default]:
                    other[default] = 0
                    other["update_time"] = now
    shop.merchant_addresses[aid] = rec
    return rec


@route(P + "list")
def address_list(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    offset = field_int(body, "offset")
    limit = field_int(body, "limit")
    assert offset is not None and limit is not None
    if offset < 0 or not 1 <= limit <= 100:
        raise ApiError(40097, "invalid args, offset >= 0 and limit 1..100")
    ids = sorted(shop.merchant_addresses, key=lambda a: (len(a), a))
    return {"address_id_list": ids[offset:offset + limit], "total_num": len(ids)}


@route(P + "get")
def address_get(shop: Shop, req: Request) -> dict[str, Any]:
    rec = _address(shop, body_dict(req))
    return {"address_detail": {**rec, "address_info": dict(rec["address_info"]),
                               "address_type": dict(rec["address_type"])}}


@route(P + "add")
def address_add(shop: Shop, req: Request) -> dict[str, Any]:
    parsed = _parse(body_dict(req))
    aid = _new_id(shop)
    _store(shop, aid, parsed, shop.clock.now())
    record(shop, req.path, address_id=aid)
    return {"address_id": aid}


@route(P + "update")
def address_update(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    detail = body.get("address_detail")
    if not isinstance(detail, dict):
        raise ApiError(40097, "invalid args, field \"address_detail\" is required")
    rec = _address(shop, detail)
    _store(shop, rec["address_id"], _parse(body), rec["create_time"])
    record(shop, req.path, address_id=rec["address_id"])
    return {}


@route(P + "delete")
def address_delete(shop: Shop, req: Request) -> dict[str, Any]:
    rec = _address(shop, body_dict(req))
    del shop.merchant_addresses[rec["address_id"]]
    record(shop, req.path, address_id=rec["address_id"])
    return {}
