"""The e-waybill ``print_info`` carries the recipient's real name, phone and address: the cache
never stores it, and a cache (with its migration backups) from a version that did is emptied
on open, without the text lingering in free pages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from seller_desktop.domain.waybill import Waybill
from seller_desktop.store import Store
from seller_desktop.store.db import CACHE_NAME, backup_copy
from seller_desktop.store.scrub import SCRUBBED
from seller_desktop.store.waybills import WaybillRepo

# what a real print_info decodes to, long enough to spill into overflow pages
BUYER = "收件人张三13800138000广东省广州市天河区幸福路88号".encode()
PRINT_INFO = (BUYER * 200).hex()


def _waybill(eid: str, print_info: str = "") -> Waybill:
    return Waybill(ewaybill_order_id=eid, order_id=f"o{eid}", delivery_id="YTO",
                   waybill_id=f"YT{eid}", status=1, print_info=print_info)


def _on_disk(path: Path) -> bytes:
    """The cache file and its WAL/shm, as bytes."""
    files = (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    return b"".join(p.read_bytes() for p in files if p.exists())


def _stored(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT print_info FROM waybills")]
    finally:
        conn.close()


def test_a_waybill_is_stored_without_its_print_info(store: Store, data_dir: Path) -> None:
    store.writer.write_sync(lambda c: WaybillRepo(c).upsert(_waybill("1", PRINT_INFO)))
    store.writer.write_sync(lambda c: WaybillRepo(c).upsert(_waybill("1", PRINT_INFO)))
    assert WaybillRepo(store.reader()).get("1").print_info == ""
    assert _stored(data_dir / CACHE_NAME) == [""]
    assert PRINT_INFO.encode() not in _on_disk(data_dir / CACHE_NAME)


def test_an_old_cache_and_its_backups_are_scrubbed_once_on_open(data_dir: Path) -> None:
    path = data_dir / CACHE_NAME
    with Store.open(data_dir) as store:  # as an earlier version left it: print_info stored
        def old_version(conn: sqlite3.Connection) -> None:
            WaybillRepo(conn).upsert(_waybill("1"))
            WaybillRepo(conn).upsert(_waybill("2"))
            conn.execute("UPDATE waybills SET print_info = ?", (PRINT_INFO,))
            conn.execute("DELETE FROM watermarks WHERE key = ?", (SCRUBBED,))

        store.writer.write_sync(old_version)
    conn = sqlite3.connect(path)
    try:
        backup = backup_copy(conn, path, 3)  # the copy a migration keeps beside the cache
    finally:
        conn.close()
    assert _stored(backup) == [PRINT_INFO] * 2 and BUYER.hex().encode() in _on_disk(path)

    with Store.open(data_dir) as store:
        assert [w.print_info for w in WaybillRepo(store.reader()).for_order("o1")] == [""]
    assert _stored(path) == ["", ""] and _stored(backup) == ["", ""]
    # overwritten, not only unlinked: no copy of the text in free pages or the WAL
    assert BUYER.hex().encode() not in _on_disk(path)
    assert BUYER.hex().encode() not in backup.read_bytes()

    with Store.open(data_dir) as store:  # once: a later open finds the mark and does nothing
        assert store.reader().execute("SELECT value FROM watermarks WHERE key = ?",
                                      (SCRUBBED,)).fetchone()[0] == "done"


def test_a_backup_that_cannot_be_read_does_not_stop_the_cache(data_dir: Path) -> None:
    with Store.open(data_dir):
        pass
    broken = data_dir / f"{CACHE_NAME}.v2-20260101-000000.bak"
    broken.write_bytes(b"not a database" * 100)
    with Store.open(data_dir) as store:
        store.writer.write_sync(lambda c: c.execute("DELETE FROM watermarks WHERE key = ?",
                                                    (SCRUBBED,)))
    with Store.open(data_dir) as store:
        assert store.reader().execute("SELECT count(*) FROM waybills").fetchone()[0] == 0
    assert broken.read_bytes() == b"not a database" * 100


def test_a_cache_without_print_info_is_not_rewritten(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.writer.write_sync(lambda c: WaybillRepo(c).upsert(_waybill("1")))
        store.writer.write_sync(lambda c: c.execute("DELETE FROM watermarks WHERE key = ?",
                                                    (SCRUBBED,)))
    path = data_dir / CACHE_NAME
    inode = path.stat().st_ino, path.stat().st_size
    with Store.open(data_dir) as store:
        assert store.reader().execute("SELECT value FROM watermarks WHERE key = ?",
                                      (SCRUBBED,)).fetchone()[0] == "done"
    assert (path.stat().st_ino, path.stat().st_size) == inode


def test_a_full_disk_delays_the_scrub_but_not_the_shop(tmp_path: Path) -> None:
    """The scrub writes (and VACUUM needs room for a copy): on a full disk the shop still opens
    as it did before, and the next open with space does the scrub."""
    from storage_support import fill, small_disk

    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        with Store.open(data_dir) as store:
            def old_version(conn: sqlite3.Connection) -> None:
                for i in range(20):
                    WaybillRepo(conn).upsert(_waybill(str(i)))
                conn.execute("UPDATE waybills SET print_info = ?", (PRINT_INFO,))
                conn.execute("DELETE FROM watermarks WHERE key = ?", (SCRUBBED,))

            store.writer.write_sync(old_version)
        keeper = sqlite3.connect(data_dir / CACHE_NAME)  # keeps the -wal/-shm files in place
        keeper.execute("SELECT count(*) FROM waybills").fetchone()
        filler = fill(disk)
        try:
            with Store.open(data_dir) as store:  # the UPDATE or the VACUUM cannot be written
                assert store.reader().execute("SELECT count(*) FROM waybills").fetchone()[0] == 20
        finally:
            keeper.close()
        filler.unlink()
        with Store.open(data_dir):
            pass
        assert _stored(data_dir / CACHE_NAME) == [""] * 20
        assert BUYER.hex().encode() not in _on_disk(data_dir / CACHE_NAME)
