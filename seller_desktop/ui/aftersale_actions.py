"""The seller's after-sale answers as the 售后 screen calls them: each runs an op from
``ops/aftersale.py`` (local mark + outbox row in one transaction), publishes the ChangeSet and
asks for a sync (``push_now``), so the answer reaches the store at once when online and waits
durably in the outbox when not. Look-ups that need the store (return addresses, reject
reasons, proof uploads) go through ``workflows.aftersale``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..domain.changes import ChangeSet
from ..ops import aftersale as ops
from ..workflows.aftersale import AfterSaleLookups
from .actions import Actions


class AfterSaleActions:
    def __init__(self, actions: Actions, lookups: AfterSaleLookups,
                 push_now: Callable[[], Any] | None = None) -> None:
        self.actions = actions
        self.store = actions.store
        self.lookups = lookups
        self.push_now = push_now or (lambda: None)

    def _done(self, changes: ChangeSet) -> ChangeSet:
        changes.outbox = True
        self.actions.events.publish(changes)
        self.push_now()
        return changes

    async def accept(self, case_id: str, address_id: str = "") -> ChangeSet:
        return self._done(await ops.accept(self.store, case_id, address_id=address_id))

    async def reject(self, case_id: str, reason_type: int, reason: str = "") -> ChangeSet:
        return self._done(await ops.reject(self.store, case_id, reason_type, reason))

    async def negotiate(self, case_id: str, *, target_type: int, amount: int, desc: str,
                        update_reason_type: int, merchant_update_type: int,
                        images: Sequence[str] = ()) -> ChangeSet:
        media = await self.lookups.upload_proofs(images) if images else []
        return self._done(await ops.negotiate(
            self.store, case_id, target_type=target_type, amount=amount, desc=desc,
            update_reason_type=update_reason_type, merchant_update_type=merchant_update_type,
            media_ids=media))

    async def refund_certificate(self, case_id: str, images: Sequence[str],
                                 desc: str) -> ChangeSet:
        media = await self.lookups.upload_proofs(images) if images else []
        return self._done(await ops.upload_refund_certificate(self.store, case_id, media, desc))

    async def reship(self, case_id: str, delivery_id: str, waybill_id: str) -> ChangeSet:
        return self._done(await ops.reship(self.store, case_id, delivery_id, waybill_id))

    async def reject_reship(self, case_id: str, reason_type: int, reason: str = "") -> ChangeSet:
        return self._done(await ops.reject_reship(self.store, case_id, reason_type, reason))

    async def answer_request(self, order_id: str, kind: str, accept: bool) -> ChangeSet:
        return self._done(await ops.answer_request(self.store, order_id, kind, accept))
