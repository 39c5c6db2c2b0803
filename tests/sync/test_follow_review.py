"""A review's outcome moves nothing the incremental pull lists (no order, no push), yet it reaches
the cache with the next normal sync: the engine follows products in review until they settle."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from seller_desktop.domain.product import EditStatus, ProductStatus
from seller_desktop.ops import products as product_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.products import ProductRepo
from seller_desktop.sync import SyncEngine

from .helpers import control, sandbox_state


def _edit_status(store: Store, product_id: str) -> int:
    return store.reader().execute("SELECT edit_status FROM products WHERE product_id = ?",
                                  (product_id,)).fetchone()[0]


@pytest.mark.asyncio
async def test_review_result_arrives_with_an_incremental_sync(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    await engine.run(full=True)
    conn = store.reader()
    product_id = conn.execute("SELECT product_id FROM products WHERE status = ? ORDER BY"
                              " product_id LIMIT 1", (int(ProductStatus.ON_SALE),)).fetchone()[0]
    draft = ProductRepo(conn).get(product_id).draft
    await product_ops.save_product(store, replace(draft, title=draft.title + " 新版"))
    await product_ops.list_product(store, product_id)

    report = await engine.run()  # pushes the edit and the listing, reads the product back
    assert not report.stopped and not report.errors, report.errors
    assert _edit_status(store, product_id) == EditStatus.IN_REVIEW

    delay = sandbox.shop.config.review_delay
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": delay + 1})
    assert sandbox_state(sandbox.url)["products"][product_id]["edit_status"] == \
        EditStatus.REVIEW_PASSED

    report = await engine.run()  # a normal (incremental) sync, nothing else changed
    assert not report.stopped, report.stopped
    assert _edit_status(store, product_id) == EditStatus.REVIEW_PASSED
    assert product_id in report.changes.products
    online = ProductRepo(store.reader()).get(product_id).online
    assert online is not None and online.title == draft.title + " 新版"

    # settled: the next run no longer reads it
    report = await engine.run()
    assert product_id not in report.changes.products


@pytest.mark.asyncio
async def test_gift_acceptance_arrives_even_when_update_time_stays(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    """The reference does not say a gift's acceptance moves its update_time: a server where it
    does not still shows the accepted gift after a normal sync."""
    from seller_desktop.sandbox import gifts
    from seller_desktop.sandbox.core import run_reindex
    from seller_desktop.sandbox.demo_orders import random_person

    await engine.run(full=True)
    shop = sandbox.shop
    order_id = max((r["create_time"], oid) for oid, r in shop.orders.items()
                   if r.get("present") and r["status"] == 12)[1]  # the newest: far from expiry
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 60})
    with shop.lock:
        rec = shop.orders[order_id]
        before = rec["update_time"]
        openid, address = random_person(random.Random(3))
        gifts.accept(shop, rec, openid, address)
        rec["update_time"] = before  # this server leaves update_time alone
        run_reindex(shop)
        shop.dirty = True

    report = await engine.run()
    assert not report.stopped, report.stopped
    assert report.changes.gifts_accepted == [order_id]
    assert store.reader().execute("SELECT status FROM orders WHERE order_id = ?",
                                  (order_id,)).fetchone()[0] == 20
