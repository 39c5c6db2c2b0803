"""Rebuilding a damaged cache without losing the seller's unsynced changes.

Only for ``CorruptCache`` (never for a full disk or a read-only dir).
``rebuild_cache(data_dir)``, called while the caller holds the data dir's lock:
``rescue.rescue_unsynced`` keeps the not-done outbox rows in ``unsynced-<time>.json``; a fresh
cache (``cache.sqlite3.rebuild``) gets them back in one durable transaction with their identity
(id, entity id, payload, base, attempts, state: a ``sending`` row stays ``sending``, a
``conflict`` row becomes ``pending``); offline-created and edited products get their local draft
back; the e-waybills and the print log come too (``rescue_waybills``: one that cannot be read is
read back from the server before anything else goes out for its order), and so do the shop
identity and the sender addresses (``rescue_choices``); then the damaged file is moved aside
(its label print data emptied as far as it can be read, ``scrub.scrub_damaged``) and the fresh
one renamed into place. A row that can be read but not restored counts as unreadable. See
docs/durability.md.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .backups import copies, prune
from .codec import dumps, product_from_dict
from .db import CACHE_NAME, companion_files, move_aside, open_cache_file
from .errors import classify
from .outbox import ENTITIES
from .products import ProductRepo
from .rescue import Rescue, rescue_unsynced
from .rescue_choices import restore_choices
from .rescue_waybills import restore_shipping
from .scrub import scrub_damaged

RESTORED_STATE = {"pending": "pending", "sending": "sending", "failed": "failed",
                  "conflict": "pending"}


@dataclass(frozen=True)
class RebuildResult:
    export: Path  # the JSON record of the rows read from the damaged file
    moved: Path  # where the damaged file is now
    restored: int  # rows back in the new outbox
    unreadable: int  # rows that could not be read or restored
    outbox_lost: bool  # the damaged file's outbox could not be read at all
    waybills: int = 0  # e-waybills carried into the new cache
    waybills_to_check: int = 0  # e-waybills that could not be read: read from the server first
    shipping_unreadable: int = 0  # waybill or print-log rows that could not be read
    shipping_lost: tuple[str, ...] = ()  # of waybills / print_log: tables not readable at all
    settings: int = 0  # shop identity and label settings carried (``rescue_choices``)
    settings_unreadable: int = 0  # settings rows that could not be read
    settings_lost: bool = False  # no setting could be read at all


def _restorable(row: dict[str, Any]) -> bool:
    return (row.get("entity") in ENTITIES and isinstance(row.get("entity_id"), str)
            and isinstance(row.get("op"), str) and isinstance(row.get("payload"), dict)
            and isinstance(row.get("id"), int) and row.get("state") in RESTORED_STATE
            and (row.get("base") is None or isinstance(row.get("base"), dict)))


def _restore_draft(conn: sqlite3.Connection, row: dict[str, Any]) -> None:
    """An offline-created or edited product is shown as the seller left it (its create or edit
    row carries the whole draft; a pull keeps it over the server copy while the row is open)."""
    if row["entity"] != "product" or row["op"] not in ("create", "edit"):
        return
    try:
        product = product_from_dict(row["payload"])
    except (KeyError, TypeError, ValueError):
        return  # the row still goes out; the list just lacks the draft until the next pull
    if row["op"] == "create":
        ProductRepo(conn).save_local(product, local_id=row["entity_id"])
    elif product.product_id == row["entity_id"]:
        ProductRepo(conn).save_local(product)


def restore_rows(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> tuple[int, int]:
    """Put rescued rows into an empty outbox; (restored, could not be restored)."""
    restored = skipped = 0
    for row in rows:
        if not _restorable(row):
            skipped += 1
            continue
        t = int(row.get("created_at") or 0)
        conn.execute(
            "INSERT INTO outbox (id, entity, entity_id, op, payload, base, state, attempts,"
            " last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row["id"], row["entity"], row["entity_id"], row["op"], dumps(row["payload"]),
             None if row.get("base") is None else dumps(row["base"]),
             RESTORED_STATE[row["state"]], int(row.get("attempts") or 0),
             str(row.get("last_error") or ""), t, int(row.get("updated_at") or t)))
        _restore_draft(conn, row)
        restored += 1
    return restored, skipped


def _fresh_with(path: Path, rescue: Rescue) -> tuple[int, int, int, int, int]:
    """Build a new cache at ``path`` holding the rescued rows, waybills, print log and
    settings; (rows restored, rows skipped, waybills carried, waybills to read from the
    server, settings carried)."""
    for stale in (path, *companion_files(path)):
        stale.unlink(missing_ok=True)
    conn = open_cache_file(path)
    try:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            counts = restore_rows(conn, rescue.rows)
            shipping = restore_shipping(conn, rescue.shipping,
                                        [r for r in rescue.rows if _restorable(r)])
            settings = restore_choices(conn, rescue.choices)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        # one self-contained file to rename into place (no -wal/-shm beside it)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return (*counts, *shipping, settings)


def _new_record(data_dir: Path) -> Path:
    """``unsynced-<time>.json``, never an earlier rebuild's record (two in one second)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    export, n = data_dir / f"unsynced-{stamp}.json", 1
    while export.exists():
        export, n = data_dir / f"unsynced-{stamp}-{n}.json", n + 1
    return export


def rebuild_cache(data_dir: Path | str) -> RebuildResult:
    """Rescue, rebuild with the rescued rows, swap; raises a ``StorageProblem`` if the disk
    will not let it (the damaged file then stays where it was)."""
    data_dir = Path(data_dir)
    path = data_dir / CACHE_NAME
    export = _new_record(data_dir)
    fresh = path.with_name(path.name + ".rebuild")
    try:
        rescue = rescue_unsynced(path, export)
        restored, skipped, waybills, to_check, settings = _fresh_with(fresh, rescue)
        moved = move_aside(path)
        os.replace(fresh, path)
        prune(path, "corrupt")  # the most recent few damaged files are kept (backups.py)
        for kept in copies(path, "corrupt"):  # earlier ones too: made before this was done
            scrub_damaged(kept)
    except OSError as exc:
        raise classify(exc, path) from exc  # type: ignore[misc]
    except sqlite3.Error as exc:
        problem = classify(exc, fresh)
        if problem is None:
            raise
        raise problem from exc
    return RebuildResult(export=export, moved=moved, restored=restored,
                         unreadable=rescue.unreadable + skipped, outbox_lost=rescue.table_lost,
                         waybills=waybills, waybills_to_check=to_check,
                         shipping_unreadable=rescue.shipping.unreadable,
                         shipping_lost=tuple(rescue.shipping.lost), settings=settings,
                         settings_unreadable=rescue.choices.unreadable,
                         settings_lost=rescue.choices.lost)
