"""Gift orders (orders-shipping.md §1.4 and the README decisions): fields at status 12,
acceptance with and without a SKU switch, 24-hour expiry on the sandbox clock, gift endpoints."""

from __future__ import annotations

import pytest

from .test_orders_support import OrdersSandbox

SUB = "/channels/ec/order/presentsuborder/get"
NOTE = "/channels/ec/order/presentnote/add"


@pytest.fixture
def sb():
    with OrdersSandbox(seed=5, products=30, orders=30, gift_orders=10) as sandbox:
        yield sandbox


def _stock(sb, product_id, sku_id):
    prod = sb.shop.products[product_id]
    values = {s["stock_num"] for copy in (prod["product"], prod["edit_product"])
              for s in copy["skus"] if s["sku_id"] == sku_id}
    assert len(values) == 1  # both copies agree
    return values.pop()


def test_demo_gift_awaiting_acceptance_has_giver_and_no_address(sb):
    pending = sb.orders_in(12)
    assert len(pending) >= 4
    now = sb.shop.clock.now()
    ages = [now - r["create_time"] for r in pending]
    assert any(20 * 3600 <= a <= 23.5 * 3600 for a in ages) and max(ages) < 24 * 3600
    order = sb.order(pending[0]["order_id"])
    assert order["status"] == 12 and order["is_present"] is True
    pid = order["present_order_id_str"]
    assert len(pid) == 19 and pid.startswith("42") and order["present_order_id"] == int(pid)
    assert order["openid"] == order["present_giver_openid"]
    assert isinstance(order["present_note"], str) and order["present_send_type"] in range(7)
    assert order["order_present_info"]["present_order_id_str"] == pid
    assert order["order_present_info"]["present_giver_openid"] == order["openid"]
    assert "address_info" not in order["order_detail"]["delivery_info"]
    assert order["order_detail"]["pay_info"]["pay_time"] > 0
    line = order["order_detail"]["product_infos"][0]
    assert line["sku_cnt"] == 1 and line["sale_price"] <= 1_000_000


def test_demo_has_accepted_and_expired_gifts_and_a_group_gift(sb):
    gifts = [r for r in sb.shop.orders.values() if r["present"]]
    assert {r["status"] for r in gifts} == {12, 20, 250}
    accepted = next(r for r in gifts if r["status"] == 20)
    order = sb.order(accepted["order_id"])
    assert order["openid"] != order["present_giver_openid"]
    assert order["order_detail"]["delivery_info"]["address_info"]["detail_info"] == "****"
    expired = next(r for r in gifts if r["status"] == 250)
    assert "address_info" not in sb.order(expired["order_id"])["order_detail"]["delivery_info"]
    groups = {}
    for r in gifts:
        groups.setdefault(r["present"]["present_order_id_str"], []).append(r["order_id"])
    group = next(ids for ids in groups.values() if len(ids) == 3)
    pid = sb.shop.orders[group[0]]["present"]["present_order_id_str"]
    assert sorted(sb.ok(SUB, {"present_order_id": pid})["order_ids"]) == sorted(group)
    assert sb.shop.orders[group[0]]["present"]["present_send_type"] == 1


def test_accept_without_sku_switch(sb):
    oid = sb.new_order(gift=True, note="生日快乐")
    before = sb.order(oid)
    assert before["status"] == 12 and before["present_note"] == "生日快乐"
    sb.advance(3600)
    status, reply = sb.control("/sandbox/gift/accept", {"order_id": oid})
    assert status == 200 and reply["ok"] and reply["status"] == 20
    after = sb.order(oid)
    assert after["status"] == 20 and after["update_time"] == sb.shop.clock.now() > before["update_time"]
    assert after["openid"] != before["present_giver_openid"] == after["present_giver_openid"]
    addr = after["order_detail"]["delivery_info"]["address_info"]
    assert addr["user_name"].endswith("**") and "****" in addr["tel_number"]
    assert addr["province_name"] and addr["city_name"] and addr["detail_info"] == "****"
    line = after["order_detail"]["product_infos"][0]
    assert line["sku_id"] == before["order_detail"]["product_infos"][0]["sku_id"]
    assert line["delivery_deadline"] == sb.shop.clock.now() + 48 * 3600
    assert "accept_change_sku_info" not in line
    now = sb.shop.clock.now()
    changed = sb.ok("/channels/ec/order/list/get", {
        "update_time_range": {"start_time": now - 1, "end_time": now + 1}})["order_id_list"]
    assert oid in changed
    status, reply = sb.control("/sandbox/gift/accept", {"order_id": oid})
    assert status == 400 and not reply["ok"] and "not a gift awaiting" in reply["error"]


def _two_skus_same_price(sb):
    for pid, prod in sorted(sb.shop.products.items()):
        if prod["status"] != 5:
            continue
        skus = [s for s in prod["product"]["skus"] if s["stock_num"] > 2]
        for a in skus:
            for b in skus:
                if a is not b and a["sale_price"] == b["sale_price"]:
                    return pid, a["sku_id"], b["sku_id"]
    raise AssertionError("the demo catalogue has no product with two SKUs of one price")


def test_accept_with_sku_switch_moves_stock(sb):
    pid, old_sku, new_sku = _two_skus_same_price(sb)
    old0, new0 = _stock(sb, pid, old_sku), _stock(sb, pid, new_sku)
    oid = sb.new_order(gift=True, product_id=pid, sku_id=old_sku)
    assert _stock(sb, pid, old_sku) == old0 - 1
    status, reply = sb.control("/sandbox/gift/accept", {"order_id": oid, "sku_id": new_sku})
    assert status == 200 and reply["sku_id"] == new_sku
    line = sb.order(oid)["order_detail"]["product_infos"][0]
    new_attrs = next(s for s in sb.shop.products[pid]["product"]["skus"]
                     if s["sku_id"] == new_sku)["sku_attrs"]
    assert line["sku_id"] == new_sku and line["product_id"] == pid
    assert line["sku_attrs"] == new_attrs
    assert line["accept_change_sku_info"] == {"old_sku_id": old_sku, "new_sku_id": new_sku}
    assert (_stock(sb, pid, old_sku), _stock(sb, pid, new_sku)) == (old0, new0 - 1)


def test_accept_refuses_a_sku_of_another_price(sb):
    pairs = [(pid, a, b) for pid, prod in sorted(sb.shop.products.items()) if prod["status"] == 5
             for a in prod["product"]["skus"] for b in prod["product"]["skus"]
             if a["sale_price"] != b["sale_price"] and a["stock_num"] > 0]
    assert pairs, "the demo catalogue has no product with two SKU prices"
    pid, a, b = pairs[0]
    oid = sb.new_order(gift=True, product_id=pid, sku_id=a["sku_id"])
    status, reply = sb.control("/sandbox/gift/accept", {"order_id": oid, "sku_id": b["sku_id"]})
    assert status == 400 and "same price" in reply["error"]
    assert sb.order(oid)["status"] == 12


def test_expiry_after_24_hours_on_the_sandbox_clock(sb):
    oid = sb.new_order(gift=True)
    rec = sb.shop.orders[oid]
    pid, sku = rec["lines"][0]["product_id"], rec["lines"][0]["sku_id"]
    stock = _stock(sb, pid, sku)
    holding = sum(1 for r in sb.orders_in(12) if (r["lines"][0]["product_id"], r["lines"][0]["sku_id"]) == (pid, sku))
    sb.advance(24 * 3600 - 10)
    assert sb.order(oid)["status"] == 12
    sb.advance(20)
    order = sb.order(oid)
    assert order["status"] == 250 and order["update_time"] >= order["create_time"] + 24 * 3600
    assert "address_info" not in order["order_detail"]["delivery_info"]
    assert _stock(sb, pid, sku) == stock + holding  # every expired gift gave its unit back
    assert [e["order_id"] for e in sb.log_ops("gift.expire")].count(oid) == 1
    assert not sb.orders_in(12)  # the demo's pending gifts expired as well
    assert sb.control("/sandbox/gift/accept", {"order_id": oid})[0] == 400


def test_expire_control_and_bad_inputs(sb):
    oid = sb.new_order(gift=True)
    status, reply = sb.control("/sandbox/gift/expire", {"order_id": oid})
    assert status == 200 and reply["status"] == 250 and sb.order(oid)["status"] == 250
    assert sb.control("/sandbox/gift/expire", {"order_id": oid})[0] == 400
    assert sb.control("/sandbox/gift/expire", {"order_id": "3700000000000000001"})[0] == 400
    assert sb.control("/sandbox/gift/accept", {})[0] == 400
    assert sb.control("/sandbox/order/create", {"gift": True, "count": 2})[0] == 400
    assert sb.control("/sandbox/order/create", {"gift": "yes"})[0] == 400


def test_present_sub_orders_and_note(sb):
    oid = sb.new_order(gift=True, send_type=1)
    pid = sb.order(oid)["present_order_id_str"]
    second = sb.new_order(gift=True, send_type=1, present_order_id=pid)
    assert sorted(sb.ok(SUB, {"present_order_id": pid})["order_ids"]) == sorted([oid, second])
    assert sb.ok(SUB, {"present_order_id": int(pid)})["order_ids"]
    assert sb.call(SUB, {"present_order_id": "4200000000000000000"})["errcode"] == 40097
    assert sb.call(SUB, {})["errcode"] == 40097
    assert sb.call(SUB, {"present_order_id": {"id": pid}})["errcode"] == 47001
    sb.advance(30)
    sb.ok(NOTE, {"present_order_id": pid, "notes": "已备好贺卡"})
    for o in (oid, second):
        order = sb.order(o)
        assert order["present_note"] == "已备好贺卡" == order["order_present_info"]["present_note"]
        assert order["update_time"] == sb.shop.clock.now()
    assert len([e for e in sb.log_ops(NOTE) if e["present_order_id"] == pid]) == 1
    assert sb.call(NOTE, {"present_order_id": pid})["errcode"] == 40097
    assert sb.call(NOTE, {"present_order_id": pid, "notes": 1})["errcode"] == 47001
    assert sb.call(NOTE, {"present_order_id": "4200000000000000000", "notes": "x"})["errcode"] == 40097
