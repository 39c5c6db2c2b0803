"""Helpers for the sync tests: sandbox controls over HTTP, and store ↔ sandbox comparisons."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import Any

from sandbox_support import control, sandbox_state  # noqa: F401 (used by the tests)

from seller_desktop.api import products as products_api
from seller_desktop.api.client import ApiClient, RetryPolicy

# Retries as the app does them, with short delays so fault runs stay fast.
FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.005, max_delay=0.02, offline_after=2,
                         offline_cooldown=0.05)




def sandbox_log(url: str, op: str | None = None) -> list[dict[str, Any]]:
    path = "/sandbox/log" + (f"?op={op}" if op else "")
    return control(url, path, method="GET")["entries"]


def store_orders(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    rows = conn.execute("SELECT order_id, status, is_gift, present_order_id, gift_state,"
                        " update_time, user_name, province FROM orders").fetchall()
    return {r["order_id"]: dict(r) for r in rows}


def store_products(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    rows = conn.execute("SELECT product_id, status, edit_status, title, draft_json,"
                        " server_draft_json, online_json FROM products").fetchall()
    return {r["product_id"]: dict(r) for r in rows}


def expected_orders(state: dict[str, Any], since: int) -> dict[str, dict[str, Any]]:
    """The sandbox's orders updated at or after ``since``: id → (status, gift id, address?)."""
    out = {}
    for oid, rec in state["orders"].items():
        if rec["update_time"] >= since:
            present = rec.get("present") or {}
            out[oid] = {"status": rec["status"],
                        "present_order_id": present.get("present_order_id_str", ""),
                        "has_address": rec.get("real_address") is not None}
    return out


def assert_orders_mirror(conn: sqlite3.Connection, state: dict[str, Any], since: int) -> None:
    expected = expected_orders(state, since)
    stored = store_orders(conn)
    assert set(stored) == set(expected), (
        f"missing {sorted(set(expected) - set(stored))[:5]}, "
        f"extra {sorted(set(stored) - set(expected))[:5]}")
    for oid, exp in expected.items():
        got = stored[oid]
        assert got["status"] == exp["status"], (oid, got["status"], exp["status"])
        assert got["present_order_id"] == exp["present_order_id"], oid
        assert bool(got["is_gift"]) == bool(exp["present_order_id"]), oid
        assert bool(got["user_name"]) == exp["has_address"], oid


def visible_products(state: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Products a seller has (not in the recycle bin, not fully deleted)."""
    return {pid: rec for pid, rec in state["products"].items() if rec["status"] not in (6, 9)}


def assert_products_mirror(conn: sqlite3.Connection, state: dict[str, Any]) -> None:
    expected = visible_products(state)
    stored = store_products(conn)
    assert set(stored) == set(expected), (sorted(set(expected) ^ set(stored))[:5])
    for pid, rec in expected.items():
        got = stored[pid]
        assert got["status"] == rec["status"], pid
        assert got["edit_status"] == rec["edit_status"], pid
        draft = json.loads(got["server_draft_json"] or got["draft_json"])
        assert draft["title"] == rec["edit_product"]["title"], pid
        stock = {s["sku_id"]: s["stock_num"] for s in draft["skus"]}
        assert stock == {s["sku_id"]: s["stock_num"] for s in rec["edit_product"]["skus"]}, pid


async def add_draft(api: ApiClient, title: str = "测试草稿商品 从未上架") -> str:
    """Add a never-listed product (status 0) modelled on the shop's first product."""
    pid = (await products_api.list_product_ids(api))[0][0]
    draft = (await products_api.get_product(api, pid, data_type=2)).draft
    assert draft is not None
    skus = tuple(replace(s, sku_id=None) for s in draft.skus)
    return await products_api.add_product(
        api, replace(draft, product_id=None, title=title, skus=skus, out_product_id=""))


class SandboxProcess:
    """``seller-desktop sandbox`` in a subprocess (its own GIL: the app's loop is measured alone)."""

    def __init__(self, *args: str, nice: int = 0) -> None:
        import os
        import subprocess
        import sys
        from pathlib import Path

        root = Path(__file__).resolve().parents[2]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "seller_desktop", "sandbox", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
            preexec_fn=(lambda: os.nice(nice)) if nice else None)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        fields = dict(part.split("=", 1) for part in line.split())
        if "base" not in fields:
            self.proc.kill()
            _, err = self.proc.communicate()
            raise RuntimeError(f"the sandbox did not start: {line!r}\n{err[-2000:]}")
        self.url, self.appid, self.secret = fields["base"], fields["appid"], fields["secret"]

    def client(self, retry: RetryPolicy = FAST_RETRY, max_in_flight: int = 8) -> ApiClient:
        return ApiClient(self.url, self.appid, self.secret, retry=retry,
                         max_in_flight=max_in_flight)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.communicate(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.communicate()
