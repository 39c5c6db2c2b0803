"""The demo catalogue: deterministic from the seed, valid by the product rules, a status mix."""

from __future__ import annotations

import time
from collections import Counter

from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.product_validate import validate_product


def _content(shop):
    return [(pid, r["status"], r["edit_status"], r["edit_product"]["title"],
             [(s["sku_id"], s["sale_price"], s["stock_num"], s["sku_attrs"])
              for s in r["edit_product"]["skus"]])
            for pid, r in sorted(shop.products.items())]


def test_demo_is_deterministic_from_the_seed():
    a = build_demo_shop(seed=3, products=40, orders=0, gift_orders=0)
    b = build_demo_shop(seed=3, products=40, orders=0, gift_orders=0)
    c = build_demo_shop(seed=4, products=40, orders=0, gift_orders=0)
    assert _content(a) == _content(b)
    assert _content(a) != _content(c)
    assert a.info["nickname"] and a.images.keys() == b.images.keys()


def test_demo_products_are_valid_and_mixed():
    started = time.monotonic()
    shop = build_demo_shop(seed=1, products=2000, orders=0, gift_orders=0)
    elapsed = time.monotonic() - started
    assert elapsed < 10, elapsed
    statuses = Counter(r["status"] for r in shop.products.values())
    edits = Counter(r["edit_status"] for r in shop.products.values())
    assert statuses[5] > 1000 and statuses[11] > 50 and statuses[0] > 50
    assert edits[2] > 10 and edits[4] > 1000
    for rec in shop.products.values():
        # every rule a write must pass, listing included (category, freight template, images)
        validate_product(rec["edit_product"], shop, listing=True)
        assert (rec["product"] is None) == (rec["status"] == 0)
        if rec["product"] is not None:
            validate_product(rec["product"], shop, listing=True)
        for copy_ in (rec["edit_product"], rec["product"]):
            if copy_ is None:
                continue
            assert copy_["status"] == rec["status"] and copy_["edit_status"] == rec["edit_status"]
            assert copy_["min_price"] == min(s["sale_price"] for s in copy_["skus"])
            for link in copy_["head_imgs"]:
                assert link.rsplit("/", 1)[1] in shop.images
    titles = {r["edit_product"]["title"] for r in shop.products.values()}
    assert any("T恤" in t for t in titles) and any("咖啡" in t for t in titles)
