"""The 50,000-order shop: bulk upsert time, tab and search latency (numbers printed with -s)."""

from __future__ import annotations

import statistics
import time

import pytest

from seller_desktop.store import Store
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.search import search_orders

from .factories import make_order

N = 50_000
STATUSES = (20, 20, 12, 21, 30, 100, 250)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    orders = [make_order(i, status=STATUSES[i % len(STATUSES)], gift=i % len(STATUSES) == 2)
              for i in range(N)]
    store = Store.open(tmp_path_factory.mktemp("big"))
    started = time.perf_counter()
    result = store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(orders), durable=False)
    elapsed = time.perf_counter() - started
    print(f"\nupsert of {N} new orders: {elapsed:.2f} s = {N / elapsed:,.0f} orders/s")
    yield store, orders, result, elapsed
    store.close()


@pytest.mark.slow
def test_bulk_upsert_of_50000_orders(big_store):
    store, orders, result, elapsed = big_store
    assert len(result.new) == N
    assert OrderRepo(store.reader()).count() == N
    assert elapsed < 15, f"bulk upsert took {elapsed:.1f} s"
    started = time.perf_counter()
    again = store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(orders), durable=False)
    print(f"re-upsert, all unchanged: {time.perf_counter() - started:.2f} s")
    assert again.unchanged == N and not again.touched


@pytest.mark.slow
def test_search_and_tabs_on_50000_orders_are_fast(big_store):
    store, orders, _result, _elapsed = big_store
    reader = store.reader()
    timings: dict[str, float] = {}
    for query in ("中关村大街", "枸杞礼盒", orders[4321].order_id[-8:], "世纪大道12"):
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            rows = search_orders(reader, query, limit=200)
            runs.append(time.perf_counter() - started)
            assert rows
        timings[query] = statistics.median(runs) * 1000
    print("search ms (median of 5):", {k: round(v, 1) for k, v in timings.items()})
    assert max(timings.values()) < 20, timings
    started = time.perf_counter()
    page = OrderRepo(reader).list_tab("to_ship", offset=1000, limit=200)
    tab_ms = (time.perf_counter() - started) * 1000
    print(f"to_ship page: {tab_ms:.1f} ms")
    assert len(page) == 200 and tab_ms < 50
