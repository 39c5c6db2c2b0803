"""Product add/update/listing/delisting/audit cancel/delete and their errors (§8.3–§8.9, §9)."""

from __future__ import annotations

import re

import pytest

from .helpers import control, err, ok
from .product_helpers import IMG, add, advance, get, listed, product_body, sku

P = "/channels/ec/product/"
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def test_add_creates_a_draft(sb_url, token):
    reply = ok(sb_url, P + "add", product_body(), token=token)
    data = reply["data"]
    assert isinstance(data["product_id"], str) and TIME_RE.match(data["create_time"])
    got = get(sb_url, token, data["product_id"])
    draft = got["edit_product"]
    assert "product" not in got
    assert draft["status"] == 0 and draft["edit_status"] == 1
    assert draft["title"] == "纯棉圆领短袖T恤 夏季新款"
    assert [s["sale_price"] for s in draft["skus"]] == [5990, 6990]
    assert all(isinstance(s["sku_id"], str) and s["sku_id"] for s in draft["skus"])
    assert draft["min_price"] == 5990
    listed_ids = ok(sb_url, P + "list/get", {"page_size": 30}, token=token)["product_ids"]
    assert data["product_id"] not in listed_ids  # never listed: hidden by default
    drafts = ok(sb_url, P + "list/get", {"page_size": 30, "status": 0}, token=token)
    assert data["product_id"] in drafts["product_ids"]


@pytest.mark.parametrize("change, code", [
    ({"title": ""}, 10020020),
    ({"title": "长" * 61}, 10020021),
    ({"title": "短标题"}, 10020042),
    ({"skus": []}, 10020013),
    ({"skus": [sku(colour=f"c{i}") for i in range(501)]}, 10020013),
    ({"skus": [sku(price=0)]}, 10020039),
    ({"skus": [sku(price=1_000_000_001)]}, 10020028),
    ({"skus": [sku(price=5000, market_price=5000)]}, 10020040),
    ({"skus": [sku(price=5000, market_price=4000)]}, 10020040),
    ({"head_imgs": [IMG + "h1", IMG + "h2", "https://example.com/a.jpg"]}, 10020035),
    ({"skus": [sku(thumb_img="http://mmecimage.cn/p/x/y")]}, 10020035),
    ({"desc_info": {"imgs": ["https://img.example/x.png"], "desc": ""}}, 10020035),
    ({"skus": [sku(sku_code="x" * 101)]}, 10020029),
    ({"skus": [sku(sku_attrs=[{"attr_key": "k" * 41, "attr_value": "v"}])]}, 10020032),
    ({"skus": [sku(sku_attrs=[{"attr_key": "颜色", "attr_value": "v" * 200}])]}, 10020033),
    ({"skus": [sku(sale_price="5990")]}, 47001),
    ({"title": 12345}, 47001),
    ({"skus": "nope"}, 47001),
])
def test_add_validation(sb_url, token, change, code):
    body = product_body()
    body.update(change)
    assert err(sb_url, P + "add", body, token=token) == code


def test_add_edge_values_pass(sb_url, token):
    body = product_body(title="五个字标题", skus=[sku(price=1_000_000_000, market_price=0),
                                                sku(price=1, colour="蓝", sku_code="x" * 100)])
    add(sb_url, token, body)
    add(sb_url, token, product_body(title="长" * 60))


def test_update_overwrites_the_draft(sb_url, token):
    pid = add(sb_url, token)
    before = get(sb_url, token, pid)["edit_product"]
    keep, drop = before["skus"]
    changed = dict(keep, sale_price=7990, market_price=9990)
    body = product_body(title="纯棉圆领短袖T恤 升级款", skus=[changed, sku(3990, 7, "绿色")],
                        product_id=pid)
    reply = ok(sb_url, P + "update", body, token=token)
    assert reply["data"]["product_id"] == pid and TIME_RE.match(reply["data"]["update_time"])
    after = get(sb_url, token, pid)["edit_product"]
    ids = [s["sku_id"] for s in after["skus"]]
    assert ids[0] == keep["sku_id"] and drop["sku_id"] not in ids
    assert ids[1] not in (keep["sku_id"], drop["sku_id"]) and ids[1]
    assert [s["sale_price"] for s in after["skus"]] == [7990, 3990]
    assert after["title"] == "纯棉圆领短袖T恤 升级款"
    assert after["edit_time"] > before["edit_time"]
    assert after["min_price"] == 3990


def test_update_errors(sb_url, token):
    assert err(sb_url, P + "update", product_body(product_id="999"), token=token) == 10020052
    pid = add(sb_url, token)
    bad_sku = sku(sku_id="424242")
    assert err(sb_url, P + "update", product_body(product_id=pid, skus=[bad_sku]),
               token=token) != 0
    assert err(sb_url, P + "update", product_body(product_id=pid, title="x"),
               token=token) == 10020042
    ok(sb_url, P + "listing", {"product_id": pid}, token=token)
    assert err(sb_url, P + "update", product_body(product_id=pid), token=token) == 10020049


def test_listing_review_passes_with_the_clock(sb_url, token):
    pid = add(sb_url, token)
    ok(sb_url, P + "listing", {"product_id": pid}, token=token)
    got = get(sb_url, token, pid)
    assert got["edit_product"]["edit_status"] == 2 and "product" not in got
    assert err(sb_url, P + "listing", {"product_id": pid}, token=token) != 0
    advance(sb_url, 600)
    got = get(sb_url, token, pid)
    assert got["product"]["status"] == 5 and got["edit_product"]["edit_status"] == 4
    assert got["product"]["skus"] == got["edit_product"]["skus"]
    assert got["product"]["title"] == got["edit_product"]["title"]
    assert pid in ok(sb_url, P + "list/get", {"page_size": 30, "status": 5},
                     token=token)["product_ids"]


def test_edit_of_an_online_product_goes_live_only_after_review(sb_url, token):
    pid = listed(sb_url, token)
    draft = get(sb_url, token, pid)["edit_product"]
    body = product_body(title="纯棉圆领短袖T恤 第二版", skus=draft["skus"], product_id=pid)
    ok(sb_url, P + "update", body, token=token)
    got = get(sb_url, token, pid)
    assert got["product"]["title"] == "纯棉圆领短袖T恤 夏季新款"
    assert got["edit_product"]["title"] == "纯棉圆领短袖T恤 第二版"
    assert got["product"]["status"] == 5 and got["edit_product"]["edit_status"] == 1
    ok(sb_url, P + "listing", {"product_id": pid}, token=token)
    advance(sb_url, 600)
    assert get(sb_url, token, pid)["product"]["title"] == "纯棉圆领短袖T恤 第二版"


def test_review_can_fail(sb_url, token):
    control(sb_url, "/sandbox/config", {"review_passes": False})
    pid = add(sb_url, token, listing=1)
    assert get(sb_url, token, pid)["edit_product"]["edit_status"] == 2
    advance(sb_url, 600)
    got = get(sb_url, token, pid)
    assert got["edit_product"]["edit_status"] == 3 and "product" not in got


def test_many_skus_go_through_edit_status_7(sb_url, token):
    control(sb_url, "/sandbox/config", {"async_write_delay": 30})
    skus = [sku(colour=f"色{i}") for i in range(26)]
    pid = add(sb_url, token, product_body(skus=skus))
    ok(sb_url, P + "listing", {"product_id": pid}, token=token)
    assert get(sb_url, token, pid)["edit_product"]["edit_status"] == 7
    assert err(sb_url, P + "listing", {"product_id": pid}, token=token) == 10020067
    advance(sb_url, 30)
    assert get(sb_url, token, pid)["edit_product"]["edit_status"] == 2
    advance(sb_url, 600)
    got = get(sb_url, token, pid)
    assert got["product"]["status"] == 5 and got["edit_product"]["edit_status"] == 4
    assert len(got["product"]["skus"]) == 26


def test_few_skus_skip_edit_status_7(sb_url, token):
    skus = [sku(colour=f"色{i}") for i in range(25)]
    pid = add(sb_url, token, product_body(skus=skus), listing=1)
    assert get(sb_url, token, pid)["edit_product"]["edit_status"] == 2


def test_audit_cancel(sb_url, token):
    pid = add(sb_url, token, listing=1)
    ok(sb_url, P + "audit/cancel", {"product_id": pid}, token=token)
    assert get(sb_url, token, pid)["edit_product"]["edit_status"] == 1
    advance(sb_url, 600)
    assert "product" not in get(sb_url, token, pid)
    assert err(sb_url, P + "audit/cancel", {"product_id": pid}, token=token) != 0


def test_delisting(sb_url, token):
    pid = listed(sb_url, token)
    ok(sb_url, P + "delisting", {"product_id": pid}, token=token)
    assert get(sb_url, token, pid)["product"]["status"] == 11
    assert err(sb_url, P + "delisting", {"product_id": pid}, token=token) == 10020065
    never = add(sb_url, token)
    assert err(sb_url, P + "delisting", {"product_id": never}, token=token) == 10020065
    assert err(sb_url, P + "delisting", {"product_id": "1"}, token=token) == 10020052


def test_delete(sb_url, token):
    pid = listed(sb_url, token)
    ok(sb_url, P + "delete", {"product_id": pid}, token=token)
    assert pid not in ok(sb_url, P + "list/get", {"page_size": 30},
                         token=token)["product_ids"]
    assert pid in ok(sb_url, P + "list/get", {"page_size": 30, "status": 6},
                     token=token)["product_ids"]
    reviewing = add(sb_url, token, listing=1)
    assert err(sb_url, P + "delete", {"product_id": reviewing}, token=token) == 10020049
    assert err(sb_url, P + "delete", {"product_id": "1"}, token=token) == 10020052


def test_add_update_hourly_quota(sb_url, token):
    control(sb_url, "/sandbox/config", {"add_update_quota_per_hour": 2})
    pid = add(sb_url, token)
    ok(sb_url, P + "update", product_body(product_id=pid), token=token)
    assert err(sb_url, P + "add", product_body(), token=token) == 10020066
    assert err(sb_url, P + "update", product_body(product_id=pid), token=token) == 10020066
    advance(sb_url, 3601)
    add(sb_url, token)


def test_images_must_be_mmecimage_links(sb_url, token):
    body = product_body(head_imgs=[IMG + "a", IMG + "b", "https://mmecimage.cn/x/b"])
    assert err(sb_url, P + "add", body, token=token) == 10020035


def test_write_log_records_each_write_once(shop, sb_url, token):
    start = len(shop.log)
    pid = add(sb_url, token)
    ok(sb_url, P + "listing", {"product_id": pid}, token=token)
    ops = [e["op"] for e in shop.log[start:]]
    assert ops == [P + "add", P + "listing"]
    assert all(e["product_id"] == pid for e in shop.log[start:])
