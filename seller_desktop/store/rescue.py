"""Saving the seller's unsynced changes out of a damaged cache file.

When ``Store.open`` raises ``CorruptCache`` the UI offers: rebuild from the server, keeping the
unsynced changes. ``rescue_unsynced`` exports every outbox row that is not done and can still be
read to a JSON file; ``db.move_aside`` then renames the damaged file so a fresh one is made.

The damaged file is never opened for writing: it (and its WAL, which may hold the latest
commits) is copied to a temporary directory and read there.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from ..domain.timeutil import now
from .db import FILE_MODE, companion_files

_COLUMNS = ("id", "entity", "entity_id", "op", "payload", "base", "state", "attempts",
            "last_error", "created_at", "updated_at")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM outbox"
_ID_SCAN_LIMIT = 1_000_000


def _row(values: sqlite3.Row | tuple) -> dict[str, Any]:
    row = dict(zip(_COLUMNS, values, strict=True))
    for key in ("payload", "base"):
        try:
            row[key] = json.loads(row[key]) if row[key] is not None else None
        except (TypeError, ValueError):
            pass  # keep the raw text: better an unparsed change than a lost one
    return row


def _candidate_ids(conn: sqlite3.Connection, errors: list[str]) -> range:
    for sql in ("SELECT max(id) FROM outbox", "SELECT seq FROM sqlite_sequence WHERE name='outbox'"):
        try:
            found = conn.execute(sql).fetchone()
            if found and found[0]:
                return range(1, min(int(found[0]), _ID_SCAN_LIMIT) + 1)
        except sqlite3.DatabaseError as exc:
            errors.append(f"{sql}: {exc}")
    return range(0)


def _read_rows(conn: sqlite3.Connection, errors: list[str]) -> list[dict[str, Any]]:
    try:
        rows = conn.execute(f"{_SELECT} WHERE state != 'done' ORDER BY id").fetchall()
        return [_row(r) for r in rows]
    except sqlite3.DatabaseError as exc:
        errors.append(f"outbox scan: {exc}")
    # The table scan hit a damaged page: read row by row, skipping what cannot be read.
    rows_out: list[dict[str, Any]] = []
    unreadable = 0
    for row_id in _candidate_ids(conn, errors):
        try:
            found = conn.execute(f"{_SELECT} WHERE id = ?", (row_id,)).fetchone()
        except sqlite3.DatabaseError:
            unreadable += 1
            continue
        if found is not None and found[6] != "done":
            rows_out.append(_row(found))
    if unreadable:
        errors.append(f"{unreadable} outbox rows could not be read")
    return rows_out


def rescue_unsynced(path: Path | str, out_json_path: Path | str) -> int:
    """Export the readable, not-done outbox rows of a (damaged) cache to JSON; returns how many.

    Never raises for damage: what could not be read is listed under ``errors`` in the file.
    """
    path, out = Path(path), Path(out_json_path)
    errors: list[str] = []
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="seller-desktop-rescue-") as tmp:
        copy = Path(tmp) / path.name
        try:
            shutil.copyfile(path, copy)
            wal = companion_files(path)[0]
            if wal.exists():
                shutil.copyfile(wal, companion_files(copy)[0])
        except OSError as exc:
            errors.append(f"copy: {exc}")
        else:
            conn = sqlite3.connect(copy, isolation_level=None)
            try:
                rows = _read_rows(conn, errors)
            except sqlite3.DatabaseError as exc:
                errors.append(str(exc))
            finally:
                conn.close()
    document = {"source": str(path), "exported_at": now(), "rows": rows, "errors": errors}
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
    return len(rows)


def load_rescued(out_json_path: Path | str) -> list[dict[str, Any]]:
    """The rows a rescue exported (for re-enqueueing them into a fresh cache)."""
    with open(out_json_path, encoding="utf-8") as handle:
        return list(json.load(handle)["rows"])
