"""Sync engine: the only code that talks to the WeChat Store API.

It pulls the shop into the store and pushes the seller's changes (the outbox), and returns what
changed as a ChangeSet for the UI::

    report = await SyncEngine(api, store).run(full=False)   # push, then pull -> SyncReport

``engine`` (SyncEngine), ``push`` and ``push_*`` (the outbox, exactly once), ``pull_*`` and
``pipeline`` (the pulls), ``conflicts``, ``marks`` (watermarks), ``progress``, ``context``
(SyncContext, SyncReport). The API, the report's fields and the flows: docs/architecture.md,
"Sync engine".
"""

from . import (  # noqa: F401  (op handlers)
    conflicts,
    push_aftersale,
    push_orders,
    push_products,
    push_shipping,
)
from .context import SyncReport
from .engine import SyncEngine

__all__ = ["SyncEngine", "SyncReport"]
