"""stock/get and stock/update (auth-products.md §8.10, §8.11)."""

from __future__ import annotations

from .helpers import err, ok
from .product_helpers import add, get, listed, product_body

P = "/channels/ec/product/"


def _stock(url, token, pid, sku_id):
    data = ok(url, P + "stock/get", {"product_id": pid, "sku_id": sku_id}, token=token)["data"]
    assert data["total_stock_num"] == (data["normal_stock_num"]
                                       + data["limited_discount_stock_num"]
                                       + sum(w["num"] for w in data["warehouse_stocks"]))
    return data["normal_stock_num"]


def _update(url, token, pid, sku_id, diff_type, num):
    return {"product_id": pid, "sku_id": sku_id, "diff_type": diff_type, "num": num}


def test_stock_get_and_update_all_diff_types(sb_url, token):
    pid = listed(sb_url, token)
    sku_id = get(sb_url, token, pid)["product"]["skus"][0]["sku_id"]
    assert _stock(sb_url, token, pid, sku_id) == 20
    for diff_type, num, expected in ((1, 5, 25), (2, 7, 18), (3, 100, 100), (2, 100, 0)):
        ok(sb_url, P + "stock/update", _update(sb_url, token, pid, sku_id, diff_type, num),
           token=token)
        assert _stock(sb_url, token, pid, sku_id) == expected
        both = get(sb_url, token, pid)
        assert both["product"]["skus"][0]["stock_num"] == expected
        assert both["edit_product"]["skus"][0]["stock_num"] == expected


def test_stock_update_errors(sb_url, token):
    pid = listed(sb_url, token)
    sku_id = get(sb_url, token, pid)["product"]["skus"][0]["sku_id"]
    upd = P + "stock/update"
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 1, 0), token=token) == 10020218
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 3, 20), token=token) == 10020218
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 2, 21), token=token) == 10020219
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 4, 1), token=token) == 10020051
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 0, 1), token=token) == 10020051
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 1, -1), token=token) == 10020051
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 3, -5), token=token) == 10020051
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 3, 10_000_001),
               token=token) == 10020051
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 1, 9_999_981),
               token=token) == 10020051
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, "1", 1), token=token) == 47001
    assert err(sb_url, upd, _update(sb_url, token, "1", sku_id, 1, 1), token=token) == 10020052
    assert err(sb_url, upd, _update(sb_url, token, pid, "1", 1, 1), token=token) == 10020052
    assert _stock(sb_url, token, pid, sku_id) == 20
    never = add(sb_url, token)
    never_sku = get(sb_url, token, never)["edit_product"]["skus"][0]["sku_id"]
    code = err(sb_url, upd, _update(sb_url, token, never, never_sku, 1, 1), token=token)
    assert code in (10020289, 10020052)
    draft = get(sb_url, token, pid)["edit_product"]
    ok(sb_url, P + "update", product_body(product_id=pid, skus=draft["skus"], listing=1),
       token=token)
    assert err(sb_url, upd, _update(sb_url, token, pid, sku_id, 1, 1), token=token) == 10020217


def test_stock_ids_accepted_as_numbers(sb_url, token):
    pid = listed(sb_url, token)
    sku_id = get(sb_url, token, pid)["product"]["skus"][1]["sku_id"]
    ok(sb_url, P + "stock/update", _update(sb_url, token, int(pid), int(sku_id), 1, 3),
       token=token)
    assert _stock(sb_url, token, int(pid), int(sku_id)) == 8


def test_stock_update_logged_once(shop, sb_url, token):
    pid = listed(sb_url, token)
    sku_id = get(sb_url, token, pid)["product"]["skus"][0]["sku_id"]
    ok(sb_url, P + "stock/update", _update(sb_url, token, pid, sku_id, 1, 4), token=token)
    entries = [e for e in shop.log if e["op"] == P + "stock/update"]
    assert len(entries) == 1
    assert entries[0]["product_id"] == pid and entries[0]["sku_id"] == sku_id
    assert entries[0]["stock_after"] == 24


def test_stock_capped_at_ten_million(sb_url, token):
    # §7.5 stock_num ≤ 10 000 000: the cap itself is accepted, one more is a parameter error
    pid = listed(sb_url, token)
    sku_id = get(sb_url, token, pid)["product"]["skus"][0]["sku_id"]
    ok(sb_url, P + "stock/update", _update(sb_url, token, pid, sku_id, 3, 10_000_000),
       token=token)
    assert _stock(sb_url, token, pid, sku_id) == 10_000_000
    assert err(sb_url, P + "stock/update", _update(sb_url, token, pid, sku_id, 1, 1),
               token=token) == 10020051
    assert _stock(sb_url, token, pid, sku_id) == 10_000_000


def test_stock_update_on_a_deleted_product_is_not_found(sb_url, token):
    pid = listed(sb_url, token)
    sku_id = get(sb_url, token, pid)["product"]["skus"][0]["sku_id"]
    ok(sb_url, P + "delete", {"product_id": pid}, token=token)
    assert err(sb_url, P + "stock/update", _update(sb_url, token, pid, sku_id, 1, 1),
               token=token) == 10020052
