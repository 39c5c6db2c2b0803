"""Cases the seller opens for the buyer (genaftersaleorder), the exchange's stock, and cases on
gift orders (the recipient's, with the giver beside it)."""

from __future__ import annotations

import pytest

from .aftersale_support import AS, AftersaleSandbox

GEN = AS + "genaftersaleorder"


@pytest.fixture
def sb():
    with AftersaleSandbox(seed=14, products=20, orders=30, gift_orders=4) as sandbox:
        yield sandbox


def _gen(sb, oid, **extra):
    line = sb.order(oid)["order_detail"]["product_infos"][0]
    return {"request_id": f"req-{oid}", "order_id": oid, "product_id": line["product_id"],
            "sku_id": line["sku_id"], "count": 1, "amount": line["real_price"],
            "reason": "10000001", "type": "REFUND", "desc": "缺货，帮您退款", **extra}


def test_seller_opens_a_refund_for_the_buyer(sb):
    oid = sb.paid_order()
    body = _gen(sb, oid)
    reply = sb.ok(GEN, body)
    cid = reply["after_sale_order_id"]
    assert reply["aftersale_id"] == int(cid)
    assert sb.ok(GEN, body)["after_sale_order_id"] == cid  # the same request: the same case
    assert len(sb.log_ops(GEN)) == 1
    assert sb.call(GEN, {**body, "amount": 1})["errcode"] == 10021089
    case = sb.case(cid)
    assert case["status"] == "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE" and case["gen_scene"] == 2
    assert sb.ship(oid)["errcode"] == 108009
    sb.act("negotiation", {"after_sale_order_id": cid, "agree": True})
    assert sb.case(cid)["status"] == "MERCHANT_REFUND_SUCCESS"
    assert sb.order(oid)["status"] == 200


def test_seller_opened_return_and_the_buyer_silent(sb):
    oid = sb.shipped_order()
    body = _gen(sb, oid, type="RETURN", reason="10000006")
    assert sb.call(GEN, body)["errcode"] == 10021060
    assert sb.call(GEN, {**body, "address_id": "1"})["errcode"] == 10021062
    cid = sb.ok(GEN, {**body, "address_id": sb.return_address()})["after_sale_order_id"]
    sb.act("negotiation", {"after_sale_order_id": cid, "agree": True})
    assert sb.case(cid)["status"] == "USER_WAIT_RETURN"
    silent = sb.ok(GEN, _gen(sb, sb.shipped_order()))["after_sale_order_id"]
    sb.advance(48 * 3600)
    assert sb.case(silent)["status"] == "USER_CANCELD"


def test_gen_errors(sb):
    oid = sb.paid_order()
    body = _gen(sb, oid)
    assert sb.call(GEN, {**body, "reason": "10000019"})["errcode"] == 10021084
    assert sb.call(GEN, {**body, "order_id": "3700000000000000001"})["errcode"] == 10021085
    assert sb.call(GEN, {**body, "sku_id": "1"})["errcode"] == 10021043
    assert sb.call(GEN, {**body, "count": 9})["errcode"] == 10021043
    assert sb.call(GEN, {**body, "type": "EXCHANGE"})["errcode"] == 40097
    assert sb.call(GEN, {**body, "type": "RETURN", "address_id": sb.return_address()})["errcode"] == 10021043
    unpaid = sb.new_order(status=10)
    assert sb.call(GEN, _gen(sb, unpaid))["errcode"] == 10021088


def test_exchange_reship_takes_the_new_sku_from_stock(sb):
    pid, sku, twin = sb.twin_sku()
    oid = sb.new_order(product_id=pid, sku_id=sku)
    assert sb.ship(oid)["errcode"] == 0
    cid = sb.open(oid, type="EXCHANGE", new_sku_id=twin)["after_sale_order_id"]
    sb.ok(AS + "acceptapply", {"after_sale_order_id": cid, "address_id": sb.return_address()})
    sb.act("return", {"after_sale_order_id": cid})
    before = next(s["stock_num"] for s in sb.shop.products[pid]["product"]["skus"] if s["sku_id"] == twin)
    sb.ok(AS + "acceptexchangereship", {"after_sale_order_id": cid, "delivery_id": "SF",
                                        "waybill_id": "SF99"})
    after = next(s["stock_num"] for s in sb.shop.products[pid]["product"]["skus"] if s["sku_id"] == twin)
    assert after == before - 1


def test_a_gift_case_is_the_recipients(sb):
    gift = next(r for r in sb.shop.orders.values() if r["present"] and r["status"] == 20)
    cid = sb.open(gift["order_id"])["after_sale_order_id"]
    case = sb.case(cid)
    assert case["openid"] == gift["openid"] != gift["present"]["present_giver_openid"]
    assert case["present_giver_openid"] == gift["present"]["present_giver_openid"]
    plain = sb.case(sb.open(sb.paid_order())["after_sale_order_id"])
    assert "present_giver_openid" not in plain
