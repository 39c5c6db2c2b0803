"""Carrier lists and delivery/send (orders-shipping.md §2): effects, errors, exactly-once."""

from __future__ import annotations

import pytest

from .test_orders_support import OrdersSandbox

SEND = "/channels/ec/order/delivery/send"


@pytest.fixture
def sb():
    with OrdersSandbox(seed=3, products=20, orders=40, gift_orders=4) as sandbox:
        yield sandbox


def _parcel(waybill, items, carrier="YTO", deliver_type=1):
    return {"delivery_id": carrier, "waybill_id": waybill, "deliver_type": deliver_type,
            "product_infos": [{"product_id": p, "sku_id": s, "product_cnt": n} for p, s, n in items]}


def _line(sb, oid):
    line = sb.order(oid)["order_detail"]["product_infos"][0]
    return line["product_id"], line["sku_id"]


def test_company_lists(sb):
    legacy = sb.ok("/channels/ec/order/deliverycompanylist/get", {})["company_list"]
    codes = {c["delivery_id"]: c["delivery_name"] for c in legacy}
    assert {"SF", "YTO", "ZTO", "YUNDA", "JTSD", "STO", "JD", "EMS"} <= set(codes)
    assert codes["SF"] == "顺丰速运"
    path = "/channels/ec/order/deliverycompanylist/new/get"
    assert sb.ok(path, {"ewaybill_only": False})["company_list"] == legacy
    ewb = {c["delivery_id"] for c in sb.ok(path, {"ewaybill_only": True})["company_list"]}
    assert {"SF", "YTO", "ZTO"} <= ewb < set(codes) and "OTHER" not in ewb
    assert sb.call(path, {"ewaybill_only": "true"})["errcode"] == 47001


def test_partial_then_full_shipment(sb):
    oid = sb.new_order(count=3)
    pid, sku = _line(sb, oid)
    sb.advance(60)
    sb.ok(SEND, {"order_id": oid, "delivery_list": [_parcel("YT0000000000001", [(pid, sku, 1)])]})
    order = sb.order(oid)
    first_time = sb.shop.clock.now()
    info = order["order_detail"]["delivery_info"]
    assert order["status"] == 21 and info["ship_done_time"] == 0
    assert order["update_time"] == first_time
    assert info["delivery_product_info"][0]["delivery_time"] == first_time
    assert info["delivery_product_info"][0]["delivery_name"] == "圆通速递"
    assert sb.call(SEND, {"order_id": oid, "delivery_list": [
        _parcel("SF0000000000002", [(pid, sku, 3)], "SF")]})["errcode"] == 109000
    sb.advance(60)
    sb.ok(SEND, {"order_id": int(oid), "delivery_list": [
        _parcel("SF0000000000002", [(int(pid), int(sku), 2)], "SF")]})
    order = sb.order(oid)
    info = order["order_detail"]["delivery_info"]
    assert order["status"] == 30 and info["ship_done_time"] == sb.shop.clock.now()
    assert [p["waybill_id"] for p in info["delivery_product_info"]] == ["YT0000000000001", "SF0000000000002"]
    assert [p["product_infos"][0]["product_cnt"] for p in info["delivery_product_info"]] == [1, 2]
    # a replay of the last shipment must not ship twice
    replay = {"order_id": oid, "delivery_list": [_parcel("SF0000000000002", [(pid, sku, 2)], "SF")]}
    assert sb.call(SEND, replay)["errcode"] == 109001
    sends = [e for e in sb.log_ops(SEND) if e["order_id"] == oid]
    assert [e["finish_delivery"] for e in sends] == [0, 1]


def test_ship_all_lines_of_a_demo_order_in_one_call(sb):
    rec = max(sb.orders_in(20), key=lambda r: len(r["lines"]))
    lines = [(ln["product_id"], ln["sku_id"], ln["sku_cnt"]) for ln in rec["lines"]]
    sb.ok(SEND, {"order_id": rec["order_id"], "delivery_list": [_parcel("ZT1", lines, "ZTO")]})
    assert sb.order(rec["order_id"])["status"] == 30


def test_status_errors(sb):
    gift = sb.orders_in(12)[0]
    unpaid = sb.orders_in(10)[0]
    cancelled = sb.orders_in(250)[0]
    shipped = sb.orders_in(30)[0]
    for rec, code in ((gift, 101100), (unpaid, 101100), (cancelled, 101100), (shipped, 109001)):
        ln = rec["lines"][0]
        reply = sb.call(SEND, {"order_id": rec["order_id"], "delivery_list": [
            _parcel("YT9", [(ln["product_id"], ln["sku_id"], 1)])]})
        assert reply["errcode"] == code, (rec["status"], reply)
    assert sb.call(SEND, {"order_id": "3700000000000000009", "delivery_list": [
        _parcel("YT9", [("1", "2", 1)])]})["errcode"] == 100002


def test_request_errors_apply_nothing(sb):
    oid = sb.new_order(count=2)
    pid, sku = _line(sb, oid)
    before = sb.order(oid)
    good = _parcel("YT1", [(pid, sku, 1)])
    cases = [
        ({"order_id": oid}, 40097),
        ({"order_id": oid, "delivery_list": {"a": 1}}, 47001),
        ({"order_id": oid, "delivery_list": [good, "x"]}, 47001),
        ({"order_id": oid, "delivery_list": [{**good, "product_infos": [
            {"product_id": pid, "sku_id": sku, "product_cnt": "1"}]}]}, 47001),
        ({"order_id": oid, "delivery_list": [{**good, "deliver_type": "1"}]}, 47001),
        ({"order_id": oid, "delivery_list": []}, 109002),
        # product_infos is required in each parcel (§2.2): missing or empty → 40097
        ({"order_id": oid, "delivery_list": [_parcel("YT1", [])]}, 40097),
        ({"order_id": oid, "delivery_list": [{k: v for k, v in good.items()
                                              if k != "product_infos"}]}, 40097),
        ({"order_id": oid, "delivery_list": [good, _parcel("YT2", [])]}, 40097),
        ({"order_id": oid, "delivery_list": [good, _parcel("YT2", [(pid, "999", 1)])]}, 109000),
        ({"order_id": oid, "delivery_list": [good, _parcel("YT2", [(pid, sku, 2)])]}, 109000),
        ({"order_id": oid, "delivery_list": [_parcel("YT1", [(pid, sku, 0)])]}, 109000),
        ({"order_id": oid, "delivery_list": [_parcel("", [(pid, sku, 1)])]}, 40097),
        ({"order_id": oid, "delivery_list": [_parcel("YT1", [(pid, sku, 1)], "NOPE")]}, 40097),
        ({"order_id": oid, "delivery_list": [_parcel("YT1", [(pid, sku, 1)], deliver_type=3)]}, 40097),
        ({"order_id": oid, "delivery_list": [_parcel("YT1", [(pid, sku, 1)], deliver_type=2)]}, 40097),
    ]
    for body, code in cases:
        reply = sb.call(SEND, body)
        assert reply["errcode"] == code, (body, reply)
    assert "deliver_type不正确" in sb.call(SEND, cases[-1][0])["errmsg"]
    assert sb.order(oid) == before
    assert not [e for e in sb.log_ops(SEND) if e["order_id"] == oid]


def test_cancel_and_confirm_controls(sb):
    oid = sb.new_order()
    pid, sku = _line(sb, oid)
    assert sb.control("/sandbox/order/status", {"order_id": oid, "status": 100})[0] == 400
    sb.ok(SEND, {"order_id": oid, "delivery_list": [_parcel("YT5", [(pid, sku, 1)])]})
    status, reply = sb.control("/sandbox/order/status", {"order_id": oid, "status": 100})
    assert status == 200 and reply["status"] == 100
    order = sb.order(oid)
    assert order["status"] == 100
    assert order["order_detail"]["ext_info"]["confirm_receipt_time"] == sb.shop.clock.now()
    unpaid = sb.new_order(status=10)
    assert sb.order(unpaid)["status"] == 10
    sb.control("/sandbox/order/status", {"order_id": unpaid, "status": 20})
    assert sb.order(unpaid)["order_detail"]["pay_info"]["pay_time"] == sb.shop.clock.now()
    sb.control("/sandbox/order/status", {"order_id": unpaid, "status": 250})
    assert sb.order(unpaid)["status"] == 250
    assert sb.control("/sandbox/order/create", {"status": 30})[0] == 400
