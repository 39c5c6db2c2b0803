"""Sync engine: the only code that talks to the WeChat Store API.

It pulls the shop into the store and pushes the seller's changes (the outbox), and returns
what changed as a ChangeSet for the UI. Usage (UI on the qasync loop, or the CLI)::

    engine = SyncEngine(api, store, order_days=90, product_full_interval=6 * 3600,
                        progress=lambda step, done, total: ...)
    report = await engine.run(full=False)      # push, then pull -> SyncReport
    changes = await engine.push()              # outbox only -> ChangeSet
    changes = await engine.pull(full=True)     # pull only -> ChangeSet
    changes = await engine.resolve_conflict(product_id, {"title": "mine",
                                                         "skus[2100000001].sale_price": "theirs"})
    engine.online, engine.running, engine.last_report

``SyncEngine(api: ApiClient, store: Store, *, order_days=90, product_full_interval=21600,
progress=None, concurrency=8, overlap=300, write_batch=500, clock=None)``; ``clock`` returns
unix seconds ("now" for windows and watermarks; tests pass the sandbox's clock).

``SyncReport``: products, orders, gift_orders (fetched), pushed, refused (outbox rows the server
confirmed / refused in this run), failed + failures (rows failed after the run, this run's or
older, with the store's reasons), blocked (rows waiting behind a failed or conflicting one),
conflicts, waiting (rows left for next time), full_products, errors (per-item problems in the
seller's words), stopped + stop_error (why a run stopped early: Offline, Busy, RateLimited,
ServerError, QuotaExceeded, AuthFailed, AuthExpired, MalformedResponse: an unreadable reply is
"offline", it never fails a row), changes (the merged ChangeSet: product/order/waybill ids,
gifts_accepted, gifts_expired, outbox, conflicts, messages; after-sales: cases (changed case
ids), requests (order ids whose buyer requests changed), new_cases / new_requests (first seen
on a run after the first one: for the seller's notice)).

Progress: ``progress(step, done, total)`` with steps ``push``, ``orders.list``, ``orders.get``,
``products.list``, ``products.get`` (``total`` None while unknown), throttled to ~10 calls/s.
Cancellation: cancel the task awaiting a method; the store stays consistent (see engine.py).

Modules: ``engine`` (SyncEngine), ``pipeline`` (list → fetch → save in batches, shared by
orders and cases), ``pull_orders``, ``pull_aftersale`` (cases, SKU-change requests, the orders
they touch), ``pull_products``, ``push`` (the outbox loop and exactly-once rules),
``push_products``, ``push_orders`` (notes, shipments with the guard's last check, e-waybills),
``push_shipping`` (e-waybill cancel), ``push_aftersale`` (seller actions on cases, answers to
buyer requests, the refund rate), ``conflicts`` (edit merge and resolution), ``marks``
(watermarks), ``progress``, ``context`` (SyncContext, SyncReport).
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
