"""Return-and-refund (退货退款) and exchange (换货) cases in the sandbox, each through its whole
life including the platform's timeouts; rejection, negotiation (and the switch that makes it
required, 10021068), disputes, failed refunds with offline proof."""

from __future__ import annotations

import pytest

from .aftersale_support import AS, AftersaleSandbox

DAY = 86400


@pytest.fixture
def sb():
    with AftersaleSandbox(seed=12, products=20, orders=30, gift_orders=2) as sandbox:
        yield sandbox


def test_return_accepted_returned_and_refunded(sb):
    oid = sb.shipped_order(count=2)
    assert sb.open(oid, type="RETURN", count=1)["who"] == "seller"  # another case stays open
    cid = sb.open(oid, type="RETURN", count=1, reason="10000021")["after_sale_order_id"]
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_PROCESSING" and case["details"]["receive_product"] is True
    body = {"after_sale_order_id": cid, "accept_type": 1}
    assert sb.errcode(AS + "acceptapply", body) == 10021060  # a return needs an address
    assert sb.errcode(AS + "acceptapply", {**body, "address_id": "999"}) == 10021062
    sb.ok(AS + "acceptapply", {**body, "address_id": sb.return_address()})
    case = sb.case(cid)
    assert case["status"] == "USER_WAIT_RETURN" and case["deadline"] == 0
    assert sb.errcode(AS + "acceptapply", body) == 10021041  # wrong step now
    sb.advance(DAY)
    sb.act("return", {"after_sale_order_id": cid, "delivery_id": "SF", "waybill_id": "SF1234567890"})
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_WAIT_RECEIPT"
    assert case["return_info"] == {"delivery_id": "SF", "delivery_name": "顺丰速运",
                                   "waybill_id": "SF1234567890"}
    assert case["deadline"] == 10 * DAY
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid})  # accept_type omitted → 2 here
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_RETURN_SUCCESS" and case["refund_info"]["refund_reason"] == 3
    order = sb.order(oid)
    line = order["order_detail"]["product_infos"][0]
    assert line["finish_aftersale_sku_cnt"] == 1 and line["on_aftersale_sku_cnt"] == 1
    assert order["status"] == 30 and order["aftersale_detail"]["on_aftersale_order_cnt"] == 1


def test_return_timeouts_auto_accept_then_close(sb):
    oid = sb.shipped_order()
    cid = sb.open(oid, type="RETURN")["after_sale_order_id"]
    sb.advance(48 * 3600)  # seller silent: accepted with the default return address
    case = sb.case(cid)
    assert case["status"] == "USER_WAIT_RETURN"
    assert sb.shop.aftersales[cid]["_address_id"] == sb.return_address()
    sb.advance(7 * DAY)  # buyer never ships: closed, then cancelled after the escalation window
    assert sb.case(cid)["status"] == "RETURN_CLOSED"
    assert sb.order(oid)["aftersale_detail"]["on_aftersale_order_cnt"] == 0
    sb.advance(7 * DAY)
    case = sb.case(cid)
    assert case["status"] == "USER_CANCELD" and case["details"]["cancel_time"] > 0


def test_receipt_timeout_refunds_with_cause_11(sb):
    oid = sb.shipped_order()
    cid = sb.open(oid, type="RETURN")["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid, "address_id": sb.return_address()})
    sb.act("return", {"after_sale_order_id": cid})
    sb.advance(10 * DAY)
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_RETURN_SUCCESS" and case["refund_info"]["refund_reason"] == 11
    assert sb.order(oid)["status"] == 200  # every unit refunded


def test_exchange_reshipped_and_received(sb):
    pid, sku, twin = sb.twin_sku()
    oid = sb.new_order(product_id=pid, sku_id=sku)
    assert sb.ship(oid)["errcode"] == 0
    cid = sb.open(oid, type="EXCHANGE", new_sku_id=twin)["after_sale_order_id"]
    case = sb.case(cid)
    assert case["exchange_product_info"]["old_sku_id"] == sku
    assert case["exchange_product_info"]["new_sku_id"] == twin
    assert case["exchange_product_info"]["product_cnt"] == 1
    reship = {"after_sale_order_id": cid, "delivery_id": "ZTO", "waybill_id": "78000111"}
    assert sb.errcode(AS + "acceptexchangereship", reship) == 10021041  # not received yet
    assert sb.errcode(AS + "acceptapply", {"after_sale_order_id": cid, "accept_type": 2}) == 10021041
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid, "address_id": sb.return_address()})
    sb.act("return", {"after_sale_order_id": cid})
    assert sb.errcode(AS + "acceptexchangereship", {**reship, "delivery_id": "NOPE"}) == 40097
    sb.ok(AS + "acceptexchangereship", reship)
    case = sb.case(cid)
    assert case["status"] == "USER_WAIT_RECEIPT"
    assert case["exchange_delivery_info"]["waybill_id"] == "78000111"
    assert case["exchange_delivery_info"]["address_info"]["detail_info"] == "****"
    sb.act("receive", {"after_sale_order_id": cid})
    assert sb.case(cid)["status"] == "MERCHANT_EXCHANGE_SUCCESS"
    line = sb.order(oid)["order_detail"]["product_infos"][0]
    assert line["on_aftersale_sku_cnt"] == 0 and line["finish_aftersale_sku_cnt"] == 0


def test_exchange_receipt_times_out_and_reship_rejected(sb):
    pid, sku, twin = sb.twin_sku()
    first, second = (sb.new_order(product_id=pid, sku_id=sku) for _ in range(2))
    cases = []
    for oid in (first, second):
        assert sb.ship(oid)["errcode"] == 0
        cid = sb.open(oid, type="EXCHANGE")["after_sale_order_id"]
        sb.ok(AS + "acceptapply", {"after_sale_order_id": cid, "address_id": sb.return_address()})
        sb.act("return", {"after_sale_order_id": cid})
        cases.append(cid)
    sb.ok(AS + "acceptexchangereship", {"after_sale_order_id": cases[0], "delivery_id": "OTHER",
                                        "waybill_id": "X1"})
    assert sb.errcode(AS + "rejectexchangereship", {"after_sale_order_id": cases[1],
                                                    "reject_reason_type": 1}) == 40097  # scene 1
    sb.ok(AS + "rejectexchangereship", {"after_sale_order_id": cases[1], "reject_reason_type": 21,
                                        "reject_certificates": ["media1"]})
    case = sb.case(cases[1])
    assert case["status"] == "MERCHANT_REJECT_RESHIP"
    assert case["merchant_upload_info"]["reject_reason"] == "收到的退货不是本订单的商品，无法换货"
    sb.advance(10 * DAY)  # the buyer never confirms: the exchange completes by itself
    assert sb.case(cases[0])["status"] == "MERCHANT_EXCHANGE_SUCCESS"
    assert sb.case(cases[1])["status"] == "USER_CANCELD"


def test_reject_refund_then_escalate_and_rule(sb):
    oid = sb.shipped_order()
    cid = sb.open(oid)["after_sale_order_id"]
    body = {"after_sale_order_id": cid}
    assert sb.errcode(AS + "rejectapply", body) == 40097  # reject_reason_type is required
    assert sb.errcode(AS + "rejectapply", {**body, "reject_reason_type": 20}) == 40097  # scene 4
    sb.ok(AS + "rejectapply", {**body, "reject_reason_type": 4, "reject_reason": "已发顺丰"})
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_REJECT_REFUND"
    assert case["merchant_upload_info"]["reject_reason"] == "已发顺丰"
    assert sb.order(oid)["aftersale_detail"]["on_aftersale_order_cnt"] == 0
    escalated = sb.act("escalate", body)
    assert escalated["complaint_id"] and sb.case(cid)["complaint_id"] == escalated["complaint_id"]
    assert sb.order(oid)["aftersale_detail"]["on_aftersale_order_cnt"] == 1
    sb.advance(8 * DAY)  # no auto-cancel while the dispute runs
    assert sb.case(cid)["status"] == "MERCHANT_REJECT_REFUND"
    sb.act("ruling", {**body, "refund": True})
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_REFUND_SUCCESS" and case["refund_info"]["refund_reason"] == 5


def test_reject_needs_negotiation_first(sb):
    oid = sb.shipped_order()
    cid = sb.open(oid, need_negotiation=True)["after_sale_order_id"]
    reject = {"after_sale_order_id": cid, "reject_reason_type": 1}
    assert sb.errcode(AS + "rejectapply", reject) == 10021068
    assert sb.case(cid)["status"] == "MERCHANT_PROCESSING"
    update = {"after_sale_order_id": cid, "type": 1, "amount": 100, "merchant_update_desc": "少退点",
              "update_reason_type": 10, "merchant_update_type": 3}
    assert sb.errcode(AS + "merchantupdateaftersale", update) == 40097  # reason 10 needs images
    assert sb.errcode(AS + "merchantupdateaftersale",
                      {**update, "media_ids": ["m"], "merchant_update_type": 1}) == 40097
    assert sb.errcode(AS + "merchantupdateaftersale",
                      {**update, "media_ids": ["m"], "amount": 10**9}) == 10021046
    sb.ok(AS + "merchantupdateaftersale", {**update, "media_ids": ["m"]})
    case = sb.case(cid)
    assert case["status"] == "USER_WAIT_CONFIRM_UPDATE" and case["deadline"] == 0
    assert case["merchant_update_detail"]["new_after_sale_amount"] == 100
    assert case["merchant_update_detail"]["old_after_sale_type"] == 1
    sb.advance(48 * 3600)  # the buyer does not answer: back to the seller, who may now reject
    assert sb.case(cid)["status"] == "MERCHANT_PROCESSING"
    sb.ok(AS + "rejectapply", reject)
    assert sb.case(cid)["status"] == "MERCHANT_REJECT_REFUND"


def test_switch_controls_and_config(sb):
    sb.control("/sandbox/config", {"aftersale_reject_needs_negotiation": True})
    cid = sb.open(sb.shipped_order())["after_sale_order_id"]
    reject = {"after_sale_order_id": cid, "reject_reason_type": 1}
    assert sb.errcode(AS + "rejectapply", reject) == 10021068
    assert sb.act("update", {"after_sale_order_id": cid, "need_negotiation": False})["ok"]
    sb.ok(AS + "rejectapply", reject)


def test_negotiation_agreed_refunds_the_new_amount(sb):
    oid = sb.shipped_order()
    cid = sb.open(oid, type="RETURN")["after_sale_order_id"]
    sb.ok(AS + "merchantupdateaftersale", {
        "after_sale_order_id": cid, "type": 1, "amount": 50, "merchant_update_desc": "生鲜不用退",
        "update_reason_type": 8, "merchant_update_type": 3})
    sb.act("negotiation", {"after_sale_order_id": cid, "agree": True})
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_REFUND_SUCCESS" and case["type"] == "REFUND"
    assert case["refund_info"]["amount"] == 50


def test_negotiation_refused_goes_back_to_the_seller(sb):
    cid = sb.open(sb.shipped_order())["after_sale_order_id"]
    sb.ok(AS + "merchantupdateaftersale", {
        "after_sale_order_id": cid, "type": 1, "amount": 1, "merchant_update_desc": "请补充照片",
        "update_reason_type": 7, "merchant_update_type": 2, "media_ids": ["m1"]})
    sb.act("negotiation", {"after_sale_order_id": cid, "agree": False})
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_PROCESSING" and case["deadline"] == 48 * 3600


def test_failed_refund_waits_for_offline_proof(sb):
    sb.control("/sandbox/config", {"aftersale_refund_fails": True})
    oid = sb.paid_order()
    cid = sb.open(oid)["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid})
    case = sb.case(cid)
    assert case["status"] == "PLATFORM_REFUND_FAIL" and case["refund_resp"]["code"] == "FAIL"
    assert case["deadline"] == 48 * 3600
    assert sb.order(oid)["aftersale_detail"]["on_aftersale_order_cnt"] == 1
    body = {"after_sale_order_id": cid, "refund_certificates": ["proof1"], "desc": "已线下转账"}
    assert sb.errcode(AS + "uploadrefundcertificate", {**body, "desc": ""}) == 40097
    sb.ok(AS + "uploadrefundcertificate", body)
    case = sb.case(cid)
    assert case["status"] == "MERCHANT_REFUND_SUCCESS"
    assert case["merchant_upload_info"]["refund_certificates"] == ["proof1"]
    assert sb.order(oid)["status"] == 200
    assert sb.errcode(AS + "uploadrefundcertificate", body) == 10021041


def test_buyer_cancels_and_rules_for_opening(sb):
    oid = sb.paid_order()
    cid = sb.open(oid)["after_sale_order_id"]
    sb.act("cancel", {"after_sale_order_id": cid})
    assert sb.case(cid)["status"] == "USER_CANCELD"
    assert sb.ship(oid)["errcode"] == 0  # nothing held any more
    status, reply = sb.control("/sandbox/aftersale/open", {"order_id": oid, "type": "EXCHANGE",
                                                           "count": 5})
    assert status == 400 and not reply["ok"]
    unpaid = sb.new_order(status=10)
    status, reply = sb.control("/sandbox/aftersale/open", {"order_id": unpaid})
    assert status == 400 and "not eligible" in reply["error"]
    fresh = sb.paid_order()
    status, reply = sb.control("/sandbox/aftersale/open", {"order_id": fresh, "type": "RETURN"})
    assert status == 400 and "shipped" in reply["error"]


def test_reason_lists(sb):
    reasons = sb.ok(AS + "reason/get", {})["reason_list"]
    assert {"reason": "10000000", "reason_text": "不想要了"} in reasons
    rejects = sb.ok(AS + "rejectreason/get", {})["reason_list"]
    assert {r["reject_scene"] for r in rejects} == {1, 4, 5, 6, 7}
    assert all(r["reject_reason"] and r["reject_reason_type_text"] for r in rejects)
    case = sb.open(sb.shipped_order())["after_sale_order_id"]
    assert sb.errcode(AS + "handlefastexchangereceipt", {"after_sale_order_id": case, "act": 1}) == 10021041


def test_receipt_cannot_be_confirmed_during_a_case(sb):
    oid = sb.shipped_order()
    cid = sb.open(oid, type="RETURN")["after_sale_order_id"]
    status, reply = sb.control("/sandbox/order/status", {"order_id": oid, "status": 100})
    assert status == 400 and "after-sale" in reply["error"]
    sb.act("cancel", {"after_sale_order_id": cid})
    status, reply = sb.control("/sandbox/order/status", {"order_id": oid, "status": 100})
    assert status == 200 and reply["status"] == 100
