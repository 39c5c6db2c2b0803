"""The copies kept beside a cache are bounded: the backups made before a migration and the
damaged files a rebuild moved aside each keep their three most recent, owner-only; the record
of a rescue (``unsynced-*.json``) and other files are never touched."""

from __future__ import annotations

import os
import sqlite3
import stat

from seller_desktop.store import Store, outbox
from seller_desktop.store.backups import KEEP, copies
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.migrations import MIGRATIONS, Migration
from seller_desktop.store.rebuild import rebuild_cache


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _noop(conn: sqlite3.Connection) -> None:
    conn.execute("SELECT 1")


def test_migrations_keep_the_three_most_recent_backups(data_dir):
    with Store.open(data_dir) as store:
        store.writer.write_sync(lambda c: outbox.enqueue(
            c, "order", "1", "merchant_note", {"order_id": "1", "notes": "留着"}))
    cache = data_dir / CACHE_NAME
    old = cache.with_name(f"{CACHE_NAME}.v1-20240101-000000.bak")  # from an older version
    old.write_bytes(b"old")
    made = []
    for extra in range(1, 6):  # five upgrades, each one migration further
        migrations = (*MIGRATIONS, *(Migration(f"test {n}", _noop) for n in range(extra)))
        Store.open(data_dir, migrations=migrations).close()
        made.append(copies(cache, "bak")[-1])
        os.chmod(made[-1], 0o644)  # widened by a backup tool: made owner-only again if kept
    kept = copies(cache, "bak")
    assert kept == made[-KEEP:] and not old.exists()
    assert [mode(p) for p in kept[:-1]] == [0o600] * (KEEP - 1)
    newest = sqlite3.connect(kept[-1])  # the newest backup is the cache before the last step
    assert newest.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 4
    assert newest.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    newest.close()


def test_rebuilds_keep_the_three_most_recent_damaged_files(data_dir):
    cache = data_dir / CACHE_NAME
    record = data_dir / "unsynced-20240101-000000.json"
    record.write_text("{}", encoding="utf-8")
    stray = data_dir / "notes.bak"
    stray.write_text("mine", encoding="utf-8")
    older = cache.with_name(f"{CACHE_NAME}.corrupt-20240101-000000")
    older.write_bytes(b"damaged long ago")
    older.with_name(older.name + "-wal").write_bytes(b"its wal")
    moved = []
    for n in range(4):
        cache.write_bytes(f"damage {n} ".encode() * 400)
        moved.append(rebuild_cache(data_dir).moved)
    kept = copies(cache, "corrupt")
    assert kept == moved[-KEEP:]
    assert not older.exists() and not older.with_name(older.name + "-wal").exists()
    assert all(mode(p) == 0o600 for p in kept)
    assert [p.read_bytes()[:8] for p in kept] == [b"damage 1", b"damage 2", b"damage 3"]
    assert record.exists() and stray.exists()
    assert len(list(data_dir.glob("unsynced-*.json"))) == 5  # the seller's records all stay
    with Store.open(data_dir):  # and the rebuilt cache opens
        pass
