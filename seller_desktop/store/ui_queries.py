"""Read-only queries behind the window's Qt models (owned by the UI engineer): one import for
the screens (``from ..store import ui_queries as q``), the gift board and the sync status here,
the rest re-exported from the modules that own them: ``product_queries`` (the product list),
``order_tabs`` (the order tabs and their counts), ``order_search`` (1–2 character order
searches matched once per search), ``order_queries`` (order pages, counts, detail).

Every function takes the UI thread's read connection (``Store.reader()``, a ``sqlite3``
connection) and only SELECTs; rows come back as small frozen dataclasses or named tuples, so
models never see SQL or column names.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from ..domain.order import SHIPPABLE_STATUSES
from . import outbox
from .order_matches import OrderMatches
from .order_queries import (
    OrderDetail,
    OrderLineRow,
    OrderRow,
    ParcelRow,
    order_count,
    order_detail,
    order_page,
    order_tab_counts,
    orders_by_id,
    orders_matching,
)
from .order_search import (
    find_order_matches,
    first_order_matches,
    forget_order_searches,
    has_order_search,
    needs_scan,
    order_search_complete,
    order_texts_current,
    remember_order_search,
    scan_order_search,
    scan_order_search_sql,
    uses_matches,
    warm_order_texts,
)
from .order_tabs import TAB_ORDER, TAB_STATUSES, OrderTab, tab_counts, tab_shows, tab_where
from .order_texts import ORDER_TEXT, data_version
from .product_queries import (
    ProductFilter,
    ProductRow,
    SkuRow,
    product_count,
    product_draft,
    product_page,
    product_skus,
    products_by_id,
    products_matching,
    settings_sources,
)
from .search import terms, text_search

__all__ = [
    "ORDER_TEXT", "TAB_ORDER", "TAB_STATUSES", "ConflictRow", "GiftRow", "GiftSection",
    "OrderDetail", "OrderLineRow", "OrderMatches", "OrderRow", "OrderTab", "OutboxSummary",
    "ParcelRow", "ProductFilter", "ProductRow", "SkuRow", "data_version", "find_order_matches", "first_order_matches",
    "forget_order_searches", "gift_counts", "gift_rows", "has_order_search", "needs_scan",
    "open_conflicts", "order_count", "order_detail", "order_page", "order_search_complete",
    "order_tab_counts", "order_texts_current", "orders_by_id", "orders_matching",
    "outbox_summary", "product_count", "product_draft", "product_page", "product_skus",
    "products_by_id", "products_matching", "remember_order_search", "scan_order_search",
    "scan_order_search_sql", "settings_sources", "tab_counts", "tab_shows", "tab_where",
    "terms", "text_search", "uses_matches", "warm_order_texts",
]

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
    GiftSection.AWAITING: (tab_where(OrderTab.GIFT_PENDING), "create_time"),
    GiftSection.ACCEPTED: (f"status IN ({','.join(str(s) for s in sorted(SHIPPABLE_STATUSES))})",
                           "ship_by = 0, ship_by, create_time"),
    GiftSection.EXPIRED: (f"{tab_where(OrderTab.CANCELLED)} AND user_name = ''",
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

