"""A tab of several statuses (已取消) pages by create_time at a cost set by the page, not by
the orders of other statuses; ties in create_time page exactly as the full ordering."""

from __future__ import annotations

from seller_desktop.store import Store
from seller_desktop.store import ui_queries as q
from seller_desktop.store.orders import OrderRepo

from .factories import make_order
from .test_order_counts import _steps


def _reference(conn, offset: int, limit: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT order_id FROM orders WHERE status IN (190, 200, 250) "
        "ORDER BY create_time DESC, order_id LIMIT ? OFFSET ?", [limit, offset])]


def test_cancelled_pages_match_the_full_ordering_and_cost_what_they_show(data_dir):
    with Store.open(data_dir) as store:
        reader = store.reader()
        statuses = (200, 250, 190, 100)
        # four orders share each create_time, so page edges fall inside ties
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            make_order(i, statuses[i % 4], create_time=1_760_000_000 - (i // 4) * 60 - i * 60)
            for i in range(600)))
        total = q.order_count(reader, q.OrderTab.CANCELLED)
        assert total == 450
        for offset, limit in ((0, 200), (199, 7), (200, 200), (443, 200), (450, 10), (0, 1)):
            page = [r.order_id for r in q.order_page(reader, q.OrderTab.CANCELLED, "",
                                                     offset, limit)]
            assert page == _reference(reader, offset, limit), (offset, limit)
        small = _steps(reader, lambda: q.order_page(reader, q.OrderTab.CANCELLED, "", 0, 50))
        # many newer completed orders: walking by create_time would read each of them
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            make_order(i, 100, create_time=1_770_000_000) for i in range(600, 4600)))
        large = _steps(reader, lambda: q.order_page(reader, q.OrderTab.CANCELLED, "", 0, 50))
        assert large <= small * 1.5 + 5, (small, large)
