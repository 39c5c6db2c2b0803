"""Buyers' requests before shipment in the sandbox: address changes (review after 6 h, auto
approval after 12 h, accept / reject, address_under_review and its search filter) and SKU
changes (get / approve / reject, timeout, shipping refused while one waits)."""

from __future__ import annotations

import pytest

from .aftersale_support import AftersaleSandbox

ORD = "/channels/ec/order/"
NEW_ADDRESS = {"user_name": "赵新地址", "tel_number": "13900001111", "province_name": "四川省",
               "city_name": "成都市", "county_name": "武侯区", "detail_info": "天府大道100号"}


@pytest.fixture
def sb():
    with AftersaleSandbox(seed=13, products=20, orders=30, gift_orders=2) as sandbox:
        yield sandbox


def _under_review(sb):
    reply = sb.ok(ORD + "search", {"search_condition": {"address_under_review": True},
                                 "page_size": 100})
    return reply["orders"]


def test_young_order_address_changes_at_once(sb):
    oid = sb.paid_order()
    status, reply = sb.control("/sandbox/order/address_change", {"order_id": oid,
                                                                 "address": NEW_ADDRESS})
    assert status == 200 and reply["under_review"] is False
    delivery = sb.order(oid)["order_detail"]["delivery_info"]
    assert delivery["address_info"]["province_name"] == "四川省"
    assert "address_under_review" not in delivery


def test_address_change_review_accept_reject_and_auto_approval(sb):
    orders = [sb.paid_order() for _ in range(3)]
    sb.advance(7 * 3600)
    for oid in orders:
        before = sb.order(oid)
        status, reply = sb.control("/sandbox/order/address_change", {"order_id": oid,
                                                                     "address": NEW_ADDRESS})
        assert status == 200 and reply["under_review"] is True
        order = sb.order(oid)
        delivery = order["order_detail"]["delivery_info"]
        assert delivery["address_under_review"]["province_name"] == "四川省"
        assert delivery["address_under_review"]["detail_info"] == "****"  # masked like address_info
        assert delivery["address_apply_time"] == sb.shop.clock.now()
        assert delivery["address_info"] == before["order_detail"]["delivery_info"]["address_info"]
        assert order["update_time"] > before["update_time"]
    assert sorted(_under_review(sb)) == sorted(orders)
    plain = sb.ok(ORD + "search", {"search_condition": {"address_under_review": False},
                                 "page_size": 100})["orders"]
    assert not set(plain) & set(orders)

    accepted, rejected, silent = orders
    sb.ok(ORD + "addressmodify/accept", {"order_id": accepted})
    sb.ok(ORD + "addressmodify/reject", {"order_id": rejected})
    assert sb.call(ORD + "addressmodify/accept", {"order_id": accepted})["errcode"] == 10020116
    assert sb.call(ORD + "addressmodify/reject", {"order_id": "370000"})["errcode"] == 100002
    assert sb.order(accepted)["order_detail"]["delivery_info"]["address_info"]["province_name"] == "四川省"
    assert sb.order(rejected)["order_detail"]["delivery_info"]["address_info"]["province_name"] != "四川省"
    assert _under_review(sb) == [silent]
    applied = sb.shop.clock.now()
    sb.advance(12 * 3600 - 1)
    assert _under_review(sb) == [silent]
    sb.advance(3600)
    order = sb.order(silent)
    assert order["order_detail"]["delivery_info"]["address_info"]["province_name"] == "四川省"
    assert "address_under_review" not in order["order_detail"]["delivery_info"]
    assert order["update_time"] == applied + 12 * 3600  # approved at its own time
    assert _under_review(sb) == []


def test_address_change_on_an_order_shipped_meanwhile_is_void(sb):
    oid = sb.paid_order()
    sb.advance(7 * 3600)
    sb.control("/sandbox/order/address_change", {"order_id": oid, "address": NEW_ADDRESS})
    assert sb.ship(oid)["errcode"] == 0  # the API does not refuse it: the app must warn
    assert sb.call(ORD + "addressmodify/accept", {"order_id": oid})["errcode"] == 10020116
    sb.advance(12 * 3600)
    delivery = sb.order(oid)["order_detail"]["delivery_info"]
    assert delivery["address_info"]["province_name"] != "四川省"
    assert "address_under_review" not in delivery


def test_sku_change_get_approve_reject_and_shipping_refused(sb):
    pid, sku, twin = sb.twin_sku()
    first, second = (sb.new_order(product_id=pid, sku_id=sku) for _ in range(2))
    stock = {s["sku_id"]: s["stock_num"] for s in sb.shop.products[pid]["product"]["skus"]}
    for oid in (first, second):
        status, reply = sb.control("/sandbox/order/sku_change", {"order_id": oid, "sku_id": twin})
        assert status == 200, reply
        info = reply["change_sku_info"]
        assert info["preshipment_change_sku_state"] == 3 and info["new_sku_id"] == twin
        sb.advance(1)
    assert sb.ok(ORD + "preshipmentchangesku/get", {"page": 1, "page_size": 10})["order_ids"] == [first, second]
    assert sb.ok(ORD + "preshipmentchangesku/get", {"page": 2, "page_size": 1})["order_ids"] == [second]
    assert sb.call(ORD + "preshipmentchangesku/get", {"page": "1", "page_size": 10})["errcode"] == 10020277
    line = sb.order(first)["order_detail"]["product_infos"][0]
    assert line["change_sku_info"]["old_sku_id"] == sku
    reply = sb.ship(first)
    assert reply["errcode"] == 101100 and "换款" in reply["errmsg"]

    sb.ok(ORD + "preshipmentchangesku/approve", {"order_id": first})
    line = sb.order(first)["order_detail"]["product_infos"][0]
    assert line["sku_id"] == twin and line["change_sku_info"]["preshipment_change_sku_state"] == 4
    after = {s["sku_id"]: s["stock_num"] for s in sb.shop.products[pid]["product"]["skus"]}
    assert after[sku] == stock[sku] + 1 and after[twin] == stock[twin] - 1
    sb.ok(ORD + "preshipmentchangesku/reject", {"order_id": second})
    line = sb.order(second)["order_detail"]["product_infos"][0]
    assert line["sku_id"] == sku and line["change_sku_info"]["preshipment_change_sku_state"] == 5
    assert sb.call(ORD + "preshipmentchangesku/reject", {"order_id": second})["errcode"] == 10020116
    assert sb.call(ORD + "preshipmentchangesku/approve", {"order_id": [1]})["errcode"] == 10020277
    assert sb.ok(ORD + "preshipmentchangesku/get", {"page": 1, "page_size": 10})["order_ids"] == []
    assert sb.ship(first)["errcode"] == 0 and sb.ship(second)["errcode"] == 0


def test_sku_change_times_out_or_is_withdrawn(sb):
    pid, sku, twin = sb.twin_sku()
    timed, withdrawn = (sb.new_order(product_id=pid, sku_id=sku) for _ in range(2))
    for oid in (timed, withdrawn):
        sb.control("/sandbox/order/sku_change", {"order_id": oid})
    status, reply = sb.control("/sandbox/order/sku_change", {"order_id": timed})
    assert status == 400 and "already" in reply["error"]
    status, _ = sb.control("/sandbox/order/sku_change/cancel", {"order_id": withdrawn})
    assert status == 200
    sb.advance(24 * 3600)
    states = [sb.order(o)["order_detail"]["product_infos"][0]["change_sku_info"]["preshipment_change_sku_state"]
              for o in (timed, withdrawn)]
    assert states == [7, 6]
    assert sb.ok(ORD + "preshipmentchangesku/get", {"page": 1, "page_size": 10})["order_ids"] == []
