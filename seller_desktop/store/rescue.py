"""Reading the seller's unsynced changes out of a damaged cache file.

When ``Store.open`` raises ``CorruptCache`` the window offers a rebuild (``rebuild.py``).
``rescue_unsynced`` exports every outbox row that is not done and can still be read to a JSON
file (a record the seller keeps) and returns them with what could not be read: a number of rows,
or the whole outbox table. It reads the e-waybills, the print log and the finished waybill jobs
too (``rescue_waybills.py``): a waybill forgotten by a rebuild was taken a second time; and the
seller's settings the server cannot give back (``rescue_choices.py``). The rebuild loads all of
it back into the fresh cache.

The damaged file is never opened for writing: it (and its WAL, which may hold the latest
commits) is copied to a temporary directory and read there. The scan reads the table itself
(``NOT INDEXED``): a damaged index must not hide rows.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.timeutil import now
from .db import FILE_MODE, companion_files
from .rescue_choices import ChoicesRescue, read_choices
from .rescue_waybills import TABLES, ShippingRescue, read_shipping

_COLUMNS = ("id", "entity", "entity_id", "op", "payload", "base", "state", "attempts",
            "last_error", "created_at", "updated_at")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM outbox NOT INDEXED"
_ID_SCAN_LIMIT = 1_000_000
_WAYBILL_KEYS = ("ewaybill_order_id", "order_id", "delivery_id", "waybill_id", "status")


@dataclass
class Rescue:
    """What a rescue read: the rows, and what it could not read."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    unreadable: int = 0  # outbox rows that could not be read (unsynced or not: unknown)
    table_lost: bool = False  # the outbox table could not be read at all
    errors: list[str] = field(default_factory=list)  # SQLite's words, for the record
    done_jobs: list[dict[str, Any]] = field(default_factory=list)  # finished waybill jobs
    shipping: ShippingRescue = field(default_factory=ShippingRescue)
    choices: ChoicesRescue = field(default_factory=ChoicesRescue)


def _row(values: sqlite3.Row | tuple) -> dict[str, Any]:
    row = dict(zip(_COLUMNS, values, strict=True))
    for key in ("payload", "base"):
        try:
            row[key] = json.loads(row[key]) if row[key] is not None else None
        except (TypeError, ValueError):
            pass  # keep the raw text: better an unparsed change than a lost one
    return row


def _candidate_ids(conn: sqlite3.Connection, errors: list[str]) -> range | None:
    for sql in ("SELECT max(id) FROM outbox", "SELECT seq FROM sqlite_sequence WHERE name='outbox'"):
        try:
            found = conn.execute(sql).fetchone()
            if found is not None:
                return range(1, min(int(found[0] or 0), _ID_SCAN_LIMIT) + 1)
        except sqlite3.DatabaseError as exc:
            errors.append(f"{sql}: {exc}")
    return None  # not even the ids: the table is lost


def _done_job(values: sqlite3.Row | tuple) -> bool:
    return values[6] == "done" and values[3] == "ewaybill_create"


def _read_rows(conn: sqlite3.Connection, result: Rescue) -> None:
    try:
        rows = conn.execute(f"{_SELECT} WHERE state != 'done' OR op = 'ewaybill_create'"
                            " ORDER BY id").fetchall()
        result.rows = [_row(r) for r in rows if not _done_job(r)]
        result.done_jobs = [_row(r) for r in rows if _done_job(r)]
        return
    except sqlite3.DatabaseError as exc:
        result.errors.append(f"outbox scan: {exc}")
    # The table scan hit a damaged page: read row by row, skipping what cannot be read.
    ids = _candidate_ids(conn, result.errors)
    if ids is None:
        result.table_lost = True
        return
    for row_id in ids:
        try:
            found = conn.execute(f"{_SELECT} WHERE id = ?", (row_id,)).fetchone()
        except sqlite3.DatabaseError:
            result.unreadable += 1
            continue
        if found is not None and _done_job(found):
            result.done_jobs.append(_row(found))
        elif found is not None and found[6] != "done":
            result.rows.append(_row(found))
    if result.unreadable:
        result.errors.append(f"{result.unreadable} outbox rows could not be read")


def _read_all(conn: sqlite3.Connection, result: Rescue) -> None:
    try:
        _read_rows(conn, result)
    except sqlite3.DatabaseError as exc:
        result.errors.append(str(exc))
        result.table_lost = True
    try:
        result.shipping = read_shipping(conn, result.done_jobs, result.errors)
    except sqlite3.DatabaseError as exc:  # not even the schema: nothing of them
        result.errors.append(f"waybills: {exc}")
        result.shipping = ShippingRescue(done_jobs=result.done_jobs, lost=list(TABLES))
    result.choices = read_choices(conn, result.errors)


def rescue_unsynced(path: Path | str, out_json_path: Path | str) -> Rescue:
    """Export the readable, not-done outbox rows of a (damaged) cache to JSON (0600).

    Never raises for damage: what could not be read is in the result and under ``errors`` in
    the file. Raises ``OSError`` only if the export itself cannot be written (disk full…).
    """
    path, out = Path(path), Path(out_json_path)
    result = Rescue()
    with tempfile.TemporaryDirectory(prefix="seller-desktop-rescue-") as tmp:
        copy = Path(tmp) / path.name
        try:
            shutil.copyfile(path, copy)
            wal = companion_files(path)[0]
            if wal.exists():
                shutil.copyfile(wal, companion_files(copy)[0])
        except OSError as exc:
            result.errors.append(f"copy: {exc}")
            result.table_lost = True
            result.shipping.lost = list(TABLES)
            result.choices.lost = True
        else:
            conn = sqlite3.connect(copy, isolation_level=None)
            try:
                _read_all(conn, result)
            finally:
                conn.close()
    document = {"source": str(path), "exported_at": now(), "rows": result.rows,
                "unreadable": result.unreadable, "table_lost": result.table_lost,
                "errors": result.errors,
                # which numbers were taken (the label data can be fetched again: left out)
                "waybills": [{k: w.get(k) for k in _WAYBILL_KEYS}
                             for w in result.shipping.tables.get("waybills", [])],
                "print_log": result.shipping.tables.get("print_log", []),
                "waybill_jobs_done": result.done_jobs,
                "settings": result.choices.marks}
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    return result


def load_rescued(out_json_path: Path | str) -> list[dict[str, Any]]:
    """The rows a rescue exported (for re-enqueueing them into a fresh cache)."""
    with open(out_json_path, encoding="utf-8") as handle:
        return list(json.load(handle)["rows"])
