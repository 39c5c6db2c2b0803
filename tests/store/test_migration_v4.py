"""Migration 4 (the product list's covering index): a version-3 cache keeps every row when it is
upgraded, and the list, its counts and its searches then read the index, never the table."""

from __future__ import annotations

import pytest

from seller_desktop.store import Store
from seller_desktop.store import product_queries as pq
from seller_desktop.store import ui_queries as q
from seller_desktop.store.db import refresh_statistics
from seller_desktop.store.migrations import MIGRATIONS
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.products import ProductRepo

from .factories import make_order, make_product


def _fill_v3(data_dir) -> tuple[list, list]:
    with Store.open(data_dir, migrations=MIGRATIONS[:3]) as old:
        old.writer.write_sync(lambda c: ProductRepo(c).upsert_server_many(
            (make_product(i, status=(5, 0, 11, 12)[i % 4]), None) for i in range(300)))
        old.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            make_order(i, status=(10, 20, 30, 100)[i % 4]) for i in range(400)))
        conn = old.reader()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'products_list'").fetchone()
        return (conn.execute("SELECT * FROM products ORDER BY product_id").fetchall(),
                conn.execute("SELECT * FROM orders ORDER BY order_id").fetchall())


def test_a_version_3_cache_upgraded_keeps_its_rows(data_dir):
    products, orders = _fill_v3(data_dir)
    with Store.open(data_dir) as store:
        conn = store.reader()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) >= 4
        assert conn.execute("SELECT * FROM products ORDER BY product_id").fetchall() == products
        assert conn.execute("SELECT * FROM orders ORDER BY order_id").fetchall() == orders
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # the index holds every product, and the list reads the same as before the upgrade
        assert conn.execute(
            "SELECT count(*) FROM products INDEXED BY products_list").fetchone()[0] == 300
        assert q.product_count(conn, q.ProductFilter.ALL) == 300
        assert q.product_count(conn, q.ProductFilter.ON_SALE) == 75
        assert q.order_tab_counts(conn)[q.OrderTab.ALL] == 400


def _plan(conn, sql: str, params: list) -> str:
    return " | ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


@pytest.mark.parametrize("filter_", list(q.ProductFilter))
@pytest.mark.parametrize("search", ["", "充电宝", "CODE-0012", "第1", "9", "充电宝 第"])
def test_the_product_list_reads_the_covering_index_not_the_table(data_dir, filter_, search):
    _fill_v3(data_dir)
    with Store.open(data_dir) as store:
        store.writer.write_sync(refresh_statistics)  # as after a full sync
        conn = store.reader()
        where, params = pq._product_where(filter_, search)
        page = _plan(conn, f"SELECT {pq._PRODUCT_COLS} FROM products WHERE {where} "
                     f"ORDER BY {pq.LIST_ORDER} LIMIT 200 OFFSET 0", params)
        count = _plan(conn, f"SELECT count(*) FROM products WHERE {where}", params)
        assert "SCAN products USING COVERING INDEX products_list" in page
        assert "TEMP B-TREE" not in page  # served in the index's order, no sort
        for plan in (page, count):
            # every products access is through a covering index (no row of JSON read)
            touches = [p for p in plan.split(" | ") if " products " in f" {p} "]
            assert touches and all("COVERING INDEX" in p for p in touches), plan
        # and the answers are those of the table itself
        rows = q.product_page(conn, filter_, search)
        table = conn.execute(
            f"SELECT {pq._PRODUCT_COLS} FROM products NOT INDEXED WHERE "
            f"{where.replace('+rowid', 'rowid')} ORDER BY {pq.LIST_ORDER} LIMIT 200",
            params).fetchall()
        assert [r.product_id for r in rows] == [r[0] for r in table]
        assert q.product_count(conn, filter_, search) == conn.execute(
            f"SELECT count(*) FROM products NOT INDEXED WHERE "
            f"{where.replace('+rowid', 'rowid')}", params).fetchone()[0]
