"""Saving and loading the shop as a JSON file (``--state FILE``).

Saves are atomic (a temp file in the same directory, then ``os.replace``). A :class:`Saver`
thread writes at most once a second after write requests, and once more when closed. The
shop is serialized under ``shop.lock``; the file is written outside it.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from pathlib import Path

from .core import run_reindex
from .routes_all import load_endpoints
from .state import Shop


def dump_shop(shop: Shop) -> bytes:
    with shop.lock:
        data = json.dumps(shop.to_json(), ensure_ascii=False, separators=(",", ":"))
        shop.dirty = False
    return data.encode("utf-8")


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
    """Background saving, throttled to ``min_interval`` seconds between two writes."""

    def __init__(self, shop: Shop, path: str | os.PathLike[str],
                 min_interval: float = 1.0) -> None:
        self.shop = shop
        self.path = path
        self.min_interval = min_interval
        self.saves = 0
        self._wake = threading.Event()
        self._closing = False
        self._last = 0.0
        self._io = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="sandbox-saver", daemon=True)
        self._thread.start()

    def notify(self) -> None:
        self._wake.set()

    def _save_if_dirty(self, force: bool = False) -> None:
        with self._io:
            if not (self.shop.dirty or force):
                return
            save_shop(self.shop, self.path)
            self._last = time.monotonic()
            self.saves += 1

    def _run(self) -> None:
        while not self._closing:
            self._wake.wait()
            self._wake.clear()
            if self._closing:
                break
            pause = self._last + self.min_interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._save_if_dirty()

    def close(self) -> None:
        self._closing = True
        self._wake.set()
        self._thread.join(timeout=30)
        self._save_if_dirty(force=True)
