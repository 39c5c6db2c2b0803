"""The copies of a cache kept beside it, and how many: ``cache.sqlite3.v<N>-<time>.bak`` (made
before a migration) and ``cache.sqlite3.corrupt-<time>`` (a damaged file moved aside by a
rebuild, with its -wal/-shm). Each family keeps its ``KEEP`` most recent copies (by the time in
the name), owner-only; older ones are deleted once a new one was made. A copy that cannot be
deleted or made owner-only is left as it is: pruning never stops the shop from opening.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

KEEP = 3
FILE_MODE = 0o600
_STAMP = r"(\d{8}-\d{6})(?:-(\d+))?"

log = logging.getLogger("seller_desktop.store")


def _family(cache: Path, kind: str) -> re.Pattern[str]:
    name = re.escape(cache.name)
    if kind == "bak":
        return re.compile(rf"{name}\.v\d+-{_STAMP}\.bak")
    return re.compile(rf"{name}\.corrupt-{_STAMP}")


def copies(cache: Path, kind: str) -> list[Path]:
    """The cache's copies of one kind (``"bak"`` or ``"corrupt"``), oldest first."""
    pattern = _family(cache, kind)
    found: list[tuple[str, int, Path]] = []
    for entry in cache.parent.iterdir():
        match = pattern.fullmatch(entry.name)
        if match is not None:
            found.append((match.group(1), int(match.group(2) or 0), entry))
    return [path for *_key, path in sorted(found)]


def _with_companions(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))]


def prune(cache: Path | str, kind: str, keep: int = KEEP) -> list[Path]:
    """Delete all but the ``keep`` most recent copies of one kind, make those owner-only;
    returns what was deleted."""
    cache = Path(cache)
    try:
        family = copies(cache, kind)
    except OSError as exc:
        log.warning("cannot list the cache's copies: %s", exc)
        return []
    removed: list[Path] = []
    for index, copy in enumerate(family):
        old = index < len(family) - keep
        for path in _with_companions(copy):
            if not path.exists():
                continue
            try:
                if old:
                    path.unlink()
                    removed.append(path)
                else:
                    os.chmod(path, FILE_MODE)
            except OSError as exc:  # a read-only dir, a file of another user: leave it
                log.warning("cannot prune %s: %s", path.name, exc)
    return removed
