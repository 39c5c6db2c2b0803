"""Orders searched by 1–2 character terms only: no index serves them, so the matches are
found once per search and data version (``OrderMatches``, from every order's text held in
memory, ``order_texts``, or one ``instr`` scan) and every tab's count and page come from those
matches. A large shop's window finds any search's matches so, off the UI thread
(``find_order_matches``), which remembers them for the queries of the UI thread.

Terms of 3+ characters go through the trigram FTS table (``search.text_search``); this module
also gives the WHERE clause of an order query for a search without matches held
(``order_search_where``).
"""

from __future__ import annotations

import sqlite3

from .order_matches import OrderMatches
from .order_tabs import TAB_ORDER, OrderTab, tab_where
from .order_texts import ALL_ORDER, MATCH_COLS, ORDER_TEXT, OrderTexts, data_version
from .search import TRIGRAM, fts_phrase, terms, text_search


def needs_scan(search: str) -> bool:
    """Only 1–2 character terms: no index helps, the table is scanned once (see below)."""
    words = terms(search)
    return bool(words) and all(len(t) < TRIGRAM for t in words)


_order_texts: OrderTexts | None = None


def _current_texts(conn: sqlite3.Connection, version: int | None = None) -> OrderTexts | None:
    """The texts held, if they were read through ``conn`` at its current data version."""
    texts = _order_texts
    if texts is None or texts.conn is not conn:
        return None
    return texts if texts.version == (data_version(conn) if version is None else version) \
        else None


def warm_order_texts(conn: sqlite3.Connection) -> OrderTexts:
    """The texts ``scan_order_search`` reads, current for ``conn`` (read now if they are not)."""
    global _order_texts
    texts = _current_texts(conn)
    if texts is None:
        _order_texts = None  # let the old strings go before reading the new ones
        texts = _order_texts = OrderTexts(conn)
    return texts


def order_texts_current(conn: sqlite3.Connection) -> bool:
    """Whether ``scan_order_search(conn, …)`` would only match (no reading of the texts)."""
    return _current_texts(conn) is not None


def scan_order_search(conn: sqlite3.Connection, search: str) -> OrderMatches:
    """The orders matching ``search`` (1–2 character terms only) (any connection, any thread:
    the window runs it off the UI thread and hands the result to ``remember``)."""
    return warm_order_texts(conn).matching(terms(search))


def scan_order_search_sql(conn: sqlite3.Connection, search: str) -> OrderMatches:
    """``scan_order_search`` done by SQLite alone (the tests' oracle; the fallback when the
    texts are not current)."""
    where, params = text_search(search, "orders_fts", ORDER_TEXT, exact=("tel_last4",))
    return OrderMatches(conn.execute(
        f"SELECT {MATCH_COLS} FROM orders WHERE {where} ORDER BY {ALL_ORDER}", params))


def first_order_matches(conn: sqlite3.Connection, tab: OrderTab, search: str,
                        limit: int) -> OrderMatches:
    """The first ``limit`` matches of ``tab`` for 1–2 character terms, found by SQLite walking
    the tab's index and stopping after them: the first search after start shows these while
    the texts ``scan_order_search`` needs are read (1.6 s at 200,000 orders). Incomplete: its
    counts are only of these rows, kept in the 全部 order like every ``OrderMatches``."""
    where, params = text_search(search, "orders_fts", ORDER_TEXT, exact=("tel_last4",))
    rows = [tuple(r) for r in conn.execute(
        f"SELECT {MATCH_COLS} FROM orders WHERE {tab_where(tab, paging=True)} AND {where} "
        f"ORDER BY {TAB_ORDER[tab]}, order_id LIMIT ?", [*params, limit])]
    rows.sort(key=lambda r: -r[3])  # stable: the tab's own order within a create_time
    return OrderMatches(rows, complete=False)


_short_matches: dict[tuple[int, str], tuple[int, OrderMatches]] = {}  # (conn, text) → …


def remember_order_search(conn: sqlite3.Connection, search: str, version: int,
                          matches: OrderMatches) -> None:
    """Keep a scan's result for ``conn`` as of ``version`` (queries at another data version
    scan again)."""
    _short_matches.clear()  # one search at a time is what the window needs
    _short_matches[(id(conn), " ".join(terms(search)))] = (version, matches)


def forget_order_searches() -> None:
    _short_matches.clear()


def has_order_search(conn: sqlite3.Connection, search: str) -> bool:
    """Whether every match of ``search`` is held for ``conn`` as of its data version."""
    cached = _short_matches.get((id(conn), " ".join(terms(search))))
    return cached is not None and cached[1].complete and cached[0] == data_version(conn)


def uses_matches(conn: sqlite3.Connection, search: str) -> bool:
    """Whether the order queries answer ``search`` from its matches (``short_scan``): always
    for 1–2 character terms; for others when the window found them off the UI thread and
    remembered them (a large shop's every search, see ``OrdersScreen.apply_search``)."""
    return needs_scan(search) or (id(conn), " ".join(terms(search))) in _short_matches


def find_order_matches(conn: sqlite3.Connection, search: str,
                       tab: OrderTab | None = None) -> OrderMatches:
    """Every match of any search, for a worker thread: 1–2 character terms from the texts
    held in memory, others through the full-text index; their tab counts and ``tab``'s order
    worked out there too (``OrderMatches.prepare``)."""
    if needs_scan(search):
        return scan_order_search(conn, search).prepare(tab)
    texts = _current_texts(conn)
    matches = None if texts is None else _indexed_matches(conn, texts, terms(search))
    if matches is None:  # the texts not read, or read before a commit
        matches = scan_order_search_sql(conn, search)
    return matches.prepare(tab)


def _indexed_matches(conn: sqlite3.Connection, texts: OrderTexts,
                     words: list[str]) -> OrderMatches | None:
    """A search with 3+ character terms from the full-text index's rowids placed in the texts
    held (their order, and their short terms matched there): reading each match's row to sort
    it took 20 ms for 4,800 matches at 200,000 orders. None when a commit landed meanwhile."""
    long_terms = [t for t in words if len(t) >= TRIGRAM]
    rowids = conn.execute("SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?",
                          [" ".join(fts_phrase(t) for t in long_terms)]).fetchall()
    among = texts.positions(r[0] for r in rowids)
    if among is None or data_version(conn) != texts.version:
        return None
    return texts.matching([t for t in words if len(t) < TRIGRAM], among)


def order_search_complete(conn: sqlite3.Connection, search: str) -> bool:
    """False while a 1–2 character search shows only its first matches (the counts of the
    view are then of those rows only)."""
    if not uses_matches(conn, search):
        return True
    cached = _short_matches.get((id(conn), " ".join(terms(search))))
    return cached is None or cached[1].complete


def short_scan(conn: sqlite3.Connection, search: str) -> OrderMatches:
    """Orders matching a search that ``uses_matches``: one scan per search text and data
    version (not one per count, page and tab)."""
    text = " ".join(terms(search))
    version = data_version(conn)
    cached = _short_matches.get((id(conn), text))
    if cached is not None and cached[0] == version:
        return cached[1]
    # the texts match 1–2 character terms only (longer ones follow the trigram index's rules)
    texts = _current_texts(conn, version) if needs_scan(text) else None
    if texts is not None:
        matches = texts.matching(terms(text))
    elif cached is not None:
        # A commit since the scan: the window scans again off the UI thread when it hears of
        # the change (OrdersScreen.on_changes); until then a page scrolled in comes from the
        # matches it shows, not from a ~100 ms scan here on the UI thread.
        return cached[1]
    else:
        matches = scan_order_search_sql(conn, text)
    remember_order_search(conn, text, version, matches)
    return matches


def order_search_where(search: str) -> tuple[str, list]:
    """The WHERE clause of an order query for ``search`` when it does not ``uses_matches``
    (those queries take their rows from ``short_scan``'s matches instead)."""
    return text_search(search, "orders_fts", ORDER_TEXT, exact=("tel_last4",))

