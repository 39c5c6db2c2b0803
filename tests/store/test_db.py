"""The cache file: permissions, pragmas, migrations with a backup copy, corruption and rescue,
the single writer and the WAL reader."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import stat
import threading
import time

import pytest

from seller_desktop.store import (
    CacheTooNew,
    CorruptCache,
    Store,
    move_aside,
    outbox,
    rescue_unsynced,
)
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.meta import Watermarks
from seller_desktop.store.migrations import MIGRATIONS, Migration
from seller_desktop.store.orders import OrderRepo

from .factories import make_order


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_cache_is_owner_only_with_wal(store, data_dir):
    store.writer.write_sync(lambda c: Watermarks(c).set("k", 1))
    path = data_dir / CACHE_NAME
    for name in (path, path.with_name(CACHE_NAME + "-wal"), path.with_name(CACHE_NAME + "-shm")):
        assert name.exists(), name
        assert mode(name) == 0o600, name
    conn = store.reader()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.writer.write_sync(lambda c: c.execute("PRAGMA foreign_keys").fetchone()[0]) == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_existing_cache_is_made_owner_only(data_dir):
    Store.open(data_dir).close()
    path = data_dir / CACHE_NAME
    os.chmod(path, 0o644)
    with Store.open(data_dir):
        assert mode(path) == 0o600


def test_migrating_an_existing_file_copies_it_first(data_dir):
    with Store.open(data_dir) as first:
        first.writer.write_sync(lambda c: Watermarks(c).set("orders", 1700000000))
    assert not list(data_dir.glob("*.bak"))  # a fresh file is never backed up

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE orders ADD COLUMN flag INTEGER NOT NULL DEFAULT 0")

    migrations = (*MIGRATIONS, Migration("test: add orders.flag", add_column))
    with Store.open(data_dir, migrations=migrations) as second:
        conn = second.reader()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
        assert "flag" in [r[1] for r in conn.execute("PRAGMA table_info(orders)")]
        assert Watermarks(conn).get_int("orders") == 1700000000
    backups = list(data_dir.glob(f"{CACHE_NAME}.v{len(MIGRATIONS)}-*.bak"))
    assert len(backups) == 1
    assert mode(backups[0]) == 0o600
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert copy.execute("SELECT value FROM watermarks WHERE key='orders'").fetchone()[0] == "1700000000"
    assert "flag" not in [r[1] for r in copy.execute("PRAGMA table_info(orders)")]
    copy.close()


def test_failed_migration_leaves_the_file_at_its_version(data_dir):
    Store.open(data_dir).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        Store.open(data_dir, migrations=(*MIGRATIONS, Migration("broken", broken)))
    with Store.open(data_dir) as again:
        names = [r[0] for r in again.reader().execute("SELECT name FROM sqlite_master")]
        assert "half_done" not in names


def test_file_from_a_newer_app_is_refused(data_dir):
    Store.open(data_dir).close()
    conn = sqlite3.connect(data_dir / CACHE_NAME)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(CacheTooNew):
        Store.open(data_dir)


def test_not_a_database_raises_corrupt_cache_and_rescue_survives(data_dir, tmp_path):
    path = data_dir / CACHE_NAME
    path.write_bytes(os.urandom(8192))
    with pytest.raises(CorruptCache) as info:
        Store.open(data_dir)
    assert info.value.path == path
    assert info.value.reason
    out = tmp_path / "rescued.json"
    rescue = rescue_unsynced(path, out)
    assert rescue.rows == [] and rescue.table_lost  # not "no unsynced changes": unknown
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["rows"] == [] and document["errors"] and document["table_lost"]


def test_damaged_file_gives_up_its_unsynced_outbox(data_dir, tmp_path):
    path = data_dir / CACHE_NAME
    with Store.open(data_dir) as s:
        def fill(conn: sqlite3.Connection) -> None:
            outbox.enqueue(conn, "order", "1", "merchant_note", {"order_id": "1", "notes": "加急"})
            outbox.enqueue(conn, "product", "p1", "stock_delta",
                           {"product_id": "p1", "sku_id": "s1", "delta": -2})
            done = outbox.enqueue(conn, "order", "2", "merchant_note", {"order_id": "2", "notes": "x"})
            outbox.mark_done(conn, done)
        s.writer.write_sync(fill)
        s.writer.write_sync(lambda c: OrderRepo(c).upsert_many(make_order(i) for i in range(3000)))
    size = path.stat().st_size
    with open(path, "r+b") as handle:  # wreck pages in the last part (the orders, not the outbox)
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * (size // 4 // 4))
    with pytest.raises(CorruptCache):
        Store.open(data_dir)
    out = tmp_path / "rescued.json"
    rescue = rescue_unsynced(path, out)
    assert (len(rescue.rows), rescue.unreadable, rescue.table_lost) == (2, 0, False)
    assert mode(out) == 0o600
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert [(r["entity"], r["op"], r["payload"]) for r in rows] == [
        ("order", "merchant_note", {"order_id": "1", "notes": "加急"}),
        ("product", "stock_delta", {"product_id": "p1", "sku_id": "s1", "delta": -2}),
    ]
    aside = move_aside(path)
    assert aside.exists() and not path.exists()
    with Store.open(data_dir) as fresh:
        assert outbox.pending_count(fresh.reader()) == 0


def test_write_is_one_transaction(store):
    def half(conn: sqlite3.Connection) -> None:
        Watermarks(conn).set("a", 1)
        raise ValueError("nope")

    with pytest.raises(ValueError, match="nope"):
        store.writer.write_sync(half)
    assert Watermarks(store.reader()).get("a") is None


def test_write_inside_write_is_refused(store):
    with pytest.raises(RuntimeError, match="inside a write"):
        store.writer.write_sync(lambda c: store.writer.write_sync(lambda c2: None))


@pytest.mark.asyncio
async def test_async_write_runs_on_the_writer_thread(store):
    main = threading.get_ident()
    thread = await store.writer.write(lambda c: threading.get_ident())
    assert thread != main
    await store.writer.write(lambda c: Watermarks(c).set("x", "1"))
    assert Watermarks(store.reader()).get("x") == "1"


def test_reader_is_not_blocked_by_a_long_write(store):
    store.writer.write_sync(lambda c: Watermarks(c).set("committed", "yes"))
    inside, release = threading.Event(), threading.Event()

    def long_write(conn: sqlite3.Connection) -> None:
        Watermarks(conn).set("uncommitted", "soon")
        inside.set()
        assert release.wait(10)

    worker = threading.Thread(target=store.writer.write_sync, args=(long_write,))
    worker.start()
    try:
        assert inside.wait(5)
        started = time.perf_counter()
        marks = Watermarks(store.reader()).all()
        assert time.perf_counter() - started < 0.5
        assert marks["committed"] == "yes" and "uncommitted" not in marks
    finally:
        release.set()
        worker.join(10)
    assert Watermarks(store.reader()).get("uncommitted") == "soon"


def test_reader_cannot_write(store):
    with pytest.raises(sqlite3.OperationalError):
        store.reader().execute("INSERT INTO watermarks VALUES ('k', 'v', 0)")


def test_async_and_sync_writes_serialize(store):
    async def many() -> None:
        await asyncio.gather(*(store.writer.write(
            lambda c, i=i: Watermarks(c).set(f"k{i}", i)) for i in range(20)))

    asyncio.run(many())
    assert len([k for k in Watermarks(store.reader()).all() if k.startswith("k")]) == 20


def test_close_twice_is_harmless(data_dir):
    opened = Store.open(data_dir)
    opened.reader()
    opened.close()
    opened.close()
