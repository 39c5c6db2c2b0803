"""A review's outcome moves nothing the incremental pull lists (no order, no push), yet it reaches
the cache with the next normal sync: the engine follows products in review until they settle."""

from __future__ import annotations

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
