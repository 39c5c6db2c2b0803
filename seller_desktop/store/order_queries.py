"""The order list's rows, pages, counts and the detail pane (read-only, the UI thread's
reader): paging is LIMIT/OFFSET over index-backed orderings, so a tab of 200,000 orders costs
one page at a time; searches go through ``order_search``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .order_search import order_search_where, short_scan, uses_matches
from .order_tabs import TAB_ORDER, TAB_STATUSES, OrderTab, tab_counts, tab_where
from .search import ids_matching, terms


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



def order_tab_counts(conn: sqlite3.Connection, search: str = "") -> dict[OrderTab, int]:
    """Every tab's count: without a search from the per-status counts the triggers keep (a few
    rows, whatever the size of the shop); with one, in one scan of the status index."""
    if not terms(search):
        return tab_counts(dict(conn.execute("SELECT status, n FROM order_status_counts")))
    if uses_matches(conn, search):
        return dict(short_scan(conn, search).counts())
    where, params = order_search_where(search)
    return tab_counts(dict(conn.execute(
        f"SELECT status, count(*) FROM orders WHERE {where} GROUP BY status", params).fetchall()))


def order_page(conn: sqlite3.Connection, tab: OrderTab, search: str = "", offset: int = 0,
               limit: int = 200) -> list[OrderRow]:
    if uses_matches(conn, search):
        page = short_scan(conn, search).page(tab, offset, limit)
        found = {}
        for start in range(0, len(page), 500):  # the page's rowids as parameters, not JSON
            chunk = page[start:start + 500]
            found.update((r[-1], _order(r)) for r in conn.execute(
                f"SELECT {_ORDER_COLS}, rowid FROM orders "
                f"WHERE rowid IN ({','.join('?' * len(chunk))})", chunk))
        return [found[i] for i in page if i in found]
    statuses = TAB_STATUSES[tab]
    if not terms(search) and statuses and len(statuses) > 1 \
            and TAB_ORDER[tab] == "create_time DESC":
        # Several statuses by create_time (已取消): the page's create_time floor comes from the
        # (status, create_time) index alone, then only the rows above it are read and sorted
        # (walking the create_time index read every newer order's row: 20-60 ms at 200,000).
        where = tab_where(tab)
        return [_order(r) for r in conn.execute(
            f"SELECT {_ORDER_COLS} FROM orders WHERE {where} AND create_time >= coalesce(("
            f"SELECT create_time FROM orders WHERE {where} ORDER BY create_time DESC "
            f"LIMIT 1 OFFSET ?), 0) ORDER BY create_time DESC, order_id LIMIT ? OFFSET ?",
            [offset + limit - 1, limit, offset])]
    search_sql, params = order_search_where(search)
    rows = conn.execute(
        f"SELECT {_ORDER_COLS} FROM orders WHERE {tab_where(tab, paging=not search)} "
        f"AND {search_sql} "
        f"ORDER BY {TAB_ORDER[tab]}, order_id LIMIT ? OFFSET ?",
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



def orders_matching(conn: sqlite3.Connection, tab: OrderTab, search: str,
                    ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` the tab shows under ``search`` (orders a sync just changed)."""
    if uses_matches(conn, search):
        matches, ids = short_scan(conn, search), list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found.update(order_id for order_id, rowid, created in conn.execute(
                f"SELECT order_id, rowid, create_time FROM orders WHERE {tab_where(tab)} "
                f"AND order_id IN ({','.join('?' * len(chunk))})", chunk)
                if matches.has(rowid, created))
        return found
    search_sql, params = order_search_where(search)
    return ids_matching(conn, "orders", "order_id", f"{tab_where(tab)} AND {search_sql}", params,
                     ids)


def order_count(conn: sqlite3.Connection, tab: OrderTab, search: str = "") -> int:
    if not terms(search):
        return order_tab_counts(conn)[tab]
    if uses_matches(conn, search):
        return short_scan(conn, search).counts()[tab]
    search_sql, params = order_search_where(search)
    return conn.execute(f"SELECT count(*) FROM orders WHERE {tab_where(tab)} AND {search_sql}",
                        params).fetchone()[0]

