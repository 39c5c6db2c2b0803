"""No body crashes an orders-side handler: every field of a valid request, replaced by values of
every JSON type, gets a documented error (or success), never -1 / a stack trace."""

from __future__ import annotations

import pytest

from .test_orders_support import EWB, OrdersSandbox

ODD = [None, "", "abc", -1, 0, 1.5, True, 2**70, [], {}, ["x"], [{}], {"a": 1}]
CRASH = -1


@pytest.fixture(scope="module")
def sb():
    with OrdersSandbox(seed=12, products=15, orders=60, gift_orders=6) as sandbox:
        yield sandbox


def _valid_bodies(sb):
    rec = sb.orders_in(20)[0]
    gift = next(r for r in sb.shop.orders.values() if r["present"])
    ln = rec["lines"][0]
    now = sb.shop.clock.now()
    acct = sb.ok(EWB + "account/get", {"delivery_id": "YTO", "need_balance": True,
                                       "limit": 1})["account_list"][0]
    person = {"name": "王**", "mobile": "133****6868", "province": "北京市", "city": "北京市",
              "county": "朝阳区", "address": "****"}
    ewb_body = {"delivery_id": "YTO", "site_code": acct["site_info"]["site_code"],
                "ewaybill_acct_id": acct["acct_id"], "shop_id": acct["shop_id"],
                "sender": person, "receiver": person, "template_id": "single",
                "ec_order_list": [{"ec_order_id": rec["order_id"],
                                   "goods_list": [{"good_name": "T恤", "good_count": 1}]}]}
    made = sb.ok(EWB + "order/create", {**ewb_body, "ewaybill_order_id": "9001"})
    ewb_ref = {"ewaybill_order_id": "9001", "delivery_id": "YTO", "waybill_id": made["waybill_id"],
               "re_print": 0}
    return {
        "/channels/ec/order/list/get": {"create_time_range": {"start_time": now - 3600, "end_time": now},
                                        "update_time_range": {"start_time": now - 3600, "end_time": now},
                                        "status": 20, "openid": rec["openid"], "page_size": 5,
                                        "next_key": ""},
        "/channels/ec/order/get": {"order_id": rec["order_id"], "encode_sensitive_info": False},
        "/channels/ec/order/search": {"search_condition": {"title": "T", "order_id": rec["order_id"],
                                                           "tel_number_last4": "1234",
                                                           "address_under_review": False},
                                      "status": 20, "on_aftersale_order_exist": 0,
                                      "page_size": 10, "next_key": ""},
        "/channels/ec/order/merchantnotes/update": {"order_id": rec["order_id"], "merchant_notes": "x"},
        "/channels/ec/order/sensitiveinfo/decode": {"order_id": rec["order_id"]},
        "/channels/ec/order/presentsuborder/get": {"present_order_id": gift["present"]["present_order_id_str"]},
        "/channels/ec/order/presentnote/add": {"present_order_id": gift["present"]["present_order_id_str"],
                                               "notes": "x"},
        "/channels/ec/order/deliverycompanylist/new/get": {"ewaybill_only": True},
        "/channels/ec/order/delivery/send": {"order_id": rec["order_id"], "delivery_list": [
            {"delivery_id": "YTO", "waybill_id": "YT1", "deliver_type": 1, "product_infos": [
                {"product_id": ln["product_id"], "sku_id": ln["sku_id"], "product_cnt": 1}]}]},
        EWB + "delivery/get": {"status": 3},
        EWB + "account/get": {"delivery_id": "YTO", "acct_id": acct["acct_id"], "status": 3,
                              "need_balance": True, "offset": 0, "limit": 5},
        EWB + "order/precreate": ewb_body,
        EWB + "order/create": {**ewb_body, "ewaybill_order_id": "9002"},
        EWB + "order/get": {"ewaybill_order_id": "9001"},
        EWB + "print/get": {"ewaybill_order_id": "9001", "template_id": "single",
                            "sub_waybill_id": made["waybill_id"]},
        EWB + "order/print": ewb_ref,
        EWB + "order/batchprint": {"req_list": [ewb_ref]},
        EWB + "order/cancel": ewb_ref,
    }


def _variants(body):
    """The body with each field (also nested ones, one level into lists) set to odd values."""
    for key, value in body.items():
        for odd in ODD:
            yield {**body, key: odd}
        if isinstance(value, dict):
            for inner in _variants(value):
                yield {**body, key: inner}
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for inner in _variants(value[0]):
                yield {**body, key: [inner]}


def test_odd_values_never_crash(sb):
    bodies = _valid_bodies(sb)
    codes = set()
    for path, body in bodies.items():
        for bad in (None, [], "x", 1, {}):
            codes.add(sb.call(path, bad)["errcode"])
        for variant in _variants(body):
            reply = sb.call(path, variant)
            assert reply["errcode"] != CRASH, (path, variant, reply)
            codes.add(reply["errcode"])
    assert sb.server.errors == []
    assert {47001, 40097, 100002, 10025020} <= codes


def test_controls_answer_400_on_odd_values(sb):
    rec = sb.orders_in(20)[0]
    gift = next(r for r in sb.shop.orders.values() if r["present"] and r["status"] == 12)
    controls = {
        "/sandbox/order/create": {"gift": True, "count": 1, "note": "x", "send_type": 0,
                                  "present_order_id": gift["present"]["present_order_id_str"]},
        "/sandbox/order/status": {"order_id": rec["order_id"], "status": 100},
        "/sandbox/gift/accept": {"order_id": gift["order_id"], "sku_id": "1"},
        "/sandbox/gift/expire": {"order_id": "1"},
        "/sandbox/ewaybill/stock": {"acct_id": "nope", "available": 5},
    }
    for path, body in controls.items():
        for variant in _variants(body):
            status, reply = sb.control(path, variant)
            assert status in (200, 400), (path, variant, status, reply)
            assert reply["ok"] is (status == 200)
    assert sb.server.errors == []
