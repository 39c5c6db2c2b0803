"""Read-only queries behind the window's Qt models (owned by the UI engineer).

Every function takes the UI thread's read connection (``Store.reader()``, a ``sqlite3``
connection) and only SELECTs. Rows come back as small frozen dataclasses (the table rows as
named tuples) so models never see SQL or column names. Paging is LIMIT/OFFSET over
index-backed orderings, so a tab of 50,000 orders costs one page at a time.

Search follows ``search.py`` (every term must match; 3+ characters through the trigram FTS
tables, 1–2 characters in the text columns), but as a WHERE clause so the views can count and
page the results of any tab or filter. Orders searched by 1–2 character terms only are matched
once per search and data version (``OrderMatches``, from texts held in memory or one ``instr``
scan) and counted and paged from those matches.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from operator import itemgetter
from typing import NamedTuple

from ..domain.order import SHIPPABLE_STATUSES
from ..domain.product import Product
from . import outbox
from .codec import product_from_dict
from .orders import TABS as ORDER_TABS
from .search import TRIGRAM, fts_phrase, terms

# ---- products -----------------------------------------------------------------------------


class ProductFilter(StrEnum):
    ALL = "all"
    ON_SALE = "on_sale"
    NOT_LISTED = "not_listed"  # never listed or delisted
    SOLD_OUT = "sold_out"
    IN_REVIEW = "in_review"
    PENDING = "pending"  # local changes waiting to sync
    CONFLICT = "conflict"


_PRODUCT_FILTER_SQL = {
    ProductFilter.ALL: "status != 9",
    ProductFilter.ON_SALE: "status = 5",
    ProductFilter.NOT_LISTED: "status IN (0, 11)",
    ProductFilter.SOLD_OUT: "(status = 12 OR (status = 5 AND total_stock = 0))",
    ProductFilter.IN_REVIEW: "edit_status IN (2, 3)",
    ProductFilter.PENDING: "has_local_changes = 1",
    ProductFilter.CONFLICT: "has_conflict = 1",
}


class ProductRow(NamedTuple):  # a tuple: a page makes 200 of these (a frozen dataclass: 5× slower)
    product_id: str
    title: str
    min_price: int | None
    max_price: int | None
    total_stock: int
    status: int
    edit_status: int
    thumb_url: str
    sku_codes: str
    has_local_changes: bool
    has_conflict: bool


@dataclass(frozen=True)
class SkuRow:
    product_id: str
    idx: int
    sku_id: str | None
    sku_code: str
    attrs: str
    sale_price: int
    stock_num: int


_PRODUCT_COLS = ("product_id, title, min_price, max_price, total_stock, status, edit_status, "
                 "thumb_url, sku_codes, has_local_changes, has_conflict")


def _product(row: Sequence) -> ProductRow:
    return ProductRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                      bool(row[9]), bool(row[10]))


def _text_search(query: str, fts_table: str, columns: tuple[str, ...],
                 exact: tuple[str, ...] = ()) -> tuple[str, list]:
    """Every whitespace-separated term must match (the rules of ``store/search.py``): 3+
    characters through the trigram index, shorter ones with ``instr`` on ``columns`` (or equal
    to one of ``exact``)."""
    words = terms(query)
    long_terms = [t for t in words if len(t) >= TRIGRAM]
    clauses: list[str] = []
    params: list = []
    if long_terms:
        clauses.append(f"rowid IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
        params.append(" ".join(fts_phrase(t) for t in long_terms))
    for term in (t for t in words if len(t) < TRIGRAM):
        tests = [f"instr({c}, ?) > 0" for c in columns] + [f"{c} = ?" for c in exact]
        clauses.append("(" + " OR ".join(tests) + ")")
        params += [term] * len(tests)
    return (" AND ".join(clauses) or "1"), params


def _product_where(filter_: ProductFilter, search: str) -> tuple[str, list]:
    text_sql, params = _text_search(search, "products_fts",
                                    ("title", "short_title", "sku_codes", "product_id"))
    return f"{_PRODUCT_FILTER_SQL[filter_]} AND {text_sql}", params


def product_count(conn: sqlite3.Connection, filter_: ProductFilter, search: str = "") -> int:
    where, params = _product_where(filter_, search)
    return conn.execute(f"SELECT count(*) FROM products WHERE {where}", params).fetchone()[0]


def product_page(conn: sqlite3.Connection, filter_: ProductFilter, search: str = "",
                 offset: int = 0, limit: int = 200) -> list[ProductRow]:
    """Products needing attention first (conflicts, then unsynced), then newest edits."""
    where, params = _product_where(filter_, search)
    rows = conn.execute(
        f"SELECT {_PRODUCT_COLS} FROM products WHERE {where} "
        "ORDER BY has_conflict DESC, has_local_changes DESC, updated_at DESC, product_id "
        "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return [_product(r) for r in rows]


def products_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, ProductRow]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT {_PRODUCT_COLS} FROM products WHERE product_id IN ({marks})",
                        list(ids)).fetchall()
    return {r[0]: _product(r) for r in rows}


def product_skus(conn: sqlite3.Connection, product_id: str) -> list[SkuRow]:
    rows = conn.execute(
        "SELECT product_id, idx, sku_id, sku_code, attrs, sale_price, stock_num FROM skus "
        "WHERE product_id = ? ORDER BY idx", [product_id]).fetchall()
    return [SkuRow(*r) for r in rows]


# ---- orders -------------------------------------------------------------------------------


class OrderTab(StrEnum):
    TO_SHIP = "to_ship"  # 待发货
    GIFT_PENDING = "gift_pending"  # 礼物待收下
    PARTIAL = "partial"  # 部分发货
    SHIPPED = "shipped"  # 待收货
    COMPLETED = "completed"  # 已完成
    CANCELLED = "cancelled"  # 已取消
    ALL = "all"  # 全部


# The statuses each tab shows (None: every status) and its order: each ordering is served by
# an index on (status, ship_by | create_time). Deadlines of 0 (none given) sort last.
# Built from the one definition (store/orders.TABS): every count of these sets on any screen
# (the 发货 summary, the gift board) goes by them.
TAB_STATUSES: dict[OrderTab, frozenset[int] | None] = {
    OrderTab(key): None if statuses is None else frozenset(statuses)
    for key, (_name, statuses, _order) in ORDER_TABS.items()}
_TAB_ORDER: dict[OrderTab, str] = {
    OrderTab.TO_SHIP: "ship_by = 0, ship_by, create_time",
    OrderTab.GIFT_PENDING: "create_time",
    OrderTab.PARTIAL: "ship_by = 0, ship_by, create_time",
    OrderTab.SHIPPED: "create_time DESC",
    OrderTab.COMPLETED: "create_time DESC",
    OrderTab.CANCELLED: "create_time DESC",
    OrderTab.ALL: "create_time DESC",
}


def tab_shows(tab: OrderTab, status: int) -> bool:
    statuses = TAB_STATUSES[tab]
    return statuses is None or status in statuses


def _tab_where(tab: OrderTab, paging: bool = False) -> str:
    statuses = TAB_STATUSES[tab]
    if statuses is None:
        return "1"
    # Paging several statuses by create_time: "+status" steers SQLite to walk the create_time
    # index and stop after a page, instead of sorting every row of those statuses.
    column = "+status" if paging and len(statuses) > 1 else "status"
    return f"{column} IN ({','.join(str(s) for s in sorted(statuses))})"


class OrderRow(NamedTuple):  # a tuple, as ProductRow
    order_id: str
    status: int
    create_time: int
    update_time: int
    ship_by: int
    is_gift: bool
    user_name: str
    tel_masked: str
    address: str
    line_titles: str
    order_price: int
    item_count: int
    customer_notes: str
    merchant_notes: str
    has_local_changes: bool


_ORDER_COLS = ("order_id, status, create_time, update_time, ship_by, is_gift, user_name, "
               "tel_masked, address_text, line_titles, "
               "order_price, item_count, customer_notes, merchant_notes, has_local_changes")


def _order(row: Sequence) -> OrderRow:
    return OrderRow(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6], row[7],
                    row[8], row[9], row[10], row[11], row[12], row[13], bool(row[14]))


_ORDER_TEXT = ("order_id", "line_titles", "user_name", "address_text", "customer_notes",
               "merchant_notes", "present_note")
# The 全部 tab's order, which the 1–2 character matches below keep (see OrderMatches)
_ALL_ORDER = "create_time DESC, order_id"
_MATCH_COLS = "rowid, status, ship_by, create_time"


def needs_scan(search: str) -> bool:
    """Only 1–2 character terms: no index helps, the table is scanned once (see below)."""
    words = terms(search)
    return bool(words) and all(len(t) < TRIGRAM for t in words)


def data_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _deadline_first(row: tuple[int, int, int, int]) -> tuple:
    return (row[2] == 0, row[2], row[3])  # _TAB_ORDER's "ship_by = 0, ship_by, create_time"


# How a tab sorts its matches when it does not show them in the 全部 order (create_time DESC).
# Python's sort is stable and the matches come by order_id within a create_time, so the ties
# end by order_id as in SQL.
_TAB_SORT = {OrderTab.TO_SHIP: _deadline_first, OrderTab.PARTIAL: _deadline_first,
             OrderTab.GIFT_PENDING: lambda row: row[3]}


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
            self._counts = _tab_counts(Counter(map(itemgetter(1), self.rows)))
        return self._counts

    def rowids(self, tab: OrderTab) -> list[int]:
        """The tab's matches in the tab's order."""
        ids = self._tabs.get(tab)
        if ids is None:
            statuses = TAB_STATUSES[tab]
            rows = self.rows if statuses is None else [r for r in self.rows if r[1] in statuses]
            if tab in _TAB_SORT:
                rows = sorted(rows, key=_TAB_SORT[tab])
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
        joined = " || char(31) || ".join(f"coalesce({c}, '')" for c in _ORDER_TEXT)
        self.rows: list[tuple[int, int, int, int]] = []
        self.texts: list[str] = []
        self.tels: dict[str, list[int]] = {}  # tel_last4 → rows (a term equal to it matches)
        for i, (rowid, status, ship_by, created, tel, text) in enumerate(conn.execute(
                f"SELECT {_MATCH_COLS}, coalesce(tel_last4, ''), {joined} FROM orders "
                f"ORDER BY {_ALL_ORDER}")):
            self.rows.append((rowid, status, ship_by, created))
            self.texts.append(text)
            self.tels.setdefault(tel, []).append(i)

    def matching(self, words: list[str]) -> OrderMatches:
        """The orders where every word is in a text column or equals ``tel_last4`` (the rules
        of ``_text_search`` for short terms)."""
        if not words:  # nothing to look for (a query of spaces or control characters)
            return OrderMatches(list(self.rows))
        texts = self.texts
        first, *rest = words
        hits = [i for i, text in enumerate(texts) if first in text]
        if first in self.tels:
            hits = sorted({*hits, *self.tels[first]})
        for word in rest:
            tel = set(self.tels.get(word, ()))
            hits = [i for i in hits if word in texts[i] or i in tel]
        rows = self.rows
        return OrderMatches([rows[i] for i in hits])


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
    where, params = _text_search(search, "orders_fts", _ORDER_TEXT, exact=("tel_last4",))
    return OrderMatches([tuple(r) for r in conn.execute(
        f"SELECT {_MATCH_COLS} FROM orders WHERE {where} ORDER BY {_ALL_ORDER}", params)])


def first_order_matches(conn: sqlite3.Connection, tab: OrderTab, search: str,
                        limit: int) -> OrderMatches:
    """The first ``limit`` matches of ``tab`` for 1–2 character terms, found by SQLite walking
    the tab's index and stopping after them: the first search after start shows these while
    the texts ``scan_order_search`` needs are read (1.6 s at 200,000 orders). Incomplete: its
    counts are only of these rows, kept in the 全部 order like every ``OrderMatches``."""
    where, params = _text_search(search, "orders_fts", _ORDER_TEXT, exact=("tel_last4",))
    rows = [tuple(r) for r in conn.execute(
        f"SELECT {_MATCH_COLS} FROM orders WHERE {_tab_where(tab, paging=True)} AND {where} "
        f"ORDER BY {_TAB_ORDER[tab]}, order_id LIMIT ?", [*params, limit])]
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


def order_search_complete(conn: sqlite3.Connection, search: str) -> bool:
    """False while a 1–2 character search shows only its first matches (the counts of the
    view are then of those rows only)."""
    if not needs_scan(search):
        return True
    cached = _short_matches.get((id(conn), " ".join(terms(search))))
    return cached is None or cached[1].complete


def _short_scan(conn: sqlite3.Connection, search: str) -> OrderMatches:
    """Orders matching 1–2 character terms: one scan per search text and data version (not one
    per count, page and tab)."""
    text = " ".join(terms(search))
    version = data_version(conn)
    cached = _short_matches.get((id(conn), text))
    if cached is not None and cached[0] == version:
        return cached[1]
    texts = _current_texts(conn, version)
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


def _order_search(search: str, conn: sqlite3.Connection | None = None) -> tuple[str, list]:
    if conn is not None and needs_scan(search):
        return "rowid IN (SELECT value FROM json_each(?))", [_short_scan(conn, search).json()]
    return _text_search(search, "orders_fts", _ORDER_TEXT, exact=("tel_last4",))


def _tab_counts(by_status: Mapping[int, int]) -> dict[OrderTab, int]:
    return {tab: sum(by_status.values()) if statuses is None
            else sum(by_status.get(s, 0) for s in statuses)
            for tab, statuses in TAB_STATUSES.items()}


def order_tab_counts(conn: sqlite3.Connection, search: str = "") -> dict[OrderTab, int]:
    """Every tab's count: without a search from the per-status counts the triggers keep (a few
    rows, whatever the size of the shop); with one, in one scan of the status index."""
    if not terms(search):
        return _tab_counts(dict(conn.execute("SELECT status, n FROM order_status_counts")))
    if needs_scan(search):
        return dict(_short_scan(conn, search).counts())
    where, params = _order_search(search, conn)
    return _tab_counts(dict(conn.execute(
        f"SELECT status, count(*) FROM orders WHERE {where} GROUP BY status", params).fetchall()))


def order_page(conn: sqlite3.Connection, tab: OrderTab, search: str = "", offset: int = 0,
               limit: int = 200) -> list[OrderRow]:
    if needs_scan(search):
        page = _short_scan(conn, search).rowids(tab)[offset:offset + limit]
        found = {r[-1]: _order(r) for r in conn.execute(
            f"SELECT {_ORDER_COLS}, rowid FROM orders "
            "WHERE rowid IN (SELECT value FROM json_each(?))", [json.dumps(page)])}
        return [found[i] for i in page if i in found]
    statuses = TAB_STATUSES[tab]
    if not terms(search) and statuses and len(statuses) > 1 \
            and _TAB_ORDER[tab] == "create_time DESC":
        # Several statuses by create_time (已取消): the page's create_time floor comes from the
        # (status, create_time) index alone, then only the rows above it are read and sorted
        # (walking the create_time index read every newer order's row: 20-60 ms at 200,000).
        where = _tab_where(tab)
        return [_order(r) for r in conn.execute(
            f"SELECT {_ORDER_COLS} FROM orders WHERE {where} AND create_time >= coalesce(("
            f"SELECT create_time FROM orders WHERE {where} ORDER BY create_time DESC "
            f"LIMIT 1 OFFSET ?), 0) ORDER BY create_time DESC, order_id LIMIT ? OFFSET ?",
            [offset + limit - 1, limit, offset])]
    search_sql, params = _order_search(search, conn)
    rows = conn.execute(
        f"SELECT {_ORDER_COLS} FROM orders WHERE {_tab_where(tab, paging=not search)} "
        f"AND {search_sql} "
        f"ORDER BY {_TAB_ORDER[tab]}, order_id LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    return [_order(r) for r in rows]


def orders_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, OrderRow]:
    if not ids:
        return {}
    found: dict[str, OrderRow] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT {_ORDER_COLS} FROM orders WHERE order_id IN ({marks})",
                              chunk):
            found[r[0]] = _order(r)
    return found


@dataclass(frozen=True)
class OrderLineRow:
    title: str
    attrs: str
    sku_code: str
    sku_cnt: int
    sale_price: int
    real_price: int


@dataclass(frozen=True)
class ParcelRow:
    delivery_id: str
    waybill_id: str
    delivery_time: int
    local: bool


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    tel_last4: str
    present_note: str
    giver_openid: str
    send_type: int | None
    gift_accepted_at: int | None
    lines: list[OrderLineRow]
    parcels: list[ParcelRow]


def order_detail(conn: sqlite3.Connection, order_id: str) -> OrderDetail | None:
    row = orders_by_id(conn, [order_id]).get(order_id)
    if row is None:
        return None
    extra = conn.execute(
        "SELECT tel_last4, present_note, giver_openid, send_type, gift_accepted_at "
        "FROM orders WHERE order_id = ?", [order_id]).fetchone()
    lines = [OrderLineRow(*r) for r in conn.execute(
        "SELECT title, attrs, sku_code, sku_cnt, sale_price, real_price FROM order_lines "
        "WHERE order_id = ? ORDER BY idx", [order_id])]
    parcels = [ParcelRow(r[0], r[1], r[2], bool(r[3])) for r in conn.execute(
        "SELECT delivery_id, waybill_id, delivery_time, local FROM parcels "
        "WHERE order_id = ? ORDER BY idx", [order_id])]
    return OrderDetail(row, extra[0], extra[1], extra[2], extra[3], extra[4], lines, parcels)


# ---- gifts --------------------------------------------------------------------------------


class GiftSection(StrEnum):
    AWAITING = "awaiting"  # 12: waiting for the recipient, 24-hour countdown
    ACCEPTED = "accepted"  # accepted, not yet shipped
    EXPIRED = "expired"  # not accepted in time: cancelled


@dataclass(frozen=True)
class GiftRow:
    order_id: str
    section: GiftSection
    status: int
    create_time: int
    accepted_at: int
    giver_openid: str
    present_note: str
    send_type: int | None
    line_titles: str
    user_name: str
    address: str
    order_price: int


_GIFT_SECTIONS: dict[GiftSection, tuple[str, str]] = {
    GiftSection.AWAITING: (_tab_where(OrderTab.GIFT_PENDING), "create_time"),
    GiftSection.ACCEPTED: (f"status IN ({','.join(str(s) for s in sorted(SHIPPABLE_STATUSES))})",
                           "ship_by = 0, ship_by, create_time"),
    GiftSection.EXPIRED: (f"{_tab_where(OrderTab.CANCELLED)} AND user_name = ''",
                          "update_time DESC"),
}


def gift_counts(conn: sqlite3.Connection) -> dict[GiftSection, int]:
    """Each section's true size (the board lists only the recent expired ones)."""
    return {section: conn.execute(f"SELECT count(*) FROM orders WHERE is_gift = 1 AND {where}"
                                  ).fetchone()[0]
            for section, (where, _order) in _GIFT_SECTIONS.items()}


def gift_rows(conn: sqlite3.Connection, expired_limit: int = 200) -> list[GiftRow]:
    """The gift board: awaiting (oldest first: nearest deadline), accepted, recent expired."""
    out: list[GiftRow] = []
    for section, (where, order_by) in _GIFT_SECTIONS.items():
        limit = expired_limit if section is GiftSection.EXPIRED else -1
        for r in conn.execute(
                "SELECT order_id, status, create_time, COALESCE(gift_accepted_at, update_time), "
                "giver_openid, present_note, send_type, line_titles, user_name, "
                "address_text, order_price FROM orders "
                f"WHERE is_gift = 1 AND {where} ORDER BY {order_by} LIMIT ?", [limit]):
            out.append(GiftRow(r[0], section, r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                               r[9], r[10]))
    return out


# ---- sync status --------------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxSummary:
    pending: int
    failed: int
    conflicts: int
    last_error: str
    blocked: int = 0  # pending rows waiting behind a failed or conflicting one


def outbox_summary(conn: sqlite3.Connection) -> OutboxSummary:
    by_state = dict(conn.execute(
        "SELECT state, count(*) FROM outbox WHERE state != 'done' GROUP BY state").fetchall())
    error = conn.execute(
        "SELECT last_error FROM outbox WHERE state = 'failed' AND last_error != '' "
        "ORDER BY updated_at DESC LIMIT 1").fetchone()
    conflicts = conn.execute(
        "SELECT count(DISTINCT product_id) FROM conflicts WHERE resolved_at IS NULL").fetchone()[0]
    return OutboxSummary(
        pending=by_state.get("pending", 0) + by_state.get("sending", 0),
        failed=by_state.get("failed", 0), conflicts=conflicts,
        last_error=error[0] if error else "",
        blocked=outbox.blocked_count(conn) if by_state.get("failed") or conflicts else 0)


@dataclass(frozen=True)
class ConflictRow:
    conflict_id: int
    product_id: str
    title: str
    field: str
    mine: str | None
    theirs: str | None


def open_conflicts(conn: sqlite3.Connection) -> list[ConflictRow]:
    rows = conn.execute(
        "SELECT c.id, c.product_id, COALESCE(p.title, ''), c.field, c.mine, c.theirs "
        "FROM conflicts c LEFT JOIN products p ON p.product_id = c.product_id "
        "WHERE c.resolved_at IS NULL ORDER BY c.product_id, c.id").fetchall()
    return [ConflictRow(*r) for r in rows]


# ---- which of these ids does a view show? -------------------------------------------------


def _matching(conn: sqlite3.Connection, table: str, key: str, where: str, params: list,
              ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(
            f"SELECT {key} FROM {table} WHERE {where} AND {key} IN ({marks})",
            [*params, *chunk]))
    return found


def products_matching(conn: sqlite3.Connection, filter_: ProductFilter, search: str,
                      ids: Sequence[str]) -> set[str]:
    where, params = _product_where(filter_, search)
    return _matching(conn, "products", "product_id", where, params, ids)


def orders_matching(conn: sqlite3.Connection, tab: OrderTab, search: str,
                    ids: Sequence[str]) -> set[str]:
    search_sql, params = _order_search(search, conn)
    return _matching(conn, "orders", "order_id", f"{_tab_where(tab)} AND {search_sql}", params,
                     ids)


def order_count(conn: sqlite3.Connection, tab: OrderTab, search: str = "") -> int:
    if not terms(search):
        return order_tab_counts(conn)[tab]
    if needs_scan(search):
        return _short_scan(conn, search).counts()[tab]
    search_sql, params = _order_search(search, conn)
    return conn.execute(f"SELECT count(*) FROM orders WHERE {_tab_where(tab)} AND {search_sql}",
                        params).fetchone()[0]


def product_draft(conn: sqlite3.Connection, product_id: str) -> Product | None:
    """The draft the seller edits (server draft with unsynced local edits applied)."""
    row = conn.execute("SELECT draft_json FROM products WHERE product_id = ?",
                       [product_id]).fetchone()
    return product_from_dict(json.loads(row[0])) if row else None


def settings_sources(conn: sqlite3.Connection, limit: int = 200) -> list[tuple[str, str]]:
    """(product_id, title) of products a new product can take its category, freight template
    and after-sale settings from: those the server knows, most recently edited first."""
    rows = conn.execute(
        "SELECT product_id, title FROM products WHERE local_id IS NULL OR local_id = ''"
        " ORDER BY edit_time DESC, product_id LIMIT ?", [limit]).fetchall()
    return [(r[0], r[1]) for r in rows]
