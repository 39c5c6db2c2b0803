"""Saving and loading the shop as a JSON file (``--state FILE``).

Saves are atomic (a temp file, then ``os.replace``). A :class:`Saver` thread writes after write
requests and once more when closed, spaced by ``min_interval`` and ``GAP_FACTOR`` times the last
save's duration. Only a snapshot is taken under ``shop.lock`` (a ``marshal`` deep copy); the
JSON is built outside it, and only the last ``LOG_KEEP`` log entries are saved. Why:
sandbox/README.md, "The server".
"""

from __future__ import annotations

import json
import marshal
import os
import tempfile
import threading
import time
from pathlib import Path

from .core import run_reindex
from .routes_all import load_endpoints
from .state import Shop

LOG_KEEP = 10_000  # write-log entries kept in the state file
GAP_FACTOR = 10  # saves are spaced by at least this many times the last save's duration


def snapshot(shop: Shop) -> bytes:
    """A private deep copy of the state to save (marshal bytes), taken under ``shop.lock``."""
    with shop.lock:
        data = shop.to_json()
        data["log"] = shop.log[-LOG_KEEP:]
        blob = marshal.dumps(data)
        shop.dirty = False
    return blob


def dump_shop(shop: Shop) -> bytes:
    """The state file's bytes: snapshot under the lock, JSON outside it."""
    data = marshal.loads(snapshot(shop))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_shop(shop: Shop, path: str | os.PathLike[str]) -> None:
    write_atomic(path, dump_shop(shop))


def load_shop(path: str | os.PathLike[str]) -> Shop:
    """Load a saved shop and rebuild every module's index."""
    load_endpoints()
    with open(path, encoding="utf-8") as f:
        shop = Shop.from_json(json.load(f))
    run_reindex(shop)
    return shop


class Saver:
    """Background saving, throttled to ``max(min_interval, GAP_FACTOR × last duration)``
    seconds between the end of one save and the start of the next."""

    def __init__(self, shop: Shop, path: str | os.PathLike[str],
                 min_interval: float = 1.0) -> None:
        self.shop = shop
        self.path = path
        self.min_interval = min_interval
        self.saves = 0
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._last = 0.0
        self.last_duration = 0.0
        self._io = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="sandbox-saver", daemon=True)
        self._thread.start()

    def notify(self) -> None:
        self._wake.set()

    def _save_if_dirty(self, force: bool = False) -> None:
        with self._io:
            if not (self.shop.dirty or force):
                return
            started = time.monotonic()
            save_shop(self.shop, self.path)
            self._last = time.monotonic()
            self.last_duration = self._last - started
            self.saves += 1

    def gap(self) -> float:
        """Seconds the next save waits after the end of the last one."""
        return max(self.min_interval, GAP_FACTOR * self.last_duration)

    def _run(self) -> None:
        while not self._closing.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._closing.is_set():
                break
            pause = self._last + self.gap() - time.monotonic()
            if pause > 0 and self._closing.wait(pause):
                break  # closing: close() saves
            self._save_if_dirty()

    def close(self) -> None:
        self._closing.set()
        self._wake.set()
        self._thread.join(timeout=30)
        self._save_if_dirty(force=True)
