"""Full-text search over products and orders.

Every whitespace-separated term must match. Terms of 3+ characters go to the FTS5 trigram index
as quoted phrases (so no input is FTS syntax); terms of 1–2 characters are matched with
``instr()`` on the content columns (a trigram index cannot serve them); a 4-digit term also
finds an order by ``tel_last4``. :func:`terms` is the one way a query is split, and makes any
typed or pasted text safe (control characters, lone surrogates, ``MAX_QUERY`` / ``MAX_TERMS``).
Why each rule: docs/architecture.md, "Store".
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence

from .orders import LIST_COLUMNS, tab_filter

TRIGRAM = 3
MAX_QUERY = 200  # characters: a search box, not a document
MAX_TERMS = 16
_ORDER_TEXT_COLUMNS = ("order_id", "line_titles", "user_name", "address_text", "tel_last4",
                       "customer_notes", "merchant_notes", "present_note")
_PRODUCT_TEXT_COLUMNS = ("title", "short_title", "sku_codes", "product_id")


def _clean(query: str) -> str:
    text = query[:MAX_QUERY * 2]  # UTF-16 pairs below may halve it
    # pairs of surrogates (from a UTF-16 source) become their character, lone ones U+FFFD
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text[:MAX_QUERY])


def terms(query: str) -> list[str]:
    """The query's words as search terms (see the module docstring)."""
    return [t for t in _clean(query or "").split() if t][:MAX_TERMS]


def fts_phrase(term: str) -> str:
    """A term as an FTS5 string literal: matched as text, never parsed as query syntax."""
    return '"' + term.replace('"', '""') + '"'


def _split(query: str) -> tuple[str | None, list[str]]:
    """(MATCH expression for the long terms or None, the short terms)."""
    long_terms = [t for t in terms(query) if len(t) >= TRIGRAM]
    short_terms = [t for t in terms(query) if len(t) < TRIGRAM]
    match = " ".join(fts_phrase(t) for t in long_terms) if long_terms else None
    return match, short_terms


def _instr_clause(columns: tuple[str, ...], alias: str, count: int) -> str:
    one = "(" + " OR ".join(f"instr({alias}.{c}, ?) > 0" for c in columns) + ")"
    return " AND ".join([one] * count)


def search_orders(conn: sqlite3.Connection, query: str, tab: str = "all",
                  limit: int = 500) -> list[dict]:
    """Orders of ``tab`` matching every term of ``query`` (list columns), latest first.

    "Latest" is the most recently stored (rowid order): both FTS5 and the table scan walk it
    backwards and stop at ``limit`` without sorting every match.
    """
    match, short_terms = _split(query)
    if match is None and not short_terms:
        return []
    where, params = tab_filter(tab, alias="o")
    clauses = [where.removeprefix("WHERE ")] if where else []
    args: list[object] = list(params)
    if short_terms:
        clauses.append(_instr_clause(_ORDER_TEXT_COLUMNS, "o", len(short_terms)))
        for term in short_terms:
            args.extend([term] * len(_ORDER_TEXT_COLUMNS))
    cols = ", ".join(f"o.{c.strip()}" for c in LIST_COLUMNS.split(","))
    if match is not None:
        sql = (f"SELECT {cols} FROM orders_fts f JOIN orders o ON o.rowid = f.rowid"
               f" WHERE orders_fts MATCH ?{' AND ' if clauses else ''}{' AND '.join(clauses)}"
               " ORDER BY f.rowid DESC LIMIT ?")
        args.insert(0, match)
    else:
        sql = (f"SELECT {cols} FROM orders o WHERE {' AND '.join(clauses)}"
               " ORDER BY o.rowid DESC LIMIT ?")
    return [dict(r) for r in conn.execute(sql, (*args, limit))]


def search_products(conn: sqlite3.Connection, query: str, limit: int = 500) -> list[str]:
    """Ids of the products whose title, short title, SKU code or id contains every term."""
    match, short_terms = _split(query)
    if match is None and not short_terms:
        return []
    clauses: list[str] = []
    args: list[object] = []
    if short_terms:
        clauses.append(_instr_clause(_PRODUCT_TEXT_COLUMNS, "p", len(short_terms)))
        for term in short_terms:
            args.extend([term] * len(_PRODUCT_TEXT_COLUMNS))
    if match is not None:
        sql = ("SELECT p.product_id FROM products_fts f JOIN products p ON p.rowid = f.rowid"
               f" WHERE products_fts MATCH ?{' AND ' if clauses else ''}{' AND '.join(clauses)}"
               " ORDER BY p.updated_at DESC LIMIT ?")
        args.insert(0, match)
    else:
        sql = (f"SELECT p.product_id FROM products p WHERE {' AND '.join(clauses)}"
               " ORDER BY p.updated_at DESC LIMIT ?")
    return [r[0] for r in conn.execute(sql, (*args, limit))]


def text_search(query: str, fts_table: str, columns: tuple[str, ...],
                 exact: tuple[str, ...] = (), rowid: str = "rowid") -> tuple[str, list]:
    """Every whitespace-separated term must match (the rules above): 3+ characters through the
    trigram index, shorter ones with ``instr`` on ``columns`` (or equal to one of ``exact``).
    ``rowid="+rowid"`` keeps the planner from driving the query by the full-text hits."""
    words = terms(query)
    long_terms = [t for t in words if len(t) >= TRIGRAM]
    clauses: list[str] = []
    params: list = []
    if long_terms:
        clauses.append(f"{rowid} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
        params.append(" ".join(fts_phrase(t) for t in long_terms))
    for term in (t for t in words if len(t) < TRIGRAM):
        tests = [f"instr({c}, ?) > 0" for c in columns] + [f"{c} = ?" for c in exact]
        clauses.append("(" + " OR ".join(tests) + ")")
        params += [term] * len(tests)
    return (" AND ".join(clauses) or "1"), params


def ids_matching(conn: sqlite3.Connection, table: str, key: str, where: str, params: list,
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

