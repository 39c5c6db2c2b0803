"""Orders searched by 1–2 character terms only: no index serves them, so the matches are
found once per search and data version (``OrderMatches``, from every order's text held in
memory or one ``instr`` scan) and every tab's count and page come from those matches. A large
shop's window finds any search's matches so, off the UI thread (``find_order_matches``).

Terms of 3+ characters go through the trigram FTS table (``search.text_search``); this module
also gives the WHERE clause any order query uses for a search (``order_search_where``).
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import Counter
from operator import itemgetter

from .order_tabs import TAB_ORDER, TAB_SORT, TAB_STATUSES, OrderTab, tab_counts, tab_where
from .search import TRIGRAM, terms, text_search

ORDER_TEXT = ("order_id", "line_titles", "user_name", "address_text", "customer_notes",
               "merchant_notes", "present_note")
# The 全部 tab's order, which the 1–2 character matches below keep (see OrderMatches)
ALL_ORDER = "create_time DESC, order_id"
MATCH_COLS = "rowid, status, ship_by, create_time"


def needs_scan(search: str) -> bool:
    """Only 1–2 character terms: no index helps, the table is scanned once (see below)."""
    words = terms(search)
    return bool(words) and all(len(t) < TRIGRAM for t in words)


def data_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA data_version").fetchone()[0]


class OrderMatches:
    """The orders matching a 1–2 character search: ``(rowid, status, ship_by, create_time)``
    in the 全部 tab's order, so the tab counts and any tab's page come from these rows without
    asking SQLite to match or sort again (it cannot use an index for such terms)."""

    __slots__ = ("rows", "complete", "_tabs", "_counts", "_json")

    def __init__(self, rows: list[tuple[int, int, int, int]], complete: bool = True) -> None:
        self.rows = rows
        self.complete = complete  # False: the first matches only (``first_order_matches``)
        self._tabs: dict[OrderTab, list[int]] = {}
        self._counts: dict[OrderTab, int] | None = None
        self._json: str | None = None

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, OrderMatches) and self.rows == other.rows
                and self.complete == other.complete)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return f"OrderMatches({self.rows!r})"

    def counts(self) -> dict[OrderTab, int]:
        if self._counts is None:
            self._counts = tab_counts(Counter(map(itemgetter(1), self.rows)))
        return self._counts

    def rowids(self, tab: OrderTab) -> list[int]:
        """The tab's matches in the tab's order."""
        ids = self._tabs.get(tab)
        if ids is None:
            statuses = TAB_STATUSES[tab]
            rows = self.rows if statuses is None else [r for r in self.rows if r[1] in statuses]
            if tab in TAB_SORT:
                rows = sorted(rows, key=TAB_SORT[tab])
            ids = self._tabs[tab] = [r[0] for r in rows]
        return ids

    def json(self) -> str:
        """Every match's rowid as a JSON array, for ``rowid IN (SELECT value FROM json_each(?))``."""
        if self._json is None:
            self._json = json.dumps([r[0] for r in self.rows])
        return self._json


class _OrderTexts:
    """Every order's searchable text, held for the 1–2 character scans of one connection.

    No SQL index serves such terms, and scanning the table's seven text columns with ``instr``
    took about 100 ms at 50,000 orders; a substring test over these strings takes a few ms.
    Reading them costs one pass over the table, paid again only after a commit (the
    connection's ``data_version`` moved).
    """

    _SEP = "\x1f"  # whitespace to ``str.split``, so never inside a search term

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn  # compared by identity (sqlite3 connections take no weak references)
        self.version = data_version(conn)
        joined = " || char(31) || ".join(f"coalesce({c}, '')" for c in ORDER_TEXT)
        # Each order's (rowid, status, ship_by, create_time) in four arrays, not 200,000
        # tuples: tuples kept alive pile up for the cyclic GC, whose full pass then held the
        # GIL, and so the UI thread, for 35 ms in the middle of the read.
        self.columns = tuple(array("q") for _ in range(4))
        self.texts: list[str] = []
        self.tels: dict[str, tuple[int, ...]] = {}  # tel_last4 → rows (equal to a term: a match)
        rowids, statuses, ship_bys, creates = (a.append for a in self.columns)
        texts, tels = self.texts.append, {}
        for i, (rowid, status, ship_by, created, tel, text) in enumerate(conn.execute(
                f"SELECT {MATCH_COLS}, coalesce(tel_last4, ''), {joined} FROM orders "
                f"ORDER BY {ALL_ORDER}")):
            rowids(rowid)
            statuses(status)
            ship_bys(ship_by)
            creates(created)
            texts(text)
            if tel in tels:
                tels[tel].append(i)
            else:
                tels[tel] = [i]
        # tuples of ints, which the collector stops tracking (up to 10,000 last-4 digits)
        self.tels = {tel: tuple(rows) for tel, rows in tels.items()}

    def _rows(self, indexes) -> list[tuple[int, int, int, int]]:
        rowids, statuses, ship_bys, creates = self.columns
        return [(rowids[i], statuses[i], ship_bys[i], creates[i]) for i in indexes]

    def matching(self, words: list[str]) -> OrderMatches:
        """The orders where every word is in a text column or equals ``tel_last4`` (the rules
        of ``text_search`` for short terms)."""
        if not words:  # nothing to look for (a query of spaces or control characters)
            return OrderMatches(self._rows(range(len(self.texts))))
        texts = self.texts
        first, *rest = words
        hits = [i for i, text in enumerate(texts) if first in text]
        if first in self.tels:
            hits = sorted({*hits, *self.tels[first]})
        for word in rest:
            tel = set(self.tels.get(word, ()))
            hits = [i for i in hits if word in texts[i] or i in tel]
        return OrderMatches(self._rows(hits))


_order_texts: _OrderTexts | None = None


def _current_texts(conn: sqlite3.Connection, version: int | None = None) -> _OrderTexts | None:
    """The texts held, if they were read through ``conn`` at its current data version."""
    texts = _order_texts
    if texts is None or texts.conn is not conn:
        return None
    return texts if texts.version == (data_version(conn) if version is None else version) \
        else None


def warm_order_texts(conn: sqlite3.Connection) -> _OrderTexts:
    """The texts ``scan_order_search`` reads, current for ``conn`` (read now if they are not)."""
    global _order_texts
    texts = _current_texts(conn)
    if texts is None:
        _order_texts = None  # let the old strings go before reading the new ones
        texts = _order_texts = _OrderTexts(conn)
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
    return OrderMatches([tuple(r) for r in conn.execute(
        f"SELECT {MATCH_COLS} FROM orders WHERE {where} ORDER BY {ALL_ORDER}", params)])


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


def find_order_matches(conn: sqlite3.Connection, search: str) -> OrderMatches:
    """Every match of any search, for a worker thread: 1–2 character terms from the texts
    held in memory, others through the full-text index."""
    if needs_scan(search):
        return scan_order_search(conn, search)
    return scan_order_search_sql(conn, search)


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


def order_search_where(search: str, conn: sqlite3.Connection | None = None) -> tuple[str, list]:
    if conn is not None and uses_matches(conn, search):
        return "rowid IN (SELECT value FROM json_each(?))", [short_scan(conn, search).json()]
    return text_search(search, "orders_fts", ORDER_TEXT, exact=("tel_last4",))

