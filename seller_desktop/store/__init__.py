"""SQLite store: schema and migrations, repositories, outbox, watermarks, full-text search.

Entry point: ``Store.open(data_dir)`` (``db.py``). Repositories take a connection: the writer's
inside ``store.writer.write(fn)``, or ``store.reader()`` for reads on the UI thread.

Modules: ``db`` (file, checks, writer thread, reader), ``errors`` (damage vs. disk full,
read-only, no rights), ``lock`` (one writer per data dir across processes), ``migrations`` + ``schema`` (tables),
``rescue`` (export the outbox of a damaged file), ``codec`` (domain <-> stored JSON),
``products`` / ``orders`` (+ ``order_rows``, the bulk row encoder) / ``waybills`` / ``meta``
(watermarks, conflicts) / ``aftersale`` (cases, buyer requests) repositories, ``held`` (the
shipping guard's inputs), ``aftersale_queries`` (read-only queries for the 售后 screen and the
CLI), ``outbox``, ``search`` (FTS5 trigram + short-query
fallback). ``ui_queries`` belongs to the UI engineer (read-only queries for the Qt models,
re-exported from ``product_queries``, ``order_tabs``, ``order_search``, ``order_queries``).
"""

from .db import Store, move_aside
from .errors import (
    CacheTooNew,
    CorruptCache,
    ShopInUse,
    StorageDenied,
    StorageFailed,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
    StoreError,
)
from .rescue import rescue_unsynced

__all__ = ["CacheTooNew", "CorruptCache", "ShopInUse", "StorageDenied", "StorageFailed",
           "StorageFull", "StorageProblem", "StorageReadOnly", "Store", "StoreError",
           "move_aside", "rescue_unsynced"]
