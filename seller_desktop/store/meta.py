"""Small tables: sync watermarks, and product field conflicts awaiting the seller's choice."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..domain.timeutil import now
from .codec import dumps

# Id lists the next sync re-reads from the server (see ``sync/marks.py``, which owns their
# meaning); here so ops can ask for a re-read too (a dropped change: show the server's copy).
ORDERS_RETRY = "orders.retry"
PRODUCTS_DIRTY = "products.dirty"
# Label settings (``ops/shipping.py`` owns their meaning); here so a rebuild can carry them.
SENDER_KEY = "shipping.sender."  # + acct_id: the sender the last waybills were taken with
SENDER_CHOSEN_KEY = "shipping.sender_chosen."  # + acct_id: the one the seller picked or typed
SHOP_NAME_KEY = "shipping.shop_name"  # the shop name labels print


class Watermarks:
    """Sync progress by key (e.g. ``orders.update_time``), stored as text."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM watermarks WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def get_int(self, key: str, default: int = 0) -> int:
        value = self.get(key)
        return int(value) if value is not None else default

    def set(self, key: str, value: str | int) -> None:
        self.conn.execute(
            "INSERT INTO watermarks (key, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, str(value), now()))

    def add_ids(self, key: str, ids: list[str]) -> None:
        """Add ``ids`` to the JSON id list under ``key`` (a damaged list starts over)."""
        try:
            current = json.loads(self.get(key) or "[]")
        except ValueError:
            current = []
        known = [str(v) for v in current] if isinstance(current, list) else []
        self.set(key, json.dumps(sorted({*known, *ids})))

    def all(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM watermarks").fetchall())


@dataclass(frozen=True)
class Conflict:
    id: int
    product_id: str
    field: str
    mine: Any
    theirs: Any
    base: Any
    outbox_id: int | None
    created_at: int
    resolved_at: int | None
    choice: str | None


def _decode(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


class ConflictRepo:
    """Fields changed here and on the server since the edit started; the seller picks a side."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, product_id: str, field: str, mine: Any, theirs: Any, base: Any,
            outbox_id: int | None = None) -> int:
        cur = self.conn.execute(
            "INSERT INTO conflicts (product_id, field, mine, theirs, base, outbox_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (product_id, field, dumps(mine), dumps(theirs), dumps(base), outbox_id, now()))
        self.conn.execute("UPDATE products SET has_conflict = 1 WHERE product_id = ?", (product_id,))
        return int(cur.lastrowid or 0)

    def _rows(self, where: str, args: tuple) -> list[Conflict]:
        rows = self.conn.execute(f"SELECT * FROM conflicts {where} ORDER BY id", args).fetchall()
        return [Conflict(r["id"], r["product_id"], r["field"], _decode(r["mine"]),
                         _decode(r["theirs"]), _decode(r["base"]), r["outbox_id"],
                         r["created_at"], r["resolved_at"], r["choice"]) for r in rows]

    def list_unresolved(self, product_id: str | None = None) -> list[Conflict]:
        if product_id is None:
            return self._rows("WHERE resolved_at IS NULL", ())
        return self._rows("WHERE resolved_at IS NULL AND product_id = ?", (product_id,))

    def resolve(self, conflict_id: int, choice: str) -> None:
        """Record the seller's choice ('mine' | 'theirs'); clears the product's flag when done."""
        if choice not in ("mine", "theirs"):
            raise ValueError(f"choice must be 'mine' or 'theirs', not {choice!r}")
        row = self.conn.execute("SELECT product_id FROM conflicts WHERE id = ?",
                                (conflict_id,)).fetchone()
        if row is None:
            raise KeyError(conflict_id)
        self.conn.execute("UPDATE conflicts SET resolved_at = ?, choice = ? WHERE id = ?",
                          (now(), choice, conflict_id))
        if not self.list_unresolved(row[0]):
            self.conn.execute("UPDATE products SET has_conflict = 0 WHERE product_id = ?", (row[0],))
