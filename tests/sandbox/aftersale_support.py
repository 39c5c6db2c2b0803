"""Shared plumbing for the after-sale sandbox tests (no tests here): an OrdersSandbox with the
after-sale endpoints and controls at hand."""

from __future__ import annotations

from typing import Any

from .test_orders_support import OrdersSandbox

AS = "/channels/ec/aftersale/"


class AftersaleSandbox(OrdersSandbox):
    def open(self, order_id: str, **body: Any) -> dict[str, Any]:
        status, reply = self.control("/sandbox/aftersale/open", {"order_id": order_id, **body})
        assert status == 200 and reply["ok"], reply
        return reply

    def act(self, name: str, body: dict[str, Any]) -> dict[str, Any]:
        """A scenario control on a case that must succeed."""
        status, reply = self.control(f"/sandbox/aftersale/{name}", body)
        assert status == 200 and reply["ok"], reply
        return reply

    def case(self, cid: str) -> dict[str, Any]:
        return self.ok(AS + "getaftersaleorder", {"after_sale_order_id": cid})["after_sale_order"]

    def errcode(self, path: str, body: dict[str, Any]) -> int:
        reply = self.call(path, body)
        assert reply["errcode"] != 0, reply
        return int(reply["errcode"])

    def paid_order(self, count: int = 1) -> str:
        """A fresh paid, unshipped order (status 20) of one line with ``count`` units."""
        return self.new_order(count=count)

    def ship(self, order_id: str) -> dict[str, Any]:
        order = self.order(order_id)
        items = [{"product_id": ln["product_id"], "sku_id": ln["sku_id"],
                  "product_cnt": ln["sku_cnt"] - ln["finish_aftersale_sku_cnt"]}
                 for ln in order["order_detail"]["product_infos"]]
        return self.call("/channels/ec/order/delivery/send", {
            "order_id": order_id, "delivery_list": [{
                "deliver_type": 1, "delivery_id": "YTO", "waybill_id": f"YT{order_id[-12:]}",
                "product_infos": items}]})

    def shipped_order(self, count: int = 1) -> str:
        oid = self.paid_order(count)
        assert self.ship(oid)["errcode"] == 0
        return oid

    def return_address(self) -> str:
        ids = self.ok("/channels/ec/merchant/address/list", {"offset": 0, "limit": 10})
        for aid in ids["address_id_list"]:
            detail = self.ok("/channels/ec/merchant/address/get", {"address_id": aid})
            if detail["address_detail"]["default_recv"]:
                return aid
        raise AssertionError("no default return address")

    def twin_sku(self) -> tuple[str, str, str]:
        """(product_id, sku_id, another sku_id of the same price) of an on-sale product."""
        for pid in sorted(self.shop.products):
            prod = self.shop.products[pid]
            if prod.get("status") != 5 or not prod.get("product"):
                continue
            skus = [s for s in prod["product"]["skus"] if s["stock_num"] >= 5]
            for a in skus:
                for b in skus:
                    if a is not b and a["sale_price"] == b["sale_price"]:
                        return pid, a["sku_id"], b["sku_id"]
        raise AssertionError("no product with two SKUs of the same price")
