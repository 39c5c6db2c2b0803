"""The e-waybills and the print log of a damaged cache, carried into the rebuilt one.

A waybill number costs money and stands for a parcel: a rebuild that forgot one let the app
take a second number for the same order. ``read_shipping`` reads every ``waybills`` and
``print_log`` row that can be read (a table scan, then row by row past a damaged page) and the
``ewaybill_create`` jobs the outbox had finished; ``restore_shipping`` puts them into the fresh
cache (the columns both files have, never ``print_info``: ``scrub.py``). A finished job whose
waybill could not be read goes back to the outbox as ``sending``, with a requested waybill in
its place: no second job is made for the order, and the next push reads the waybill from the
server (``order/get``) before it sends anything for it, as for any job whose outcome is unknown.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..domain.waybill import Waybill
from .codec import dumps
from .rescue_read import read_table
from .waybills import REQUESTED, WaybillRepo

TABLES = ("waybills", "print_log")


@dataclass
class ShippingRescue:
    """What a rescue read of the waybills, the print log and the finished waybill jobs."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    done_jobs: list[dict[str, Any]] = field(default_factory=list)  # outbox rows, as read
    unreadable: int = 0  # waybill or print-log rows that could not be read
    lost: list[str] = field(default_factory=list)  # tables that could not be read at all


def _read_table(conn: sqlite3.Connection, table: str, result: ShippingRescue,
                errors: list[str]) -> None:
    found = read_table(conn, table, errors)
    result.tables[table] = found.rows
    result.unreadable += found.unreadable
    if found.lost:
        result.lost.append(table)


def read_shipping(conn: sqlite3.Connection, done_jobs: list[dict[str, Any]],
                  errors: list[str]) -> ShippingRescue:
    """Read what can be read of the waybills and the print log (``conn``: a copy of the
    damaged file); ``done_jobs``: the finished ``ewaybill_create`` rows the outbox gave up."""
    result = ShippingRescue(done_jobs=done_jobs)
    for table in TABLES:
        _read_table(conn, table, result, errors)
    return result


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]],
            rescued: ShippingRescue) -> int:
    """Insert the rows' columns that the fresh table has too; a row it refuses (a damaged
    value) counts as unreadable."""
    have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    done = 0
    for row in rows:
        cols = [c for c in row if c in have]
        try:
            conn.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(cols)})"
                         f" VALUES ({', '.join('?' * len(cols))})", [row[c] for c in cols])
        except sqlite3.Error:
            rescued.unreadable += 1
            continue
        done += 1
    return done


def _requested(conn: sqlite3.Connection, job: dict[str, Any]) -> bool:
    """A requested waybill for a job whose waybill is missing; False if the job's payload
    does not say which order it is for."""
    payload = job.get("payload")
    if not isinstance(payload, dict) or not payload.get("order_id"):
        return False
    repo = WaybillRepo(conn)
    eid = str(job["entity_id"])
    if repo.get(eid) is None:
        repo.upsert(Waybill(eid, str(payload["order_id"]), str(payload.get("delivery_id", "")),
                            "", REQUESTED, acct_id=str(payload.get("acct_id", "")),
                            delivery_name=str(payload.get("delivery_name", "")),
                            created_at=int(job.get("created_at") or 0)))
    return True


def restore_shipping(conn: sqlite3.Connection, rescued: ShippingRescue,
                     open_jobs: list[dict[str, Any]]) -> tuple[int, int]:
    """Put the rescued waybills and print log into the fresh cache (inside the rebuild's
    transaction, after the open outbox rows ``open_jobs`` went back); (waybills carried,
    waybills to read from the server)."""
    # never the label print data (the buyer's real address): the fresh cache's scrub already ran
    waybills = [{**w, "print_info": ""} for w in rescued.tables.get("waybills", [])]
    carried = _insert(conn, "waybills", waybills, rescued)
    _insert(conn, "print_log", rescued.tables.get("print_log", []), rescued)
    for job in open_jobs:  # a job still to send shows its requested waybill, as before
        if job.get("op") == "ewaybill_create":
            _requested(conn, job)
    to_check = 0
    known = {r[0] for r in conn.execute("SELECT ewaybill_order_id FROM waybills")}
    for job in rescued.done_jobs:
        if str(job.get("entity_id")) in known or not _requested(conn, job):
            continue
        t = int(job.get("created_at") or 0)
        conn.execute(
            "INSERT OR IGNORE INTO outbox (id, entity, entity_id, op, payload, base, state,"
            " attempts, last_error, created_at, updated_at)"
            " VALUES (?, 'waybill', ?, 'ewaybill_create', ?, NULL, 'sending', ?, '', ?, ?)",
            (job["id"], str(job["entity_id"]), dumps(job["payload"]),
             int(job.get("attempts") or 1), t, int(job.get("updated_at") or t)))
        to_check += 1
    return carried, to_check
