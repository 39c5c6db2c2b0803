"""Products: server copies vs local edits, pending stock deltas, server id assignment, the
listing, conflicts, watermarks, waybills and the print log."""

from __future__ import annotations

from dataclasses import replace

from seller_desktop.domain.product import ProductStatus
from seller_desktop.domain.waybill import Waybill
from seller_desktop.store import outbox
from seller_desktop.store.meta import ConflictRepo, Watermarks
from seller_desktop.store.products import ProductRepo
from seller_desktop.store.waybills import PrintLog, WaybillRepo

from .factories import make_product


def write(store, fn):
    return store.writer.write_sync(fn)


def test_server_copies_round_trip(store):
    draft = make_product(1)
    online = replace(draft, title="线上的标题五个字")
    write(store, lambda c: ProductRepo(c).upsert_server(draft, online))
    record = ProductRepo(store.reader()).get(draft.product_id)
    assert record.draft == draft and record.server_draft == draft and record.online == online
    assert not record.has_local_changes
    row = ProductRepo(store.reader()).list()[0]
    assert (row["min_price"], row["max_price"], row["total_stock"]) == (2990, 3990, 30)


def test_pull_keeps_local_edit_and_adds_pending_stock(store):
    draft = make_product(2)
    write(store, lambda c: ProductRepo(c).upsert_server(draft))
    mine = replace(draft, title="我改过的新标题啊")
    sku_id = draft.skus[0].sku_id

    def edit(conn):
        ProductRepo(conn).save_local(mine)
        outbox.enqueue(conn, "product", draft.product_id, "edit", {"title": mine.title})
        outbox.enqueue(conn, "product", draft.product_id, "stock_delta",
                       {"product_id": draft.product_id, "sku_id": sku_id, "delta": 5})
    write(store, edit)
    # the server sold 3 meanwhile and has a newer draft
    theirs = replace(draft, edit_time=draft.edit_time + 60,
                     skus=(draft.skus[0].with_stock(7), draft.skus[1]))
    shown = write(store, lambda c: ProductRepo(c).upsert_server(theirs))
    assert shown.title == mine.title
    assert shown.skus[0].stock_num == 7 + 5
    record = ProductRepo(store.reader()).get(draft.product_id)
    assert record.server_draft == theirs and record.has_local_changes
    assert ProductRepo(store.reader()).ids_with_local_changes() == [draft.product_id]

    def confirm(conn):
        for row in outbox.open_rows(conn, "product", draft.product_id):
            outbox.mark_done(conn, row.id)
    write(store, confirm)
    after = replace(theirs, title=mine.title, skus=(draft.skus[0].with_stock(12), draft.skus[1]))
    shown = write(store, lambda c: ProductRepo(c).upsert_server(after))
    assert shown == after
    assert ProductRepo(store.reader()).ids_with_local_changes() == []


def test_assign_server_id_rewrites_row_and_open_outbox_rows(store):
    local = replace(make_product(3), product_id="local-abc")

    def create(conn):
        ProductRepo(conn).save_local(local, local_id="local-abc")
        outbox.enqueue(conn, "product", "local-abc", "create", {"product_id": "local-abc"})
        outbox.enqueue(conn, "product", "local-abc", "list", {"product_id": "local-abc"})
    write(store, create)
    write(store, lambda c: ProductRepo(c).assign_server_id("local-abc", "9001"))
    repo = ProductRepo(store.reader())
    assert repo.get("local-abc") is None
    record = repo.get("9001")
    assert record.local_id == "local-abc" and record.draft.product_id == "9001"
    assert [s["product_id"] for s in repo.skus("9001")] == ["9001", "9001"]
    rows = outbox.open_rows(store.reader(), "product", "9001")
    assert [(r.op, r.payload) for r in rows] == [("create", {"product_id": "9001"}),
                                                 ("list", {"product_id": "9001"})]


def test_listing_filters_sorts_and_pages(store):
    products = [make_product(i, status=5 if i % 2 else 11) for i in range(10)]
    write(store, lambda c: ProductRepo(c).upsert_server_many((p, None) for p in products))
    repo = ProductRepo(store.reader())
    on_sale = repo.list(statuses=[ProductStatus.ON_SALE], sort="title")
    assert {p["product_id"] for p in on_sale} == {p.product_id for p in products[1::2]}
    assert [p["title"] for p in on_sale] == sorted(p["title"] for p in on_sale)
    assert len(repo.list(limit=3, offset=8)) == 2
    assert repo.count([ProductStatus.DELISTED]) == 5


def test_conflicts_and_flag(store):
    write(store, lambda c: ProductRepo(c).upsert_server(make_product(4)))
    first = write(store, lambda c: ConflictRepo(c).add("100004", "title", "我的标题", "他的标题", "原标题"))
    second = write(store, lambda c: ConflictRepo(c).add("100004", "skus[2000040].sale_price", 100, 200, 50))
    assert ProductRepo(store.reader()).get("100004").has_conflict
    open_ = ConflictRepo(store.reader()).list_unresolved()
    assert [(c.field, c.mine, c.theirs, c.base) for c in open_] == [
        ("title", "我的标题", "他的标题", "原标题"), ("skus[2000040].sale_price", 100, 200, 50)]
    write(store, lambda c: ConflictRepo(c).resolve(first, "mine"))
    assert ProductRepo(store.reader()).get("100004").has_conflict
    write(store, lambda c: ConflictRepo(c).resolve(second, "theirs"))
    assert not ProductRepo(store.reader()).get("100004").has_conflict
    assert ConflictRepo(store.reader()).list_unresolved() == []


def test_watermarks(store):
    write(store, lambda c: Watermarks(c).set("orders.update_time", 1_700_000_000))
    write(store, lambda c: Watermarks(c).set("orders.update_time", 1_700_000_600))
    assert Watermarks(store.reader()).get_int("orders.update_time") == 1_700_000_600
    assert Watermarks(store.reader()).get_int("missing", 7) == 7


def test_waybills_and_print_log(store):
    waybill = Waybill("5001", "3705", "YTO", "YT123", 1, acct_id="a1", print_info="PI", created_at=10)
    write(store, lambda c: WaybillRepo(c).upsert(waybill))
    # print_info (the buyer's real address) is not kept: each print job fetches it
    assert WaybillRepo(store.reader()).unprinted() == [replace(waybill, print_info="")]
    write(store, lambda c: WaybillRepo(c).mark_printed("5001", at=20))
    write(store, lambda c: PrintLog(c).add("5001", reason="首次打印", order_id="3705", at=20))
    write(store, lambda c: WaybillRepo(c).upsert(waybill))  # a pull
    got = WaybillRepo(store.reader()).get("5001")
    assert (got.print_count, got.printed_at, got.status, got.print_info) == (1, 20, 1, "")
    assert WaybillRepo(store.reader()).unprinted() == []
    assert [e["reason"] for e in PrintLog(store.reader()).entries("5001")] == ["首次打印"]


def test_assign_server_id_when_a_pull_already_stored_that_id(store):
    local = replace(make_product(5), product_id="local-x", title="本地新建的商品")

    def create(conn):
        ProductRepo(conn).save_local(local, local_id="local-x")
        outbox.enqueue(conn, "product", "local-x", "edit", {"product_id": "local-x"})
    write(store, create)
    write(store, lambda c: ProductRepo(c).upsert_server(replace(make_product(5), product_id="777")))
    write(store, lambda c: ProductRepo(c).assign_server_id("local-x", "777"))
    repo = ProductRepo(store.reader())
    assert repo.count() == 1 and repo.get("777").draft.title == "本地新建的商品"
