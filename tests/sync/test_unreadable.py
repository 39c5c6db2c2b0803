"""Unreadable replies are "offline", never a refusal: no outbox row is stranded by one.

A captive portal's HTML 200 (or its 511: offline, with a Wi-Fi login hint), an empty body, NaN, 2^70, fields of the wrong type, a broken token
reply: each leaves the rows in line (pending, or sending and read back before a re-send); the
run says why it stopped and claims no success; a later clean run sends every change exactly
once (proved from the sandbox's log of applied writes). Only a definite refusal fails a row.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from typing import Any

import pytest

from seller_desktop.api.errors import CaptivePortal, MalformedResponse
from seller_desktop.cli_exit import Exit, for_api_error
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.products import ProductRepo
from seller_desktop.sync import SyncEngine

from .helpers import control, sandbox_log, sandbox_state
from .test_push import ACCOUNT, on_sale_product, order_to_ship

STOCK = "/channels/ec/product/stock/update"
SEND = "/channels/ec/order/delivery/send"
CREATE = "/channels/ec/logistics/ewaybill/biz/order/create"
NOTES = "/channels/ec/order/merchantnotes/update"
TOKEN = "/cgi-bin/stable_token"


@dataclass
class Edits:
    pid: str
    sku: str
    stock_before: int
    shipped: str
    waybilled: str


def server_stock(url: str, pid: str, sku: str) -> int:
    skus = sandbox_state(url)["products"][pid]["product"]["skus"]
    return next(s["stock_num"] for s in skus if s["sku_id"] == sku)


def open_rows(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.reader().execute(
        "SELECT id, op, state, last_error FROM outbox WHERE state != 'done' ORDER BY id")]


async def offline_edits(engine: SyncEngine, store: Store, url: str) -> Edits:
    """The seller's work, one row of each kind that talks to a different endpoint."""
    await engine.run(full=True)
    pid = on_sale_product(store)
    record = ProductRepo(store.reader()).get(pid)
    assert record is not None
    sku = str(record.draft.skus[0].sku_id)
    edits = Edits(pid, sku, server_stock(url, pid, sku), order_to_ship(store),
                  order_to_ship(store, skip=1))
    await product_ops.change_stock(store, pid, sku, 7)
    await product_ops.save_product(store, replace(
        ProductRepo(store.reader()).get(pid).draft, title="乱码之后也要送达的标题"))
    await order_ops.set_merchant_note(store, edits.shipped, "乱码之后也要送达的备注")
    await order_ops.mark_shipped(store, edits.shipped, "YTO", "YT777000000001")
    await shipping_ops.create_waybill_jobs(store, [edits.waybilled], ACCOUNT)
    return edits


def assert_delivered_once(url: str, store: Store, edits: Edits, log_start: int) -> None:
    assert open_rows(store) == []
    assert server_stock(url, edits.pid, edits.sku) == edits.stock_before + 7
    state = sandbox_state(url)
    assert state["products"][edits.pid]["edit_product"]["title"] == "乱码之后也要送达的标题"
    order = state["orders"][edits.shipped]
    assert order["merchant_notes"] == "乱码之后也要送达的备注"
    assert [p["waybill_id"] for p in order["parcels"]] == ["YT777000000001"]
    log = control(url, f"/sandbox/log?since={log_start}", method="GET")["entries"]
    applied = [e["op"] for e in log]
    assert applied.count(STOCK) == 1, applied
    assert applied.count(SEND) == 1, applied
    assert applied.count(CREATE) == 1, applied
    waybills = [w for w in state["ewaybills"].values()
                if any(str(o["ec_order_id"]) == edits.waybilled for o in w["ec_order_list"])]
    assert len(waybills) == 1


async def run_until_clean(engine: SyncEngine, runs: int = 8) -> None:
    for _ in range(runs):
        report = await engine.run()
        assert report.failed == 0 and report.refused == 0, report.failures or report.errors
        if report.stop_error is None and report.waiting == 0:
            return
    raise AssertionError(f"still not clean after {runs} runs: {report.stopped}")


@pytest.mark.asyncio
async def test_bad_json_five_times_then_a_clean_sync_delivers_the_stock_change_once(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """The issue's reproduction: with bad_json ×5 on every path a +7 was lost for good."""
    edits = await offline_edits(engine, store, sandbox.url)
    log_start = len(sandbox.shop.log)
    control(sandbox.url, "/sandbox/faults",
            {"faults": [{"path": "*", "kind": "bad_json", "times": 5}]})
    report = await engine.run()
    assert isinstance(report.stop_error, MalformedResponse)
    assert "无法读取" in report.stopped and report.failed == 0 and report.refused == 0
    assert report.pushed == 0 and report.waiting == 5
    rows = open_rows(store)
    assert {r["state"] for r in rows} <= {"pending", "sending"}
    assert any("无法识别" in r["last_error"] for r in rows)  # said on the row, kept in line
    control(sandbox.url, "/sandbox/faults", {"faults": []})
    report = await engine.run()
    assert report.stop_error is None and report.failed == 0 and report.waiting == 0, report
    assert report.pushed == 5
    assert_delivered_once(sandbox.url, store, edits, log_start)


@pytest.mark.asyncio
@pytest.mark.parametrize("phase", ["before", "after"])
@pytest.mark.parametrize("kind", ["bad_json", "html", "empty", "nan", "huge_number",
                                  "wrong_type", "cut"])
async def test_unreadable_replies_strand_nothing_and_apply_nothing_twice(
        engine: SyncEngine, store: Store, sandbox: SandboxServer, kind: str,
        phase: str) -> None:
    edits = await offline_edits(engine, store, sandbox.url)
    log_start = len(sandbox.shop.log)
    # every path (writes, read-backs, the token) answers garbage 5 times (more than the
    # client's 4 tries of a read), after or before applying
    control(sandbox.url, "/sandbox/faults", {"seed": 3, "faults": [
        {"path": "*", "kind": kind, "phase": phase, "times": 5}]})
    control(sandbox.url, "/sandbox/tokens/invalidate")  # so the token endpoint is hit too
    for _ in range(3):
        report = await engine.run()
        assert report.failed == 0 and report.refused == 0, report.failures
        assert report.stop_error is not None or report.waiting == 0
    fired = {f["path"] for f in control(sandbox.url, "/sandbox/faults", method="GET")["history"]}
    assert TOKEN in fired and "/channels/ec/product/stock/get" in fired, fired
    control(sandbox.url, "/sandbox/faults", {"faults": []})
    await run_until_clean(engine, runs=3)
    assert_delivered_once(sandbox.url, store, edits, log_start)


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["wrong_type", "huge_number", "nan", "empty", "html"])
async def test_a_broken_token_reply_is_offline_not_a_failure(
        engine: SyncEngine, store: Store, sandbox: SandboxServer, kind: str) -> None:
    edits = await offline_edits(engine, store, sandbox.url)
    log_start = len(sandbox.shop.log)
    control(sandbox.url, "/sandbox/tokens/invalidate")
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": TOKEN, "kind": kind, "phase": "after", "times": 100}]})
    for _ in range(2):
        report = await engine.run()
        assert isinstance(report.stop_error, MalformedResponse), report.stopped
        assert report.failed == 0 and report.waiting == 5 and report.pushed == 0
    control(sandbox.url, "/sandbox/faults", {"faults": []})
    await run_until_clean(engine, runs=2)
    assert_delivered_once(sandbox.url, store, edits, log_start)


@pytest.mark.asyncio
async def test_a_read_back_with_2_to_the_70_does_not_count_as_applied(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """The stock write's reply is lost; its read-back says 2^70: neither "applied" nor "failed"."""
    edits = await offline_edits(engine, store, sandbox.url)
    log_start = len(sandbox.shop.log)
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": STOCK, "kind": "reset", "phase": "before", "times": 1},
        {"path": "/channels/ec/product/stock/get", "kind": "huge_number", "phase": "after",
         "skip": 1, "times": 40}]})  # the reading before the write is fine
    report = await engine.run()
    assert isinstance(report.stop_error, MalformedResponse)
    assert report.failed == 0
    assert sandbox_log(sandbox.url, STOCK) == []
    control(sandbox.url, "/sandbox/faults", {"faults": []})
    await run_until_clean(engine)
    assert_delivered_once(sandbox.url, store, edits, log_start)


@pytest.mark.asyncio
async def test_a_captive_portals_511_is_offline_with_a_wifi_hint_then_delivers_once(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """511 (Network Authentication Required) on every path, the token's included: offline with
    a hint to log in to the Wi-Fi, not a server error; no row fails, none is lost."""
    edits = await offline_edits(engine, store, sandbox.url)
    log_start = len(sandbox.shop.log)
    control(sandbox.url, "/sandbox/tokens/invalidate")
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": "*", "kind": "http511", "phase": "before", "times": 100}]})
    report = await engine.run()
    assert isinstance(report.stop_error, CaptivePortal), report.stop_error
    assert "Wi-Fi" in report.stopped and "登录" in report.stopped
    assert report.failed == 0 and report.refused == 0 and report.pushed == 0
    assert report.waiting == 5
    assert engine.api.online is False  # the circuit: the window waits like offline
    assert for_api_error(report.stop_error) == Exit.OFFLINE
    assert sandbox_log(sandbox.url, STOCK) == []
    control(sandbox.url, "/sandbox/faults", {"faults": []})
    await asyncio.sleep(0.1)  # the client's offline cooldown
    await run_until_clean(engine, runs=3)
    assert_delivered_once(sandbox.url, store, edits, log_start)
