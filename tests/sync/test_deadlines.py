"""Deadlines (issue 13 item 5): a slow store holds neither one call nor a whole sync for ever.

Against the sandbox's ``delay`` fault: a call that does not complete within the client's
``deadline`` is given up (``TooSlow``), and a sync whose calls each answer in time but which as
a whole runs past the engine's ``deadline`` stops, keeping what it saved; the change queued
before goes out exactly once on the next (healthy) run.
"""

from __future__ import annotations

import time

import pytest

from seller_desktop.api import products as products_api
from seller_desktop.api.client import ApiClient, RetryPolicy
from seller_desktop.api.errors import TooSlow
from seller_desktop.ops import products as product_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store, outbox
from seller_desktop.store.products import ProductRepo
from seller_desktop.sync import SyncEngine

from .helpers import control

ONE_TRY = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)


def _delay(sandbox: SandboxServer, seconds: float, path: str = "*") -> None:
    control(sandbox.url, "/sandbox/faults", {"seed": 1, "faults": [
        {"path": path, "kind": "delay", "seconds": seconds, "phase": "after"}]})


def _client(sandbox: SandboxServer, deadline: float) -> ApiClient:
    cfg = sandbox.shop.config
    return ApiClient(sandbox.url, cfg.appid, cfg.secret, retry=ONE_TRY, deadline=deadline)


@pytest.mark.asyncio
async def test_a_call_is_given_up_at_its_deadline(sandbox: SandboxServer) -> None:
    _delay(sandbox, 6.0, "/channels/ec/product/list/get")
    async with _client(sandbox, deadline=0.5) as api:
        await api.access_token()
        start = time.monotonic()
        with pytest.raises(TooSlow):
            await products_api.list_product_page(api)
        assert time.monotonic() - start < 2.5  # two tries of 0.5 s, not 2 × 6 s


@pytest.mark.asyncio
async def test_a_sync_stops_at_its_deadline_and_loses_nothing(engine: SyncEngine, store: Store,
                                                              sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    pid = str(store.reader().execute(
        "SELECT product_id FROM products WHERE status = 5 ORDER BY product_id").fetchone()[0])
    sku_id = str(ProductRepo(store.reader()).get(pid).draft.skus[0].sku_id)
    async with _client(sandbox, deadline=5.0) as api:
        before = (await products_api.get_stock(api, pid, sku_id)).normal
        await product_ops.change_stock(store, pid, sku_id, 3)
        _delay(sandbox, 0.3)  # every call answers, slowly: only the sync's deadline stops it
        slow = SyncEngine(api, store, order_days=91, clock=sandbox.shop.clock.now,
                          deadline=1.5)
        start = time.monotonic()
        report = await slow.run(full=True)
        elapsed = time.monotonic() - start
    assert isinstance(report.stop_error, TooSlow) and "同步超过" in report.stopped
    assert elapsed < 1.5 + 1.0
    states = [r.state for r in outbox.open_rows(store.reader(), "product", pid)]
    assert states in ([], ["pending"], ["sending"]), states  # never failed
    control(sandbox.url, "/sandbox/faults", {"seed": 1, "faults": []})
    healthy = await engine.run()
    assert healthy.stop_error is None and healthy.failed == 0
    async with _client(sandbox, deadline=5.0) as api:
        assert (await products_api.get_stock(api, pid, sku_id)).normal == before + 3
