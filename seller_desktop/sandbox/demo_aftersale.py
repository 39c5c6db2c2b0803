"""Seeded demo after-sales and buyer requests, deterministic from the seed and the clock.

:func:`generate` drives the real state machine (``aftersale.py``) with times in the past, so
cases, their orders' counts and ``update_time`` agree and pending timeouts lie in the future:
first one case of each situation a seller meets (harmless ones first), then refund cases for the
other refunded orders, then cases on shipped orders; ``requests`` adds one address change under
review and one SKU change waiting. The list and why stock is restored: sandbox/README.md.
"""

from __future__ import annotations

import random
from typing import Any

from . import aftersale as sm
from . import buyer_requests as br
from .demo_orders import random_person
from .state import Shop

HOUR, DAY = 3600, 86400
# how long ago a situation's order must have shipped (its case history happens after that)
MIN_AGE = {"withdrawn": 2 * DAY, "return_to_answer": 11 * HOUR, "wait_return": 31 * HOUR,
           "wait_receipt": 2 * DAY + HOUR, "exchange_to_answer": 6 * HOUR,
           "negotiating": 21 * HOUR, "rejected": 2 * DAY + HOUR, "return_done": 8 * DAY,
           "exchange_done": 6 * DAY, "urgent_refund": 47 * HOUR}
SITUATIONS = ("refunded_order", "withdrawn", "return_to_answer", "wait_return", "wait_receipt",
              "exchange_to_answer", "negotiating", "rejected", "refund_unshipped",
              "return_done", "exchange_done", "urgent_refund")


class _Gen:
    def __init__(self, shop: Shop) -> None:
        self.shop, self.now = shop, shop.clock.now()
        self.rng = random.Random(f"demo-aftersale:{shop.config.seed}")
        self.used: set[str] = set()
        self.start: dict[int, int] = {}
        self.address = sm.default_return_address(shop)
        plain = [o for o in shop.orders.values() if not o["present"]]
        plain.sort(key=lambda o: o["order_id"])
        self.pools = {s: [o for o in plain if o["status"] == s] for s in (20, 30, 100, 200)}
        # held orders (a refund before shipment, the buyer requests) are the oldest unshipped
        # ones: a script or test that ships "the newest order awaiting shipment" is not held
        self.pools[20].sort(key=lambda o: (o["create_time"], o["order_id"]))
        self.rng.shuffle(self.pools[30])
        self.rng.shuffle(self.pools[100])

    def take(self, status: int, min_age: int = 0, min_units: int = 1) -> dict[str, Any] | None:
        """An unused order of ``status`` shipped (or paid) at least ``min_age`` seconds ago."""
        pool, i = self.pools[status], self.start.get(status, 0)
        while i < len(pool) and pool[i]["order_id"] in self.used:
            i += 1  # used orders gather at the front: skip them once, not on every call
        self.start[status] = i
        for j in range(i, len(pool)):
            order = pool[j]
            if order["order_id"] in self.used or order["lines"][0]["sku_cnt"] < min_units:
                continue
            if self.since(order) > self.now - min_age:
                continue
            self.used.add(order["order_id"])
            return order
        return None

    @staticmethod
    def since(order: dict[str, Any]) -> int:
        return order["ship_done_time"] or order["pay_time"] or order["create_time"]

    def twin(self, order: dict[str, Any]) -> dict[str, Any] | None:
        line = order["lines"][0]
        prod = self.shop.products.get(line["product_id"]) or {}
        for sku in (prod.get("product") or {}).get("skus", []):
            if str(sku["sku_id"]) != line["sku_id"] and int(sku["sale_price"]) == line["sale_price"]:
                return sku
        return None

    def open(self, order: dict[str, Any], kind: str, t: int, count: int = 1,
             reason: str = "10000000", desc: str = "") -> dict[str, Any]:
        new_sku = self.twin(order) if kind == "EXCHANGE" else None
        if kind == "EXCHANGE" and new_sku is None:
            kind = "RETURN"
        return sm.open_case(self.shop, order, 0, kind, count, t, reason=reason, desc=desc,
                            new_sku=new_sku)

    def returned(self, case: dict[str, Any], t: int) -> None:
        sm.wait_return(self.shop, case, self.address, t)
        sm.buyer_returns(self.shop, case, {
            "delivery_id": "YTO", "delivery_name": "圆通速递",
            "waybill_id": f"YT{int(case['after_sale_order_id']) % 10**13:013d}"}, t + 20 * HOUR)

    # ---- the situations ----

    def refunded_order(self, order: dict[str, Any]) -> list[dict[str, Any]]:
        """Refund-only cases on every line of an order refunded before shipment (status 200)."""
        t0 = max(order["pay_time"], order["update_time"] - self.rng.randint(HOUR, 20 * HOUR))
        order["status"] = 20  # replayed from before the refund; the last refund makes it 200
        cases = [sm.open_case(self.shop, order, i, "REFUND", ln["sku_cnt"], t0,
                              reason=self.rng.choice(("10000000", "10000002", "10000001")))
                 for i, ln in enumerate(order["lines"])]
        for case in cases:
            sm.refund(self.shop, case, sm.BY_MERCHANT_API, max(t0, order["update_time"]),
                      by_merchant=False)
        return cases

    def situation(self, name: str) -> dict[str, Any] | None:
        now, rng = self.now, self.rng
        if name == "refunded_order":
            order = self.take(200)
            return self.refunded_order(order)[0] if order else None
        if name == "refund_unshipped":
            order = self.take(20, 3 * HOUR)
            if order is None:
                return None
            return self.open(order, "REFUND", now - 2 * HOUR, order["lines"][0]["sku_cnt"],
                             "10000002", "拍错了，麻烦取消")
        pool = 100 if name in ("withdrawn", "return_done", "exchange_done") else 30
        age = MIN_AGE[name]  # shipped long enough ago for the situation's history
        order = self.take(pool, age) or self.take(130 - pool, age)
        if order is None:
            return None
        if name == "withdrawn":
            case = self.open(order, "RETURN", self.since(order) + DAY, reason="10000019")
            sm.cancel(self.shop, case, self.since(order) + DAY + 5 * HOUR)
        elif name == "return_to_answer":
            case = self.open(order, "RETURN", now - 10 * HOUR, reason="10000021",
                             desc="收到就是坏的，见图")
        elif name == "wait_return":
            case = self.open(order, "RETURN", now - 30 * HOUR, reason="10000039")
            sm.wait_return(self.shop, case, self.address, now - 20 * HOUR)
        elif name == "wait_receipt":
            case = self.open(order, "RETURN", now - 2 * DAY, reason="10000011")
            self.returned(case, now - 40 * HOUR)
        elif name == "exchange_to_answer":
            case = self.open(order, "EXCHANGE", now - 5 * HOUR, reason="10000039",
                             desc="尺码小了，换大一号")
        elif name == "negotiating":
            case = self.open(order, "REFUND", now - 20 * HOUR, reason="10000011")
            amount = max(1, case["refund_info"]["amount"] // 2)
            proposal = {"merchant_update_type": 3, "merchant_update_desc": "部分退款，商品不用寄回",
                        "update_reason_type": 10, "old_after_sale_type": 1,
                        "new_after_sale_type": 1,
                        "old_after_sale_amount": case["refund_info"]["amount"],
                        "new_after_sale_amount": amount, "media_ids": []}
            case["merchant_update_detail"], case["_proposal"] = dict(proposal), proposal
            sm.move(self.shop, case, "USER_WAIT_CONFIRM_UPDATE", now - 6 * HOUR,
                    now - 6 * HOUR + self.shop.config.aftersale_buyer_window)
        elif name == "rejected":
            case = self.open(order, "REFUND", now - 2 * DAY, reason="10000007")
            sm.reject(self.shop, case, "MERCHANT_REJECT_REFUND",
                      "商品已按约定时间发出，物流正常，请耐心等待收货", now - DAY)
        elif name == "return_done":
            t0 = self.since(order) + rng.randint(DAY, 3 * DAY)
            case = self.open(order, "RETURN", t0, reason="10000019")
            self.returned(case, t0 + 4 * HOUR)
            sm.refund(self.shop, case, sm.BY_MERCHANT_API, t0 + 3 * DAY, by_merchant=False)
        elif name == "exchange_done":
            t0 = self.since(order) + DAY
            case = self.open(order, "EXCHANGE", t0, reason="10000039")
            if case["type"] == "EXCHANGE":
                self.returned(case, t0 + 2 * HOUR)
                sm.reship(self.shop, case, {"delivery_id": "ZTO", "delivery_name": "中通快递",
                                            "waybill_id": f"78{t0 % 10**10:010d}"}, t0 + 2 * DAY)
                case["complete_time"] = t0 + 4 * DAY
                sm.move(self.shop, case, "MERCHANT_EXCHANGE_SUCCESS", t0 + 4 * DAY)
        else:  # urgent_refund: 2 hours left to answer
            case = self.open(order, "REFUND", now - self.shop.config.aftersale_seller_review
                             + 2 * HOUR, reason="10000015", desc="一直没收到货")
        return case

    def by_age(self) -> dict[str, Any] | None:
        """A case on a shipped order whose step follows its age."""
        order = self.take(100) if self.rng.random() < 0.7 else self.take(30, 2 * HOUR)
        if order is None:
            order = self.take(100) or self.take(30, 2 * HOUR)
        if order is None:
            return None
        rng, now = self.rng, self.now
        start = self.since(order) + HOUR
        t0 = start + int(rng.random() * min(15 * DAY, now - HOUR - start))
        age = now - t0
        r = rng.random()
        kind = "RETURN" if r < 0.55 else "REFUND" if r < 0.9 else "EXCHANGE"
        case = self.open(order, kind, t0, reason=rng.choice(("10000019", "10000021", "10000011",
                                                             "10000039", "10000000")))
        if age < 40 * HOUR:
            return case  # still waiting on the seller
        t1 = t0 + rng.randint(HOUR, 40 * HOUR)
        r = rng.random()
        if r < 0.15:
            sm.cancel(self.shop, case, t1)
        elif r < 0.3 and age > 9 * DAY:  # rejected, not escalated, cancelled 7 days later
            sm.reject(self.shop, case, f"MERCHANT_REJECT_{case['type']}", "商品无质量问题", t1)
            sm.expire_due(self.shop)
        elif case["type"] == "REFUND":
            sm.refund(self.shop, case, sm.BY_MERCHANT_API, t1, by_merchant=False)
        elif age < 3 * DAY:
            sm.wait_return(self.shop, case, self.address, t1)
        else:
            self.returned(case, t1)
            if case["type"] == "EXCHANGE":
                sm.reship(self.shop, case, {"delivery_id": "YTO", "delivery_name": "圆通速递",
                                            "waybill_id": f"YT{t1 % 10**12:012d}"}, t1 + DAY)
            else:
                sm.refund(self.shop, case, sm.BY_MERCHANT_API, t1 + DAY, by_merchant=False)
        return case


def _requests(g: _Gen) -> None:
    """One address change under review and one SKU change waiting, on unshipped orders."""
    shop, now = g.shop, g.now
    order = g.take(20, 9 * HOUR)
    if order is not None and now - 2 * HOUR - order["create_time"] > shop.config.address_review_after:
        br.request_address_change(shop, order, random_person(g.rng)[1], now - 2 * HOUR)
    for order in g.pools[20]:
        if order["order_id"] not in g.used and g.twin(order) is not None:
            g.used.add(order["order_id"])
            br.request_sku_change(shop, order, 0, str(g.twin(order)["sku_id"]), now - HOUR)
            break


def generate(shop: Shop, cases: int, requests: bool) -> None:
    """Add about ``cases`` after-sale cases (fewer if the shop lacks orders for them)."""
    g = _Gen(shop)
    log_len = len(shop.log)
    stock = {(pid, i, j): sku["stock_num"] for pid, prod in shop.products.items()
             for i, copy in enumerate((prod.get("product"), prod.get("edit_product"))) if copy
             for j, sku in enumerate(copy.get("skus", []))}
    made = 0
    for name in SITUATIONS[:cases]:
        made += g.situation(name) is not None
    misses = 0
    while made < cases and misses < 50:
        order = g.take(200)
        case = g.refunded_order(order)[0] if order else g.by_age()
        if case is None:
            misses += 1
            continue
        made += len(g.shop.index["aftersale"]["by_order"][case["order_id"]]) if order else 1
    if requests:
        _requests(g)
    for (pid, i, j), value in stock.items():
        prod = shop.products[pid]
        (prod["product"] if i == 0 else prod["edit_product"])["skus"][j]["stock_num"] = value
    del shop.log[log_len:]
