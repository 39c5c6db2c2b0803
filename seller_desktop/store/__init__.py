"""SQLite store: the cache of one shop — schema and migrations, repositories, the outbox,
watermarks, full-text search, and the rescue of a damaged file.

Entry point: ``Store.open(data_dir)`` (``db.py``). Repositories take a connection: the writer's
inside ``store.writer.write(fn)``, or ``store.reader()`` for reads on the UI thread. What each
module owns: docs/architecture.md, "Module map".
"""

from .db import Store, move_aside
from .errors import (
    CacheTooNew,
    CorruptCache,
    OtherShopsCache,
    ShopInUse,
    StorageDenied,
    StorageFailed,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
    StoreError,
)
from .rescue import rescue_unsynced

__all__ = ["CacheTooNew", "CorruptCache", "OtherShopsCache", "ShopInUse", "StorageDenied", "StorageFailed",
           "StorageFull", "StorageProblem", "StorageReadOnly", "Store", "StoreError",
           "move_aside", "rescue_unsynced"]
