"""Product list and get (auth-products.md §8.1, §8.2)."""

from __future__ import annotations

from .helpers import control, err, ok
from .product_helpers import add, get

LIST = "/channels/ec/product/list/get"


def _all_pages(url, token, page_size, **filters):
    ids, key, pages = [], None, 0
    while True:
        body = {"page_size": page_size, **filters}
        if key:
            body["next_key"] = key
        reply = ok(url, LIST, body, token=token)
        pages += 1
        assert len(reply["product_ids"]) <= page_size
        ids += reply["product_ids"]
        key = reply["next_key"]
        assert isinstance(reply["total_num"], int)
        if not key:
            assert len(reply["product_ids"]) < page_size
            return ids, reply["total_num"], pages
        assert pages < 100


def test_list_default_filter_and_pagination(sb_url, token):
    state = control(sb_url, "/sandbox/state", method="GET")["state"]
    expected = {pid for pid, rec in state["products"].items() if rec["status"] not in (0, 6, 9)}
    ids, total, pages = _all_pages(sb_url, token, 7)
    assert len(ids) == len(set(ids))
    assert set(ids) == expected
    assert total == len(expected)
    assert pages >= 2


def test_list_status_filter(sb_url, token):
    state = control(sb_url, "/sandbox/state", method="GET")["state"]
    for status in (0, 5, 11):
        expected = {pid for pid, rec in state["products"].items() if rec["status"] == status}
        ids, total, _ = _all_pages(sb_url, token, 30, status=status)
        assert set(ids) == expected and total == len(expected)


def test_list_page_size_limits(sb_url, token):
    assert len(ok(sb_url, LIST, {"page_size": 30}, token=token)["product_ids"]) <= 30
    assert err(sb_url, LIST, {"page_size": 31}, token=token) != 0
    assert err(sb_url, LIST, {"page_size": 0}, token=token) != 0
    assert err(sb_url, LIST, {"page_size": 5, "next_key": "garbage!"}, token=token) != 0


def test_full_last_page_is_followed_by_an_empty_one(sb_url, token):
    total = ok(sb_url, LIST, {"page_size": 1}, token=token)["total_num"]
    assert 0 < total <= 30
    first = ok(sb_url, LIST, {"page_size": total}, token=token)
    assert len(first["product_ids"]) == total and first["next_key"]
    last = ok(sb_url, LIST, {"page_size": 10, "next_key": first["next_key"]}, token=token)
    assert last["product_ids"] == [] and last["next_key"] == ""


def test_get_data_type_presence(sb_url, token):
    pid = ok(sb_url, LIST, {"page_size": 1, "status": 5}, token=token)["product_ids"][0]
    one = get(sb_url, token, pid, 1)
    assert "product" in one and "edit_product" not in one
    two = get(sb_url, token, pid, 2)
    assert "edit_product" in two and "product" not in two
    both = get(sb_url, token, pid, 3)
    assert "edit_product" in both and "product" in both
    p = both["product"]
    assert p["product_id"] == pid and p["status"] == 5
    for s in p["skus"]:
        assert isinstance(s["sku_id"], str)
        assert isinstance(s["sale_price"], int) and s["sale_price"] > 0
        assert isinstance(s["stock_num"], int)
        assert all(set(a) == {"attr_key", "attr_value"} for a in s["sku_attrs"])
    assert p["min_price"] == min(s["sale_price"] for s in p["skus"])
    assert isinstance(both["edit_product"]["edit_time"], int)
    assert err(sb_url, "/channels/ec/product/get", {"product_id": pid, "data_type": 4},
               token=token) != 0


def test_get_never_listed(sb_url, token):
    pid = add(sb_url, token)
    assert "product" not in get(sb_url, token, pid, 1)
    both = get(sb_url, token, pid, 3)
    assert "product" not in both and both["edit_product"]["product_id"] == pid
    assert both["edit_product"]["status"] == 0 and both["edit_product"]["edit_status"] == 1


def test_get_unknown_product(sb_url, token):
    assert err(sb_url, "/channels/ec/product/get", {"product_id": "123"}, token=token) == 10020052
