"""Shared plumbing for the orders-side sandbox tests (no tests here): a demo shop served on
loopback, the WeChat API called over real HTTP with a stable token, and the scenario controls."""

from __future__ import annotations

import json
from typing import Any

import seller_desktop.sandbox.order_controls  # noqa: F401  (registers every orders-side route)
from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.sandbox.state import Clock

from .helpers import RID_RE, stable_token
from .helpers import call as http_call

EWB = "/channels/ec/logistics/ewaybill/biz/"


class FrozenClock(Clock):
    """Sandbox time that moves only when a test advances it (no second ticking mid-assert)."""

    def __init__(self, base: int) -> None:
        super().__init__(0)
        self.base = base

    def now(self) -> int:
        return self.base + self.offset


class OrdersSandbox:
    """``with OrdersSandbox(...) as sb:`` a started sandbox; ``sb.call(path, body)``."""

    def __init__(self, seed: int = 7, products: int = 30, orders: int = 60,
                 gift_orders: int = 8, server: SandboxServer | None = None) -> None:
        if server is None:
            shop = build_demo_shop(seed=seed, products=products, orders=orders,
                                   gift_orders=gift_orders)
            shop.clock = FrozenClock(shop.clock.now())
            server = SandboxServer(shop)
        self.server = server
        self.shop = server.shop
        self.url = ""
        self.token = ""

    def __enter__(self) -> OrdersSandbox:
        self.url = self.server.start()
        self._refresh_token()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()
        assert self.server.errors == [], self.server.errors

    def _refresh_token(self) -> None:
        cfg = self.shop.config
        self.token = stable_token(self.url, cfg.appid, cfg.secret)["access_token"]

    def raw(self, path: str, payload: bytes) -> dict[str, Any]:
        status, reply = http_call(self.url, path, raw=payload, token=self.token,
                                  headers={"Content-Type": "application/json"}, timeout=30)
        assert status == 200 and isinstance(reply, dict), (status, reply)
        return reply

    def call(self, path: str, body: Any) -> dict[str, Any]:
        """A WeChat API call; renews the token when the sandbox clock made it expire."""
        reply = self.raw(path, json.dumps(body, ensure_ascii=False).encode())
        if reply.get("errcode") in (40001, 42001):
            self._refresh_token()
            reply = self.raw(path, json.dumps(body, ensure_ascii=False).encode())
        if reply["errcode"] != 0:
            assert RID_RE.search(reply["errmsg"]), reply
        return reply

    def ok(self, path: str, body: Any) -> dict[str, Any]:
        reply = self.call(path, body)
        assert reply["errcode"] == 0 and reply["errmsg"] == "ok", reply
        return reply

    def control(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return http_call(self.url, path, body)

    def advance(self, seconds: int) -> None:
        status, reply = self.control("/sandbox/clock/advance", {"seconds": seconds})
        assert status == 200, reply

    def order(self, order_id: str) -> dict[str, Any]:
        return self.ok("/channels/ec/order/get", {"order_id": order_id})["order"]

    def new_order(self, **body: Any) -> str:
        status, reply = self.control("/sandbox/order/create", body)
        assert status == 200 and reply["ok"], reply
        return str(reply["order_id"])

    def orders_in(self, *statuses: int) -> list[dict[str, Any]]:
        """Records straight from the shop (for picking test subjects), newest first."""
        recs = [r for r in self.shop.orders.values() if r["status"] in statuses]
        return sorted(recs, key=lambda r: -r["create_time"])

    def log_ops(self, op: str) -> list[dict[str, Any]]:
        return [e for e in self.shop.log if e["op"] == op]
