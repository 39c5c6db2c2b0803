"""ChangeSet: what a sync step or an op changed, so each view refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    products: set[str] = field(default_factory=set)  # product ids (local ids for new products)
    orders: set[str] = field(default_factory=set)
    waybills: set[str] = field(default_factory=set)  # ewaybill_order_ids
    outbox: bool = False  # pending/failed outbox rows changed
    conflicts: bool = False
    gifts_accepted: list[str] = field(default_factory=list)  # order ids seen going 12 → 20
    gifts_expired: list[str] = field(default_factory=list)  # order ids seen going 12 → 250
    messages: list[str] = field(default_factory=list)  # seller-facing notes (failures…)
    cases: set[str] = field(default_factory=set)  # after-sale case ids changed
    requests: set[str] = field(default_factory=set)  # order ids whose buyer requests changed
    new_cases: list[str] = field(default_factory=list)  # case ids seen for the first time
    new_requests: list[str] = field(default_factory=list)  # "kind:order_id" seen first now

    def merge(self, other: ChangeSet) -> ChangeSet:
        self.products |= other.products
        self.orders |= other.orders
        self.waybills |= other.waybills
        self.outbox = self.outbox or other.outbox
        self.conflicts = self.conflicts or other.conflicts
        self.gifts_accepted += [o for o in other.gifts_accepted if o not in self.gifts_accepted]
        self.gifts_expired += [o for o in other.gifts_expired if o not in self.gifts_expired]
        self.messages += other.messages
        self.cases |= other.cases
        self.requests |= other.requests
        self.new_cases += [c for c in other.new_cases if c not in self.new_cases]
        self.new_requests += [r for r in other.new_requests if r not in self.new_requests]
        return self

    def is_empty(self) -> bool:
        return not (self.products or self.orders or self.waybills or self.outbox
                    or self.conflicts or self.gifts_accepted or self.gifts_expired
                    or self.messages or self.cases or self.requests)
