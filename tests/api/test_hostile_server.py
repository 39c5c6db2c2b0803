"""The hostile-server suite (issue 13, items 5–7): a sync against a server that answers what a
broken network or a hostile server sends (``hostile_server.py``) must end in bounded time and
memory with nothing lost: the stock change and the note queued before are still there, pending
(not failed, not stranded), and the next sync against a healthy store (the sandbox) sends each
exactly once.

Each hostile sync runs in its own process (``hostile_child.py``) so its peak RSS can be
measured; deadlines are short (0.5 s per exchange, 2 s per sync) so the slow cases stay fast.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_server import CASES, CONTENT_CASES, LIST_CASES, HostileServer, TrapServer
from sandbox_support import serve

from seller_desktop.api import aftersale as aftersale_api
from seller_desktop.api import products as products_api
from seller_desktop.api.client import ApiClient, RetryPolicy
from seller_desktop.api.errors import MalformedResponse
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine

CALL_DEADLINE = 0.5
SYNC_DEADLINE = 2.0
SLACK = 3.0  # process start and the last exchange's wind-down
MAX_RSS_GROWTH_MB = 200
NOTE = "易碎，请轻放（hostile suite）"
CHILD = Path(__file__).with_name("hostile_child.py")
FAST = RetryPolicy(attempts=4, base_delay=0.005, max_delay=0.02, offline_after=2,
                   offline_cooldown=0.05)


@pytest.fixture(scope="module")
def sandbox():
    yield from serve(seed=5, products=4, orders=4, gift_orders=0)


def _client(sandbox) -> ApiClient:
    cfg = sandbox.shop.config
    return ApiClient(sandbox.url, cfg.appid, cfg.secret, retry=FAST)


async def _sync(store: Store, sandbox) -> object:
    async with _client(sandbox) as api:
        return await SyncEngine(api, store, order_days=91, clock=sandbox.shop.clock.now).run()


@pytest.fixture(scope="module")
def seeded(sandbox, tmp_path_factory):
    """A data dir synced from the sandbox, with a +7 stock change and a note queued."""
    data_dir = tmp_path_factory.mktemp("seed")
    store = Store.open(data_dir)
    try:
        asyncio.run(_sync(store, sandbox))
        conn = store.reader()
        pid, draft = conn.execute(
            "SELECT product_id, draft_json FROM products WHERE status = 5 LIMIT 1").fetchone()
        sku_id = json.loads(draft)["skus"][0]["sku_id"]
        (order_id,) = conn.execute("SELECT order_id FROM orders LIMIT 1").fetchone()
        product_ops.change_stock_sync(store, pid, sku_id, 7)
        order_ops.set_merchant_note_sync(store, order_id, NOTE)
    finally:
        store.close()
    return data_dir, pid, sku_id, order_id


def _run_child(url: str, data_dir: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(CHILD), url, str(data_dir), str(CALL_DEADLINE), str(SYNC_DEADLINE)],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case", [c for c in CASES if c not in LIST_CASES])
def test_a_hostile_server_costs_bounded_time_and_memory_and_loses_nothing(
        case, sandbox, seeded, tmp_path):
    seed, pid, sku_id, order_id = seeded
    data_dir = tmp_path / "shop"
    shutil.copytree(seed, data_dir)
    with TrapServer() as trap, HostileServer(case, redirect_to=trap.url) as hostile:
        result = _run_child(hostile.url, data_dir)
        assert trap.hits == 0, "a redirect to another host was followed"
    hits = list(hostile.hits)
    if case in CONTENT_CASES and "pages" not in case and "list" not in case:
        # their hostile replies are the reads': the pull must have met them
        assert {"/channels/ec/product/get", "/channels/ec/order/get"} <= set(hits), hits

    # bounded time and memory
    assert result["elapsed"] < SYNC_DEADLINE + SLACK, result
    assert result["rss_growth_mb"] < MAX_RSS_GROWTH_MB, result
    assert hits, "the sync never asked the server"

    # the sync says why it stopped or what it skipped; nothing was failed, nothing cached as is
    assert result["stopped"] or result["errors"], result
    assert result["failed"] == 0, result
    assert result["max_title"] <= 120 and result["local_refs"] == 0, result
    assert not result["hostile_product_cached"], result

    # nothing lost: both changes still queued and pending (not failed, not stranded)
    rows = {r["op"]: r["state"] for r in result["rows"] if r["state"] != "done"}
    assert rows == {"stock_delta": "pending", "merchant_note": "pending"}, result["rows"]

    # and the next sync against a healthy store sends each exactly once
    store = Store.open(data_dir)
    try:
        async def healthy() -> tuple[int, int, object]:
            async with _client(sandbox) as api:
                before = (await products_api.get_stock(api, pid, sku_id)).normal
                engine = SyncEngine(api, store, order_days=91, clock=sandbox.shop.clock.now)
                await engine.push()  # the queue is what matters here (a pull adds seconds)
                after = (await products_api.get_stock(api, pid, sku_id)).normal
                return before, after, engine.last_report

        before, after, report = asyncio.run(healthy())
        assert report.stop_error is None and report.failed == 0, report.errors
        assert after == before + 7
        states = [r[0] for r in store.reader().execute("SELECT state FROM outbox")]
        assert set(states) == {"done"}
    finally:
        store.close()
    with sandbox.shop.lock:
        assert sandbox.shop.orders[order_id]["merchant_notes"] == NOTE



@pytest.mark.parametrize("case", ["huge_token_body", "huge_token_field"])
def test_the_cli_reports_a_broken_token_reply_as_unreadable(case, tmp_path):
    """A 5 MB token crashed ``seller-desktop sync`` with httpx.InvalidURL; a broken token
    reply is an unreadable reply: exit code OFFLINE, a sentence, no traceback."""
    import os

    from seller_desktop.cli_exit import Exit

    env = {**os.environ, "SELLER_DESKTOP_APPID": "wxhostile0000shop",
           "SELLER_DESKTOP_SECRET": "hostile-secret"}
    with HostileServer(case) as hostile:
        done = subprocess.run(
            [sys.executable, "-m", "seller_desktop", "sync", "--api-base", hostile.url,
             "--data-dir", str(tmp_path / "shop"), "--quiet"],
            capture_output=True, text=True, timeout=60, env=env, check=False)
    assert done.returncode == Exit.OFFLINE, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "sync stopped" in done.stderr
    assert "AAAAAAAA" not in done.stderr + done.stdout  # the token is never printed


@pytest.mark.parametrize("case", LIST_CASES)
def test_the_after_sale_lists_stop_on_loops_stale_and_endless_pages(case):
    """The after-sale lists walked pages unbounded (a cursor loop A, B, A … never ended) or
    cut the SKU-change list silently at 100 pages (a cut list reads as requests the buyers
    withdrew): each walk now ends with MalformedResponse, in a bounded number of pages."""
    async def walk(url: str) -> object:
        async with ApiClient(url, "wxhostile0000shop", "hostile-secret", retry=FAST) as api:
            if "case" in case:
                return [i async for i in aftersale_api.iter_case_ids(api, 1_700_000_000,
                                                                      1_700_003_600)]
            return await aftersale_api.list_sku_change_orders(api)

    with HostileServer(case) as hostile:
        with pytest.raises(MalformedResponse):
            asyncio.run(asyncio.wait_for(walk(hostile.url), timeout=20))
        pages = [h for h in hostile.hits if "aftersale" in h or "changesku" in h]
    assert 2 <= len(pages) <= 200, len(pages)
