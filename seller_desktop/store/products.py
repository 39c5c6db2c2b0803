"""Products in the cache: server copies, the seller's local draft, the listing queries.

What the seller sees (``draft_json`` and the flat columns) is the server draft, unless open
outbox rows say otherwise: a pending create/edit keeps the local draft's fields; pending
list/delist/delete show their expected status; stock is always the server's stock plus the
pending ``stock_delta`` rows (stock travels as deltas, so it is never "in conflict").
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..domain.product import EditStatus, Product, ProductStatus
from ..domain.timeutil import now as now_ts
from . import outbox
from .codec import dumps, product_from_dict, product_to_dict
from .search import search_products

SORTS = {
    "updated": "updated_at DESC, product_id",
    "title": "title COLLATE NOCASE, product_id",
    "price": "min_price, product_id",
    "price_desc": "max_price DESC, product_id",
    "stock": "total_stock, product_id",
}
LIST_COLUMNS = ("product_id, local_id, status, edit_status, edit_time, title, short_title,"
                " min_price, max_price, total_stock, thumb_url, has_local_changes, has_conflict,"
                " updated_at")
# Draft states that end by themselves on the server (a review, an async write).
REVIEWING = (EditStatus.IN_REVIEW, EditStatus.WRITING, EditStatus.ASYNC_UPLOADING)
_STATUS_OVERLAY = {
    "list": {"edit_status": int(EditStatus.IN_REVIEW)},
    "delist": {"status": int(ProductStatus.DELISTED)},
    "delete": {"status": int(ProductStatus.DELETED)},
}


@dataclass(frozen=True)
class ProductRecord:
    draft: Product  # what the seller sees and edits
    server_draft: Product | None  # the last draft pulled from the server
    online: Product | None  # the last online copy pulled
    local_id: str | None
    has_local_changes: bool
    has_conflict: bool


def _load(text: str | None) -> Product | None:
    return product_from_dict(json.loads(text)) if text else None


class ProductRepo:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- writing ------------------------------------------------------------------------------

    def _write(self, shown: Product, *, server_draft: Product | None, online: Product | None,
               local_id: str | None, has_local_changes: bool, now: int) -> None:
        key = shown.product_id or local_id
        if key is None:
            raise ValueError("a product needs a server id or a local id")
        thumb = shown.head_imgs[0] if shown.head_imgs else ""
        self.conn.execute(
            "INSERT INTO products (product_id, local_id, draft_json, server_draft_json, online_json,"
            " status, edit_status, edit_time, title, short_title, sku_codes, min_price, max_price,"
            " total_stock, thumb_url, has_local_changes, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(product_id) DO UPDATE SET draft_json = excluded.draft_json,"
            " server_draft_json = excluded.server_draft_json, online_json = excluded.online_json,"
            " status = excluded.status, edit_status = excluded.edit_status,"
            " edit_time = excluded.edit_time, title = excluded.title,"
            " short_title = excluded.short_title, sku_codes = excluded.sku_codes,"
            " min_price = excluded.min_price, max_price = excluded.max_price,"
            " total_stock = excluded.total_stock, thumb_url = excluded.thumb_url,"
            " has_local_changes = excluded.has_local_changes, updated_at = excluded.updated_at",
            (key, local_id, dumps(product_to_dict(shown)),
             dumps(product_to_dict(server_draft)) if server_draft else None,
             dumps(product_to_dict(online)) if online else None, int(shown.status),
             int(shown.edit_status), shown.edit_time, shown.title, shown.short_title,
             " ".join(s.sku_code for s in shown.skus if s.sku_code), shown.min_price,
             shown.max_price, shown.total_stock, thumb, int(has_local_changes), now))
        self.conn.execute("DELETE FROM skus WHERE product_id = ?", (key,))
        if shown.skus:  # one statement for all SKUs (see store/order_rows.py: no executemany)
            self.conn.execute(
                "INSERT INTO skus (product_id, idx, sku_id, sku_code, attrs, sale_price,"
                " stock_num) SELECT ?, key, value ->> 0, value ->> 1, value ->> 2, value ->> 3,"
                " value ->> 4 FROM json_each(?)",
                (key, dumps([(s.sku_id, s.sku_code, s.attrs_text(), s.sale_price, s.stock_num)
                             for s in shown.skus])))

    def upsert_server(self, draft: Product, online: Product | None = None,
                      now: int | None = None) -> Product:
        """Store the server's copies; returns what the seller now sees."""
        if not draft.product_id:
            raise ValueError("a server copy has a product_id")
        t = now_ts() if now is None else now
        existing = self.get(draft.product_id)
        pending = outbox.open_rows(self.conn, "product", draft.product_id)
        keeps_local = any(r.op in ("create", "edit") for r in pending)
        shown = draft
        if existing is not None and keeps_local:
            shown = replace(existing.draft, status=draft.status, edit_status=draft.edit_status,
                            edit_time=draft.edit_time, extra=draft.extra)
        for row in pending:
            if row.op in _STATUS_OVERLAY:
                shown = replace(shown, **_STATUS_OVERLAY[row.op])
        shown = self._with_pending_stock(shown, draft, pending)
        self._write(shown, server_draft=draft, online=online,
                    local_id=existing.local_id if existing else None,
                    has_local_changes=bool(pending), now=t)
        return shown

    def upsert_server_many(self, copies: Iterable[tuple[Product, Product | None]],
                           now: int | None = None) -> list[str]:
        ids = []
        for draft, online in copies:
            self.upsert_server(draft, online, now)
            ids.append(str(draft.product_id))
        return ids

    @staticmethod
    def _with_pending_stock(shown: Product, server: Product,
                            pending: list[outbox.OutboxRow]) -> Product:
        deltas: dict[str, int] = {}
        for row in pending:
            if row.op == "stock_delta":
                sku_id = str(row.payload["sku_id"])
                deltas[sku_id] = deltas.get(sku_id, 0) + int(row.payload["delta"])
        server_stock = {s.sku_id: s.stock_num for s in server.skus if s.sku_id}
        skus = tuple(
            s.with_stock(server_stock[s.sku_id] + deltas.get(s.sku_id, 0))
            if s.sku_id in server_stock else s
            for s in shown.skus
        )
        return replace(shown, skus=skus)

    def save_local(self, product: Product, *, local_id: str | None = None,
                   now: int | None = None) -> None:
        """Store the seller's version (an op, with its outbox row in the same transaction)."""
        key = product.product_id or local_id
        existing = self.get(key) if key else None
        self._write(product,
                    server_draft=existing.server_draft if existing else None,
                    online=existing.online if existing else None,
                    local_id=local_id or (existing.local_id if existing else None),
                    has_local_changes=True, now=now_ts() if now is None else now)

    def set_sku_stock(self, product_id: str, sku_id: str, stock_num: int) -> Product:
        record = self.get(product_id)
        if record is None:
            raise KeyError(product_id)
        skus = tuple(s.with_stock(stock_num) if s.sku_id == sku_id else s
                     for s in record.draft.skus)
        shown = replace(record.draft, skus=skus)
        self.save_local(shown, local_id=record.local_id)
        return shown

    def set_status(self, product_id: str, **fields: int) -> None:
        """Optimistic status after a list/delist/delete op (``status`` / ``edit_status``)."""
        record = self.get(product_id)
        if record is None:
            raise KeyError(product_id)
        self.save_local(replace(record.draft, **fields), local_id=record.local_id)

    def set_conflict(self, product_id: str, has_conflict: bool) -> None:
        self.conn.execute("UPDATE products SET has_conflict = ? WHERE product_id = ?",
                          (int(has_conflict), product_id))

    def delete(self, product_id: str) -> None:
        self.conn.execute("DELETE FROM products WHERE product_id = ?", (product_id,))

    def assign_server_id(self, local_id: str, product_id: str) -> None:
        """The server created ``local_id`` as ``product_id``: rewrite the row and open outbox rows."""
        if local_id == product_id:
            return
        # A pull may have stored the new id already; the local row (with the seller's edits) wins.
        self.conn.execute("DELETE FROM products WHERE product_id = ?", (product_id,))
        record = self.get(local_id)
        if record is not None:
            self.conn.execute(
                "UPDATE products SET product_id = ?, local_id = ?,"
                " draft_json = json_set(draft_json, '$.product_id', ?) WHERE product_id = ?",
                (product_id, local_id, product_id, local_id))
        self.conn.execute(
            "UPDATE outbox SET entity_id = ?, payload = json_set(payload, '$.product_id', ?)"
            " WHERE entity = 'product' AND entity_id = ? AND state != 'done'",
            (product_id, product_id, local_id))
        self.conn.execute("UPDATE conflicts SET product_id = ? WHERE product_id = ?",
                          (product_id, local_id))

    # -- reading ------------------------------------------------------------------------------

    def get(self, product_id: str) -> ProductRecord | None:
        row = self.conn.execute(
            "SELECT draft_json, server_draft_json, online_json, local_id, has_local_changes,"
            " has_conflict FROM products WHERE product_id = ?", (product_id,)).fetchone()
        if row is None:
            return None
        draft = _load(row["draft_json"])
        assert draft is not None  # NOT NULL column
        return ProductRecord(draft, _load(row["server_draft_json"]), _load(row["online_json"]),
                             row["local_id"], bool(row["has_local_changes"]),
                             bool(row["has_conflict"]))

    def list(self, statuses: Iterable[int] | None = None, search: str = "",
             sort: str = "updated", offset: int = 0, limit: int = 200) -> list[dict]:
        """One page of the listing: optional status filter and search (see ``search.py``)."""
        clauses: list[str] = []
        args: list[object] = []
        if statuses is not None:
            codes = [int(s) for s in statuses]
            clauses.append(f"status IN ({', '.join('?' * len(codes))})")
            args.extend(codes)
        if search.strip():
            ids = search_products(self.conn, search, limit=10_000)
            clauses.append("product_id IN (SELECT value FROM json_each(?))")
            args.append(dumps(ids))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.conn.execute(
            f"SELECT {LIST_COLUMNS} FROM products {where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
            (*args, limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def count(self, statuses: Iterable[int] | None = None) -> int:
        if statuses is None:
            return int(self.conn.execute("SELECT count(*) FROM products").fetchone()[0])
        codes = [int(s) for s in statuses]
        return int(self.conn.execute(
            f"SELECT count(*) FROM products WHERE status IN ({', '.join('?' * len(codes))})",
            codes).fetchone()[0])

    def ids(self) -> list[str]:
        """Every product id in the cache (server ids and local ids)."""
        return [r[0] for r in self.conn.execute("SELECT product_id FROM products ORDER BY product_id")]

    def ids_in_review(self, limit: int) -> list[str]:
        """Server products whose draft the store is still reviewing (or writing), the longest
        unread first: their outcome changes nothing a list or an order would show."""
        marks = ", ".join(str(int(s)) for s in REVIEWING)
        return [r[0] for r in self.conn.execute(
            f"SELECT product_id FROM products WHERE edit_status IN ({marks})"
            " AND product_id IS NOT local_id ORDER BY updated_at, product_id LIMIT ?", (limit,))]

    def ids_with_local_changes(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT product_id FROM products WHERE has_local_changes = 1 ORDER BY product_id")]

    def skus(self, product_id: str) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT * FROM skus WHERE product_id = ? ORDER BY idx", (product_id,))]
