"""What every sync step shares: the API client, the store, the clock, progress, and the report.

``SyncContext`` is built once per :class:`~seller_desktop.sync.engine.SyncEngine` and passed to
the pull and push steps. ``SyncReport`` is what one run returns: counts, the merged ChangeSet,
and the per-item problems (bad replies, rejected outbox rows) in the seller's words.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ..api.client import ApiClient
from ..api.errors import ApiError
from ..domain.changes import ChangeSet
from ..store.db import Store
from .progress import Progress

T = TypeVar("T")


@dataclass
class SyncReport:
    """The outcome of one ``SyncEngine.run`` (or pull / push alone)."""

    products: int = 0  # products fetched from the server
    orders: int = 0  # orders fetched from the server
    gift_orders: int = 0  # of those, gift orders
    pushed: int = 0  # outbox rows the server confirmed
    refused: int = 0  # outbox rows the store refused in this run (now failed)
    failed: int = 0  # outbox rows failed after the run, this run's or older (kept, retryable)
    failures: list[str] = field(default_factory=list)  # each failed row's reason, oldest first
    blocked: int = 0  # rows waiting behind a failed or conflicting change of the same entity
    conflicts: int = 0  # product edits waiting for the seller to resolve a conflict (all)
    conflict_rows: list[str] = field(default_factory=list)  # each conflicting change, named
    waiting: int = 0  # outbox rows left for the next run (offline, busy, later in line)
    full_products: bool = False  # this run walked every product
    errors: list[str] = field(default_factory=list)  # per-item problems, seller's words
    stopped: str = ""  # why the run stopped early (offline, quota, auth), else ""
    stop_error: ApiError | None = None  # the error that stopped it
    denied: ApiError | None = None  # a permission refusal (48001) the run went on past
    changes: ChangeSet = field(default_factory=ChangeSet)

    def note(self, message: str) -> None:
        self.errors.append(message)
        self.changes.messages.append(message)


@dataclass
class SyncContext:
    api: ApiClient
    store: Store
    progress: Progress
    clock: Callable[[], int]
    concurrency: int = 8
    write_batch: int = 500  # orders/products per writer transaction
    # Creates go one at a time: a create found ``sending`` is matched to a server product not
    # yet cached, and another create's fresh product must not be in that state meanwhile.
    creating: asyncio.Lock = field(default_factory=asyncio.Lock)
    created: dict[int, str] = field(default_factory=dict)  # create row id → server id read back

    async def write(self, fn: Callable[[sqlite3.Connection], T], *, durable: bool = False) -> T:
        """Run ``fn(conn)`` in one transaction on the store's writer thread."""
        return await self.store.writer.write(fn, durable=durable)
