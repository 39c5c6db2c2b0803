"""Refund-only cases (仅退款) in the sandbox: opened before shipment, accepted, rejected,
timed out; the order side (counts, 108009, cancel on full refund, stock, e-waybill cancel);
the one-refund-call-per-order-per-minute rule and the list endpoint."""

from __future__ import annotations

import pytest

from .aftersale_support import AS, AftersaleSandbox
from .test_ewaybill import _account, _create
from .test_orders_support import EWB

DAY = 86400


@pytest.fixture
def sb():
    with AftersaleSandbox(seed=11, products=20, orders=30, gift_orders=2) as sandbox:
        yield sandbox


def _stock(sb, product_id, sku_id):
    prod = sb.shop.products[product_id]
    return next(s["stock_num"] for s in prod["product"]["skus"] if s["sku_id"] == sku_id)


def test_refund_before_shipment_accepted_cancels_the_order(sb):
    oid = sb.paid_order(count=2)
    before = sb.order(oid)
    line = before["order_detail"]["product_infos"][0]
    stock = _stock(sb, line["product_id"], line["sku_id"])
    sb.advance(60)
    opened = sb.open(oid, type="REFUND", reason="10000002", desc="拍错了")
    cid = opened["after_sale_order_id"]
    assert len(cid) == 16 and cid.isdigit()
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_PROCESSING" and case["type"] == "REFUND"
    assert case["order_id"] == oid and case["reason"] == "10000002"
    assert case["reason_text"] == "拍错/多拍" and case["details"]["desc"] == "拍错了"
    assert case["product_info"]["count"] == 2
    assert case["refund_info"]["amount"] == line["real_price"] + before["order_detail"]["price_info"]["freight"]
    assert case["deadline"] == 48 * 3600
    order = sb.order(oid)
    assert order["update_time"] > before["update_time"]
    assert order["aftersale_detail"]["on_aftersale_order_cnt"] == 1
    assert order["aftersale_detail"]["aftersale_order_list"] == [{"aftersale_order_id": cid}]
    assert order["order_detail"]["product_infos"][0]["on_aftersale_sku_cnt"] == 2
    assert sb.ship(oid)["errcode"] == 108009  # shipping refused while the case is open

    sb.advance(3600)
    assert sb.case(cid)["deadline"] == 47 * 3600
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid})
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_REFUND_SUCCESS" and case["deadline"] == 0
    assert case["refund_info"]["refund_reason"] == 3 and case["complete_time"] == sb.shop.clock.now()
    order = sb.order(oid)
    assert order["status"] == 200
    assert order["aftersale_detail"]["on_aftersale_order_cnt"] == 0
    assert order["order_detail"]["product_infos"][0]["finish_aftersale_sku_cnt"] == 2
    assert order["order_detail"]["product_infos"][0]["on_aftersale_sku_cnt"] == 0
    assert _stock(sb, line["product_id"], line["sku_id"]) == stock + 2
    assert sb.errcode(AS + "acceptapply", {"after_sale_order_id": cid}) == 10021041


def test_seller_timeout_refunds_by_itself(sb):
    oid = sb.paid_order()
    cid = sb.open(oid)["after_sale_order_id"]
    sb.advance(48 * 3600 - 1)
    assert sb.case(cid)["status"] == "MERCHANT_PROCESSING" and sb.case(cid)["deadline"] == 1
    opened_at = sb.shop.clock.now() + 1
    sb.advance(5 * DAY)  # the timeout fires at its own time, not at this advance's end
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_REFUND_SUCCESS"
    assert case["refund_info"]["refund_reason"] == 9
    assert case["update_time"] == opened_at == case["complete_time"]
    assert sb.order(oid)["status"] == 200 and sb.order(oid)["update_time"] == opened_at


def test_partial_refund_before_shipment_ships_the_rest(sb):
    oid = sb.paid_order(count=3)
    cid = sb.open(oid, count=1)["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid, "accept_type": 2})
    order = sb.order(oid)
    assert order["status"] == 20
    line = order["order_detail"]["product_infos"][0]
    assert line["finish_aftersale_sku_cnt"] == 1
    assert sb.ship(oid)["errcode"] == 0  # the helper ships the 2 units not refunded
    assert sb.order(oid)["status"] == 30
    bad = sb.call("/channels/ec/order/delivery/send", {
        "order_id": oid, "delivery_list": [{"deliver_type": 1, "delivery_id": "YTO",
                                            "waybill_id": "YT1", "product_infos": [
                                                {"product_id": line["product_id"],
                                                 "sku_id": line["sku_id"], "product_cnt": 1}]}]})
    assert bad["errcode"] == 109001


def test_refunded_units_cannot_be_shipped(sb):
    oid = sb.paid_order(count=2)
    cid = sb.open(oid, count=1)["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid})
    line = sb.order(oid)["order_detail"]["product_infos"][0]
    reply = sb.call("/channels/ec/order/delivery/send", {
        "order_id": oid, "delivery_list": [{"deliver_type": 1, "delivery_id": "YTO",
                                            "waybill_id": "YT2", "product_infos": [
                                                {"product_id": line["product_id"],
                                                 "sku_id": line["sku_id"], "product_cnt": 2}]}]})
    assert reply["errcode"] == 109000


def test_refund_calls_are_one_per_order_per_minute(sb):
    oid = sb.paid_order(count=3)
    first = sb.open(oid, count=1)["after_sale_order_id"]
    second = sb.open(oid, count=1)["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": first})
    sb.advance(59)
    assert sb.errcode(AS + "acceptapply", {"after_sale_order_id": second}) == 10021059
    assert sb.case(second)["status"] == "MERCHANT_PROCESSING"  # nothing applied
    sb.advance(1)
    sb.ok(AS + "acceptapply", {"after_sale_order_id": second})
    assert sb.case(second)["status"] == "MERCHANT_REFUND_SUCCESS"
    other = sb.paid_order()  # another order is not held back by this one
    cid = sb.open(other)["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid})


def test_refunded_order_ewaybill_can_still_be_cancelled(sb):
    oid = sb.paid_order()
    acct = _account(sb)
    taken = _create(sb, oid, acct)
    cid = sb.open(oid)["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid})
    assert sb.order(oid)["status"] == 200
    sb.ok(EWB + "order/cancel", {"ewaybill_order_id": taken["ewaybill_order_id"], "delivery_id": acct["delivery_id"],
                                 "waybill_id": taken["waybill_id"]})


def test_case_list_windows_and_paging(sb):
    sb.shop.config.aftersale_page_size = 2
    start = sb.shop.clock.now()
    ids = []
    for _ in range(5):
        ids.append(sb.open(sb.paid_order())["after_sale_order_id"])
        sb.advance(10)
    seen, key = [], None
    for _ in range(10):
        body = {"begin_update_time": start, "end_update_time": start + 3600}
        if key:
            body["next_key"] = key
        page = sb.ok(AS + "getaftersalelist", body)
        assert len(page["after_sale_order_id_list"]) <= 2
        seen += page["after_sale_order_id_list"]
        key = page["next_key"]
        if not page["has_more"]:
            break
    assert seen == ids  # oldest first, each once
    # a change moves a case to the end of the update-time order; the create pair does not move
    sb.ok(AS + "acceptapply", {"after_sale_order_id": ids[0]})
    sb.shop.config.aftersale_page_size = 100
    by_update = sb.ok(AS + "getaftersalelist", {"begin_update_time": start,
                                                "end_update_time": start + 3600})
    assert by_update["after_sale_order_id_list"] == ids[1:] + ids[:1]
    by_create = sb.ok(AS + "getaftersalelist", {"begin_create_time": start,
                                                "end_create_time": start + 3600})
    assert by_create["after_sale_order_id_list"] == ids
    half_open = sb.ok(AS + "getaftersalelist", {"begin_create_time": start,
                                                "end_create_time": start + 10})
    assert half_open["after_sale_order_id_list"] == ids[:1]
    assert sb.errcode(AS + "getaftersalelist", {"begin_update_time": start,
                                                "end_update_time": start + DAY + 1}) == 10020004
    assert sb.errcode(AS + "getaftersalelist", {}) == 40097
    assert sb.errcode(AS + "getaftersalelist", {"begin_update_time": start}) == 40097
    assert sb.errcode(AS + "getaftersalelist", {"begin_update_time": start, "end_update_time": start + 1,
                                                "next_key": "@@"}) == 40097


def test_get_errors(sb):
    assert sb.errcode(AS + "getaftersaleorder", {"after_sale_order_id": "2000000000000001"}) == 10021050
    assert sb.errcode(AS + "getaftersaleorder", {"after_sale_order_id": "abc"}) == 10020000
    assert sb.errcode(AS + "getaftersaleorder", {}) == 40097
    cid = sb.open(sb.paid_order())["after_sale_order_id"]
    assert sb.case(int(cid))["after_sale_order_id"] == cid  # a number is accepted too


def test_refunding_the_unshipped_rest_completes_a_partial_shipment(sb):
    oid = sb.paid_order(count=3)
    line = sb.order(oid)["order_detail"]["product_infos"][0]
    item = {"product_id": line["product_id"], "sku_id": line["sku_id"], "product_cnt": 1}
    sb.ok("/channels/ec/order/delivery/send", {"order_id": oid, "delivery_list": [{
        "deliver_type": 1, "delivery_id": "YTO", "waybill_id": "YT77", "product_infos": [item]}]})
    assert sb.order(oid)["status"] == 21
    opened = sb.open(oid)  # a refund takes the 2 unshipped units, without the freight
    assert opened["count"] == 2 and opened["amount"] == line["real_price"] * 2 // 3
    status, reply = sb.control("/sandbox/aftersale/open", {"order_id": oid, "count": 2})
    assert status == 400  # only the shipped unit is left
    sb.advance(5)
    sb.ok(AS + "acceptapply", {"after_sale_order_id": opened["after_sale_order_id"]})
    order = sb.order(oid)
    assert order["status"] == 30 and order["order_detail"]["delivery_info"]["ship_done_time"] == sb.shop.clock.now()
    ret = sb.open(oid, type="RETURN")  # the shipped unit can still be returned
    assert ret["count"] == 1
    sb.advance(60)
    sb.ok(AS + "acceptapply", {"after_sale_order_id": ret["after_sale_order_id"], "accept_type": 2})
    assert sb.order(oid)["status"] == 200


def test_platform_auto_approval_switch_refunds_unshipped_at_once(sb):
    status, _ = sb.control("/sandbox/config", {"aftersale_auto_refund_unshipped": True})
    assert status == 200
    oid = sb.paid_order()
    case = sb.case(sb.open(oid)["after_sale_order_id"])
    assert case["status"] == "MERCHANT_REFUND_SUCCESS" and case["refund_info"]["refund_reason"] == 4
    assert sb.order(oid)["status"] == 200
    shipped = sb.case(sb.open(sb.shipped_order())["after_sale_order_id"])
    assert shipped["status"] == "MERCHANT_PROCESSING"  # only before shipment


def test_order_refunded_by_the_status_control_has_its_cases(sb):
    oid = sb.paid_order(count=2)
    cid = sb.open(oid, count=1)["after_sale_order_id"]
    status, reply = sb.control("/sandbox/order/status", {"order_id": oid, "status": 200})
    assert status == 200 and reply["status"] == 200
    order = sb.order(oid)
    assert order["status"] == 200 and order["aftersale_detail"]["on_aftersale_order_cnt"] == 0
    ids = [c["aftersale_order_id"] for c in order["aftersale_detail"]["aftersale_order_list"]]
    assert cid in ids and len(ids) == 2
    assert all(sb.case(c)["refund_info"]["refund_reason"] == 6 for c in ids)
    assert order["order_detail"]["product_infos"][0]["finish_aftersale_sku_cnt"] == 2
