"""Every model passes pytest-qt's qtmodeltester, loads lazily, and refreshes only what changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from seller_desktop.domain.changes import ChangeSet
from seller_desktop.domain.money import format_fen
from seller_desktop.store import ui_queries as q
from seller_desktop.store.db import Store
from seller_desktop.ui.models.conflicts import ConflictsModel, field_label, value_text
from seller_desktop.ui.models.gifts import COL_TIME, GiftsModel
from seller_desktop.ui.models.orders import COL_AMOUNT, COL_ID, COL_SHIP_BY, OrdersModel
from seller_desktop.ui.models.paged import PAGE
from seller_desktop.ui.models.products import COL_SYNC, ProductsModel

from .factories import NOW, fill


@pytest.fixture
def store(data_dir):
    opened = Store.open(data_dir)
    fill(opened)
    yield opened
    opened.close()


def test_products_model(qtmodeltester, store):
    model = ProductsModel(store.reader)
    model.reload()
    assert model.rowCount() == 12
    assert model.columnCount() == len(model.headers())
    qtmodeltester.check(model)
    model.set_query(q.ProductFilter.ON_SALE, "")
    assert model.rowCount() == 9
    model.set_query(q.ProductFilter.ALL, "青花瓷")  # 3 characters: the trigram index
    assert model.rowCount() >= 1 and all("青花瓷" in model.row_at(i).title
                                         for i in range(model.rowCount()))
    model.set_query(q.ProductFilter.ALL, "姜茶")  # 2 characters: instr on the table
    assert model.rowCount() >= 1 and all("姜茶" in model.row_at(i).title
                                         for i in range(model.rowCount()))
    model.set_query(q.ProductFilter.ALL, "SKU-3-1")
    assert model.keys() == ["900003"]
    qtmodeltester.check(model)


def test_orders_model_is_lazy_and_sorted_by_ship_by(qtmodeltester, store):
    model = OrdersModel(store.reader, clock=lambda: NOW)
    assert model.columnCount() == len(model.headers())
    model.set_query(q.OrderTab.ALL)
    assert model.total == 450 and model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    qtmodeltester.check(model)
    model.set_query(q.OrderTab.TO_SHIP)
    ship_by = [model.row_at(i).ship_by for i in range(model.rowCount())]
    assert ship_by == sorted(ship_by) and all(model.row_at(i).status == 20
                                              for i in range(model.rowCount()))
    counts = q.order_tab_counts(store.reader())
    assert counts[q.OrderTab.ALL] == 450 and model.total == counts[q.OrderTab.TO_SHIP]
    qtmodeltester.check(model)


def test_orders_search_finds_chinese_fragments(store):
    conn = store.reader()
    for text in ("咖啡豆", "咖啡", "西湖区", "周末", "1234"):
        rows = q.order_page(conn, q.OrderTab.ALL, text, 0, 500)
        assert rows, text
    assert not q.order_page(conn, q.OrderTab.ALL, "不存在的东西", 0, 10)


def test_apply_changes_updates_rows_in_place(store):
    model = ProductsModel(store.reader)
    model.reload()
    before = model.index(model.row_of("900002"), COL_SYNC).data()  # the row's texts are made
    resets: list[int] = []
    changed: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles=(): changed.append(a.row()))

    def tx(conn):
        conn.execute("UPDATE products SET has_local_changes = 1 WHERE product_id = '900002'")
    store.writer.write_sync(tx)
    model.apply_changes(ChangeSet(products={"900002"}).products)
    row = model.row_of("900002")
    assert resets == [] and changed == [row]
    assert before == "" and model.index(row, COL_SYNC).data() == "待同步"


def test_orders_ship_by_counts_down_while_other_texts_are_kept(store):
    clock = [NOW]
    model = OrdersModel(store.reader, clock=lambda: clock[0])
    model.set_query(q.OrderTab.TO_SHIP)
    row = model.row_at(0)
    ship_by = model.index(0, COL_SHIP_BY)
    assert row.ship_by > NOW
    first = ship_by.data()
    assert first.startswith("剩 ")
    assert model.index(0, COL_AMOUNT).data() == format_fen(row.order_price)
    clock[0] = row.ship_by + 3600
    assert ship_by.data() != first and ship_by.data().startswith("已超时 ")
    assert ship_by.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, COL_ID).data(Qt.ItemDataRole.UserRole + 1) == row.order_id
    assert model.index(0, COL_ID).data(Qt.ItemDataRole.SizeHintRole) is None


def test_gift_models(qtmodeltester, store):
    rows = q.gift_rows(store.reader())
    first = next(r for r in rows if r.section is q.GiftSection.AWAITING)
    clock = [first.create_time + 3600]
    awaiting = GiftsModel(q.GiftSection.AWAITING, clock=lambda: clock[0])
    awaiting.set_rows(rows)
    accepted = GiftsModel(q.GiftSection.ACCEPTED, clock=lambda: clock[0])
    accepted.set_rows(rows)
    assert awaiting.rowCount() > 0 and accepted.rowCount() > 0
    qtmodeltester.check(awaiting)
    qtmodeltester.check(accepted)
    before = awaiting.index(0, COL_TIME).data()
    assert before == "23小时00分00秒"
    clock[0] += 61
    assert awaiting.index(0, COL_TIME).data() == "22小时58分59秒"  # the countdown moves


def test_conflicts_model(qtmodeltester, store):
    model = ConflictsModel(store.reader)
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert model.decided_products() == {}
    model.choose([0], "mine")
    assert model.decided_products() == {}
    model.choose([1], "theirs")
    assert model.decided_products() == {
        "900001": {"title": "mine", "skus[8000010].sale_price": "theirs"}}
    assert field_label("skus[8000010].sale_price") == "售价（SKU 8000010）"
    assert value_text("skus[1].sale_price", "2590") == "¥25.90"
