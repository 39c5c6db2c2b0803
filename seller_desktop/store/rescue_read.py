"""Reading one table's rows out of a damaged cache file, as far as they can be read.

A scan of the table itself first (``NOT INDEXED``: a damaged index must not hide rows); when it
hits a damaged page, row by row by rowid, counting each row that cannot be read. A table whose
last rowid cannot even be read is lost. Used by the rescue of the waybills and print log
(``rescue_waybills.py``) and of the seller's settings (``rescue_choices.py``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

ROWID_SCAN_LIMIT = 1_000_000


@dataclass
class TableRead:
    rows: list[dict[str, Any]] = field(default_factory=list)
    unreadable: int = 0  # rows on a page that could not be read
    lost: bool = False  # not even the table's rowids could be read


def _scan(conn: sqlite3.Connection, sql: str, args: tuple = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def read_table(conn: sqlite3.Connection, table: str, errors: list[str]) -> TableRead:
    """Every row of ``table`` that can be read (``conn``: a copy of the damaged file); what
    went wrong is added to ``errors`` (SQLite's words, for the seller's record)."""
    result = TableRead()
    try:
        result.rows = _scan(conn, f"SELECT * FROM {table} NOT INDEXED")
        return result
    except sqlite3.DatabaseError as exc:
        errors.append(f"{table} scan: {exc}")
    try:
        top = int(conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    except sqlite3.DatabaseError as exc:  # not even the last rowid: the table is lost
        errors.append(f"{table} rowids: {exc}")
        result.lost = True
        return result
    for rowid in range(1, min(top, ROWID_SCAN_LIMIT) + 1):
        try:
            result.rows += _scan(conn, f"SELECT * FROM {table} NOT INDEXED WHERE rowid = ?",
                                 (rowid,))
        except sqlite3.DatabaseError:
            result.unreadable += 1
    if result.unreadable:
        errors.append(f"{result.unreadable} {table} rows could not be read")
    return result
