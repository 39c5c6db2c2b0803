"""What the window asks on every change (tab counts, the gift board) costs the same at any size
of the shop: counts kept per status by triggers, the gifts found through their own index."""

from __future__ import annotations

import dataclasses
import sqlite3

from seller_desktop.store import Store
from seller_desktop.store import ui_queries as q
from seller_desktop.store.migrations import MIGRATIONS
from seller_desktop.store.orders import OrderRepo

from .factories import make_order


def _by_status(conn: sqlite3.Connection) -> dict[int, int]:
    return dict(conn.execute("SELECT status, count(*) FROM orders GROUP BY status"))


def _steps(conn: sqlite3.Connection, fn) -> int:
    """SQLite virtual-machine steps ``fn`` takes (counted every 100), a measure of its work
    that the machine's load does not move."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(tick, 100)
    try:
        fn()
    finally:
        conn.set_progress_handler(None, 100)
    return steps[0]


def _add(store: Store, start: int, count: int) -> None:
    statuses = (20, 30, 100, 100, 100, 250)
    store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
        make_order(i, statuses[i % len(statuses)], gift=i % 50 == 0)
        for i in range(start, start + count)))


def test_tab_counts_and_the_gift_board_cost_the_same_at_any_size(data_dir):
    with Store.open(data_dir) as store:
        reader = store.reader()
        _add(store, 0, 300)
        small = (_steps(reader, lambda: q.order_tab_counts(reader)),
                 _steps(reader, lambda: q.gift_rows(reader)))
        gifts = q.gift_rows(reader)
        _add(store, 300, 3000)  # ten times the orders, no more gifts awaiting or expired
        large = (_steps(reader, lambda: q.order_tab_counts(reader)),
                 _steps(reader, lambda: q.gift_rows(reader)))
        assert large[0] <= small[0] + 1
        # the gift board grows with the gifts only (66 among 3,300, 6 before)
        assert large[1] <= small[1] + 30, (small, large)
        assert len(q.gift_rows(reader)) > len(gifts)


def test_the_kept_counts_follow_inserts_status_changes_and_deletes(data_dir):
    with Store.open(data_dir) as store:
        reader = store.reader()
        _add(store, 0, 200)
        orders = [make_order(i, 20) for i in range(0, 200, 3)]
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            dataclasses.replace(o, status=30, update_time=o.update_time + 99) for o in orders))
        store.writer.write_sync(lambda c: c.execute(
            "DELETE FROM orders WHERE rowid IN (SELECT rowid FROM orders LIMIT 7)"))
        expected = q.tab_counts(_by_status(reader))
        assert q.order_tab_counts(reader) == expected
        assert all(q.order_count(reader, tab) == expected[tab] for tab in q.OrderTab)


def test_a_cache_from_before_the_counts_gets_them_when_migrated(data_dir):
    with Store.open(data_dir, migrations=MIGRATIONS[:1]) as store:
        _add(store, 0, 500)
    with Store.open(data_dir) as store:
        reader = store.reader()
        assert q.order_tab_counts(reader) == q.tab_counts(_by_status(reader))
        _add(store, 500, 10)
        assert q.order_tab_counts(reader) == q.tab_counts(_by_status(reader))
