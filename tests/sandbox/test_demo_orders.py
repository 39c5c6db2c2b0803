"""The seeded demo orders: every status, realistic content, deterministic, survive a save and
load, and (slow) a 50,000-order shop pages by 7-day windows with every id exactly once."""

from __future__ import annotations

import json
import time

import pytest

from seller_desktop.sandbox import demo_orders
from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.persistence import load_shop, save_shop
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.sandbox.state import Clock

from .test_orders_support import OrdersSandbox

DAY = 86400


class FixedClock(Clock):
    def now(self) -> int:
        return 1_780_000_000 + self.offset


def test_tiny_demo_still_has_every_status():
    shop = build_demo_shop(seed=2, products=10, orders=7, gift_orders=3)
    assert {r["status"] for r in shop.orders.values()} >= {10, 12, 20, 21, 30, 100, 200, 250}


def test_generation_is_deterministic_from_the_seed():
    def orders(seed):
        shop = build_demo_shop(seed=seed, products=20, orders=0, gift_orders=0)
        shop.clock = FixedClock()
        demo_orders.generate(shop, orders=300, gift_orders=8)
        return json.dumps(shop.orders, sort_keys=True, ensure_ascii=False)

    assert orders(4) == orders(4)
    assert orders(4) != orders(5)


def test_demo_content_is_realistic():
    shop = build_demo_shop(seed=8, products=40, orders=3000, gift_orders=12)
    now = shop.clock.now()
    recs = list(shop.orders.values())
    assert len(recs) == 3012
    provinces = set()
    for r in recs:
        assert now - 90 * DAY <= r["create_time"] <= r["update_time"] <= now
        assert 1 <= len(r["lines"]) <= 3
        for ln in r["lines"]:
            prod = shop.products[ln["product_id"]]
            assert prod["status"] == 5
            sku = next(s for s in prod["product"]["skus"] if s["sku_id"] == ln["sku_id"])
            assert ln["sale_price"] == sku["sale_price"] and ln["snap"]["sku_attrs"] == sku["sku_attrs"]
            assert 0 < ln["real_price"] <= ln["sale_price"] * ln["sku_cnt"]
        real = r["real_address"]
        if real is not None:
            provinces.add(real["province_name"])
            assert real["user_name"][0] in demo_orders.SURNAMES and 2 <= len(real["user_name"]) <= 3
            assert len(real["tel_number"]) == 11 and real["tel_number"].isdigit()
        if r["status"] in (21, 30, 100):
            assert r["parcels"] and all(p["waybill_id"] and p["delivery_time"] >= r["pay_time"]
                                        for p in r["parcels"])
        if r["status"] in (30, 100):
            assert r["ship_done_time"] >= r["pay_time"] > 0
        if r["status"] in (10, 20):
            assert not r["parcels"]
    assert len(provinces) >= 20
    waiting = [r for r in recs if r["status"] == 20 and not r["present"]]
    assert any(r["lines"][0]["delivery_deadline"] < now for r in waiting)  # overdue ones
    assert any(r["lines"][0]["delivery_deadline"] > now for r in waiting)
    assert 0.05 < sum(1 for r in recs if r["customer_notes"]) / len(recs) < 0.2
    assert 0.02 < sum(1 for r in recs if r["merchant_notes"]) / len(recs) < 0.1
    assert len({r["openid"] for r in recs}) > 300  # many buyers, some repeat
    gifts = [r for r in recs if r["present"]]
    assert len(gifts) == 12 and {r["status"] for r in gifts} == {12, 20, 250}
    switched = [ln for r in gifts for ln in r["lines"] if ln.get("accept_change_sku_info")]
    assert len(switched) == 1 and switched[0]["sku_id"] == switched[0]["accept_change_sku_info"]["new_sku_id"]


def test_state_survives_save_and_load(tmp_path):
    with OrdersSandbox(seed=6, products=15, orders=200, gift_orders=6) as sb:
        rec = sb.orders_in(20)[0]
        sb.ok("/channels/ec/order/merchantnotes/update",
              {"order_id": rec["order_id"], "merchant_notes": "保存前"})
        now = sb.shop.clock.now()
        body = {"create_time_range": {"start_time": now - 7 * DAY + 1, "end_time": now + 1},
                "page_size": 100}
        listed = sb.ok("/channels/ec/order/list/get", body)["order_id_list"]
        wire = sb.order(rec["order_id"])
        path = tmp_path / "state.json"
        save_shop(sb.shop, path)
    with OrdersSandbox(server=SandboxServer(load_shop(path))) as sb2:
        assert sb2.ok("/channels/ec/order/list/get", body)["order_id_list"] == listed
        again = sb2.order(rec["order_id"])
        assert again == wire and again["order_detail"]["ext_info"]["merchant_notes"] == "保存前"


@pytest.mark.slow
def test_50000_orders_page_by_week_with_every_id_once():
    start = time.perf_counter()
    with OrdersSandbox(seed=1, products=2000, orders=50_000, gift_orders=12) as sb:
        built = time.perf_counter() - start
        assert built < 15, f"demo build took {built:.1f} s"
        now = sb.shop.clock.now() + 1
        seen: list[str] = []
        calls = 0
        for week in range(14):  # 98 days back covers the 90 days of history
            rng = {"start_time": now - (week + 1) * 7 * DAY, "end_time": now - week * 7 * DAY}
            key = ""
            while True:
                reply = sb.ok("/channels/ec/order/list/get",
                              {"create_time_range": rng, "page_size": 100, "next_key": key})
                calls += 1
                assert len(reply["order_id_list"]) <= 100
                seen += reply["order_id_list"]
                key = reply["next_key"]
                if not reply["has_more"]:
                    break
        assert len(seen) == len(set(seen)) == len(sb.shop.orders) == 50_012
        assert calls < 600
