"""Orders in the cache: bulk upsert from the server, the status tabs, one order, local overlays.

``order_json`` always holds the server's copy. What the seller did here and the server has not
confirmed (a merchant note, a gift note, a shipment) is an overlay: it is written to the
columns (``merchant_notes``, ``present_note``, ``status``) and to ``parcels`` rows with
``local = 1``, and re-applied from the open outbox rows after every upsert, so a pull never
hides a change that is still on its way. A shipment the store refused (a failed ``ship`` row,
kept for the seller to retry or drop) is not shown as shipped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..domain.order import CANCELLED_STATUSES, SHIPPABLE_STATUSES, Order, OrderStatus, Parcel
from ..domain.timeutil import now as now_ts
from . import outbox
from .codec import dumps, order_from_dict, parcel_from_dict, parcel_to_dict
from .order_rows import (
    COLUMNS,
    INDEX_NEW,
    INSERT_PARCEL,
    INSERT_PARCEL_ROWS,
    INSERT_ROWS,
    UPSERT_ROWS,
    order_params,
    parcel_params,
)

GIFT = int(OrderStatus.GIFT_AWAITING_ACCEPTANCE)
ACCEPTED_STATUSES = frozenset({20, 21, 30, 100})

# Tab key → (label, statuses or None for all, ORDER BY: what needs action first).
# The one definition of the order sets the screens count and list (``ui_queries.TAB_STATUSES``
# is built from it): key → (name, statuses or None for all, ordering).
TABS: dict[str, tuple[str, tuple[int, ...] | None, str]] = {
    "to_ship": ("待发货", (int(OrderStatus.AWAITING_SHIPMENT),),
                "(ship_by = 0), ship_by, create_time"),
    "gift_pending": ("礼物待收下", (int(OrderStatus.GIFT_AWAITING_ACCEPTANCE),), "create_time"),
    "partial": ("部分发货", (int(OrderStatus.PARTIALLY_SHIPPED),),
                "(ship_by = 0), ship_by, create_time"),
    "shipped": ("待收货", (int(OrderStatus.SHIPPED),), "create_time DESC"),
    "completed": ("已完成", (int(OrderStatus.COMPLETED),), "create_time DESC"),
    "cancelled": ("已取消", tuple(sorted(CANCELLED_STATUSES)), "create_time DESC"),
    "all": ("全部", None, "create_time DESC"),
}

LIST_COLUMNS = ", ".join(COLUMNS)
# Answers to buyer requests (ops/aftersale.py): order rows with no overlay on the order itself.
REQUEST_OPS = frozenset({"address_accept", "address_reject", "sku_approve", "sku_reject"})
_CHUNK = 5000


@dataclass
class UpsertResult:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # existed and changed (not in ``new``)
    unchanged: int = 0
    gifts_accepted: list[str] = field(default_factory=list)  # 12 → 20 (or later) seen now
    gifts_expired: list[str] = field(default_factory=list)  # 12 → cancelled seen now

    @property
    def touched(self) -> list[str]:
        return self.new + self.changed


class OrderRepo:
    """Read and write orders through one connection (reads work on the reader too)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- writing (writer connection, inside a transaction) ----------------------------------

    def upsert_many(self, orders: Iterable[Order], now: int | None = None, *,
                    force: bool = False) -> UpsertResult:
        """Store server copies; detect gift transitions against the stored status.

        A copy with the stored ``(status, update_time)`` and no local overlay is skipped unless
        ``force`` (an order read again on purpose: a change within the same second, such as
        an address change approved, keeps its ``update_time``)."""
        t = now_ts() if now is None else now
        result = UpsertResult()
        batch: list[Order] = []
        for order in orders:
            batch.append(order)
            if len(batch) >= _CHUNK:
                self._upsert_chunk(batch, t, result, force)
                batch = []
        if batch:
            self._upsert_chunk(batch, t, result, force)
        self.reapply_pending(result.touched)
        return result

    def _upsert_chunk(self, batch: list[Order], t: int, result: UpsertResult,
                      force: bool = False) -> None:
        conn = self.conn
        latest: dict[str, Order] = {}
        for o in batch:  # overlapping pull windows can deliver one order twice: keep the newest
            seen = latest.get(o.order_id)
            if seen is None or o.update_time >= seen.update_time:
                latest[o.order_id] = o
        batch = list(latest.values())
        ids = dumps(list(latest))
        # The status column shows local overlays (a ship not yet confirmed): such a row is never
        # "unchanged", or a confirmation in the same second would leave the server copy stale.
        stored = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute(
                "SELECT order_id, status, update_time, has_local_changes FROM orders"
                " WHERE order_id IN (SELECT value FROM json_each(?))", (ids,))
        }
        new_rows: list[tuple] = []
        changed_rows: list[tuple] = []
        parcels: list[tuple] = []
        new_ids: list[str] = []
        replaced: list[str] = []
        for o in batch:
            oid = o.order_id
            before = stored.get(oid)
            if before is None:
                new_ids.append(oid)
                new_rows.append(order_params(o, None, None))
            elif (before == (o.status, o.update_time, 0) and not force) or o.update_time < before[1]:
                result.unchanged += 1  # the same, or older than what we have (a stale page)
                continue
            else:
                accepted_at = expired_at = None
                replaced.append(oid)
                if before[0] == GIFT and o.status in ACCEPTED_STATUSES:
                    accepted_at = t
                    result.gifts_accepted.append(oid)
                elif before[0] == GIFT and o.status in CANCELLED_STATUSES:
                    expired_at = t
                    result.gifts_expired.append(oid)
                changed_rows.append(order_params(o, accepted_at, expired_at))
            if o.parcels:
                parcels += parcel_params(o)
        if replaced:
            gone = dumps(replaced)
            conn.execute("DELETE FROM parcels WHERE order_id IN (SELECT value FROM json_each(?))",
                         (gone,))
            conn.execute(UPSERT_ROWS, (dumps(changed_rows),))  # the UPDATE trigger re-indexes these
        if new_ids:
            # New rows get rowids above the current maximum: index exactly those.
            last_rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM orders").fetchone()[0]
            conn.execute(INSERT_ROWS, (dumps(new_rows),))
            conn.execute(INDEX_NEW, (last_rowid,))
        if parcels:
            conn.execute(INSERT_PARCEL_ROWS, (dumps(parcels),))
        result.new += new_ids
        result.changed += replaced

    def reapply_pending(self, order_ids: Iterable[str] | None = None) -> None:
        """Re-apply the overlay of every open outbox row (of these orders, or of all)."""
        open_rows = self.conn.execute(
            "SELECT DISTINCT entity_id FROM outbox WHERE entity = 'order' AND state != 'done'"
        ).fetchall()
        pending = {r[0] for r in open_rows}
        if order_ids is not None:
            pending &= set(order_ids)
        for order_id in sorted(pending):
            for row in outbox.open_rows(self.conn, "order", order_id):
                if row.op == "ship" and row.state == "failed":
                    continue  # the store refused it (拦截, 108009…): the order is not shipped
                self.apply_overlay(row.op, row.payload)

    def restore_server_copy(self, order_id: str) -> None:
        """Show the server's copy again, with the overlays of the rows still open (after the
        seller dropped a change the store refused)."""
        row = self.conn.execute("SELECT order_json FROM orders WHERE order_id = ?",
                                (order_id,)).fetchone()
        if row is None:
            return
        server = order_from_dict(json.loads(row[0]))
        self.conn.execute("DELETE FROM parcels WHERE order_id = ? AND local = 1", (order_id,))
        self.conn.execute(
            "UPDATE orders SET status = ?, merchant_notes = ?, present_note = ?,"
            " has_local_changes = 0 WHERE order_id = ?",
            (server.status, server.merchant_notes, server.gift.note if server.gift else "",
             order_id))
        self.reapply_pending([order_id])

    def apply_overlay(self, op: str, payload: dict) -> None:
        """Show a not-yet-confirmed order change locally (called by ops and after upserts)."""
        order_id = payload["order_id"]
        if op == "merchant_note":
            self.conn.execute(
                "UPDATE orders SET merchant_notes = ?, has_local_changes = 1 WHERE order_id = ?",
                (payload["notes"], order_id))
        elif op == "gift_note":
            self.conn.execute(
                "UPDATE orders SET present_note = ?, has_local_changes = 1 WHERE order_id = ?",
                (payload["notes"], order_id))
        elif op == "ship":
            self._apply_local_parcel(order_id, parcel_from_dict(payload["parcel"]))
        elif op in REQUEST_OPS:
            return  # a buyer-request answer shows in ``buyer_requests.answer``, not the order
        else:
            raise ValueError(f"unknown order op {op!r}")

    def _apply_local_parcel(self, order_id: str, parcel: Parcel) -> None:
        order = self.get(order_id)
        if order is None:
            return
        if any(p.waybill_id == parcel.waybill_id and p.delivery_id == parcel.delivery_id
               for p in order.parcels):
            return  # the server already has it
        idx = self.conn.execute(
            "SELECT coalesce(max(idx) + 1, 0) FROM parcels WHERE order_id = ?", (order_id,)
        ).fetchone()[0]
        self.conn.execute(INSERT_PARCEL, (order_id, idx, parcel.delivery_id, parcel.waybill_id,
                                           parcel.delivery_time, dumps(parcel_to_dict(parcel)), 1))
        shipped = replace(order, parcels=(*order.parcels, parcel))
        status = order.status
        if status in SHIPPABLE_STATUSES:
            status = int(OrderStatus.PARTIALLY_SHIPPED if shipped.unshipped_items()
                         else OrderStatus.SHIPPED)
        self.conn.execute(
            "UPDATE orders SET status = ?, has_local_changes = 1 WHERE order_id = ?",
            (status, order_id))

    # -- reading ------------------------------------------------------------------------------

    def get(self, order_id: str) -> Order | None:
        """The order as the seller sees it: the server copy with the local overlay."""
        return self.get_many([order_id]).get(order_id)

    def get_many(self, order_ids: Iterable[str]) -> dict[str, Order]:
        """``get`` for many orders in three queries (the ones found, in the order asked)."""
        wanted = list(dict.fromkeys(order_ids))
        ids = dumps(wanted)
        rows = {r[0]: r for r in self.conn.execute(
            "SELECT order_id, status, merchant_notes, present_note, order_json FROM orders"
            " WHERE order_id IN (SELECT value FROM json_each(?))", (ids,))}
        local: dict[str, list[Parcel]] = {}
        for oid, items in self.conn.execute(
                "SELECT order_id, items_json FROM parcels WHERE local = 1"
                " AND order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, idx",
                (ids,)):
            local.setdefault(oid, []).append(parcel_from_dict(json.loads(items)))
        found: dict[str, Order] = {}
        for oid in wanted:
            row = rows.get(oid)
            if row is None:
                continue
            order = order_from_dict(json.loads(row[4]))
            gift = order.gift
            if gift is not None and gift.note != row[3]:
                gift = replace(gift, note=row[3])
            found[oid] = replace(order, status=row[1], merchant_notes=row[2], gift=gift,
                                 parcels=(*order.parcels, *local.get(oid, ())))
        return found

    def get_row(self, order_id: str) -> dict | None:
        """The list columns of one order (what a table row shows)."""
        row = self.conn.execute(f"SELECT {LIST_COLUMNS} FROM orders WHERE order_id = ?",
                                (order_id,)).fetchone()
        return dict(row) if row else None

    def tab_counts(self) -> dict[str, int]:
        """Orders per tab key (see ``TABS``), including ``all``."""
        by_status = dict(self.conn.execute(
            "SELECT status, count(*) FROM orders GROUP BY status").fetchall())
        counts = {key: sum(by_status.get(s, 0) for s in statuses) if statuses is not None
                  else sum(by_status.values())
                  for key, (_label, statuses, _order) in TABS.items()}
        return counts

    def list_tab(self, tab: str, offset: int = 0, limit: int = 200) -> list[dict]:
        """One page of a tab's rows, what needs action first."""
        where, params = tab_filter(tab)
        order_by = TABS[tab][2]
        rows = self.conn.execute(
            f"SELECT {LIST_COLUMNS} FROM orders {where} ORDER BY {order_by} LIMIT ? OFFSET ?",
            (*params, limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def lines(self, order_id: str) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT * FROM order_lines WHERE order_id = ? ORDER BY idx", (order_id,))]

    def parcels(self, order_id: str) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT * FROM parcels WHERE order_id = ? ORDER BY idx", (order_id,))]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM orders").fetchone()[0])

    def ids_awaiting_gift(self, limit: int) -> list[str]:
        """Gifts waiting for their recipient (12), the longest unchanged first."""
        return [r[0] for r in self.conn.execute(
            "SELECT order_id FROM orders WHERE status = ? ORDER BY update_time, order_id"
            " LIMIT ?", (int(OrderStatus.GIFT_AWAITING_ACCEPTANCE), limit))]


def tab_filter(tab: str, alias: str = "") -> tuple[str, tuple[int, ...]]:
    """``WHERE status IN (…)`` for a tab key, or an empty clause for ``all``."""
    if tab not in TABS:
        raise ValueError(f"unknown order tab {tab!r}")
    statuses = TABS[tab][1]
    if statuses is None:
        return "", ()
    col = f"{alias}.status" if alias else "status"
    return f"WHERE {col} IN ({', '.join('?' * len(statuses))})", statuses
