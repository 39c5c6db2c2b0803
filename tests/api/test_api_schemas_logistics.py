"""Shipping and e-waybill wire samples (orders-shipping.md §2, §3) ↔ domain."""

from __future__ import annotations

import pytest

from seller_desktop.api import MalformedResponse
from seller_desktop.api.schemas import (
    WaybillGoods,
    delivery_list_body,
    ewaybill_order_body,
    parse_accounts,
    parse_batch_print,
    parse_carriers,
    parse_created_waybill,
    parse_ewaybill_carriers,
    parse_print_info,
    parse_template_config,
    parse_waybill,
)
from seller_desktop.domain import Address, CarrierAccount, Parcel, ParcelItem, SenderAddress

ACCOUNT_REPLY = {
    "errcode": 0, "errmsg": "ok", "total_num": 1,
    "account_list": [{
        "delivery_id": "YTO", "shop_id": 100000001, "acct_id": "2000000001", "acct_type": 0,
        "company_type": 1, "status": 3, "available": 950, "allocated": 60, "recycled": 10,
        "cancel": 2, "monthly_card": "",
        "site_info": {"delivery_id": "YTO", "site_status": 1, "site_code": "021001",
                      "site_name": "上海浦东网点", "site_fullname": "圆通上海浦东网点",
                      "address": {"province_name": "上海市", "city_name": "上海市",
                                  "district_name": "浦东新区", "detail_address": "张江路1号"},
                      "contact": {"name": "李站长", "mobile": "13900001111", "phone": ""}},
        "sender_address": {"province": "上海市", "city": "上海市", "county": "浦东新区",
                           "street": "张江镇", "address": "科苑路88号"},
        "balance_retcode": 0, "new_unknown": True,
    }],
}


def test_accounts_to_carrier_accounts():
    accounts, total = parse_accounts(ACCOUNT_REPLY, {"YTO": "圆通速递"})
    assert total == 1
    assert accounts == [CarrierAccount(
        delivery_id="YTO", delivery_name="圆通速递", acct_id="2000000001", shop_id="100000001",
        site_code="021001", site_name="上海浦东网点", available=950,
        sender=SenderAddress("李站长", "13900001111", "上海市", "上海市", "浦东新区",
                             "科苑路88号", "张江镇"))]
    bare, total = parse_accounts({"account_list": [{"delivery_id": "SF", "acct_id": 7}]})
    assert total == 1 and bare[0].sender is None and bare[0].delivery_name == ""
    with pytest.raises(MalformedResponse):
        parse_accounts({"account_list": [{"delivery_id": "SF"}]})
    with pytest.raises(MalformedResponse):
        parse_accounts({"account_list": [{"delivery_id": "SF", "acct_id": "1",
                                          "available": "950"}]})


def test_carriers_and_template_config():
    assert [c.delivery_id for c in parse_carriers(
        {"company_list": [{"delivery_id": "SF", "delivery_name": "顺丰速运"},
                          {"delivery_id": "YTO", "delivery_name": "圆通"}]})] == ["SF", "YTO"]
    opened = parse_ewaybill_carriers({"shop_id": "100000001",
                                      "list": [{"delivery_id": "ZTO", "delivery_name": "中通"}]})
    assert opened.shop_id == "100000001" and opened.carriers[0].delivery_name == "中通"
    templates = parse_template_config({"config": {"YTO": {"single": {
        "type": "single", "desc": "一联单标准模板", "width": 76, "height": 130,
        "url": "https://res.wx.qq.com/t.html",
        "custom_config": {"width": 656, "height": 300, "top": 900, "left": 60}}}}})
    assert len(templates) == 1
    t = templates[0]
    assert (t.delivery_id, t.template_type, t.width_mm, t.height_mm) == ("YTO", "single", 76, 130)
    with pytest.raises(MalformedResponse):
        parse_carriers({"company_list": [{"delivery_name": "无编码"}]})


def test_delivery_list_body():
    parcels = [Parcel("YTO", "YT123", 0, (ParcelItem("10000029995861", "1380001", 2),)),
               Parcel("", "", 0, (ParcelItem("1", "2", 1),), deliver_type=3)]
    assert delivery_list_body(parcels) == [
        {"delivery_id": "YTO", "waybill_id": "YT123", "deliver_type": 1,
         "product_infos": [{"product_id": "10000029995861", "sku_id": "1380001",
                            "product_cnt": 2}]},
        {"deliver_type": 3, "product_infos": [{"product_id": "1", "sku_id": "2",
                                               "product_cnt": 1}]},
    ]


def test_ewaybill_order_body():
    body = ewaybill_order_body(
        delivery_id="YTO", ewaybill_acct_id="2000000001", shop_id="100000001",
        site_code="021001",
        sender=SenderAddress("李四", "13900001111", "上海市", "上海市", "浦东新区", "科苑路88号"),
        receiver=Address("王**", "133****6868", "北京市", "北京市", "海淀区", "****"),
        order_id="3705115058471208928",
        goods=[WaybillGoods("云南高山红茶", 2, "10000029995861", "1380001")], remark="易碎")
    assert body["ec_order_list"] == [{"ec_order_id": 3705115058471208928, "goods_list": [
        {"good_name": "云南高山红茶", "good_count": 2, "product_id": 10000029995861,
         "sku_id": 1380001}]}]
    assert body["receiver"] == {"name": "王**", "mobile": "133****6868", "province": "北京市",
                                "city": "北京市", "county": "海淀区", "street": "",
                                "address": "****"}
    assert body["sender"]["name"] == "李四" and body["site_code"] == "021001"
    assert body["remark"] == "易碎" and "template_id" not in body


def test_created_waybill_and_print_replies():
    created = parse_created_waybill({"errcode": 0, "ewaybill_order_id": "88001",
                                     "waybill_id": "YT9000001", "print_info": "eyJ3Ijox",
                                     "delivery_error_msg": "", "waybill_id_list": [],
                                     "order_risk_info": []}, "88001")
    assert (created.waybill_id, created.print_info) == ("YT9000001", "eyJ3Ijox")
    no_print = parse_created_waybill({"waybill_id": "YT9000002"}, "88002")
    assert no_print.print_info == "" and no_print.ewaybill_order_id == "88002"
    with pytest.raises(MalformedResponse):
        parse_created_waybill({"ewaybill_order_id": "88003"}, "88003")
    assert parse_print_info({"print_info": "abc"}) == "abc"
    result = parse_batch_print({"succ_ewaybill_order_id": ["1", 2], "fail_ewaybill_order_id": []})
    assert (result.succeeded, result.failed) == (["1", "2"], [])


def test_waybill_from_order_get():
    w = parse_waybill({"order_info": {
        "ewaybill_order_id": 88001, "delivery_id": "YTO", "site_code": "021001",
        "ewaybill_acct_id": "2000000001", "sender": {}, "receiver": {},
        "ec_order_list": [{"ec_order_id": 3705115058471208928, "goods_list": []}],
        "shop_id": "100000001", "waybill_id": "YT9000001", "status": 3,
        "path_info": [{"status": 0, "desc": "待揽收", "update_time": 1764000000}]}},
        {"YTO": "圆通速递"})
    assert (w.ewaybill_order_id, w.order_id, w.waybill_id) == ("88001", "3705115058471208928",
                                                                 "YT9000001")
    assert (w.status, w.acct_id, w.delivery_name) == (3, "2000000001", "圆通速递")
    with pytest.raises(MalformedResponse):
        parse_waybill({"order_info": {"ewaybill_order_id": "1", "status": "printed"}})
