"""The ``seller-desktop sync`` CLI as a subprocess: exit codes, and crash safety under SIGKILL.

The crash test prepares an outbox of shipments, stock deltas and e-waybills, then starts the
CLI against a sandbox served by this test and kills it with SIGKILL after a random short delay,
several times, before letting a last run finish. The sandbox's log then proves that no row was
lost and none was applied twice.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sandbox_support import dead_url

from seller_desktop.cli_exit import Exit
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import products as product_ops
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine

from .conftest import make_client
from .helpers import control, sandbox_state
from .test_push import ACCOUNT

ROOT = Path(__file__).resolve().parents[2]


def cli(data_dir: Path, url: str, *extra: str, env: dict[str, str] | None = None
        ) -> subprocess.Popen[str]:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "seller_desktop", "sync", "--api-base", url,
         "--data-dir", str(data_dir), "--quiet", *extra],
        env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def creds(server: SandboxServer) -> dict[str, str]:
    cfg = server.shop.config
    return {"SELLER_DESKTOP_APPID": cfg.appid, "SELLER_DESKTOP_SECRET": cfg.secret}


def test_cli_syncs_and_prints_a_summary(data_dir: Path, sandbox: SandboxServer) -> None:
    proc = cli(data_dir, sandbox.url, "--full", env=creds(sandbox))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "orders: " in out and "pushed: 0" in out and "conflicts: 0" in out
    assert sandbox.shop.config.secret not in out + err


def test_cli_exit_codes(data_dir: Path, sandbox: SandboxServer) -> None:
    wrong = {**creds(sandbox), "SELLER_DESKTOP_SECRET": "not-the-secret-000"}
    proc = cli(data_dir, sandbox.url, env=wrong)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == Exit.AUTH, err
    assert "not-the-secret-000" not in err
    proc = cli(data_dir, dead_url(), env=creds(sandbox))
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == Exit.OFFLINE and err.count("sync stopped") == 1, err
    env = {k: v for k, v in os.environ.items() if not k.startswith("SELLER_DESKTOP_")}
    proc = subprocess.Popen([sys.executable, "-m", "seller_desktop", "sync", "--data-dir",
                             str(data_dir)], env={**env, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == Exit.AUTH and "no credentials" in err
    # what to do, not a file nothing created
    assert "设置" in err and "SELLER_DESKTOP_SECRET" in err and "--demo" in err
    assert "account.json" not in err


async def _prepare(server: SandboxServer, data_dir: Path) -> dict[str, int]:
    """A synced store with an outbox of shipments, stock deltas and waybill requests."""
    for _ in range(6):
        control(server.url, "/sandbox/order/create", {"status": 20})
    store = Store.open(data_dir)
    client = make_client(server.url, server)
    try:
        await SyncEngine(client, store, order_days=91, clock=server.shop.clock.now).run(full=True)
        conn = store.reader()
        orders = [r[0] for r in conn.execute(
            "SELECT order_id FROM orders WHERE status = 20 AND user_name != '' ORDER BY order_id")]
        assert len(orders) >= 8
        for i, oid in enumerate(orders[:4]):
            await order_ops.mark_shipped(store, oid, "ZTO", f"78{i:010d}")
        await shipping_ops.create_waybill_jobs(store, orders[4:8], ACCOUNT)
        skus = conn.execute("SELECT p.product_id, s.sku_id FROM products p JOIN skus s"
                            " USING (product_id) WHERE p.status = 5 AND p.edit_status = 4"
                            " ORDER BY p.product_id, s.idx").fetchall()
        deltas = 0
        for pid, sku_id in skus[:10]:
            await product_ops.change_stock(store, pid, sku_id, 3)
            await product_ops.change_stock(store, pid, sku_id, -1)
            deltas += 2
        return {"ships": 4, "waybills": 4, "deltas": deltas}
    finally:
        await client.aclose()
        store.close()


@pytest.mark.asyncio
async def test_sigkill_while_pushing_loses_nothing_and_applies_nothing_twice(
        data_dir: Path) -> None:
    server = SandboxServer(build_demo_shop(seed=11, products=20, orders=120, gift_orders=2))
    server.start()
    try:
        expect = await _prepare(server, data_dir)
        before = sandbox_state(server.url)
        # a little latency on writes so the kills land while rows are in flight
        control(server.url, "/sandbox/faults", {"seed": 3, "faults": [
            {"path": p, "kind": "delay", "seconds": 0.15, "phase": "after", "probability": 0.5}
            for p in ("/channels/ec/order/delivery/send",
                      "/channels/ec/product/stock/update",
                      "/channels/ec/logistics/ewaybill/biz/order/create")]})
        rng = random.Random(20261125)
        kills = 0
        for _ in range(5):
            seen = len(server.shop.log)
            proc = cli(data_dir, server.url, env=creds(server))
            deadline = time.monotonic() + 20
            # wait until this run has applied a write (it is pushing), then kill it soon after
            while len(server.shop.log) == seen and proc.poll() is None \
                    and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.4))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.communicate(timeout=60)
        control(server.url, "/sandbox/faults", {"faults": []})
        proc = cli(data_dir, server.url, env=creds(server))
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert kills >= 2, "the runs finished before they could be killed"
    finally:
        server.stop()
    assert server.errors == []

    store = Store.open(data_dir)
    try:
        states = dict(store.reader().execute(
            "SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    finally:
        store.close()
    assert states == {"done": expect["ships"] + expect["waybills"] + expect["deltas"]}, states
    sends = [e for e in server.shop.log if e["op"] == "/channels/ec/order/delivery/send"]
    assert len(sends) == expect["ships"]
    assert len({e["order_id"] for e in sends}) == expect["ships"]
    creates = [e for e in server.shop.log
               if e["op"] == "/channels/ec/logistics/ewaybill/biz/order/create"]
    assert len(creates) == expect["waybills"]
    updates = [e for e in server.shop.log if e["op"] == "/channels/ec/product/stock/update"]
    assert len(updates) == expect["deltas"]
    touched = {(e["product_id"], e["sku_id"]) for e in updates}
    assert len(touched) == expect["deltas"] // 2
    for pid, rec in before["products"].items():
        for sku in (rec["product"] or {"skus": []})["skus"]:
            now = next(s for s in server.shop.products[pid]["product"]["skus"]
                       if s["sku_id"] == sku["sku_id"])
            moved = 2 if (pid, sku["sku_id"]) in touched else 0  # +3 then -1, each once
            assert now["stock_num"] == sku["stock_num"] + moved, (pid, sku["sku_id"])
