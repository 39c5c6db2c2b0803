"""The cache file: where it lives, how it is opened, checked, migrated, and who may write it.

One file, ``<data_dir>/cache.sqlite3`` (0600, WAL). Writes: ONE connection on ONE worker thread
(``Writer``); ``write(fn)`` runs ``fn(conn)`` in one ``BEGIN IMMEDIATE … COMMIT``, durable
(``synchronous=FULL``) by default, ``durable=False`` for bulk pulls. Reads: ``Store.reader()``,
a read-only connection for the UI thread. Failures are named (``errors.py``: ``CorruptCache``
vs. ``StorageProblem``) and a failed write rolls back whole. ``Store.open`` holds the data dir's
lock (``lock.py``) until ``close``. What is promised on disk, and why: docs/durability.md.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from .backups import prune
from .errors import (
    CacheTooNew,
    CorruptCache,
    StorageFailed,
    StorageProblem,
    StoreError,
    classify,
)
from .lock import DirLock
from .migrations import MIGRATIONS, Migration, current_version, migrate
from .scrub import scrub_cache

__all__ = ["CacheTooNew", "CorruptCache", "Store", "StorageProblem", "StoreError", "Writer",
           "move_aside", "open_cache_file"]

CACHE_NAME = "cache.sqlite3"
FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 5000

T = TypeVar("T")


def companion_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def secure_file(path: Path) -> None:
    """Create ``path`` owner-only if missing, and make it owner-only if it exists."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)


def _secure_companions(path: Path) -> None:
    for extra in companion_files(path):
        if extra.exists():
            os.chmod(extra, FILE_MODE)


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def connect_writer(path: Path) -> sqlite3.Connection:
    """A read-write connection in autocommit mode (transactions are explicit)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    _configure(conn)
    return conn


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection; usable from any one thread at a time."""
    uri = f"file:{quote(str(path))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    _configure(conn)
    conn.execute("PRAGMA query_only = ON")
    return conn


def backup_copy(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the open database next to it (SQLite backup API) before migrating it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.v{version}-{stamp}-{n}.bak")
        n += 1
    secure_file(target)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    os.chmod(target, FILE_MODE)
    return target


def check_cache_file(conn: sqlite3.Connection, path: Path | str) -> None:
    """``PRAGMA quick_check`` of the whole file; ``CorruptCache`` when it finds damage. It reads
    every page: about 0.5-2 s at 200,000 orders (600 MB)."""
    problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise CorruptCache(path, "完整性检查失败：" + "; ".join(problems[:3]))


def verify_cache_file(path: Path | str) -> None:
    """The same check on a connection of its own (any thread): the app runs it while the window
    is built and shown, and syncs only once the file passed (see ``Store.open(check=False)``)."""
    try:
        conn = connect_reader(Path(path))
    except sqlite3.DatabaseError as exc:
        raise CorruptCache(path, str(exc)) from exc
    try:
        check_cache_file(conn, path)
    except sqlite3.DatabaseError as exc:  # the disk's fault (I/O) is not the file's damage
        raise (classify(exc, Path(path)) or CorruptCache(path, str(exc))) from exc
    finally:
        conn.close()


def _sound(path: Path) -> bool:
    """Whether a read-only quick_check of the file passes (after an unexplained open error)."""
    try:
        conn = connect_reader(path)
        try:
            return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _open_failure(path: Path, exc: BaseException) -> StoreError:
    problem = classify(exc, path)
    if problem is not None:
        return problem
    # SQLite said something that names neither damage nor the disk: damage only if it shows
    return StorageFailed(path, str(exc)) if _sound(path) else CorruptCache(path, str(exc))


def open_cache_file(path: Path, migrations: Sequence[Migration] = MIGRATIONS, *,
                    check: bool = True) -> sqlite3.Connection:
    """Open (creating if needed), check, and migrate the cache file; returns a writer connection.

    Raises ``CorruptCache`` for a damaged or foreign file, ``CacheTooNew`` for a newer schema
    and a ``StorageProblem`` (full, read-only, no rights, I/O) for the disk around it.
    ``check=False`` leaves the whole-file check to the caller (``verify_cache_file``), unless a
    migration is due: a damaged file is never migrated.
    """
    conn: sqlite3.Connection | None = None
    try:
        existed = path.exists() and path.stat().st_size > 0
        secure_file(path)
        conn = connect_writer(path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise _open_failure(path, sqlite3.OperationalError(f"无法启用 WAL（{mode}）"))
        conn.execute("PRAGMA synchronous = NORMAL")
        _secure_companions(path)
        version = current_version(conn)
        if check or 0 < version < len(migrations):
            check_cache_file(conn, path)
        if version > len(migrations):
            raise CacheTooNew(path, version, len(migrations))
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise CorruptCache(path, "不是小店桌面的缓存文件")
        if existed and 0 < version < len(migrations):
            backup_copy(conn, path, version)
            prune(path, "bak")  # the most recent few are kept (backups.py)
        migrate(conn, migrations)
        scrub_cache(conn, path)  # once: buyer data earlier versions kept (print_info)
        _secure_companions(path)
        return conn
    except (sqlite3.Error, OSError) as exc:
        if conn is not None:
            conn.close()
        raise _open_failure(path, exc) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise


def refresh_statistics(conn: sqlite3.Connection) -> None:
    """Re-sample the planner's statistics (``sqlite_stat1``) after the cache changed a lot (a
    full sync): a bounded sample, tens of ms at 200,000 orders, so it can follow every full sync
    on the writer thread; ``PRAGMA optimize`` at close keeps them current between."""
    conn.execute("PRAGMA analysis_limit = 1000")
    conn.execute("ANALYZE")


class Writer:
    """The only connection that writes, confined to one worker thread."""

    def __init__(self, path: Path, migrations: Sequence[Migration] = MIGRATIONS, *,
                 check: bool = True) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._thread_id: int | None = None
        self._closed = False
        try:
            self._conn = self._executor.submit(self._open, path, migrations, check).result()
        except BaseException:
            self._executor.shutdown(wait=True)
            raise

    def _open(self, path: Path, migrations: Sequence[Migration],
              check: bool) -> sqlite3.Connection:
        self._thread_id = threading.get_ident()
        self.path = path
        return open_cache_file(path, migrations, check=check)

    def _transaction(self, fn: Callable[[sqlite3.Connection], T], durable: bool) -> T:
        conn = self._conn
        try:
            conn.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
            conn.execute("BEGIN IMMEDIATE")
            result = fn(conn)
            conn.execute("COMMIT")
        except BaseException as exc:
            # A failed COMMIT (disk full) can leave the transaction open: roll it back so the
            # next write starts clean once space returns.
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolled it back itself
            problem = classify(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if problem is not None:
                raise problem from exc
            raise
        return result

    def _check_thread(self) -> None:
        if threading.get_ident() == self._thread_id:
            raise RuntimeError("write() called from inside a write: pass the connection down")

    async def write(self, fn: Callable[[sqlite3.Connection], T], *, durable: bool = True) -> T:
        """Run ``fn(conn)`` in one transaction on the writer thread; its result, or its error."""
        self._check_thread()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._transaction, fn, durable)

    def write_sync(self, fn: Callable[[sqlite3.Connection], T], *, durable: bool = True) -> T:
        """The same, blocking the caller (CLI, tests, the sync engine's own thread)."""
        self._check_thread()
        return self._executor.submit(self._transaction, fn, durable).result()

    def close(self) -> None:
        """Close the connection on its thread and stop the thread (a second call does nothing)."""
        if self._closed:
            return
        self._closed = True

        def finish() -> None:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # closing must not fail because a statistics pass did
            self._conn.close()

        self._executor.submit(finish).result()
        self._executor.shutdown(wait=True)


class Store:
    """The cache of one shop: a writer, a reader for the UI thread, and the data dir."""

    def __init__(self, data_dir: Path, path: Path, writer: Writer,
                 lock: DirLock | None = None) -> None:
        self.data_dir = data_dir
        self.path = path
        self.writer = writer
        self._lock = lock
        # the shop identity it was opened for (``owner.py``); None: whichever shop syncs it
        self.shop: str | None = None
        self._reader: sqlite3.Connection | None = None
        self._extra_readers: list[sqlite3.Connection] = []

    @classmethod
    def open(cls, data_dir: Path | str, migrations: Sequence[Migration] = MIGRATIONS, *,
             wait: float = 0.0, check: bool = True) -> Store:
        """Hold the data dir (waiting up to ``wait`` s for another process) and open its cache.
        ``check=False``: the caller runs ``verify_cache_file`` before using what it reads.

        Raises ``ShopInUse``, ``CorruptCache``, ``CacheTooNew`` or a ``StorageProblem``.
        """
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise classify(exc, data_dir) from exc  # type: ignore[misc]
        lock = DirLock.acquire(data_dir, wait)
        path = data_dir / CACHE_NAME
        try:
            return cls(data_dir, path, Writer(path, migrations, check=check), lock)
        except BaseException:
            lock.release()
            raise

    @property
    def images_dir(self) -> Path:
        return self.data_dir / "images"

    def reader(self) -> sqlite3.Connection:
        """The UI thread's read-only connection (one per Store, created on first use)."""
        if self._reader is None:
            self._reader = connect_reader(self.path)
        return self._reader

    def new_reader(self) -> sqlite3.Connection:
        """Another read-only connection, for a thread other than the UI's; closed by close()."""
        conn = connect_reader(self.path)
        self._extra_readers.append(conn)
        return conn

    def close(self) -> None:
        for conn in [self._reader, *self._extra_readers]:
            if conn is not None:
                conn.close()
        self._reader = None
        self._extra_readers.clear()
        try:
            self.writer.close()
        finally:
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def move_aside(path: Path | str) -> Path:
    """Rename a damaged cache (and its -wal/-shm) out of the way; returns the new name.

    Raises a ``StorageProblem`` (read-only, no rights…) instead of an ``OSError``.
    """
    path = Path(path)
    try:
        return _move_aside(path)
    except OSError as exc:
        raise classify(exc, path) from exc  # type: ignore[misc]


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    for source, dest in [(path, target), *zip(companion_files(path), companion_files(target),
                                               strict=True)]:
        if source.exists():
            shutil.move(source, dest)
    return target
