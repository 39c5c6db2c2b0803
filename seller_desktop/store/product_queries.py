"""The product list's filters, rows, pages and counts, a product's SKUs and its editable draft
(read-only, the UI thread's reader; owned by the UI engineer)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from ..domain.product import Product
from .codec import product_from_dict
from .search import ids_matching, text_search


class ProductFilter(StrEnum):
    ALL = "all"
    ON_SALE = "on_sale"
    NOT_LISTED = "not_listed"  # never listed or delisted
    SOLD_OUT = "sold_out"
    IN_REVIEW = "in_review"
    PENDING = "pending"  # local changes waiting to sync
    CONFLICT = "conflict"


# "+column" (no index on it): the list walks the covering index products_list in its own
# order (schema_v4) instead of products_status, whose every hit reads a product's wide row.
_PRODUCT_FILTER_SQL = {
    ProductFilter.ALL: "+status != 9",
    ProductFilter.ON_SALE: "+status = 5",
    ProductFilter.NOT_LISTED: "+status IN (0, 11)",
    ProductFilter.SOLD_OUT: "(+status = 12 OR (+status = 5 AND total_stock = 0))",
    ProductFilter.IN_REVIEW: "+edit_status IN (2, 3)",
    ProductFilter.PENDING: "+has_local_changes = 1",
    ProductFilter.CONFLICT: "+has_conflict = 1",
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


# products needing attention first (conflicts, then unsynced), then newest edits: the order
# of the covering index products_list (schema_v4)
LIST_ORDER = "has_conflict DESC, has_local_changes DESC, updated_at DESC, product_id"


def _product(row: Sequence) -> ProductRow:
    return ProductRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                      bool(row[9]), bool(row[10]))



def _product_where(filter_: ProductFilter, search: str) -> tuple[str, list]:
    text_sql, params = text_search(search, "products_fts",
                                   ("title", "short_title", "sku_codes", "product_id"),
                                   rowid="+rowid")
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
        f"ORDER BY {LIST_ORDER} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
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



def products_matching(conn: sqlite3.Connection, filter_: ProductFilter, search: str,
                      ids: Sequence[str]) -> set[str]:
    where, params = _product_where(filter_, search)
    return ids_matching(conn, "products", "product_id", where, params, ids)



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
