"""E-waybills (orders-shipping.md §3): accounts, templates, precreate/create/cancel/get,
print info and print notifications, and the whole flow up to delivery/send."""

from __future__ import annotations

import base64
import json

import pytest

from .test_orders_support import EWB, OrdersSandbox

SENDER = {"name": "小店发货仓", "mobile": "13800138000", "province": "广东省", "city": "广州市",
          "county": "白云区", "street": "太和镇", "address": "大源北路88号"}


@pytest.fixture
def sb():
    with OrdersSandbox(seed=9, products=20, orders=40, gift_orders=4) as sandbox:
        yield sandbox


def _account(sb, delivery_id="YTO"):
    reply = sb.ok(EWB + "account/get", {"delivery_id": delivery_id, "need_balance": True,
                                        "limit": 10})
    assert reply["total_num"] == 1
    return reply["account_list"][0]


def _body(sb, oid, acct, **extra):
    order = sb.order(oid)
    addr = order["order_detail"]["delivery_info"]["address_info"]
    goods = [{"good_name": ln["title"], "good_count": ln["sku_cnt"],
              "product_id": ln["product_id"], "sku_id": ln["sku_id"]}
             for ln in order["order_detail"]["product_infos"]]
    return {"delivery_id": acct["delivery_id"], "site_code": acct["site_info"].get("site_code", ""),
            "ewaybill_acct_id": acct["acct_id"], "shop_id": acct["shop_id"], "sender": SENDER,
            "receiver": {"name": addr["user_name"], "mobile": addr["tel_number"],
                         "province": addr["province_name"], "city": addr["city_name"],
                         "county": addr["county_name"], "address": addr["detail_info"]},
            "ec_order_list": [{"ec_order_id": int(oid), "goods_list": goods}], **extra}


def _create(sb, oid, acct, **extra):
    eid = sb.ok(EWB + "order/precreate", _body(sb, oid, acct))["ewaybill_order_id"]
    return sb.ok(EWB + "order/create", {**_body(sb, oid, acct), "ewaybill_order_id": eid, **extra})


def test_carriers_accounts_and_templates(sb):
    reply = sb.ok(EWB + "delivery/get", {})
    assert reply["shop_id"] and {"YTO", "ZTO", "SF"} <= {d["delivery_id"] for d in reply["list"]}
    assert sb.ok(EWB + "delivery/get", {"status": 4})["list"] == []
    everything = sb.ok(EWB + "account/get", {"need_balance": True, "limit": 10})
    assert everything["total_num"] == len(everything["account_list"]) >= 3
    acct = _account(sb)
    assert acct["acct_id"] and acct["shop_id"] == reply["shop_id"] and acct["company_type"] == 1
    assert acct["site_info"]["site_code"] and acct["site_info"]["site_status"] == 1
    assert set(acct["sender_address"]) >= {"province", "city", "county", "address"}
    assert acct["available"] > 0 and acct["status"] == 3
    assert "available" not in sb.ok(EWB + "account/get", {"need_balance": False, "limit": 10})["account_list"][0]
    paged = sb.ok(EWB + "account/get", {"need_balance": False, "offset": 1, "limit": 1})
    assert len(paged["account_list"]) == 1 and paged["total_num"] == everything["total_num"]
    assert sb.call(EWB + "account/get", {"limit": 10})["errcode"] == 40097
    assert sb.call(EWB + "account/get", {"need_balance": 1, "limit": 10})["errcode"] == 47001
    assert sb.call(EWB + "account/get", {"need_balance": True})["errcode"] == 40097
    config = sb.ok(EWB + "template/config", {})["config"]
    for code in ("YTO", "ZTO", "YUNDA", "JTSD", "STO", "SF"):
        tpl = config[code]["single"]
        assert (tpl["type"], tpl["width"], tpl["height"]) == ("single", 76, 130)
        assert tpl["desc"] == "一联单标准模板" and tpl["url"].startswith("https://")
        assert set(tpl["custom_config"]) == {"width", "height", "top", "left"}


def test_precreate_errors(sb):
    oid = sb.orders_in(20)[0]["order_id"]
    acct = _account(sb)
    good = _body(sb, oid, acct)
    eid = sb.ok(EWB + "order/precreate", good)["ewaybill_order_id"]
    assert eid.isdigit() and int(eid) < 2**64
    assert sb.ok(EWB + "order/precreate", good)["ewaybill_order_id"] != eid
    for change, code in (({"delivery_id": "NOPE"}, 10025012), ({"site_code": "000000"}, 10025013),
                         ({"site_code": ""}, 10025013), ({"ewaybill_acct_id": "1"}, 10025014),
                         ({"ewaybill_acct_id": _account(sb, "ZTO")["acct_id"]}, 10025014),
                         ({"sender": "x"}, 47001), ({"ec_order_list": []}, 40097),
                         ({"ec_order_list": [{"ec_order_id": "3700000000000000001",
                                              "goods_list": [{"good_name": "x", "good_count": 1}]}]},
                          100002)):
        assert sb.call(EWB + "order/precreate", {**good, **change})["errcode"] == code, change


def test_create_returns_waybill_and_print_info_and_takes_stock(sb):
    rec = sb.orders_in(20)[0]
    acct = _account(sb)
    reply = _create(sb, rec["order_id"], acct, template_id="single")
    wb = reply["waybill_id"]
    assert wb.startswith("YT") and len(wb) == 15 and wb[2:].isdigit()
    assert reply["waybill_id_list"][0]["waybill_id"] == wb and reply["order_risk_info"] == []
    assert reply["delivery_error_msg"] == ""
    info = json.loads(base64.b64decode(reply["print_info"]))
    assert info["waybill_id"] == wb and info["delivery_id"] == "YTO"
    assert info["receiver"]["name"] == rec["real_address"]["user_name"]  # the real address
    assert info["receiver"]["address"] == rec["real_address"]["detail_info"]
    assert info["sender"]["name"] == SENDER["name"] and (info["width"], info["height"]) == (76, 130)
    assert info["ec_order_ids"] == [rec["order_id"]] and info["goods"]
    assert _account(sb)["available"] == acct["available"] - 1
    got = sb.ok(EWB + "order/get", {"ewaybill_order_id": reply["ewaybill_order_id"]})["order_info"]
    assert got["status"] == 1 and got["waybill_id"] == wb and got["delivery_id"] == "YTO"
    assert got["ec_order_list"][0]["ec_order_id"] == int(rec["order_id"])
    assert got["path_info"][0]["status"] == 0
    again = sb.ok(EWB + "print/get", {"ewaybill_order_id": reply["ewaybill_order_id"],
                                       "template_id": "single"})["print_info"]
    assert json.loads(base64.b64decode(again))["waybill_id"] == wb
    no_tpl = _create(sb, sb.orders_in(20)[1]["order_id"], acct)
    assert "print_info" not in no_tpl


def test_create_errors(sb):
    oid = sb.orders_in(20)[0]["order_id"]
    acct = _account(sb)
    body = _body(sb, oid, acct)
    for bad in ("abc", "-1", "", str(2**64), "1.5"):
        assert sb.call(EWB + "order/create", {**body, "ewaybill_order_id": bad})["errcode"] == 10025020
    first = sb.ok(EWB + "order/create", {**body, "ewaybill_order_id": "123456789"})
    reuse = sb.call(EWB + "order/create", {**body, "ewaybill_order_id": 123456789})
    assert reuse["errcode"] == 10025019
    assert len([e for e in sb.log_ops(EWB + "order/create") if e["ewaybill_order_id"] == "123456789"]) == 1
    empty = sb.call(EWB + "order/create", {**body, "ewaybill_order_id": "5001",
                                           "receiver": {**body["receiver"], "mobile": ""}})
    assert empty["errcode"] == 10025005
    assert empty["delivery_error_msg"] == "收件人姓名、电话、地址不能为空"
    assert empty["waybill_id_list"] == []
    gift = sb.orders_in(12)[0]["order_id"]
    assert sb.call(EWB + "order/create", {**body, "ewaybill_order_id": "5002", "ec_order_list": [
        {"ec_order_id": gift, "goods_list": [{"good_name": "礼物", "good_count": 1}]}]})["errcode"] == 10025005
    assert sb.call(EWB + "order/create", {**body, "ewaybill_order_id": "5003",
                                          "template_id": "nope"})["errcode"] == 10025106
    status, _ = sb.control("/sandbox/ewaybill/stock", {"acct_id": acct["acct_id"], "available": 0})
    assert status == 200
    dry = sb.call(EWB + "order/create", {**body, "ewaybill_order_id": "5004"})
    assert dry["errcode"] == 10025005 and dry["delivery_error_msg"]
    assert first["waybill_id"] and _account(sb)["available"] == 0


def test_cancel_returns_stock_and_refuses_twice(sb):
    acct = _account(sb, "ZTO")
    reply = _create(sb, sb.orders_in(20)[0]["order_id"], acct)
    eid, wb = reply["ewaybill_order_id"], reply["waybill_id"]
    path = EWB + "order/cancel"
    assert sb.call(path, {"ewaybill_order_id": "999", "delivery_id": "ZTO", "waybill_id": wb})["errcode"] == 10025010
    assert sb.call(path, {"ewaybill_order_id": "x9", "delivery_id": "ZTO", "waybill_id": wb})["errcode"] == 10025020
    assert sb.call(path, {"ewaybill_order_id": eid, "delivery_id": "YTO", "waybill_id": wb})["errcode"] == 10025012
    assert sb.ok(path, {"ewaybill_order_id": eid, "delivery_id": "ZTO", "waybill_id": wb})["delivery_error_msg"] == ""
    assert _account(sb, "ZTO")["available"] == acct["available"]
    assert _account(sb, "ZTO")["cancel"] == acct["cancel"] + 1
    assert sb.ok(EWB + "order/get", {"ewaybill_order_id": eid})["order_info"]["status"] == 2
    twice = sb.call(path, {"ewaybill_order_id": eid, "delivery_id": "ZTO", "waybill_id": wb})
    assert twice["errcode"] == 10025006 and twice["delivery_error_msg"]
    assert sb.call(EWB + "print/get", {"ewaybill_order_id": eid, "template_id": "single"})["errcode"] == 10025006


def test_print_get_print_and_batchprint(sb):
    acct = _account(sb)
    a = _create(sb, sb.orders_in(20)[0]["order_id"], acct)
    b = _create(sb, sb.orders_in(20)[1]["order_id"], acct)
    assert sb.call(EWB + "print/get", {"ewaybill_order_id": "42", "template_id": "single"})["errcode"] == 1000003
    assert sb.call(EWB + "print/get", {"ewaybill_order_id": a["ewaybill_order_id"],
                                       "template_id": "bogus"})["errcode"] == 10025106
    req_a = {"ewaybill_order_id": a["ewaybill_order_id"], "delivery_id": "YTO",
             "waybill_id": a["waybill_id"], "re_print": 0}
    sb.ok(EWB + "order/print", req_a)
    assert sb.ok(EWB + "order/get", {"ewaybill_order_id": a["ewaybill_order_id"]})["order_info"]["status"] == 3
    sb.ok(EWB + "order/print", {**req_a, "re_print": 1})
    prints = [e for e in sb.log_ops(EWB + "order/print") if e["ewaybill_order_id"] == a["ewaybill_order_id"]]
    assert [e["re_print"] for e in prints] == [0, 1]
    assert sb.call(EWB + "order/print", {**req_a, "ewaybill_order_id": "77"})["errcode"] == 10025010
    assert sb.call(EWB + "order/print", {**req_a, "ewaybill_order_id": "7a"})["errcode"] == 10025020
    req_b = {"ewaybill_order_id": b["ewaybill_order_id"], "delivery_id": "YTO",
             "waybill_id": b["waybill_id"], "re_print": 0}
    batch = sb.ok(EWB + "order/batchprint", {"req_list": [req_b, {**req_a, "ewaybill_order_id": "77"}]})
    assert batch == {"errcode": 0, "errmsg": "ok", "succ_ewaybill_order_id": [b["ewaybill_order_id"]],
                     "fail_ewaybill_order_id": ["77"]}
    assert sb.call(EWB + "order/batchprint", {"req_list": [req_b] * 51})["errcode"] == 40097


def test_full_flow_ships_the_order_and_the_ewaybill(sb):
    oid = sb.new_order(count=2)
    acct = _account(sb, "SF")
    body = _body(sb, oid, acct)
    eid = sb.ok(EWB + "order/precreate", body)["ewaybill_order_id"]
    created = sb.ok(EWB + "order/create", {**body, "ewaybill_order_id": eid, "template_id": "single"})
    wb = created["waybill_id"]
    assert wb.startswith("SF")
    sb.ok(EWB + "order/print", {"ewaybill_order_id": eid, "delivery_id": "SF", "waybill_id": wb,
                                "re_print": 0})
    line = sb.order(oid)["order_detail"]["product_infos"][0]
    sb.ok("/channels/ec/order/delivery/send", {"order_id": oid, "delivery_list": [{
        "delivery_id": "SF", "waybill_id": wb, "deliver_type": 1,
        "product_infos": [{"product_id": line["product_id"], "sku_id": line["sku_id"],
                           "product_cnt": 2}]}]})
    order = sb.order(oid)
    assert order["status"] == 30
    assert order["order_detail"]["delivery_info"]["delivery_product_info"][0]["waybill_id"] == wb
    info = sb.ok(EWB + "order/get", {"ewaybill_order_id": eid})["order_info"]
    assert info["status"] == 4 and len(info["path_info"]) == 2
    cancel = sb.call(EWB + "order/cancel", {"ewaybill_order_id": eid, "delivery_id": "SF",
                                             "waybill_id": wb})
    assert cancel["errcode"] == 10025006 and cancel["delivery_error_msg"]
    assert len([e for e in sb.log_ops(EWB + "order/create") if e["ewaybill_order_id"] == eid]) == 1
