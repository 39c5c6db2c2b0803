"""The shop's merchant addresses (aftersale.md §2.1): list, get, add, update, delete; one default
return address at a time; the return address a seller's accept may name."""

from __future__ import annotations

import pytest

from .aftersale_support import AS, AftersaleSandbox

ADDR = "/channels/ec/merchant/address/"
INFO = {"user_name": "退货仓 王", "province_name": "浙江省", "city_name": "杭州市",
        "county_name": "余杭区", "detail_info": "五常大道1号", "tel_number": "13800000000"}


@pytest.fixture
def sb():
    with AftersaleSandbox(seed=15, products=10, orders=10, gift_orders=0) as sandbox:
        yield sandbox


def _details(sb):
    ids = sb.ok(ADDR + "list", {"offset": 0, "limit": 100})["address_id_list"]
    return {a: sb.ok(ADDR + "get", {"address_id": a})["address_detail"] for a in ids}


def test_demo_addresses(sb):
    details = _details(sb)
    assert len(details) == 3
    assert sum(d["default_recv"] for d in details.values()) == 1
    assert sum(d["default_send"] for d in details.values()) == 1
    assert all(isinstance(a, str) and d["address_id"] == a for a, d in details.items())
    some = next(iter(details.values()))
    assert set(some["address_info"]) >= {"user_name", "province_name", "city_name",
                                         "county_name", "detail_info", "tel_number"}
    assert set(some["address_type"]) == {"same_city", "pickup"}
    page = sb.ok(ADDR + "list", {"offset": 1, "limit": 1})
    assert len(page["address_id_list"]) == 1 and page["total_num"] == 3


def test_add_update_delete_and_the_default(sb):
    old_default = next(a for a, d in _details(sb).items() if d["default_recv"])
    aid = sb.ok(ADDR + "add", {"address_detail": {"address_info": INFO, "recv_addr": True,
                                                  "default_recv": True}})["address_id"]
    details = _details(sb)
    assert details[aid]["default_recv"] == 1 and details[aid]["recv_addr"] == 1
    assert details[old_default]["default_recv"] == 0
    # an unanswered return is now accepted with the new default
    oid = sb.shipped_order()
    cid = sb.open(oid, type="RETURN")["after_sale_order_id"]
    sb.advance(48 * 3600)
    assert sb.shop.aftersales[cid]["_address_id"] == aid
    sb.ok(ADDR + "update", {"address_detail": {"address_id": aid,
                                               "address_info": {**INFO, "detail_info": "五常大道2号"},
                                               "send_addr": 1}})
    updated = sb.ok(ADDR + "get", {"address_id": aid})["address_detail"]
    assert updated["address_info"]["detail_info"] == "五常大道2号"
    assert updated["recv_addr"] == 0 and updated["send_addr"] == 1
    oid2 = sb.shipped_order()
    cid2 = sb.open(oid2, type="RETURN")["after_sale_order_id"]
    accept = {"after_sale_order_id": cid2, "accept_type": 1, "address_id": aid}
    assert sb.errcode(AS + "acceptapply", accept) == 10021062  # no longer a return address
    sb.ok(ADDR + "delete", {"address_id": aid})
    assert sb.errcode(ADDR + "get", {"address_id": aid}) == 40097
    assert aid not in _details(sb)


def test_address_errors(sb):
    assert sb.errcode(ADDR + "list", {"offset": 0}) == 40097
    assert sb.errcode(ADDR + "list", {"offset": 0, "limit": 0}) == 40097
    assert sb.errcode(ADDR + "add", {}) == 40097
    assert sb.errcode(ADDR + "add", {"address_detail": {"address_info": INFO}}) == 40097
    no_name = {k: v for k, v in INFO.items() if k != "user_name"}
    assert sb.errcode(ADDR + "add", {"address_detail": {"address_info": no_name,
                                                        "recv_addr": 1}}) == 40097
    assert sb.errcode(ADDR + "add", {"address_detail": {"address_info": {**INFO, "tel_number": 1},
                                                        "recv_addr": 1}}) == 47001
    assert sb.errcode(ADDR + "delete", {"address_id": "42"}) == 40097
