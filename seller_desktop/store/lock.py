"""One writer per data dir across processes: an OS lock on ``<data dir>/lock``.

Two processes pushing one outbox would each send the same rows, so every ``Store.open`` holds
this lock until ``close``, and the window for the life of the process. The lock is the kernel's
(``flock``, ``msvcrt.locking`` on Windows): it goes with the process however it ends, so there
is no stale lock. Re-entrant per process (counted, not taken twice: a second ``Store`` on the
same dir shares it) and it records the holder's pid for the message. Why not a dependency:
docs/architecture.md.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import time
from pathlib import Path

from .errors import ShopInUse, classify

LOCK_NAME = "lock"
POLL_SECONDS = 0.1

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


_registry_lock = threading.Lock()
_held: dict[str, list[int]] = {}  # lock file (real path) -> [fd, holders in this process]


def lock_file(data_dir: Path | str) -> Path:
    return Path(data_dir) / LOCK_NAME


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return f"进程 {text}" if text.isdigit() else ""


class DirLock:
    """A hold on a data dir's lock; ``release()`` once (a second call does nothing)."""

    def __init__(self, key: str) -> None:
        self._key: str | None = key

    @classmethod
    def acquire(cls, data_dir: Path | str, wait: float = 0.0) -> DirLock:
        """Hold the data dir, waiting up to ``wait`` seconds for another process to let go.

        Raises ``ShopInUse`` if it stays held, a ``StorageProblem`` if the lock file cannot be
        created (read-only or forbidden data dir).
        """
        path = lock_file(data_dir)
        key = os.path.realpath(path)
        with _registry_lock:
            if key in _held:
                _held[key][1] += 1
                return cls(key)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise classify(exc, path) from exc  # type: ignore[misc]
        deadline = time.monotonic() + max(0.0, wait)
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise ShopInUse(data_dir, _holder(fd))
                time.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))
        except BaseException:
            os.close(fd)
            raise
        try:  # who holds it, for the other process's message; not needed for the lock itself
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, str(os.getpid()).encode())
        except OSError:
            pass
        with _registry_lock:
            if key in _held:  # another thread of this process got there first: share it
                _held[key][1] += 1
                _unlock(fd)
                os.close(fd)
            else:
                _held[key] = [fd, 1]
        return cls(key)

    def release(self) -> None:
        key, self._key = self._key, None
        if key is None:
            return
        with _registry_lock:
            entry = _held.get(key)
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] > 0:
                return
            del _held[key]
        try:
            _unlock(entry[0])
        finally:
            os.close(entry[0])

    def __enter__(self) -> DirLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
