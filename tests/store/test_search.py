"""Search: trigram FTS for 3+ characters, instr() on the content table for 1–2, phone last 4,
hostile input."""

from __future__ import annotations

import pytest

from seller_desktop.domain.order import Address
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.products import ProductRepo
from seller_desktop.store.search import search_orders, search_products

from .factories import make_order, make_product


@pytest.fixture
def shop(store):
    from dataclasses import replace

    orders = [make_order(i) for i in range(40)]
    orders[7] = replace(orders[7], address=Address("张**", "186****6868", "北京市", "北京市",
                                                   "海淀区", "中关村南大街5号"),
                        merchant_notes="客户要求周末送达")
    orders[8] = replace(orders[8], status=30)
    store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(orders))
    store.writer.write_sync(lambda c: ProductRepo(c).upsert_server_many(
        (make_product(i), None) for i in range(8)))
    return orders


def found(rows) -> set[str]:
    return {r["order_id"] for r in rows}


def test_three_chinese_characters_use_the_index(store, shop):
    rows = search_orders(store.reader(), "中关村南")
    assert found(rows) == {shop[7].order_id}
    assert found(search_orders(store.reader(), "周末送达")) == {shop[7].order_id}
    titles = search_orders(store.reader(), "红糖姜茶")
    assert titles and all("红糖姜茶" in r["line_titles"] for r in titles)


def test_one_or_two_characters_fall_back_to_the_table(store, shop):
    # SQLite 3.40.1 answers LIKE '%张%' on a trigram table with nothing: we must not ask it.
    assert found(search_orders(store.reader(), "张")) == {
        o.order_id for o in shop if o.address.user_name.startswith("张")}
    assert shop[7].order_id in found(search_orders(store.reader(), "周末"))
    assert found(search_orders(store.reader(), "海淀 张")) == {
        o.order_id for o in shop if o.address.user_name.startswith("张") and o.address.county == "海淀区"}


def test_last_four_phone_digits_find_the_order(store, shop):
    assert shop[7].order_id in found(search_orders(store.reader(), "6868"))


def test_search_within_a_tab(store, shop):
    all_rows = found(search_orders(store.reader(), "海淀区"))
    shipped = found(search_orders(store.reader(), "海淀区", tab="shipped"))
    assert shipped == all_rows & {shop[8].order_id}
    assert shop[7].order_id in found(search_orders(store.reader(), "海淀区", tab="to_ship"))


HOSTILE_QUERIES = ['"', "*", "AND", "OR NOT", '"AND"', "NEAR(a b)", "a:b", "^",
                   "'; DROP TABLE orders; --", "(", "中关村\"", "", "\x00", "中关\x00村南",
                   "abc\x00", "\ud800", "\udfff中关村", "中\ud83d", "\x1f\x07\x1b[0m",
                   "x" * 5_000_000, "中关村 " * 10_000]


@pytest.mark.parametrize("query", HOSTILE_QUERIES,
                         ids=lambda q: ascii(q[:12]) + (f"..{len(q)}" if len(q) > 12 else ""))
def test_hostile_input_is_just_text(store, shop, query):
    """Anything a seller can type or paste into a search box (NUL, lone surrogates, FTS
    syntax, a 5 MB paste) is searched as text by every search the window uses."""
    from seller_desktop.store import ui_queries as q

    conn = store.reader()
    search_orders(conn, query)
    search_products(conn, query)
    for tab in q.OrderTab:
        q.order_page(conn, tab, query)
        q.order_count(conn, tab, query)
    q.order_tab_counts(conn, query)
    q.product_page(conn, q.ProductFilter.ALL, query)
    q.product_count(conn, q.ProductFilter.ALL, query)
    q.scan_order_search(conn, query)
    assert OrderRepo(store.reader()).count() == 40


def test_a_nul_inside_a_word_does_not_hide_its_matches(store, shop):
    assert shop[7].order_id in found(search_orders(store.reader(), "中关村\x00南"))


def test_quotes_are_matched_literally(store, shop):
    assert search_orders(store.reader(), 'AND') == []


def test_products_by_title_code_and_short_query(store, shop):
    assert search_products(store.reader(), "景德镇青花瓷") == ["100002"]
    assert search_products(store.reader(), "CODE-0003-1") == ["100003"]
    assert set(search_products(store.reader(), "大米")) == {"100007"}
    page = ProductRepo(store.reader()).list(search="咖啡")
    assert [p["product_id"] for p in page] == ["100000"]


def test_edited_note_is_searchable(store, shop):
    store.writer.write_sync(lambda c: c.execute(
        "UPDATE orders SET merchant_notes = '易碎品轻拿轻放' WHERE order_id = ?", (shop[3].order_id,)))
    assert found(search_orders(store.reader(), "轻拿轻放")) == {shop[3].order_id}


# ---- the window's 1–2 character order search (texts held in memory) -------------------------

@pytest.mark.parametrize("query", ["张", "周末", "海淀 张", "68", "6868", "1", "单", "无此", "北京 区"])
def test_in_memory_short_search_matches_the_sql_scan(store, shop, query):
    from seller_desktop.store import ui_queries as q

    conn = store.new_reader()
    try:
        assert q.scan_order_search(conn, query) == q.scan_order_search_sql(conn, query)
    finally:
        conn.close()


def test_in_memory_texts_are_read_again_after_a_commit(store, shop):
    from dataclasses import replace

    from seller_desktop.store import ui_queries as q

    conn = store.new_reader()
    try:
        before = q.scan_order_search(conn, "周末")
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            [replace(make_order(99), merchant_notes="周末不送")]))
        after = q.scan_order_search(conn, "周末")
        assert len(after) == len(before) + 1
        assert q.scan_order_search(conn, "周末") == q.scan_order_search_sql(conn, "周末")
    finally:
        conn.close()


LONG_QUERIES = ["海淀区", "中关村 号", "红糖姜茶 1", "大街 号 北", "6868", "3705", "无此词",
                "海淀区 无此", "中关村南大街5号 客户 周末"]


def test_a_long_search_is_placed_in_the_texts_held(store, shop, monkeypatch):
    """A large shop's full-text search in the worker: the index's rowids placed in the texts
    held (their order, their short terms), the same matches as SQLite's; with the texts read
    before a commit, SQLite's."""
    from dataclasses import replace

    from seller_desktop.store import order_search
    from seller_desktop.store import ui_queries as q

    conn = store.new_reader()
    try:
        q.warm_order_texts(conn)
        expected = {text: q.scan_order_search_sql(conn, text) for text in LONG_QUERIES}
        assert sum(bool(len(m)) for m in expected.values()) >= 6
        real_scan = order_search.scan_order_search_sql
        monkeypatch.setattr(order_search, "scan_order_search_sql", lambda *a: pytest.fail("sql"))
        for text, matches in expected.items():
            assert q.find_order_matches(conn, text) == matches, text
        texts = order_search._current_texts(conn)
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            [replace(make_order(99), merchant_notes="海淀区自提")]))
        # a commit between reading the texts and the index: not placed in stale texts
        assert order_search._indexed_matches(conn, texts, ["海淀区"]) is None
        monkeypatch.setattr(order_search, "scan_order_search_sql", real_scan)
        after = q.find_order_matches(conn, "海淀区")
        assert after == q.scan_order_search_sql(conn, "海淀区")
        assert len(after) == len(expected["海淀区"]) + 1
    finally:
        conn.close()


@pytest.mark.parametrize("held", [True, False], ids=["texts held", "sql fallback"])
def test_short_search_counts_and_pages_every_tab_in_its_order(store, held):
    """The matches kept in the 全部 order give each tab the rows, order and count that SQLite
    gives for the same search: statuses of every tab, equal create times and deadlines
    (ties by order id), deadlines of 0 last."""
    from seller_desktop.store import ui_queries as q

    statuses = (20, 12, 21, 30, 100, 190, 200, 250)
    base = 1_760_000_000
    orders = [make_order(i, statuses[i % len(statuses)], create_time=base + (i // 3 - i) * 60,
                         ship_by=0 if i % 5 == 0 else base + (i % 4) * 3600)
              for i in range(60)]
    store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(orders))
    conn = store.new_reader()
    try:
        q.forget_order_searches()
        if held:
            q.warm_order_texts(conn)
        for query in ("北", "区 1", "1", "无此"):
            assert q.order_texts_current(conn) is held
            where, params = q.text_search(query, "orders_fts", q.ORDER_TEXT,
                                           exact=("tel_last4",))
            counts = q.order_tab_counts(conn, query)
            for tab in q.OrderTab:
                expected = [r[0] for r in conn.execute(
                    f"SELECT order_id FROM orders WHERE {q.tab_where(tab)} AND {where} "
                    f"ORDER BY {q.TAB_ORDER[tab]}, order_id", params)]
                assert [r.order_id for r in q.order_page(conn, tab, query, 0, 500)] == expected
                paged = [r.order_id for start in range(0, len(expected) + 3, 3)
                         for r in q.order_page(conn, tab, query, start, 3)]
                assert paged == expected, tab
                assert counts[tab] == q.order_count(conn, tab, query) == len(expected)
                # which of some orders (a sync changed them) the tab shows under the search
                some = [o.order_id for o in orders[::2]] + ["no such order"]
                assert q.orders_matching(conn, tab, query, some) == set(expected) & set(some)
            assert counts[q.OrderTab.ALL] > 0 or query == "无此"
    finally:
        q.forget_order_searches()
        conn.close()


def test_after_a_commit_pages_come_from_the_matches_shown(store, shop, monkeypatch):
    """Scrolling a 1–2 character search while a sync commits: the page comes from the matches
    the window shows (it scans again off the UI thread), never from a table scan here."""
    from dataclasses import replace

    from seller_desktop.store import ui_queries as q

    conn = store.new_reader()
    try:
        q.forget_order_searches()
        shown = [r.order_id for r in q.order_page(conn, q.OrderTab.ALL, "周末")]
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            [replace(make_order(99), merchant_notes="周末不送")]))
        real_scan = q.scan_order_search_sql
        monkeypatch.setattr(q, "scan_order_search_sql", lambda *a: pytest.fail("scanned"))
        assert [r.order_id for r in q.order_page(conn, q.OrderTab.ALL, "周末")] == shown
        assert not q.has_order_search(conn, "周末")  # the window's cue to scan again
        monkeypatch.setattr(q, "scan_order_search_sql", real_scan)
        q.remember_order_search(conn, "周末", q.data_version(conn),
                                q.scan_order_search_sql(conn, "周末"))
        assert len(q.order_page(conn, q.OrderTab.ALL, "周末")) == len(shown) + 1
    finally:
        q.forget_order_searches()
        conn.close()
