"""The orders' texts held for 1–2 character searches leave the cyclic garbage collector nothing
per order to walk: at 200,000 orders kept tuples made a full collection in the reading worker
hold the GIL, and so the window, for 35 ms. The matches are those of SQLite."""

from __future__ import annotations

import gc
import random
import sqlite3

import pytest

from seller_desktop.store import Store, order_matches, order_texts
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
            texts = order_texts.OrderTexts(conn)
            gc.collect()
            kept = len(gc.get_objects()) - before
            # a list per distinct tel_last4 at most (few), not one object per order
            assert kept < 3000 // 10, kept
            for search in ("北", "1", "号 2", "1 北", "区区"):
                assert texts.matching(q.terms(search)) == q.scan_order_search_sql(conn, search)
            assert texts.matching([]) == q.scan_order_search_sql(conn, " ")
        finally:
            conn.close()


# Characters a search meets: CJK, digits, Latin, and beyond U+FFFF (an emoji and a CJK
# Extension B character store a whole string in 4 bytes a character); the rare ones are in
# 1 order in 30 or so, the common ones in most
COMMON = "北京区号1 2a北区1"
RARE = "咖啡礼物\U0001f600\U00020000"


def _orders_of_random_texts(count: int) -> sqlite3.Connection:
    """An ``orders`` table of the columns the search reads, every text random (order ids
    too: an order's text starts with its id), some NULL, create times tied."""
    rnd = random.Random(12)

    def text() -> str | None:
        if rnd.random() < 0.1:
            return None
        return "".join(rnd.choice(RARE if rnd.random() < 0.03 else COMMON)
                       for _ in range(rnd.randrange(0, 9)))

    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute(f"CREATE TABLE orders ({', '.join(q.ORDER_TEXT)}, tel_last4, status, ship_by, "
                 "create_time)")
    conn.executemany(
        f"INSERT INTO orders VALUES ({', '.join('?' * (len(q.ORDER_TEXT) + 4))})",
        [(f"{text() or ''}{i}", *(text() for _ in q.ORDER_TEXT[1:]),
          # tel_last4 equal to a 1–2 character term (a damaged or odd reply) matches it too
          ("1", "号1", "")[i % 3] if i % 50 < 3 else "1234", (20, 30, 100)[i % 3], i % 4 * 3600,
          1_760_000_000 - i % 37 * 600) for i in range(count)])
    return conn


def _every_tab_as_sqlite_has_it(conn, search, matches, everyone) -> None:
    """Each tab's count, pages (in its order, ties by order id) and members of ``matches``
    as SQLite gives them for ``search``."""
    where, params = q.text_search(search, "orders_fts", q.ORDER_TEXT, exact=("tel_last4",))
    counts = matches.counts()
    for tab in q.OrderTab:
        expected = [r[0] for r in conn.execute(
            f"SELECT rowid FROM orders WHERE {q.tab_where(tab)} AND {where} "
            f"ORDER BY {q.TAB_ORDER[tab]}, order_id", params)]
        assert matches.rowids(tab) == expected and counts[tab] == len(expected), (search, tab)
        assert [i for start in range(0, len(expected) + 7, 7)
                for i in matches.page(tab, start, 7)] == expected
    shown = set(matches.rowids(q.OrderTab.ALL))
    assert {rowid for rowid, created in everyone if matches.has(rowid, created)} == shown


@pytest.mark.parametrize("sample", [1, 5, 1024], ids=lambda s: f"sample of {s}")
def test_every_way_of_matching_finds_what_sqlite_finds(monkeypatch, sample):
    """Found in the joined text by the rarest character, order by order, or switched from the
    one to the other when the sample misjudged a character: always SQLite's matches, in its
    order, with the orders' boundaries, columns, emoji and tel_last4 as its ``instr`` sees
    them."""
    monkeypatch.setattr(order_texts, "_SAMPLE", sample)
    monkeypatch.setattr(order_texts, "_PART", 64)  # 64 orders a joined string
    monkeypatch.setattr(order_matches, "STEP", 50)  # passes in C over 50 orders at a time
    tested: list[int] = []
    real_tested = order_texts.OrderTexts._tested
    monkeypatch.setattr(order_texts.OrderTexts, "_tested",
                        lambda self, word, first=0: tested.append(first) or real_tested(
                            self, word, first))
    chars = sorted(set(COMMON + RARE) - {" "})
    words = chars + [a + b for a in chars for b in chars]
    queries = [*words, *(f"{a} {b}" for a, b in zip(words, reversed(words), strict=True)),
               "北 区 1 号1", "1 咖", "\U0001f600 北"]
    conn = _orders_of_random_texts(700)
    try:
        texts = order_texts.OrderTexts(conn)
        assert max(max(part) for part in texts.parts) <= "\uffff"  # emoji do not widen them
        found = 0
        for search in queries:
            expected = q.scan_order_search_sql(conn, search)
            assert texts.matching(q.terms(search)) == expected, search
            found += bool(len(expected))
        assert found > len(queries) // 4
        everyone = conn.execute("SELECT rowid, create_time FROM orders").fetchall()
        for search in queries[::15]:
            _every_tab_as_sqlite_has_it(conn, search, texts.matching(q.terms(search)), everyone)
    finally:
        conn.close()
    # every path ran: by the anchor alone, order by order, and the switch from one to the
    # other (only when the sample is too small to judge the characters)
    assert 0 in tested and len(tested) < len(queries)
    assert any(tested) == (sample < 1024)


def test_full_text_matches_are_placed_by_rowid_or_not_at_all():
    """The positions of rowids the texts hold, in the 全部 order; None for a rowid they do
    not hold (read since), and when the rowids are too sparse for a table of them."""
    conn = _orders_of_random_texts(300)
    try:
        texts = order_texts.OrderTexts(conn)
        by_rowid = {rowid: i for i, rowid in enumerate(texts.columns[0])}
        some = [5, 300, 1, 77]
        assert list(texts.positions(some)) == sorted(by_rowid[r] for r in some)
        for missing in (0, -3, 301, 10**12):
            assert texts.positions([1, missing]) is None
        conn.execute("INSERT INTO orders (rowid, order_id, status, ship_by, create_time) "
                     "VALUES (10000, 'x', 20, 0, 0)")
        assert order_texts.OrderTexts(conn).positions([1]) is None
    finally:
        conn.close()
