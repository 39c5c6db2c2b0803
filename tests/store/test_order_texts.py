"""The orders' texts held for 1–2 character searches leave the cyclic garbage collector nothing
per order to walk: at 200,000 orders kept tuples made a full collection in the reading worker
hold the GIL, and so the window, for 35 ms. The matches are those of SQLite."""

from __future__ import annotations

import gc

from seller_desktop.store import Store, order_search
from seller_desktop.store import ui_queries as q
from seller_desktop.store.orders import OrderRepo

from .factories import make_order


def test_the_texts_hold_no_per_order_object_for_the_collector(data_dir):
    with Store.open(data_dir) as store:
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            make_order(i, (10, 20, 30, 100, 250)[i % 5]) for i in range(3000)))
        conn = store.new_reader()
        try:
            gc.collect()
            before = len(gc.get_objects())
            texts = order_search._OrderTexts(conn)
            gc.collect()
            kept = len(gc.get_objects()) - before
            # a list per distinct tel_last4 at most (few), not one object per order
            assert kept < 3000 // 10, kept
            for search in ("北", "1", "号 2", "1 北", "区区"):
                assert texts.matching(q.terms(search)) == q.scan_order_search_sql(conn, search)
            assert texts.matching([]) == q.scan_order_search_sql(conn, " ")
        finally:
            conn.close()
