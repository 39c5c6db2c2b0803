"""After-sales around the edges: the demo shop's mix (deterministic and consistent with its
orders), the order-side search filter, state files, fault injection on the new endpoints, the
CLI flags, and (slow) 5,000 cases over 90 days answering their 24-hour windows fast."""

from __future__ import annotations

import json
import time
import urllib.error

import pytest

from seller_desktop.sandbox import aftersale_data, demo_aftersale, demo_orders
from seller_desktop.sandbox.cli import main
from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.persistence import load_shop, save_shop
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.sandbox.state import Clock

from .aftersale_support import AS, AftersaleSandbox
from .helpers import control

DAY = 86400


class FixedClock(Clock):
    def now(self) -> int:
        return 1_780_000_000 + self.offset


def _consistent(shop):
    """Every case agrees with its order, and nothing is dated in the future."""
    now = shop.clock.now()
    for case in shop.aftersales.values():
        order = shop.orders[case["order_id"]]
        assert case["create_time"] <= case["update_time"] <= now <= (case["_due"] or now)
        assert case["update_time"] <= order["update_time"] <= now
        assert case["after_sale_order_id"] in order["aftersale"]["ids"]
    for order in shop.orders.values():
        cases = aftersale_data.order_cases(shop, order["order_id"])
        assert (order.get("aftersale") or {"open": 0})["open"] == sum(map(aftersale_data.is_open, cases))
        for i, line in enumerate(order["lines"]):
            mine = [c for c in cases if c["_line"] == i]
            assert line.get("finish_aftersale_sku_cnt", 0) == sum(
                c["product_info"]["count"] for c in mine if c["status"] in aftersale_data.REFUNDED)
        if order["status"] == 200 and cases:
            assert all(ln["finish_aftersale_sku_cnt"] == ln["sku_cnt"] for ln in order["lines"])


def test_demo_shop_has_the_mix_a_seller_meets():
    with AftersaleSandbox(seed=1, products=60, orders=600, gift_orders=8) as sb:
        shop = sb.shop
        _consistent(shop)
        summary = control(sb.url, "/sandbox/aftersale/summary", method="GET")
        assert summary["cases"] == len(shop.aftersales) >= 30
        assert summary["by_who"]["seller"] >= 4 and summary["by_who"]["buyer"] >= 3
        assert summary["by_who"]["-"] >= 5
        assert set(summary["by_status"]) >= {
            "MERCHANT_PROCESSING", "USER_WAIT_RETURN", "MERCHANT_WAIT_RECEIPT",
            "USER_WAIT_CONFIRM_UPDATE", "MERCHANT_REJECT_REFUND", "USER_CANCELD",
            "MERCHANT_REFUND_SUCCESS", "MERCHANT_RETURN_SUCCESS", "MERCHANT_EXCHANGE_SUCCESS"}
        assert {c["type"] for c in shop.aftersales.values()} == {"REFUND", "RETURN", "EXCHANGE"}
        assert summary["address_changes"] == 1 and summary["sku_changes"] == 1
        assert shop.log == []  # the generator's moves are not client writes
        # the seller's side over the API: an urgent case, a held order, the waiting requests
        seller = [c for c in shop.aftersales.values() if c["status"] == "MERCHANT_PROCESSING"]
        deadlines = sorted(sb.case(c["after_sale_order_id"])["deadline"] for c in seller)
        assert deadlines[0] == 2 * 3600 and deadlines[-1] <= 48 * 3600
        held = [c["order_id"] for c in seller if sb.shop.orders[c["order_id"]]["status"] == 20]
        assert held and sb.ship(held[0])["errcode"] == 108009
        open_ids = sb.ok("/channels/ec/order/search", {
            "search_condition": {"order_id": held[0]},
            "on_aftersale_order_exist": 1, "page_size": 10})["orders"]
        assert open_ids == [held[0]]
        assert sb.ok("/channels/ec/order/search", {"search_condition": {"order_id": held[0]},
                                                   "on_aftersale_order_exist": 0,
                                                   "page_size": 10})["orders"] == []
        assert len(sb.ok("/channels/ec/order/preshipmentchangesku/get",
                         {"page": 1, "page_size": 10})["order_ids"]) == 1
        review = sb.ok("/channels/ec/order/search", {
            "search_condition": {"address_under_review": True}, "page_size": 10})["orders"]
        assert len(review) == 1
        now = shop.clock.now()
        listed = []
        for day in range(92):
            listed += sb.ok(AS + "getaftersalelist", {"begin_update_time": now - (day + 1) * DAY + 1,
                                                     "end_update_time": now - day * DAY + 1})[
                "after_sale_order_id_list"]
        assert sorted(listed) == sorted(shop.aftersales)
        # time passes: the platform answers what the seller left, and everything stays consistent
        sb.advance(30 * DAY)
        _consistent(shop)
        assert not any(c["status"] == "MERCHANT_PROCESSING" for c in shop.aftersales.values())


def test_small_shops_get_harmless_cases_first():
    shop = build_demo_shop(seed=7, products=12, orders=60, gift_orders=6)
    statuses = sorted(c["status"] for c in shop.aftersales.values())
    assert statuses == ["MERCHANT_PROCESSING", "MERCHANT_REFUND_SUCCESS", "USER_CANCELD"]
    assert all(shop.orders[c["order_id"]]["status"] != 20 for c in shop.aftersales.values())
    assert build_demo_shop(seed=7, products=12, orders=10, gift_orders=1).aftersales == {}
    assert len(build_demo_shop(seed=7, products=12, orders=10, gift_orders=1,
                               aftersale_cases=1).aftersales) == 1


def test_generation_is_deterministic_from_the_seed():
    def cases(seed):
        shop = build_demo_shop(seed=seed, products=20, orders=0, gift_orders=0)
        shop.clock = FixedClock()  # orders and cases from one clock that does not tick
        demo_orders.generate(shop, orders=400, gift_orders=0)
        demo_aftersale.generate(shop, 40, True)
        assert len(shop.aftersales) >= 40
        return json.dumps([shop.aftersales, shop.orders], sort_keys=True, ensure_ascii=False)

    assert cases(4) == cases(4)
    assert cases(4) != cases(5)


def test_state_file_round_trip_keeps_cases_requests_and_timers(tmp_path):
    path = tmp_path / "state.json"
    with AftersaleSandbox(seed=6, products=15, orders=300, gift_orders=2) as sb:
        oid = sb.shipped_order()
        cid = sb.open(oid, type="RETURN")["after_sale_order_id"]
        pid, sku, twin = sb.twin_sku()
        waiting = sb.new_order(product_id=pid, sku_id=sku)
        sb.control("/sandbox/order/sku_change", {"order_id": waiting, "sku_id": twin})
        sb.advance(3600)
        now = sb.shop.clock.now()
        window = {"begin_update_time": now - DAY + 1, "end_update_time": now + 1}
        listed = sb.ok(AS + "getaftersalelist", window)["after_sale_order_id_list"]
        wire, order = sb.case(cid), sb.order(oid)
        skus = sb.ok("/channels/ec/order/preshipmentchangesku/get", {"page": 1, "page_size": 10})
        addresses = sb.ok("/channels/ec/merchant/address/list", {"offset": 0, "limit": 10})
        with sb.shop.lock:  # saved frozen, so the loaded clock reads the same time
            sb.shop.clock = Clock(frozen_at=sb.shop.clock.now())
        save_shop(sb.shop, path)
    loaded = load_shop(path)
    assert loaded.aftersales and loaded.merchant_addresses
    with AftersaleSandbox(server=SandboxServer(loaded)) as sb2:
        assert sb2.ok(AS + "getaftersalelist", window)["after_sale_order_id_list"] == listed
        assert sb2.case(cid) == wire and sb2.order(oid) == order
        assert sb2.ok("/channels/ec/order/preshipmentchangesku/get",
                      {"page": 1, "page_size": 10}) == skus
        assert sb2.ok("/channels/ec/merchant/address/list", {"offset": 0, "limit": 10}) == addresses
        sb2.control("/sandbox/clock/advance", {"seconds": 2 * DAY})  # the timers were reloaded
        assert sb2.case(cid)["status"] == "USER_WAIT_RETURN"
        line = sb2.order(waiting)["order_detail"]["product_infos"][0]
        assert line["change_sku_info"]["preshipment_change_sku_state"] == 7


def test_faults_hit_the_new_endpoints_by_path():
    with AftersaleSandbox(seed=3, products=15, orders=30, gift_orders=0) as sb:
        cid = sb.open(sb.paid_order())["after_sale_order_id"]
        sb.control("/sandbox/faults", {"seed": 1, "faults": [
            {"path": AS + "acceptapply", "kind": "reset", "phase": "after", "times": 1},
            {"path": "*", "kind": "busy", "times": 1}]})
        with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
            sb.call(AS + "acceptapply", {"after_sale_order_id": cid})
        assert sb.shop.aftersales[cid]["status"] == "MERCHANT_REFUND_SUCCESS"  # applied, reply lost
        assert sb.call(AS + "getaftersaleorder", {"after_sale_order_id": cid})["errcode"] == -1
        assert sb.case(cid)["status"] == "MERCHANT_REFUND_SUCCESS"
        again = sb.call(AS + "acceptapply", {"after_sale_order_id": cid})  # busy then the refusal
        assert again["errcode"] == -1
        assert sb.call(AS + "acceptapply", {"after_sale_order_id": cid})["errcode"] == 10021041
        assert len(sb.log_ops(AS + "acceptapply")) == 1
        history = {h["path"] for h in sb.shop.faults["history"]}
        assert {AS + "acceptapply", AS + "getaftersaleorder"} <= history


def test_cli_flags(capsys):
    assert main(["--aftersale-cases", "-1"]) == 2
    assert "aftersale-cases" in capsys.readouterr().err


@pytest.mark.slow
def test_5000_cases_answer_windows_fast():
    # 20,000 orders keep the test short (the README has the numbers at 50,000)
    shop = build_demo_shop(seed=2, products=200, orders=20_000, gift_orders=20,
                           aftersale_cases=0, buyer_requests=False)
    start = time.perf_counter()
    demo_aftersale.generate(shop, 5_000, True)
    built = time.perf_counter() - start
    assert built < 10, f"5,000 demo cases took {built:.1f} s"  # ~2 s on an idle core
    assert len(shop.aftersales) >= 5_000
    with AftersaleSandbox(server=SandboxServer(shop)) as sb:
        now = sb.shop.clock.now() + 1
        seen, calls = [], 0
        started = time.perf_counter()
        for day in range(91):  # 24-hour windows back over the 90 days
            body = {"begin_update_time": now - (day + 1) * DAY, "end_update_time": now - day * DAY}
            while True:
                page = sb.ok(AS + "getaftersalelist", body)
                calls += 1
                seen += page["after_sale_order_id_list"]
                if not page["has_more"]:
                    break
                body["next_key"] = page["next_key"]
        per_call = (time.perf_counter() - started) / calls
        assert sorted(seen) == sorted(shop.aftersales)
        assert per_call < 0.02, f"{per_call * 1000:.1f} ms per list call"
