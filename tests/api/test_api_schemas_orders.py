"""Order wire samples (orders-shipping.md §1.2) ↔ domain: normal, gift at 12 and at 20."""

from __future__ import annotations

import pytest

from seller_desktop.api import MalformedResponse
from seller_desktop.api.schemas import (
    parse_decoded_address,
    parse_order,
    parse_order_id_page,
    parse_order_reply,
    parse_search_page,
)
from seller_desktop.domain import Address, GiftState, OrderStatus, Parcel, ParcelItem


def wire_order(**over):
    order = {
        "order_id": "3705115058471208928",
        "status": 30,
        "create_time": 1764000000,
        "update_time": 1764003600,
        "openid": "oBUYER123",
        "unionid": "uUNION",
        "order_detail": {
            "product_infos": [
                {"product_id": "10000029995861", "sku_id": "1380001", "thumb_img": "https://t",
                 "title": "云南高山红茶", "sku_cnt": 2, "sale_price": 12800,
                 "market_price": 16800, "real_price": 24600, "estimate_price": 24600,
                 "sku_attrs": [{"attr_key": "规格", "attr_value": "250g"}], "sku_code": "RT-250",
                 "delivery_deadline": 1764172800, "is_discounted": True,
                 "product_unique_id": "u1"},
                {"product_id": 10000029995862, "sku_id": 1380009, "title": "茶具",
                 "sku_cnt": 1, "sale_price": 5000},
            ],
            "price_info": {"product_price": 30600, "order_price": 29600, "freight": 0,
                           "discounted_price": 1000, "merchant_receieve_price": 29600},
            "pay_info": {"prepay_id": "wx1", "pay_time": 1764000100, "payment_method": 1},
            "delivery_info": {
                "address_info": {"user_name": "王**", "postal_code": "100080",
                                 "province_name": "北京市", "city_name": "北京市",
                                 "county_name": "海淀区", "detail_info": "****",
                                 "national_code": "110108", "tel_number": "133****6868",
                                 "house_number": "", "hash_code": "h-123", "use_tel_number": 0},
                "delivery_product_info": [
                    {"waybill_id": "YT7511112222", "delivery_id": "YTO", "delivery_name": "圆通",
                     "delivery_time": 1764090000, "deliver_type": 1,
                     "product_infos": [{"product_id": "10000029995861", "sku_id": "1380001",
                                        "product_cnt": 2}]},
                ],
                "ship_done_time": 1764090000,
                "deliver_method": 0,
                "ewaybill_order_code": "CIPHER==",
            },
            "ext_info": {"customer_notes": "请尽快发货", "merchant_notes": "VIP",
                         "order_scene": 2},
            "settle_info": {"predict_commission_fee": 10},
        },
        "aftersale_detail": {"on_aftersale_order_cnt": 0, "aftersale_order_list": []},
        "is_present": False,
        "brand_new_field": [1, 2],
    }
    order.update(over)
    return order


def test_normal_order():
    o = parse_order(wire_order())
    assert o.order_id == "3705115058471208928"
    assert o.status == OrderStatus.SHIPPED
    assert (o.create_time, o.update_time, o.pay_time) == (1764000000, 1764003600, 1764000100)
    assert o.openid == "oBUYER123"
    assert (o.product_price, o.order_price, o.freight) == (30600, 29600, 0)
    assert o.address == Address("王**", "133****6868", "北京市", "北京市", "海淀区", "****",
                                postal_code="100080")
    assert (o.customer_notes, o.merchant_notes) == ("请尽快发货", "VIP")
    assert o.parcels == (Parcel("YTO", "YT7511112222", 1764090000,
                                (ParcelItem("10000029995861", "1380001", 2),), "圆通", 1),)
    assert (o.ship_done_time, o.deliver_method) == (1764090000, 0)
    assert o.gift is None and o.gift_state == GiftState.NOT_A_GIFT
    first, second = o.lines
    assert (first.product_id, first.sku_id, first.sku_cnt) == ("10000029995861", "1380001", 2)
    assert (first.sale_price, first.real_price) == (12800, 24600)
    assert first.sku_attrs == (("规格", "250g"),) and first.sku_code == "RT-250"
    assert first.delivery_deadline == 1764172800
    assert (second.product_id, second.sku_id) == ("10000029995862", "1380009")
    assert second.real_price == 5000  # no real_price on the wire: unit × count
    assert o.ship_by == 1764172800
    assert o.extra["delivery_info"]["ewaybill_order_code"] == "CIPHER=="
    assert o.extra["price_info"]["merchant_receieve_price"] == 29600
    assert o.extra["address_info"]["hash_code"] == "h-123"
    assert o.extra["brand_new_field"] == [1, 2]
    assert o.extra["order_detail"] == {"settle_info": {"predict_commission_fee": 10}}


def gift_order(status, with_address):
    order = wire_order(status=status, openid="oGIVER" if status == 12 else "oRECIPIENT",
                       is_present=True, present_order_id_str="4212345678901234567",
                       present_note="生日快乐！", present_giver_openid="oGIVER",
                       present_send_type=0)
    delivery = order["order_detail"]["delivery_info"]
    delivery["delivery_product_info"] = []
    delivery.pop("ship_done_time")
    if not with_address:
        del delivery["address_info"]
    return order


def test_gift_awaiting_acceptance_has_no_address():
    o = parse_order(gift_order(12, with_address=False))
    assert o.status == OrderStatus.GIFT_AWAITING_ACCEPTANCE
    assert o.address is None
    assert o.gift is not None
    assert (o.gift.present_order_id, o.gift.note, o.gift.giver_openid, o.gift.send_type) == \
        ("4212345678901234567", "生日快乐！", "oGIVER", 0)
    assert o.gift_state == GiftState.AWAITING_ACCEPTANCE
    assert o.can_ship()[0] is False


def test_gift_with_empty_address_object_is_treated_as_absent():
    order = gift_order(12, with_address=True)
    order["order_detail"]["delivery_info"]["address_info"] = {
        "user_name": "", "tel_number": "", "province_name": "", "city_name": "",
        "county_name": "", "detail_info": "", "postal_code": ""}
    assert parse_order(order).address is None


def test_accepted_gift_has_the_recipients_address():
    o = parse_order(gift_order(20, with_address=True))
    assert o.status == OrderStatus.AWAITING_SHIPMENT
    assert o.address is not None and o.address.county == "海淀区"
    assert o.gift_state == GiftState.ACCEPTED
    assert o.openid == "oRECIPIENT"
    assert o.can_ship() == (True, "")


def test_gift_from_the_grouped_fields_only():
    order = wire_order(status=12)
    order.pop("is_present")
    order["order_present_info"] = {"present_send_type": 3, "present_order_id_str": "4200000000000000001",
                                   "present_note": "送你", "present_giver_openid": "oG2",
                                   "is_b2c_free_present": False}
    o = parse_order(order)
    assert o.gift is not None
    assert (o.gift.present_order_id, o.gift.note, o.gift.giver_openid, o.gift.send_type) == \
        ("4200000000000000001", "送你", "oG2", 3)


def test_deprecated_numeric_present_order_id():
    o = parse_order(wire_order(is_present=True, present_order_id=4200000000000000002))
    assert o.gift is not None and o.gift.present_order_id == "4200000000000000002"
    assert o.gift.send_type is None


def test_unknown_status_and_missing_optionals():
    o = parse_order({"order_id": 3705115058471208999, "status": 60})
    assert o.order_id == "3705115058471208999"
    assert o.status == 60 and not isinstance(o.status, OrderStatus)
    assert o.lines == () and o.address is None and o.parcels == () and o.gift is None
    assert o.order_price == 0 and o.extra == {}


@pytest.mark.parametrize("mutate", [
    lambda d: d.pop("order_id"),
    lambda d: d.pop("status"),
    lambda d: d.update(status="30"),
    lambda d: d.update(order_detail=[]),
    lambda d: d["order_detail"]["price_info"].update(order_price="296.00"),
    lambda d: d["order_detail"]["product_infos"][0].update(sku_cnt=None),
    lambda d: d["order_detail"]["product_infos"][0].update(real_price=246.0),
    lambda d: d["order_detail"]["delivery_info"].update(address_info="北京"),
    lambda d: d["order_detail"]["delivery_info"]["address_info"].update(tel_number=13300006868),
    lambda d: d["order_detail"]["delivery_info"]["delivery_product_info"][0].update(
        product_infos=[{"product_id": "1"}]),
    lambda d: d.update(is_present="yes"),
    lambda d: d.update(is_present=True, present_send_type="chat"),
])
def test_wrong_types_are_malformed(mutate):
    d = wire_order()
    mutate(d)
    with pytest.raises(MalformedResponse):
        parse_order(d)


def test_order_reply_and_pages():
    o = parse_order_reply({"errcode": 0, "errmsg": "ok", "order": wire_order()})
    assert o.order_id == "3705115058471208928"
    with pytest.raises(MalformedResponse):
        parse_order_reply({"errcode": 0, "errmsg": "ok"})
    page = parse_order_id_page({"order_id_list": ["1", 2], "next_key": "k", "has_more": True})
    assert (page.ids, page.next_key, page.has_more) == (["1", "2"], "k", True)
    assert parse_search_page({"orders": ["9"], "has_more": False}).ids == ["9"]
    assert parse_search_page({"order_id_list": [8], "has_more": False}).ids == ["8"]
    assert parse_search_page({"errcode": 0}).ids == []


def test_decoded_address():
    a = parse_decoded_address({"address_info": {
        "user_name": "王小明", "postal_code": "100080", "province_name": "北京市",
        "city_name": "北京市", "county_name": "海淀区", "detail_info": "中关村大街1号",
        "tel_number": "13300006868", "house_number": "3单元502"},
        "virtual_number_info": {}})
    assert a is not None and a.one_line() == "北京市北京市海淀区中关村大街1号3单元502"
    assert a.tel_last4 == "6868"
    with pytest.raises(MalformedResponse):
        parse_decoded_address({"errcode": 0})


# ---- sizes a reply may not exceed (issue 13 item 5) --------------------------------------------

def _with(path, value):
    order = wire_order()
    target = order
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return order


@pytest.mark.parametrize("path, value", [
    (("order_detail", "ext_info", "customer_notes"), "备" * 1001),
    (("order_detail", "ext_info", "merchant_notes"), "备" * (10 * 1024 * 1024)),
    (("order_detail", "delivery_info", "address_info", "detail_info"), "路" * 501),
    (("order_detail", "delivery_info", "address_info", "user_name"), "名" * 101),
    (("create_time",), 2**64 - 1),
    (("update_time",), -1),
    (("order_detail", "pay_info", "pay_time"), 2**40),
    (("order_detail", "price_info", "order_price"), 2**70),
    (("order_detail", "product_infos"), [{"product_id": "1", "sku_cnt": 1}] * 501),
    (("brand_new_field",), "x" * (300 * 1024)),
], ids=lambda v: str(v)[:30])
def test_an_oversized_or_out_of_range_field_is_a_malformed_reply(path, value):
    with pytest.raises(MalformedResponse):
        parse_order(_with(path, value))


def test_an_oversized_gift_note_is_a_malformed_reply():
    assert parse_order(wire_order(is_present=True, present_note="礼" * 1000)).gift is not None
    with pytest.raises(MalformedResponse):
        parse_order(wire_order(is_present=True, present_note="礼" * 1001))
