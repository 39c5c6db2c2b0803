"""E-waybills taken for orders, and the log of every label printed.

Never the e-waybill's ``print_info``: it carries the recipient's real name, phone and address,
so it is fetched for each print job and kept in memory only; the column stays, always ''
(``scrub.py`` empties it in older caches).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from ..domain.timeutil import now as now_ts
from ..domain.waybill import Waybill

_COLUMNS = ("ewaybill_order_id", "order_id", "delivery_id", "delivery_name", "acct_id",
            "waybill_id", "status", "print_info", "created_at", "printed_at", "print_count")
REQUESTED = 0  # asked for here (outbox 'ewaybill_create'), no number from the carrier yet


def _waybill(r: sqlite3.Row) -> Waybill:
    return Waybill(ewaybill_order_id=r["ewaybill_order_id"], order_id=r["order_id"],
                   delivery_id=r["delivery_id"], waybill_id=r["waybill_id"], status=r["status"],
                   acct_id=r["acct_id"], delivery_name=r["delivery_name"],
                   created_at=r["created_at"],
                   printed_at=r["printed_at"], print_count=r["print_count"])


class WaybillRepo:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def upsert(self, w: Waybill) -> None:
        """Store a waybill; a local print count/time is never lowered by a server copy."""
        self.conn.execute(
            f"INSERT INTO waybills ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
            " ON CONFLICT(ewaybill_order_id) DO UPDATE SET order_id = excluded.order_id,"
            " delivery_id = excluded.delivery_id, delivery_name = excluded.delivery_name,"
            " acct_id = excluded.acct_id, waybill_id = excluded.waybill_id,"
            " status = excluded.status,"
            " print_info = '',"
            " created_at = max(waybills.created_at, excluded.created_at),"
            " printed_at = max(waybills.printed_at, excluded.printed_at),"
            " print_count = max(waybills.print_count, excluded.print_count)",
            (w.ewaybill_order_id, w.order_id, w.delivery_id, w.delivery_name, w.acct_id,
             w.waybill_id, int(w.status), "", w.created_at, w.printed_at,
             w.print_count))

    def get(self, ewaybill_order_id: str) -> Waybill | None:
        r = self.conn.execute("SELECT * FROM waybills WHERE ewaybill_order_id = ?",
                              (ewaybill_order_id,)).fetchone()
        return _waybill(r) if r else None

    def for_order(self, order_id: str) -> list[Waybill]:
        return [_waybill(r) for r in self.conn.execute(
            "SELECT * FROM waybills WHERE order_id = ? ORDER BY created_at, ewaybill_order_id",
            (order_id,))]

    def for_orders(self, order_ids: Iterable[str]) -> dict[str, list[Waybill]]:
        """``for_order`` for many orders in one query (orders without waybills are absent)."""
        found: dict[str, list[Waybill]] = {}
        for r in self.conn.execute(
                "SELECT * FROM waybills WHERE order_id IN (SELECT value FROM json_each(?))"
                " ORDER BY created_at, ewaybill_order_id", (json.dumps(list(order_ids)),)):
            found.setdefault(r["order_id"], []).append(_waybill(r))
        return found

    def unprinted(self) -> list[Waybill]:
        """Waybills with a number that were never printed (the print queue)."""
        return [_waybill(r) for r in self.conn.execute(
            "SELECT * FROM waybills WHERE waybill_id != '' AND print_count = 0 AND status = 1"
            " ORDER BY created_at")]

    def mark_printed(self, ewaybill_order_id: str, at: int | None = None) -> None:
        self.conn.execute(
            "UPDATE waybills SET printed_at = ?, print_count = print_count + 1,"
            " status = CASE WHEN status = 1 THEN 3 ELSE status END WHERE ewaybill_order_id = ?",
            (now_ts() if at is None else at, ewaybill_order_id))


class PrintLog:
    """Every label print: when, which waybill, why, and whether it was a reprint."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, ewaybill_order_id: str, *, reason: str = "", reprint: bool = False,
            order_id: str = "", at: int | None = None) -> int:
        cur = self.conn.execute(
            "INSERT INTO print_log (time, ewaybill_order_id, order_id, reason, reprint)"
            " VALUES (?, ?, ?, ?, ?)",
            (now_ts() if at is None else at, ewaybill_order_id, order_id, reason, int(reprint)))
        return int(cur.lastrowid or 0)

    def entries(self, ewaybill_order_id: str | None = None) -> list[dict]:
        if ewaybill_order_id is None:
            rows = self.conn.execute("SELECT * FROM print_log ORDER BY time, id")
        else:
            rows = self.conn.execute(
                "SELECT * FROM print_log WHERE ewaybill_order_id = ? ORDER BY time, id",
                (ewaybill_order_id,))
        return [dict(r) for r in rows]
