"""Buyer data the cache must not keep, removed from caches written before it was left out.

The e-waybill ``print_info`` is opaque, but it carries the recipient's real name, phone and
address (the API masks them everywhere else). It is fetched for each print job and kept in
memory only (``workflows.shipping``); caches from earlier versions stored it in
``waybills.print_info``. ``scrub_cache`` empties that column once per cache (a watermark says it
was done), then rewrites the file (VACUUM) so the old text is not left in free space; the
migration backups next to the cache (``*.bak``) get the same, and a damaged file a rebuild moved
aside (``*.corrupt-*``) as far as its pages can be read (``scrub_damaged``). No schema change:
the column stays, always ''.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from .meta import Watermarks
from .rescue_read import ROWID_SCAN_LIMIT

log = logging.getLogger("seller_desktop.store")

SCRUBBED = "scrub.print_info"  # watermark: how far this cache's scrub got
EMPTIED, DONE = "emptied", "done"  # the column is empty / and the file was rewritten


def _has_waybills(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                        " ('waybills', 'watermarks')").fetchone()[0] == 2


def _empty_print_info(conn: sqlite3.Connection) -> int:
    # secure_delete: the freed text (cells, overflow pages) is zeroed, not left on disk
    conn.execute("PRAGMA secure_delete = ON")
    try:
        return conn.execute("UPDATE waybills SET print_info = '' WHERE print_info != ''").rowcount
    finally:
        conn.execute("PRAGMA secure_delete = OFF")


def _compact(conn: sqlite3.Connection, path: Path) -> bool:
    """Rewrite the file (VACUUM) so no copy of the old text is left in free pages or in the
    free space of live pages (written before secure_delete); False when it cannot now (a full
    disk: VACUUM needs room for a copy), to be tried again on the next open."""
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        log.warning("cache %s not compacted after removing label print data: %s", path.name, exc)
        return False
    return True


def scrub_cache(conn: sqlite3.Connection, path: Path) -> None:
    """Once per cache: empty ``waybills.print_info`` here and in the ``*.bak`` copies beside
    ``path``. ``conn`` is the writer connection in autocommit mode. The one-time VACUUM takes
    seconds on a large cache, on the writer thread while the shop opens (never the UI's). A
    disk that cannot take the writes now (full) does not stop the shop from opening: the scrub
    is tried again on the next open."""
    if not _has_waybills(conn):
        return
    marks = Watermarks(conn)
    before = marks.get(SCRUBBED)
    if before == DONE:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        emptied = _empty_print_info(conn)
        marks.set(SCRUBBED, EMPTIED)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        log.warning("label print data not removed from %s yet: %s", path.name, exc)
        return
    if emptied or before == EMPTIED:
        log.info("removed the label print data of %d waybills from the cache", emptied)
        for backup in sorted(path.parent.glob(f"{path.name}.*.bak")):
            scrub_backup(backup)
        if not _compact(conn, path):
            return  # the column is empty; the rewrite is tried again next time
    try:
        conn.execute("BEGIN IMMEDIATE")
        marks.set(SCRUBBED, DONE)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        log.warning("cache %s: scrub not recorded yet: %s", path.name, exc)


def scrub_backup(path: Path) -> None:
    """Empty ``print_info`` in a backup copy and rewrite it; one that cannot be opened is left
    as it is (and said in the log), never a reason not to open the cache."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        log.warning("backup %s not scrubbed: %s", path.name, exc)
        return
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'waybills'"
                        ).fetchone() is None:
            return
        if _empty_print_info(conn):
            conn.execute("VACUUM")
    except sqlite3.Error as exc:
        log.warning("backup %s not scrubbed: %s", path.name, exc)
    finally:
        conn.close()


def _empty_row_by_row(conn: sqlite3.Connection) -> tuple[int, int]:
    """Past a damaged page: each waybill on its own, each its own commit (one that touches
    the damage fails alone); (emptied, could not be reached)."""
    top = int(conn.execute("SELECT max(rowid) FROM waybills").fetchone()[0] or 0)
    emptied = failed = 0
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA synchronous = OFF")  # a copy kept for the record: no fsync per row
    for rowid in range(1, min(top, ROWID_SCAN_LIMIT) + 1):
        try:
            emptied += conn.execute("UPDATE waybills SET print_info = '' WHERE rowid = ?"
                                    " AND print_info != ''", (rowid,)).rowcount
        except sqlite3.DatabaseError:
            failed += 1
    return emptied, failed


def scrub_damaged(path: Path) -> tuple[int, int] | None:
    """Empty ``print_info`` in a damaged copy a rebuild moved aside, row by row past the pages
    that cannot be read; (emptied, rows that could not be reached), None when the file cannot
    be opened or its waybills read at all (it is left as it is, and said in the log). Then the
    file is rewritten if SQLite still can (a VACUUM reads every page: mostly it cannot, and
    text an earlier version left in free space stays until the copy is pruned)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        log.warning("damaged copy %s not scrubbed: %s", path.name, exc)
        return None
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'waybills'"
                        ).fetchone() is None:
            return 0, 0
        try:
            result = _empty_print_info(conn), 0
        except sqlite3.DatabaseError as exc:  # a damaged page on the way
            log.info("damaged copy %s: scrubbing row by row (%s)", path.name, exc)
            result = _empty_row_by_row(conn)
        if result[1]:
            log.warning("damaged copy %s: %d waybill rows could not be reached to remove their"
                        " label print data", path.name, result[1])
        if result[0]:
            try:
                conn.execute("VACUUM")
            except sqlite3.DatabaseError as exc:
                log.info("damaged copy %s cannot be rewritten: %s", path.name, exc)
        return result
    except sqlite3.Error as exc:
        log.warning("damaged copy %s not scrubbed: %s", path.name, exc)
        return None
    finally:
        conn.close()
