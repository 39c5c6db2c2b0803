"""Sandbox e-waybills (电子面单): carriers, accounts, templates, take/cancel/get, print payloads.

Owns ``shop.ewaybills`` (ewaybill_order_id → record), the account stock counters in
``shop.counters`` (``ewaybill.<acct_id>.available|allocated|cancel``) and
``shop.index["ewaybill_by_waybill"]``; answers every endpoint under
``/channels/ec/logistics/ewaybill/biz/`` the app uses (orders-shipping.md §3.2–§3.11). Statuses,
``print_info`` and the decisions where the reference is silent: sandbox/README.md, "E-waybills".
"""

from __future__ import annotations

import base64
import json
from typing import Any

from .core import ApiError, Request, body_dict, field_int, field_str, record, reindex, route
from .delivery import CARRIER_NAMES, SHIPPED
from .state import Shop

P = "/channels/ec/logistics/ewaybill/biz/"
EWB_SHOP_ID = "1000000812345678"  # the shop's e-waybill subject id
UINT64_MAX = 2**64 - 1
RECEIVER_EMPTY = "收件人姓名、电话、地址不能为空"

_SENDER = {"province": "广东省", "city": "广州市", "county": "白云区", "street": "太和镇",
           "address": "大源北路88号仓储园3栋"}


def _account(delivery_id: str, acct_id: str, company_type: int, stock: int,
             site: tuple[str, str] | None, monthly_card: str = "",
             sender: bool = True) -> dict[str, Any]:
    site_info: dict[str, Any] = {}
    if site:
        site_info = {
            "delivery_id": delivery_id, "site_status": 1, "site_code": site[0],
            "site_name": site[1], "site_fullname": f"{CARRIER_NAMES[delivery_id]}{site[1]}",
            "address": {"province_code": "440000", "province_name": "广东省",
                        "city_code": "440100", "city_name": "广州市",
                        "district_code": "440111", "district_name": "白云区",
                        "street_code": "440111117", "street_name": "太和镇",
                        "detail_address": "太和镇营业部"},
            "contact": {"name": "网点客服", "mobile": "13800138000", "phone": "020-88886666"}}
    account = {"delivery_id": delivery_id, "shop_id": EWB_SHOP_ID, "acct_id": acct_id,
               "acct_type": 0, "company_type": company_type, "status": 3, "initial": stock,
               "monthly_card": monthly_card, "site_info": site_info}
    if sender:  # the official example reply has no sender_address: 7001005 plays that one
        account["sender_address"] = _SENDER
    return account


ACCOUNTS: dict[str, dict[str, Any]] = {a["acct_id"]: a for a in (
    _account("YTO", "7001001", 1, 500, ("510450", "广州白云太和网点")),
    _account("ZTO", "7001002", 1, 300, ("510451", "广州白云大源网点")),
    _account("JTSD", "7001003", 1, 200, ("510452", "广州白云北区网点")),
    _account("SF", "7001004", 2, 1000, None, monthly_card="0208888888"),
    _account("YUNDA", "7001005", 1, 200, ("510453", "广州白云钟落潭网点"), sender=False),
)}

TEMPLATES: dict[str, dict[str, Any]] = {
    code: {"single": {"type": "single", "desc": "一联单标准模板", "width": 76, "height": 130,
                      "url": f"https://res.wx.qq.com/shop/public/ewaybill/{code.lower()}_single.html",
                      "custom_config": {"width": 656, "height": 300, "top": 900, "left": 60}}}
    for code in ("YTO", "ZTO", "YUNDA", "JTSD", "STO", "SF")}
TEMPLATE_IDS = frozenset({"single"})
WAYBILL_PREFIX = {"SF": "SF", "YTO": "YT", "ZTO": "78", "YUNDA": "43", "JTSD": "JT",
                  "STO": "77", "JD": "JDV", "EMS": "98", "DBKD": "DPK"}


# ---- stock counters, index ---------------------------------------------------------------

def stock(shop: Shop, acct_id: str, name: str) -> int:
    default = ACCOUNTS[acct_id]["initial"] if name == "available" else 0
    return shop.counters.get(f"ewaybill.{acct_id}.{name}", default)


def add_stock(shop: Shop, acct_id: str, name: str, delta: int) -> None:
    shop.counters[f"ewaybill.{acct_id}.{name}"] = stock(shop, acct_id, name) + delta


def set_available(shop: Shop, acct_id: str, available: int) -> None:
    if acct_id not in ACCOUNTS:
        raise ApiError(40097, f"invalid args, unknown e-waybill account {acct_id}")
    shop.counters[f"ewaybill.{acct_id}.available"] = available


def build_index(shop: Shop) -> dict[str, Any]:
    ix = {"n": len(shop.ewaybills),
          "waybills": {r["waybill_id"]: eid for eid, r in shop.ewaybills.items()}}
    shop.index["ewaybill_by_waybill"] = ix
    return ix


def _index(shop: Shop) -> dict[str, Any]:
    ix = shop.index.get("ewaybill_by_waybill")
    return ix if ix is not None and ix["n"] == len(shop.ewaybills) else build_index(shop)


@reindex
def _reindex_hook(shop: Shop) -> None:
    build_index(shop)


def _mark_shipped(shop: Shop, waybill_id: str) -> None:
    eid = _index(shop)["waybills"].get(waybill_id)
    rec = shop.ewaybills.get(eid or "")
    if rec is not None and rec["status"] in (1, 3):
        rec["status"] = 4
        rec["path_info"] = [*rec["path_info"], {"status": 1, "desc": "快递员已揽收",
                                                "update_time": shop.clock.now()}]
        record(shop, "ewaybill.shipped", ewaybill_order_id=eid, waybill_id=waybill_id)


SHIPPED.append(_mark_shipped)


# ---- parsing -----------------------------------------------------------------------------

def _ewb_id(body: dict[str, Any]) -> str:
    value = body.get("ewaybill_order_id")
    if value is None:
        raise ApiError(40097, "invalid args, field \"ewaybill_order_id\" is required")
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not text.isdigit() or not text.isascii() \
            or int(text) > UINT64_MAX:
        raise ApiError(10025020, "ewaybill_order_id is not a uint64 string")
    return str(int(text))


def _obj(body: dict[str, Any], name: str) -> dict[str, Any]:
    value = body.get(name)
    if value is None:
        raise ApiError(40097, f"invalid args, field \"{name}\" is required")
    if not isinstance(value, dict):
        raise ApiError(47001, f"data format error, field \"{name}\" does't expect this value type")
    for key in ("name", "mobile", "province", "city", "county", "street", "address"):
        if key in value and not isinstance(value[key], str):
            raise ApiError(47001, f"data format error, field \"{name}.{key}\" does't expect this value type")
    return value


def _filled(addr: dict[str, Any]) -> bool:
    return all(addr.get(k) for k in ("name", "mobile", "province", "city", "address"))


def _ec_orders(shop: Shop, body: dict[str, Any]) -> list[dict[str, Any]]:
    raw = body.get("ec_order_list")
    if raw is None or raw == []:
        raise ApiError(40097, "invalid args, field \"ec_order_list\" is required")
    if not isinstance(raw, list):
        raise ApiError(47001, "data format error, field \"ec_order_list\" does't expect this value type")
    result = []
    for item in raw:
        if not isinstance(item, dict):
            raise ApiError(47001, "data format error, field \"ec_order_list\" does't expect this value type")
        oid = field_str(item, "ec_order_id")
        if oid not in shop.orders:
            raise ApiError(100002, f"order not exist: {oid}")
        goods = item.get("goods_list")
        if not isinstance(goods, list) or not goods:
            raise ApiError(40097, "invalid args, goods_list is required")
        for good in goods:
            if not isinstance(good, dict):
                raise ApiError(47001, "data format error, field \"goods_list\" does't expect this value type")
            if not field_str(good, "good_name") or (field_int(good, "good_count") or 0) <= 0:
                raise ApiError(40097, "invalid args, good_name and a positive good_count are required")
        result.append({**item, "ec_order_id": int(oid or 0)})
    return result


def _validate(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    """The checks precreate and create share; returns the parsed request."""
    delivery_id = field_str(body, "delivery_id")
    if not any(a["delivery_id"] == delivery_id for a in ACCOUNTS.values()):
        raise ApiError(10025012, f"invalid delivery_id {delivery_id}")
    acct = ACCOUNTS.get(field_str(body, "ewaybill_acct_id") or "")
    if acct is None or acct["delivery_id"] != delivery_id:
        raise ApiError(10025014, "invalid ewaybill_acct_id")
    site_code = field_str(body, "site_code", required=False) or ""
    expected = acct["site_info"].get("site_code", "")
    if site_code != expected and (site_code or expected):
        raise ApiError(10025013, "invalid site_code")
    if field_str(body, "shop_id") != EWB_SHOP_ID:
        raise ApiError(40097, "invalid args, shop_id does not match the account")
    remark = body.get("remark", "")
    if not isinstance(remark, str):
        raise ApiError(47001, "data format error, field \"remark\" does't expect this value type")
    return {"delivery_id": delivery_id, "site_code": site_code, "acct": acct,
            "sender": _obj(body, "sender"), "receiver": _obj(body, "receiver"),
            "ec_order_list": _ec_orders(shop, body), "remark": remark}


def _address(real: dict[str, Any]) -> dict[str, str]:
    return {"name": real["user_name"], "mobile": real["tel_number"],
            "province": real["province_name"], "city": real["city_name"],
            "county": real["county_name"], "street": "", "address": real["detail_info"]}


def _waybill_id(shop: Shop, delivery_id: str) -> str:
    n = shop.next_id("ewaybill.waybill", 0)
    return f"{WAYBILL_PREFIX.get(delivery_id, 'WB')}{(n * 7919 + 4_307_000_000_000) % 10**13:013d}"


def print_info(shop: Shop, rec: dict[str, Any], template_id: str,
               sub_waybill_id: str = "") -> str:
    tpl = TEMPLATES.get(rec["delivery_id"], TEMPLATES["YTO"])["single"]
    acct = ACCOUNTS[rec["ewaybill_acct_id"]]
    data = {
        "ewaybill_order_id": rec["ewaybill_order_id"], "waybill_id": rec["waybill_id"],
        "sub_waybill_id": sub_waybill_id or rec["waybill_id"],
        "delivery_id": rec["delivery_id"], "delivery_name": CARRIER_NAMES[rec["delivery_id"]],
        "template_id": template_id, "width": tpl["width"], "height": tpl["height"],
        "site_name": acct["site_info"].get("site_name", ""),
        "monthly_card": acct["monthly_card"],
        "sender": rec["sender"], "receiver": rec["print_receiver"],
        "ec_order_ids": [str(o["ec_order_id"]) for o in rec["ec_order_list"]],
        "goods": [{"good_name": g["good_name"], "good_count": g["good_count"]}
                  for o in rec["ec_order_list"] for g in o["goods_list"]],
        "remark": rec["remark"], "create_time": rec["create_time"],
    }
    return base64.b64encode(json.dumps(data, ensure_ascii=False).encode()).decode()


def _template(shop: Shop, body: dict[str, Any], required: bool, delivery_id: str) -> str | None:
    """The platform's ``"single"`` or a merchant template of the carrier (ewaybill_templates)."""
    template_id = field_str(body, "template_id", required=required)
    if template_id is not None and template_id not in TEMPLATE_IDS \
            and template_id not in shop.ewaybill_templates.get(delivery_id, {}):
        raise ApiError(10025106, f"template_id {template_id} not found")
    return template_id


def _fail_create(msg: str) -> ApiError:
    return ApiError(10025005, "取号失败", delivery_error_msg=msg, waybill_id_list=[],
                    order_risk_info=[])


# ---- endpoints ---------------------------------------------------------------------------

@route(P + "delivery/get")
def delivery_get(shop: Shop, req: Request) -> dict[str, Any]:
    status = field_int(body_dict(req), "status", required=False)
    codes = sorted({a["delivery_id"] for a in ACCOUNTS.values() if status in (None, a["status"])})
    return {"shop_id": EWB_SHOP_ID,
            "list": [{"delivery_id": c, "delivery_name": CARRIER_NAMES[c]} for c in codes]}


@route(P + "account/get")
def account_get(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    need_balance = body.get("need_balance")
    if need_balance is None:
        raise ApiError(40097, "invalid args, field \"need_balance\" is required")
    if not isinstance(need_balance, bool):
        raise ApiError(47001, "data format error, field \"need_balance\" does't expect this value type")
    delivery_id = field_str(body, "delivery_id", required=False)
    acct_id = field_str(body, "acct_id", required=False)
    status = field_int(body, "status", required=False)
    offset = field_int(body, "offset", required=False, default=0) or 0
    limit = field_int(body, "limit")
    if limit is None or limit <= 0 or offset < 0:
        raise ApiError(40097, "invalid args, limit must be positive and offset not negative")
    found = [a for a in ACCOUNTS.values()
             if delivery_id in (None, a["delivery_id"]) and acct_id in (None, a["acct_id"])
             and status in (None, a["status"])]
    accounts = []
    for a in found[offset:offset + limit]:
        wire = {k: v for k, v in a.items() if k != "initial"}
        wire["site_info"] = json.loads(json.dumps(a["site_info"]))
        if "sender_address" in a:
            wire["sender_address"] = dict(a["sender_address"])
        if need_balance:
            wire.update(available=stock(shop, a["acct_id"], "available"),
                        allocated=stock(shop, a["acct_id"], "allocated"), recycled=0,
                        cancel=stock(shop, a["acct_id"], "cancel"), balance_retcode=0,
                        balance_retmsg="")
        accounts.append(wire)
    return {"total_num": len(found), "account_list": accounts}


@route(P + "template/config")
def template_config(shop: Shop, req: Request) -> dict[str, Any]:
    body_dict(req)
    return {"config": json.loads(json.dumps(TEMPLATES))}


@route(P + "order/precreate")
def order_precreate(shop: Shop, req: Request) -> dict[str, Any]:
    _validate(shop, body_dict(req))
    while True:
        eid = str(7_000_000_000_000_000_000 + shop.next_id("ewaybill.precreate", 0) * 104729)
        if eid not in shop.ewaybills:
            return {"ewaybill_order_id": eid}


@route(P + "order/create")
def order_create(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    eid = _ewb_id(body)
    if eid in shop.ewaybills:
        raise ApiError(10025019, "电子面单已存在", waybill_id_list=[], order_risk_info=[])
    parsed = _validate(shop, body)
    if not _filled(parsed["receiver"]):
        raise _fail_create(RECEIVER_EMPTY)
    if not _filled(parsed["sender"]):
        raise _fail_create("寄件人姓名、电话、地址不能为空")
    orders = [shop.orders[str(o["ec_order_id"])] for o in parsed["ec_order_list"]]
    for order in orders:
        if order["status"] not in (20, 21, 30, 100) or order["real_address"] is None:
            raise _fail_create(f"订单{order['order_id']}当前状态不能取号")
    acct = parsed["acct"]
    if stock(shop, acct["acct_id"], "available") <= 0:
        raise _fail_create("电子面单余额不足，请联系网点充值")
    template_id = _template(shop, body, False, parsed["delivery_id"])
    now = shop.clock.now()
    rec = {
        "ewaybill_order_id": eid, "delivery_id": parsed["delivery_id"],
        "site_code": parsed["site_code"], "ewaybill_acct_id": acct["acct_id"],
        "sender": dict(parsed["sender"]), "receiver": dict(parsed["receiver"]),
        "ec_order_list": parsed["ec_order_list"], "remark": parsed["remark"],
        "shop_id": EWB_SHOP_ID, "waybill_id": _waybill_id(shop, parsed["delivery_id"]),
        "status": 1, "path_info": [{"status": 0, "desc": "已取号，等待揽收", "update_time": now}],
        "order_type": body.get("order_type", 1), "monthly_card": acct["monthly_card"],
        "order_vas_list": body.get("order_vas_list", []), "ext_info": body.get("ext_info", {}),
        "create_time": now, "print_count": 0,
        "print_receiver": _address(orders[0]["real_address"]),
    }
    ix = _index(shop)
    shop.ewaybills[eid] = rec
    ix["waybills"][rec["waybill_id"]] = eid
    ix["n"] += 1
    add_stock(shop, acct["acct_id"], "available", -1)
    add_stock(shop, acct["acct_id"], "allocated", 1)
    record(shop, req.path, ewaybill_order_id=eid, waybill_id=rec["waybill_id"],
              order_ids=[o["order_id"] for o in orders])
    reply = {"ewaybill_order_id": eid, "waybill_id": rec["waybill_id"], "delivery_error_msg": "",
             "waybill_id_list": [{"waybill_id": rec["waybill_id"], "waybill_type": 1,
                                  "create_time": now}], "order_risk_info": []}
    if template_id:
        reply["print_info"] = print_info(shop, rec, template_id)
    return reply


def _find(shop: Shop, body: dict[str, Any], check_waybill: bool) -> dict[str, Any]:
    rec = shop.ewaybills.get(_ewb_id(body))
    if rec is None:
        raise ApiError(10025010, "ewaybill order not exist")
    if field_str(body, "delivery_id") != rec["delivery_id"]:
        raise ApiError(10025012, "invalid delivery_id")
    if check_waybill and field_str(body, "waybill_id") != rec["waybill_id"]:
        raise ApiError(10025010, "ewaybill order not exist for this waybill_id")
    return rec


@route(P + "order/cancel")
def order_cancel(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    rec = _find(shop, body, check_waybill=False)
    if field_str(body, "waybill_id") != rec["waybill_id"]:
        raise ApiError(10025006, "cancel failed", delivery_error_msg="运单号与电子面单不匹配")
    if rec["status"] == 2:
        raise ApiError(10025006, "cancel failed", delivery_error_msg="电子面单已取消")
    if rec["status"] == 4:
        raise ApiError(10025006, "cancel failed", delivery_error_msg="包裹已揽收发货，不能取消")
    rec["status"] = 2
    add_stock(shop, rec["ewaybill_acct_id"], "available", 1)
    add_stock(shop, rec["ewaybill_acct_id"], "cancel", 1)
    record(shop, req.path, ewaybill_order_id=rec["ewaybill_order_id"],
              waybill_id=rec["waybill_id"])
    return {"delivery_error_msg": ""}


@route(P + "order/get")
def order_get(shop: Shop, req: Request) -> dict[str, Any]:
    rec = shop.ewaybills.get(_ewb_id(body_dict(req)))
    if rec is None:
        raise ApiError(10025010, "ewaybill order not exist")
    hidden = ("create_time", "print_count", "print_receiver")
    info = {k: v for k, v in rec.items() if k not in hidden}
    return {"order_info": json.loads(json.dumps(info))}  # a deep copy


@route(P + "print/get")
def print_get(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    eid = field_str(body, "ewaybill_order_id")
    rec = shop.ewaybills.get(eid or "")
    if rec is None:
        raise ApiError(1000003, "ewaybill order not exist")
    template_id = _template(shop, body, True, rec["delivery_id"])
    sub = field_str(body, "sub_waybill_id", required=False) or ""
    if sub and sub != rec["waybill_id"]:
        raise ApiError(1000003, "sub_waybill_id not found")
    if rec["status"] == 2:
        raise ApiError(10025006, "ewaybill cancelled", delivery_error_msg="电子面单已取消")
    return {"print_info": print_info(shop, rec, template_id or "single", sub)}


def _print_one(shop: Shop, body: dict[str, Any], op: str) -> str:
    rec = _find(shop, body, check_waybill=True)
    re_print = field_int(body, "re_print", required=False, default=0)
    if re_print not in (0, 1):
        raise ApiError(40097, "invalid args, re_print must be 0 or 1")
    if rec["status"] == 2:
        raise ApiError(10025006, "ewaybill cancelled", delivery_error_msg="电子面单已取消")
    if rec["status"] == 1:
        rec["status"] = 3
    rec["print_count"] += 1
    record(shop, op, ewaybill_order_id=rec["ewaybill_order_id"],
              waybill_id=rec["waybill_id"], re_print=re_print)
    return str(rec["ewaybill_order_id"])


@route(P + "order/print")
def order_print(shop: Shop, req: Request) -> dict[str, Any]:
    _print_one(shop, body_dict(req), req.path)
    return {}


@route(P + "order/batchprint")
def order_batchprint(shop: Shop, req: Request) -> dict[str, Any]:
    items = body_dict(req).get("req_list")
    if items is None or items == []:
        raise ApiError(40097, "invalid args, field \"req_list\" is required")
    if not isinstance(items, list):
        raise ApiError(47001, "data format error, field \"req_list\" does't expect this value type")
    if len(items) > 50:
        raise ApiError(40097, "invalid args, at most 50 requests per batch")
    succ: list[str] = []
    fail: list[str] = []
    for item in items:
        try:
            if not isinstance(item, dict):
                raise ApiError(47001, "data format error")
            succ.append(_print_one(shop, item, req.path))
        except ApiError:
            fail.append(str(item.get("ewaybill_order_id", "")) if isinstance(item, dict) else "")
    return {"succ_ewaybill_order_id": succ, "fail_ewaybill_order_id": fail}
