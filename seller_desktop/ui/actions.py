"""The seller's intents as the screens call them: each runs an op from ``ops/`` (store change +
outbox row in one transaction), then publishes the returned ChangeSet through ``Events``.

Screens never import ``ops`` or the store's writer: they call these coroutines through
``tasks.spawn`` and read through ``reader()``. ``ValidationFailed`` propagates to the caller (the
editor shows it inline); other errors reach the window's error display via the TaskRunner.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace

from ..domain import timeutil
from ..domain.changes import ChangeSet
from ..domain.product import Product
from ..domain.validation import Issue, ValidationFailed
from ..ops import orders as order_ops
from ..ops import outbox as outbox_ops
from ..ops import products as product_ops
from ..store import ui_queries as q
from ..store.db import Store
from .events import Events
from .tasks import TaskRunner


class Actions:
    def __init__(self, store: Store, events: Events, tasks: TaskRunner | None = None,
                 clock: Callable[[], int] = timeutil.now) -> None:
        self.store = store
        self.events = events
        self.tasks = tasks or TaskRunner()
        self.clock = clock
        # called after a change was queued in the outbox (the window pushes it soon)
        self.on_queued: Callable[[], None] | None = None
        self._worker_reader: sqlite3.Connection | None = None
        self._page_reader: sqlite3.Connection | None = None

    def reader(self) -> sqlite3.Connection:
        return self.store.reader()

    def worker_reader(self) -> sqlite3.Connection:
        """A read connection for queries run off the UI thread (one at a time)."""
        if self._worker_reader is None:
            self._worker_reader = self.store.new_reader()
        return self._worker_reader

    def page_reader(self) -> sqlite3.Connection:
        """A second off-thread read connection for short queries that must not wait behind a
        long one on ``worker_reader`` (one at a time)."""
        if self._page_reader is None:
            self._page_reader = self.store.new_reader()
        return self._page_reader

    def _publish(self, changes: ChangeSet | None) -> ChangeSet:
        changes = changes or ChangeSet()
        queued = bool(changes.products or changes.orders or changes.waybills)
        changes.outbox = True
        self.events.publish(changes)
        if queued and self.on_queued is not None:
            self.on_queued()
        return changes

    # -- products ---------------------------------------------------------------------------

    def load_product(self, product_id: str) -> Product | None:
        return q.product_draft(self.reader(), product_id)

    def settings_sources(self) -> list[tuple[str, str]]:
        """(product_id, title) of products a new product can copy its store settings from."""
        return q.settings_sources(self.reader())

    async def save_product(self, product: Product, submit: bool = False) -> str:
        """Save (create or update) the draft, and with ``submit`` send it for review too;
        returns its id (a local id when new)."""
        op = product_ops.save_and_list if submit else product_ops.save_product
        changes = self._publish(await op(self.store, product))
        return product.product_id or next(iter(sorted(changes.products)), "")

    async def _each(self, product_ids: Iterable[str],
                    op: Callable[[str], Awaitable[ChangeSet | None]]) -> None:
        """Apply ``op`` to every product, publish what was saved, then report each product the
        store's rules refused (one refusal never stops or hides the others)."""
        changes = ChangeSet()
        refused: list[Issue] = []
        for product_id in product_ids:
            try:
                changes.merge(await op(product_id) or ChangeSet())
            except ValidationFailed as exc:
                refused.append(Issue(product_id, f"{product_id}：{exc}"))
        self._publish(changes)
        if refused:
            raise ValidationFailed(refused)

    async def set_listed(self, product_ids: Iterable[str], listed: bool) -> None:
        op = product_ops.list_product if listed else product_ops.delist_product
        await self._each(product_ids, lambda pid: op(self.store, pid))

    async def delete_products(self, product_ids: Iterable[str]) -> None:
        await self._each(product_ids, lambda pid: product_ops.delete_product(self.store, pid))

    async def stock_delta(self, product_id: str, sku_id: str, delta: int) -> None:
        self._publish(await product_ops.change_stock(self.store, product_id, sku_id, delta))

    async def bulk_stock(self, product_ids: Iterable[str], delta: int) -> None:
        conn = self.reader()

        async def change(product_id: str) -> ChangeSet:
            changes = ChangeSet()
            for sku in q.product_skus(conn, product_id):
                step = max(delta, -sku.stock_num)  # never below zero
                if sku.sku_id is not None and step:
                    changes.merge(await product_ops.change_stock(self.store, product_id,
                                                                 sku.sku_id, step))
            return changes

        await self._each(product_ids, change)

    async def bulk_price(self, product_ids: Iterable[str], percent: float) -> None:
        """Every SKU price × (1 + percent/100), rounded to the 分, at least 1 分."""
        async def reprice(product_id: str) -> ChangeSet | None:
            product = self.load_product(product_id)
            if product is None:
                return None
            skus = tuple(replace(s, sale_price=max(1, round(s.sale_price * (100 + percent) / 100)))
                         for s in product.skus)
            return await product_ops.save_product(self.store, replace(product, skus=skus))

        await self._each(product_ids, reprice)

    # -- orders -----------------------------------------------------------------------------

    async def merchant_note(self, order_id: str, text: str) -> None:
        self._publish(await order_ops.set_merchant_note(self.store, order_id, text))

    # -- changes the store refused ----------------------------------------------------------

    async def retry_outbox_rows(self, row_ids: Iterable[int]) -> None:
        changes = ChangeSet()
        for row_id in row_ids:
            changes.merge(await outbox_ops.retry_outbox_row(self.store, row_id))
        self._publish(changes)

    async def drop_outbox_rows(self, row_ids: Iterable[int]) -> None:
        changes = ChangeSet()
        for row_id in row_ids:
            changes.merge(await outbox_ops.drop_outbox_row(self.store, row_id))
        self._publish(changes)
