"""Which shop a cache belongs to, recorded inside the cache itself.

A shop identity is ``"demo"`` (the demo shop) or ``"appid-<AppID>"``. The first sync of a cache
records its identity under the watermark key ``shop.identity`` (a key, not a schema change);
from then on a sync for another identity is refused (``OtherShopsCache``) so one shop's outbox
is never pushed to another and another shop's data never pulled into it. ``recorded_owner``
reads the key from a cache file without opening the store (``config.shop_dir`` uses it to give
a legacy data dir's cache only to its own shop).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import OtherShopsCache
from .meta import Watermarks

SHOP_KEY = "shop.identity"
DEMO = "demo"


def identity(appid: str, demo: bool = False) -> str:
    """Who a cache belongs to: the demo shop, or a shop's AppID (not the API address: the
    offline commands know the AppID but not the address a sync used)."""
    return DEMO if demo else f"appid-{appid}"


def owner(conn: sqlite3.Connection) -> str | None:
    return Watermarks(conn).get(SHOP_KEY)


def claim(conn: sqlite3.Connection, shop: str, path: Path | str = "") -> None:
    """Record ``shop`` as the cache's owner if it has none; refuse a cache of another shop."""
    recorded = owner(conn)
    if recorded is None:
        Watermarks(conn).set(SHOP_KEY, shop)
    elif recorded != shop:
        raise OtherShopsCache(path, recorded, shop)


def recorded_owner(cache_file: Path) -> str | None:
    """The identity a cache file records, read-only; None when it records none or cannot be
    read (a damaged or locked file is judged when it is opened, not here)."""
    if not cache_file.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{cache_file.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM watermarks WHERE key = ?", (SHOP_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row and isinstance(row[0], str) else None
