"""Order list/get/search/notes/decode over HTTP, checked against orders-shipping.md §1."""

from __future__ import annotations

import pytest

from .test_orders_support import OrdersSandbox

LIST = "/channels/ec/order/list/get"
GET = "/channels/ec/order/get"
SEARCH = "/channels/ec/order/search"
WEEK = 7 * 86400


@pytest.fixture(scope="module")
def sb():
    with OrdersSandbox(seed=11, products=30, orders=400, gift_orders=8) as sandbox:
        yield sandbox


def _walk(sb, body):
    ids, key = [], ""
    for _ in range(1000):
        reply = sb.ok(LIST, {**body, "next_key": key})
        assert isinstance(reply["order_id_list"], list) and isinstance(reply["has_more"], bool)
        ids += reply["order_id_list"]
        key = reply["next_key"]
        if not reply["has_more"]:
            return ids
    raise AssertionError("list never ended")


def _window(sb, days=7):
    now = sb.shop.clock.now() + 1
    return {"start_time": now - days * 86400, "end_time": now}


def test_list_create_range_returns_the_week_newest_first(sb):
    rng = _window(sb)
    ids = _walk(sb, {"create_time_range": rng, "page_size": 7})
    expected = {o for o, r in sb.shop.orders.items()
                if rng["start_time"] <= r["create_time"] < rng["end_time"]}
    assert len(ids) == len(set(ids)) and set(ids) == expected and expected
    times = [sb.shop.orders[o]["create_time"] for o in ids]
    assert times == sorted(times, reverse=True)
    assert all(isinstance(o, str) and len(o) == 19 and o.startswith("37") for o in ids)


def test_list_default_page_size_is_10_and_max_100(sb):
    reply = sb.ok(LIST, {"create_time_range": _window(sb)})
    assert len(reply["order_id_list"]) == 10 and reply["has_more"] is True
    for size in (0, 101):
        assert sb.call(LIST, {"create_time_range": _window(sb), "page_size": size})["errcode"] == 40097
    assert len(sb.ok(LIST, {"create_time_range": _window(sb), "page_size": 100})["order_id_list"]) \
        == min(100, sum(1 for r in sb.shop.orders.values()
                        if r["create_time"] >= _window(sb)["start_time"]))


def test_list_range_errors(sb):
    assert sb.call(LIST, {"page_size": 10})["errcode"] == 40097
    assert sb.call(LIST, {"create_time_range": _window(sb, days=8)})["errcode"] == 40097
    now = sb.shop.clock.now()
    assert sb.call(LIST, {"update_time_range": {"start_time": now, "end_time": now - 5}})["errcode"] == 40097
    assert sb.call(LIST, {"create_time_range": {"start_time": str(now - 60), "end_time": now}})["errcode"] == 47001
    assert sb.call(LIST, {"create_time_range": [now - 60, now]})["errcode"] == 47001
    assert sb.call(LIST, {"create_time_range": {"start_time": now - 60}})["errcode"] == 40097
    assert sb.call(LIST, {"create_time_range": _window(sb), "next_key": "not a key!"})["errcode"] == 40097
    assert sb.call(LIST, {"create_time_range": _window(sb), "status": 55})["errcode"] == 40097
    assert sb.call(LIST, {"create_time_range": _window(sb), "page_size": "10"})["errcode"] == 47001
    assert sb.raw(LIST, b"{not json")["errcode"] == 47001
    assert sb.call(LIST, [1, 2])["errcode"] == 47001


@pytest.mark.parametrize(("status", "matches"), [
    (20, {20, 21}), (30, {30, 21}), (250, {250, 200, 190}), (100, {100}), (12, {12}), (10, {10}),
])
def test_list_status_filter_semantics(sb, status, matches):
    now = sb.shop.clock.now() + 1
    got = set()
    for week in range(13):
        rng = {"start_time": now - (week + 1) * WEEK, "end_time": now - week * WEEK}
        got |= set(_walk(sb, {"create_time_range": rng, "status": status, "page_size": 100}))
    expected = {o for o, r in sb.shop.orders.items() if r["status"] in matches}
    assert got == expected and expected


def test_list_openid_filter_and_update_range(sb):
    rec = sb.orders_in(100)[0]
    ids = _walk(sb, {"create_time_range": {"start_time": rec["create_time"] - WEEK + 1,
                                           "end_time": rec["create_time"] + 1},
                     "openid": rec["openid"], "page_size": 100})
    assert rec["order_id"] in ids
    assert all(sb.shop.orders[o]["openid"] == rec["openid"] for o in ids)
    before = sb.order(rec["order_id"])["update_time"]
    sb.advance(5)
    sb.ok("/channels/ec/order/merchantnotes/update",
          {"order_id": rec["order_id"], "merchant_notes": "已核对"})
    after = sb.order(rec["order_id"])["update_time"]
    assert after > before and after == sb.shop.clock.now()
    now = sb.shop.clock.now()
    ids = _walk(sb, {"update_time_range": {"start_time": now - 2, "end_time": now + 1}})
    assert rec["order_id"] in ids


def test_get_full_shape_with_masked_address(sb):
    rec = sb.orders_in(30)[0]
    order = sb.order(rec["order_id"])
    assert order["order_id"] == rec["order_id"] and order["status"] == 30
    assert isinstance(order["create_time"], int) and order["update_time"] >= order["create_time"]
    assert order["openid"].startswith("o") and order["is_present"] is False
    detail = order["order_detail"]
    line = detail["product_infos"][0]
    for name in ("product_id", "sku_id", "thumb_img", "title", "sku_cnt", "sale_price",
                 "market_price", "sku_attrs", "sku_code", "real_price", "estimate_price",
                 "delivery_deadline", "out_sku_id", "product_unique_id"):
        assert name in line, name
    assert isinstance(line["product_id"], str) and isinstance(line["sku_id"], str)
    assert line["sku_attrs"] and {"attr_key", "attr_value"} <= set(line["sku_attrs"][0])
    assert line["delivery_deadline"] > order["create_time"]
    price = detail["price_info"]
    assert price["product_price"] == sum(x["sale_price"] * x["sku_cnt"] for x in detail["product_infos"])
    assert price["order_price"] == sum(x["real_price"] for x in detail["product_infos"]) + price["freight"]
    assert detail["pay_info"]["pay_time"] >= order["create_time"] and detail["pay_info"]["transaction_id"]
    addr = detail["delivery_info"]["address_info"]
    real = rec["real_address"]
    assert addr["user_name"] == real["user_name"][0] + "**"
    assert addr["tel_number"] == real["tel_number"][:3] + "****" + real["tel_number"][-4:]
    assert addr["detail_info"] == "****"
    assert (addr["province_name"], addr["city_name"], addr["county_name"]) == \
        (real["province_name"], real["city_name"], real["county_name"])
    info = detail["delivery_info"]
    assert info["ship_done_time"] > 0 and info["deliver_method"] == 0
    parcel = info["delivery_product_info"][0]
    assert parcel["waybill_id"] and parcel["delivery_id"] and parcel["delivery_time"] > 0
    assert parcel["deliver_type"] == 1 and parcel["product_infos"][0]["product_cnt"] >= 1
    assert set(detail["ext_info"]) >= {"customer_notes", "merchant_notes"}
    assert order["aftersale_detail"] == {"on_aftersale_order_cnt": 0, "aftersale_order_list": []}


def test_get_accepts_numeric_ids_and_reports_unknown(sb):
    rec = sb.orders_in(20)[0]
    assert sb.ok(GET, {"order_id": int(rec["order_id"])})["order"]["order_id"] == rec["order_id"]
    assert sb.call(GET, {"order_id": "3700000000000000000"})["errcode"] == 100002
    assert sb.call(GET, {})["errcode"] == 40097
    assert sb.call(GET, {"order_id": ["x"]})["errcode"] == 47001
    assert sb.call(GET, {"order_id": rec["order_id"], "encode_sensitive_info": 1})["errcode"] == 47001
    assert sb.ok(GET, {"order_id": rec["order_id"], "encode_sensitive_info": True})


def test_unpaid_order_has_no_payment(sb):
    order = sb.order(sb.orders_in(10)[0]["order_id"])
    assert order["status"] == 10 and "pay_time" not in order["order_detail"]["pay_info"]
    assert order["order_detail"]["delivery_info"]["delivery_product_info"] == []


def _search(sb, cond, **extra):
    body = {"search_condition": cond, "page_size": 100, "next_key": "", **extra}
    ids, key = [], ""
    while True:
        reply = sb.ok(SEARCH, {**body, "next_key": key})
        ids += reply["orders"]
        key = reply["next_key"]
        if not reply["has_more"]:
            return ids


def test_search_by_each_condition(sb):
    rec = sb.orders_in(20)[0]
    real = rec["real_address"]
    title = rec["lines"][0]["snap"]["title"]
    assert _search(sb, {"order_id": rec["order_id"]}) == [rec["order_id"]]
    by_title = _search(sb, {"title": title[2:8]})
    assert rec["order_id"] in by_title
    assert all(any(title[2:8] in ln["snap"]["title"] for ln in sb.shop.orders[o]["lines"])
               for o in by_title)
    assert rec["order_id"] in _search(sb, {"user_name": real["user_name"]})
    assert rec["order_id"] in _search(sb, {"tel_number_last4": real["tel_number"][-4:]})
    sku_code = rec["lines"][0]["snap"]["sku_code"]
    assert rec["order_id"] in _search(sb, {"sku_code": sku_code})
    gift = sb.orders_in(12)[0]
    pid = gift["present"]["present_order_id_str"]
    assert _search(sb, {"present_order_id": pid}) == [
        o for o in sorted(sb.shop.orders, key=lambda o: (sb.shop.orders[o]["create_time"], o),
                          reverse=True)
        if (sb.shop.orders[o]["present"] or {}).get("present_order_id_str") == pid]
    noted = next(r for r in sb.shop.orders.values() if r["customer_notes"])
    assert noted["order_id"] in _search(sb, {"customer_notes": noted["customer_notes"]})
    assert _search(sb, {"user_name": "不存在的人名字"}) == []


def test_search_status_filter_and_paging(sb):
    cond = {"tel_number_last4": ""}  # empty alone is no condition
    assert sb.call(SEARCH, {"search_condition": cond, "page_size": 10})["errcode"] == 40097
    assert sb.call(SEARCH, {"search_condition": {}, "page_size": 10})["errcode"] == 40097
    assert sb.call(SEARCH, {"page_size": 10})["errcode"] == 40097
    assert sb.call(SEARCH, {"search_condition": {"title": "T"}})["errcode"] == 40097
    assert sb.call(SEARCH, {"search_condition": {"title": "T"}, "page_size": 101})["errcode"] == 40097
    assert sb.call(SEARCH, {"search_condition": "T", "page_size": 10})["errcode"] == 47001
    assert sb.call(SEARCH, {"search_condition": {"address_under_review": "yes"},
                            "page_size": 10})["errcode"] == 47001
    word = sb.orders_in(100)[0]["lines"][0]["snap"]["title"][:2]
    everything = _search(sb, {"title": word})
    paged, key = [], ""
    while True:
        reply = sb.ok(SEARCH, {"search_condition": {"title": word}, "page_size": 3, "next_key": key})
        assert len(reply["orders"]) <= 3
        paged += reply["orders"]
        key = reply["next_key"]
        if not reply["has_more"]:
            break
    assert paged == everything and len(everything) > 3
    shipped = _search(sb, {"title": word}, status=30)
    assert shipped and all(sb.shop.orders[o]["status"] in (30, 21) for o in shipped)


def test_merchant_notes_update(sb):
    rec = sb.orders_in(20)[1]
    sb.ok("/channels/ec/order/merchantnotes/update",
          {"order_id": rec["order_id"], "merchant_notes": "优先发货 🚚"})
    assert sb.order(rec["order_id"])["order_detail"]["ext_info"]["merchant_notes"] == "优先发货 🚚"
    assert sb.log_ops("/channels/ec/order/merchantnotes/update")[-1]["order_id"] == rec["order_id"]
    path = "/channels/ec/order/merchantnotes/update"
    assert sb.call(path, {"order_id": "3711111111111111111", "merchant_notes": "x"})["errcode"] == 100002
    assert sb.call(path, {"order_id": rec["order_id"], "merchant_notes": 5})["errcode"] == 47001
    assert sb.call(path, {"order_id": rec["order_id"]})["errcode"] == 40097


def test_decode_returns_the_real_address_within_the_daily_quota(sb):
    path = "/channels/ec/order/sensitiveinfo/decode"
    rec = sb.orders_in(20)[0]
    sb.shop.config.decode_quota_per_day = 2
    try:
        sb.advance(86400)  # a fresh quota day
        first = sb.ok(path, {"order_id": rec["order_id"]})["address_info"]
        real = rec["real_address"]
        assert first["user_name"] == real["user_name"] and first["tel_number"] == real["tel_number"]
        assert first["detail_info"] == real["detail_info"] and "*" not in first["detail_info"]
        assert sb.call(path, {"order_id": "3711111111111111111"})["errcode"] == 100002
        gift = next(r for r in sb.shop.orders.values() if r["present"] and not r["real_address"])
        assert sb.call(path, {"order_id": gift["order_id"]})["errcode"] == 40097
        sb.ok(path, {"order_id": rec["order_id"]})
        assert sb.call(path, {"order_id": rec["order_id"]})["errcode"] == 45009
        sb.advance(86400)
        sb.ok(path, {"order_id": rec["order_id"]})
    finally:
        sb.shop.config.decode_quota_per_day = 30
