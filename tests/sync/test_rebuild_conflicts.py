"""Product-field conflicts across a rebuild: the ``conflicts`` table is not carried, and this
shows that nothing of the seller's is lost by it. A parked edit goes back ``pending`` with its
own payload (mine) and base; the next push reads the server copy (theirs) again and parks the
same conflict, fields and values, before anything is sent. A conflict the seller already
settled lives in its row (the merged payload, the server copy it was settled against as the
base): that goes out as chosen, with no conflict raised again. Against the sandbox."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from store.factories import make_order

from seller_desktop.ops import products as product_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import CorruptCache, Store, outbox
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.meta import ConflictRepo
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.products import ProductRepo
from seller_desktop.store.rebuild import rebuild_cache
from seller_desktop.sync import SyncEngine, conflicts
from seller_desktop.sync.context import SyncReport

from .conftest import make_client
from .helpers import control, sandbox_state
from .test_push import on_sale_product
from .test_rebuild_push import wreck_the_middle

pytestmark = pytest.mark.asyncio
MINE, THEIRS = "卖家在桌面改的标题", "网页后台改的标题"


async def _engine_run(server: SandboxServer, store: Store, settle: dict[str, str] | None = None,
                      full: bool = False) -> SyncReport:
    client = make_client(server.url, server)
    try:
        engine = SyncEngine(client, store, order_days=91, clock=server.shop.clock.now)
        if settle is None:
            report = await engine.run(full=full)
            assert report.stopped == "", report.errors
            return report
        # the seller's choice is saved; the app stops before it is pushed
        pid = next(iter({c.product_id for c in ConflictRepo(store.reader()).list_unresolved()}))
        await conflicts.resolve(engine.ctx, pid, settle, SyncReport())
        return SyncReport()
    finally:
        await client.aclose()


async def _parked(server: SandboxServer, data_dir: Path, settled: bool) -> tuple[str, set[str]]:
    """A title and price edited here and on the server: parked as a conflict (and settled as
    "mine" when ``settled``); then many orders (the pages the damage hits)."""
    store = Store.open(data_dir)
    try:
        await _engine_run(server, store, full=True)
        pid = on_sale_product(store)
        record = ProductRepo(store.reader()).get(pid)
        assert record is not None
        sku = record.draft.skus[0]
        await product_ops.save_product(store, replace(
            record.draft, title=MINE,
            skus=(replace(sku, sale_price=sku.sale_price + 100), *record.draft.skus[1:])))
        control(server.url, "/sandbox/product/edit", {"product_id": pid, "fields": {
            "title": THEIRS, "skus": [{"sku_id": sku.sku_id, "sale_price": sku.sale_price + 200}]}})
        assert (await _engine_run(server, store)).conflicts == 1
        fields = {c.field for c in ConflictRepo(store.reader()).list_unresolved(pid)}
        if settled:
            await _engine_run(server, store, settle={f: "mine" for f in fields})
        await store.writer.write(lambda c: OrderRepo(c).upsert_many(
            make_order(900_000 + i) for i in range(3000)), durable=False)
        return pid, fields
    finally:
        store.close()


def _rebuilt(data_dir: Path) -> None:
    wreck_the_middle(data_dir / CACHE_NAME)
    with pytest.raises(CorruptCache):
        Store.open(data_dir)
    result = rebuild_cache(data_dir)
    assert result.restored == 1 and result.unreadable == 0


async def test_an_open_conflict_is_found_again_before_anything_is_sent(
        data_dir: Path, sandbox: SandboxServer) -> None:
    pid, fields = await _parked(sandbox, data_dir, settled=False)
    _rebuilt(data_dir)
    with Store.open(data_dir) as store:
        (row,) = outbox.open_rows(store.reader(), "product", pid)
        assert (row.op, row.state, row.payload["title"]) == ("edit", "pending", MINE)
        assert ConflictRepo(store.reader()).list_unresolved() == []  # not carried

        report = await _engine_run(sandbox, store)
        assert report.conflicts == 1
        again = ConflictRepo(store.reader()).list_unresolved(pid)
        assert {c.field for c in again} == fields
        title = next(c for c in again if c.field == "title")
        assert (title.mine, title.theirs) == (MINE, THEIRS)
        assert store.reader().execute("SELECT has_conflict FROM products WHERE product_id = ?",
                                      (pid,)).fetchone()[0] == 1
        assert sandbox_state(sandbox.url)["products"][pid]["edit_product"]["title"] == THEIRS

        client = make_client(sandbox.url, sandbox)  # and the seller settles it as before
        try:
            await SyncEngine(client, store, order_days=91, clock=sandbox.shop.clock.now
                             ).resolve_conflict(pid, {f: "mine" for f in fields})
        finally:
            await client.aclose()
    assert sandbox_state(sandbox.url)["products"][pid]["edit_product"]["title"] == MINE


async def test_a_settled_conflict_goes_out_as_the_seller_chose(
        data_dir: Path, sandbox: SandboxServer) -> None:
    pid, _fields = await _parked(sandbox, data_dir, settled=True)
    _rebuilt(data_dir)
    with Store.open(data_dir) as store:
        report = await _engine_run(sandbox, store)
        assert report.conflicts == 0
        assert ConflictRepo(store.reader()).list_unresolved() == []
        assert outbox.open_rows(store.reader(), "product", pid) == []
    assert sandbox_state(sandbox.url)["products"][pid]["edit_product"]["title"] == MINE
