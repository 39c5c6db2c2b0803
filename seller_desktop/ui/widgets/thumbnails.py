"""Product thumbnails: fetched off the UI thread, cached on disk (``<data dir>/thumbnails``) and
in memory; ``local:`` images (picked from disk, not uploaded yet) are read from the data dir.

``pixmap(url)`` answers at once: the pixmap when known, else None after scheduling a load on the
running asyncio loop (disk first, then HTTP); ``loaded(url)`` fires when it arrives so models
repaint the rows that show it. ``rewrite`` maps an image URL to where it is fetched from (in
demo mode, ``https://mmecimage.cn/p/…`` to the sandbox, which serves the same paths).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

from ...api.images import ImageFetcher
from ...config import write_private
from ...store import images as picked

log = logging.getLogger("seller_desktop.ui")

LOCAL_PREFIX = picked.LOCAL_PREFIX  # store/images.py: a picked file under the data dir


def _decode(data: bytes, size: QSize) -> QImage | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class Thumbnails(QObject):
    loaded = Signal(str)

    def __init__(self, data_dir: Path, rewrite: Callable[[str], str] | None = None,
                 size: int = 40, fetch: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.data_dir = Path(data_dir)
        self.cache_dir = self.data_dir / "thumbnails"
        self.rewrite = rewrite or (lambda url: url)
        self.size = QSize(size, size)
        self._memory: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._fetcher = ImageFetcher(self.rewrite) if fetch else None
        self._tasks: set[asyncio.Task] = set()

    def pixmap(self, url: str) -> QPixmap | None:
        if not url:
            return None
        found = self._memory.get(url)
        if found is not None or url in self._pending or url in self._failed:
            return found
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None  # no loop (a model test): thumbnails are decoration only
        self._pending.add(url)
        task = loop.create_task(self._load(url))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return None

    def _path(self, url: str) -> Path:
        return self.cache_dir / (hashlib.sha1(url.encode()).hexdigest() + ".img")

    async def _load(self, url: str) -> None:
        try:
            if url.startswith(LOCAL_PREFIX):  # an image picked from disk, not uploaded yet
                data = await asyncio.to_thread(_read_picked, self.data_dir, url)
            else:
                path = self._path(url)
                data = await asyncio.to_thread(_read, path)
            if data is None and not url.startswith(LOCAL_PREFIX):
                data = await self._fetch(url)
                if data is not None:
                    await asyncio.to_thread(_write, path, data)
            image = await asyncio.to_thread(_decode, data, self.size) if data else None
            if image is None:
                self._failed.add(url)
                return
            self._memory[url] = QPixmap.fromImage(image)
            self.loaded.emit(url)
        except Exception as exc:  # decoration only: never retry a broken image on each repaint
            log.info("thumbnail not loaded: %s", type(exc).__name__)
            self._failed.add(url)
        finally:
            self._pending.discard(url)

    async def _fetch(self, url: str) -> bytes | None:
        return await self._fetcher.fetch(url) if self._fetcher is not None else None

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._fetcher is not None:
            await self._fetcher.aclose()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _read_picked(data_dir: Path, ref: str) -> bytes | None:
    """A picked image's bytes; None for a reference that is not one (never another file)."""
    try:
        return picked.read_picked(data_dir, ref)
    except (picked.NotPicked, OSError):
        return None


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data, durable=False)  # a cache: a lost thumbnail is fetched again
