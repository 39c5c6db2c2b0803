"""Errors during a sync: token expiry mid-run, daily quota (45009), busy (-1), and bad replies
for single items (malformed JSON, wrong types, unknown statuses, a shipped order without an
address) that are recorded while the rest of the sync goes on."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from seller_desktop import cli_sync
from seller_desktop.api.errors import Busy, QuotaExceeded
from seller_desktop.cli_exit import Exit
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine
from seller_desktop.sync.progress import Progress

from .conftest import make_client
from .helpers import assert_orders_mirror, assert_products_mirror, control, sandbox_state

ORDER_GET = "/channels/ec/order/get"


@pytest.mark.asyncio
async def test_token_expiry_in_the_middle_of_a_sync(engine: SyncEngine, store: Store,
                                                    sandbox: SandboxServer) -> None:
    control(sandbox.url, "/sandbox/config", {"token_ttl": 120})
    advanced: list[int] = []

    def progress(step: str, done: int, total: int | None) -> None:
        if step == "orders.get" and done >= 10 and not advanced:
            advanced.append(control(sandbox.url, "/sandbox/clock/advance",
                                    {"seconds": 600})["now"])

    engine.ctx.progress = Progress(progress, interval=0.0)
    report = await engine.run(full=True)
    assert advanced, "the clock was never advanced"
    assert report.stop_error is None, report.stopped
    state = sandbox_state(sandbox.url)
    assert_orders_mirror(store.reader(), state, since=0)
    assert_products_mirror(store.reader(), state)


@pytest.mark.asyncio
async def test_daily_quota_stops_the_sync_and_says_so(engine: SyncEngine, store: Store,
                                                      sandbox: SandboxServer) -> None:
    control(sandbox.url, "/sandbox/config", {"daily_quota": 15})
    report = await engine.run(full=True)
    assert isinstance(report.stop_error, QuotaExceeded)
    assert "今日调用次数已用完" in report.stopped
    assert report.stopped in report.changes.messages
    control(sandbox.url, "/sandbox/config", {"daily_quota": 0})
    report = await engine.run(full=True)
    assert report.stop_error is None
    assert_orders_mirror(store.reader(), sandbox_state(sandbox.url), since=0)


def test_cli_exit_code_on_quota(data_dir, sandbox: SandboxServer, monkeypatch,
                                capsys) -> None:
    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)
    control(sandbox.url, "/sandbox/config", {"daily_quota": 3})
    code = cli_sync.main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--quiet"])
    assert code == Exit.QUOTA
    assert "今日调用次数已用完" in capsys.readouterr().err


@pytest.mark.asyncio
async def test_busy_is_retried_then_reported(engine: SyncEngine, store: Store,
                                             sandbox: SandboxServer) -> None:
    control(sandbox.url, "/sandbox/faults", {"seed": 1, "faults": [
        {"path": ORDER_GET, "kind": "busy", "probability": 1.0, "times": 2}]})
    report = await engine.run(full=True)
    assert report.stop_error is None, "two busy replies are absorbed by the retries"
    control(sandbox.url, "/sandbox/faults", {"seed": 1, "faults": [
        {"path": ORDER_GET, "kind": "busy", "probability": 1.0}]})
    control(sandbox.url, "/sandbox/order/create", {"status": 20})
    report = await engine.run()
    assert isinstance(report.stop_error, Busy)
    assert "繁忙" in report.stopped
    control(sandbox.url, "/sandbox/faults", {"faults": []})
    report = await engine.run()
    assert report.stop_error is None
    assert_orders_mirror(store.reader(), sandbox_state(sandbox.url), since=0)


# ---- bad replies for single orders: a proxy in front of the sandbox crafts them ----------

Rewrite = Callable[[dict[str, Any]], bytes]


class CraftingProxy:
    """Forwards to the sandbox; for ``order/get`` of chosen ids, answers a crafted body."""

    def __init__(self, upstream: str, crafted: dict[str, Rewrite]) -> None:
        proxy = self
        self.crafted = crafted

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                self._forward()

            def do_POST(self) -> None:
                self._forward()

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else None
                req = urllib.request.Request(upstream + self.path, data=raw,
                                             method=self.command,
                                             headers={"Content-Type": self.headers.get(
                                                 "Content-Type", "application/json")})
                try:
                    with urllib.request.urlopen(req, timeout=30) as resp:
                        status, body = resp.status, resp.read()
                except urllib.error.HTTPError as err:
                    status, body = err.code, err.read()
                if self.path.startswith(ORDER_GET) and raw:
                    oid = json.loads(raw).get("order_id")
                    if oid in proxy.crafted:
                        body = proxy.crafted[oid](json.loads(body))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _dump(reply: dict[str, Any]) -> bytes:
    return json.dumps(reply, ensure_ascii=False).encode()


def _wrong_type(reply: dict[str, Any]) -> bytes:
    reply["order"]["order_detail"]["product_infos"][0]["sku_cnt"] = "两件"
    return _dump(reply)


def _unknown_status(reply: dict[str, Any]) -> bytes:
    reply["order"]["status"] = 777
    return _dump(reply)


def _no_address(reply: dict[str, Any]) -> bytes:
    reply["order"]["status"] = 30
    reply["order"]["order_detail"]["delivery_info"].pop("address_info", None)
    return _dump(reply)


@pytest.fixture
def victims(sandbox: SandboxServer) -> dict[str, str]:
    ids = sorted(oid for oid, r in sandbox.shop.orders.items()
                 if r["status"] in (20, 30, 100) and r["real_address"] is not None)
    return {"bad_json": ids[0], "wrong_type": ids[1], "unknown_status": ids[2],
            "no_address": ids[3]}


@pytest.fixture
def proxy(sandbox: SandboxServer, victims: dict[str, str]) -> Iterator[CraftingProxy]:
    crafted: dict[str, Rewrite] = {
        victims["bad_json"]: lambda reply: b'{"errcode": 0, "order": {"order_id": ',
        victims["wrong_type"]: _wrong_type,
        victims["unknown_status"]: _unknown_status,
        victims["no_address"]: _no_address,
    }
    server = CraftingProxy(sandbox.url, crafted)
    try:
        yield server
    finally:
        server.close()


@pytest.mark.asyncio
async def test_bad_replies_are_recorded_per_item_and_the_sync_goes_on(
        store: Store, sandbox: SandboxServer, proxy: CraftingProxy,
        victims: dict[str, str]) -> None:
    client = make_client(proxy.url, sandbox)
    try:
        engine = SyncEngine(client, store, order_days=91, clock=sandbox.shop.clock.now)
        report = await engine.run(full=True)
    finally:
        await client.aclose()
    assert report.stop_error is None, report.stopped
    text = "\n".join(report.errors)
    for name in ("bad_json", "wrong_type", "unknown_status", "no_address"):
        assert victims[name] in text, name
    assert "777" in text and "缺少收货地址" in text and "无法解析" in text
    conn = store.reader()
    stored = {r[0]: r[1] for r in conn.execute("SELECT order_id, status FROM orders")}
    assert victims["bad_json"] not in stored and victims["wrong_type"] not in stored
    assert stored[victims["unknown_status"]] == 777
    assert stored[victims["no_address"]] == 30
    expected = {oid for oid in sandbox.shop.orders} - {victims["bad_json"], victims["wrong_type"]}
    assert expected <= set(stored)
    retry = conn.execute("SELECT value FROM watermarks WHERE key = 'orders.retry'").fetchone()[0]
    assert set(json.loads(retry)) == {victims["bad_json"], victims["wrong_type"]}

    # the next run against the real server picks the skipped orders up
    direct = make_client(sandbox.url, sandbox)
    try:
        report = await SyncEngine(direct, store, order_days=91,
                                  clock=sandbox.shop.clock.now).run()
    finally:
        await direct.aclose()
    assert report.stop_error is None and report.errors == []
    stored = {r[0] for r in store.reader().execute("SELECT order_id FROM orders")}
    assert {victims["bad_json"], victims["wrong_type"]} <= stored
