"""A full disk, a read-only mount and a dir without rights are named as what they are, nothing
is moved, the outbox survives, and the cache works again when space or rights return. Only real
damage is ``CorruptCache``."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from storage_support import as_a_stranger, fill, give_back, remount, small_disk

from seller_desktop.cli_exit import Exit
from seller_desktop.store import (
    CorruptCache,
    StorageFull,
    StorageReadOnly,
    Store,
    outbox,
)
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.rebuild import rebuild_cache

ROOT = Path(__file__).resolve().parents[2]


def note(i: int):
    return lambda c: outbox.enqueue(c, "order", str(i), "merchant_note",
                                    {"order_id": str(i), "notes": f"备注{i}"})


def queue_of(data_dir: Path, n: int = 20) -> None:
    with Store.open(data_dir) as store:
        for i in range(n):
            store.writer.write_sync(note(i))


def healthy(path: Path) -> int:
    """quick_check must pass; the number of unsynced rows."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0]
    finally:
        conn.close()


def test_a_full_disk_fails_a_write_cleanly_and_the_next_one_works(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        queue_of(data_dir)
        store = Store.open(data_dir)
        try:
            filler = fill(disk)
            saved = 0
            with pytest.raises(StorageFull) as info:
                for i in range(100, 400):  # until the WAL needs a page the disk has not got
                    store.writer.write_sync(note(i))
                    saved += 1
            assert "磁盘空间已满" in str(info.value)
            assert outbox.pending_count(store.reader()) == 20 + saved  # the failed one rolled back
            filler.unlink()
            store.writer.write_sync(note(999))  # the writer was left clean: no open transaction
            assert outbox.pending_count(store.reader()) == 20 + saved + 1
        finally:
            store.close()
        assert healthy(data_dir / CACHE_NAME) == 20 + saved + 1


def test_opening_on_a_full_disk_is_not_corruption_and_moves_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        queue_of(data_dir)
        filler = fill(disk)
        try:
            with Store.open(data_dir) as store:  # it may open (nothing to write yet) …
                with pytest.raises(StorageFull):
                    for i in range(100, 400):  # … but a save is refused as "disk full"
                        store.writer.write_sync(note(i))
        except StorageFull:
            pass  # or the open itself is refused as "disk full" (the -shm file needs space)
        assert sorted(p.name for p in data_dir.iterdir() if "corrupt" in p.name) == []
        filler.unlink()
        with Store.open(data_dir) as store:
            assert outbox.pending_count(store.reader()) >= 20


def test_a_read_only_mount_is_named_and_rebuild_does_not_crash(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        queue_of(data_dir)
        remount(disk, "ro")
        try:
            with pytest.raises(StorageReadOnly) as info:
                Store.open(data_dir)
            assert "只读" in str(info.value)
            with pytest.raises(StorageReadOnly):
                rebuild_cache(data_dir)  # OSError(30) before; nothing moved either way
            assert sorted(p.name for p in data_dir.iterdir()) == [CACHE_NAME, "lock"]
        finally:
            remount(disk, "rw")
        with Store.open(data_dir) as store:
            assert outbox.pending_count(store.reader()) == 20
        # real damage on a read-only mount: refused as read-only, the damaged file stays put
        path = data_dir / CACHE_NAME
        path.write_bytes(b"this is not a database" * 400)
        remount(disk, "ro")
        try:
            with pytest.raises(StorageReadOnly):
                rebuild_cache(data_dir)
            assert path.read_bytes().startswith(b"this is not")
        finally:
            remount(disk, "rw")
        with pytest.raises(CorruptCache):
            Store.open(data_dir)


def test_a_data_dir_without_rights_is_named_and_nothing_moves(data_dir: Path) -> None:
    queue_of(data_dir)
    try:
        done = as_a_stranger(data_dir, "picklist", "--data-dir", str(data_dir),
                             "--all-pending", "--pdf", str(data_dir.parent / "never.pdf"))
    finally:
        give_back(data_dir)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == Exit.STORAGE, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "no permission" in done.stderr
    assert sorted(p.name for p in data_dir.iterdir()) == [CACHE_NAME, "lock"]
    assert healthy(data_dir / CACHE_NAME) == 20


def test_the_cli_on_a_damaged_cache_says_so_in_one_line(data_dir: Path) -> None:
    (data_dir / CACHE_NAME).write_bytes(b"this is not a database" * 400)
    done = subprocess.run([sys.executable, "-m", "seller_desktop", "picklist", "--data-dir",
                           str(data_dir), "--all-pending", "--pdf", str(data_dir / "p.pdf")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == Exit.CACHE, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "damaged" in done.stderr and "rebuild" in done.stderr
    assert (data_dir / CACHE_NAME).read_bytes().startswith(b"this is not")  # nothing moved
