"""The sandbox shop's whole state: config, clock, tokens, products, images, orders, e-waybills,
freight and e-waybill templates, after-sale cases and merchant addresses.

Records are kept as plain JSON-shaped dicts (wire field names, ids as strings), so replies are
copies of them and ``--state FILE`` can save and load the shop as JSON. Each endpoint module
owns the keys it writes; indexes a module needs for speed live in ``Shop.index`` (rebuilt on
load by that module's ``reindex`` hook, never saved).
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class SandboxConfig:
    appid: str = "wxsandbox0000shop"
    secret: str = "sandbox-secret-0000000000000000"
    seed: int = 1
    token_ttl: int = 7200  # seconds a token lives
    review_delay: int = 5  # seconds of sandbox time a listing review takes
    review_passes: bool = True  # False: reviews fail (edit_status 3)
    async_write_delay: int = 2  # seconds a >25-SKU listing stays in edit_status 7 before review
    add_update_quota_per_hour: int = 200
    decode_quota_per_day: int = 30
    minute_quota: int = 0  # per-minute call limit over business APIs (45011); 0 = off
    daily_quota: int = 0  # per-day call limit over business APIs (45009); 0 = off
    gift_ttl: int = 24 * 3600
    # after-sales (aftersale.py; README "After-sales: decisions"): seconds of sandbox time
    aftersale_seller_review: int = 48 * 3600  # seller answers a case → auto refund / accept
    aftersale_return_window: int = 7 * 86400  # buyer ships the return → RETURN_CLOSED
    aftersale_receipt_window: int = 10 * 86400  # seller confirms receipt → auto refund
    aftersale_buyer_window: int = 48 * 3600  # buyer answers a negotiation → back to seller
    aftersale_escalate_window: int = 7 * 86400  # buyer may escalate a rejection → USER_CANCELD
    aftersale_page_size: int = 100  # ids per getaftersalelist page (the API has no page_size)
    aftersale_refund_fails: bool = False  # merchant refunds end in PLATFORM_REFUND_FAIL
    aftersale_auto_refund_unshipped: bool = False  # platform approves pre-shipment refunds (4)
    aftersale_reject_needs_negotiation: bool = False  # new cases answer rejectapply 10021068
    # buyer requests (buyer_requests.py)
    address_review_after: int = 6 * 3600  # changes on orders older than this need review
    address_auto_approve: int = 12 * 3600  # a change under review is approved after this
    sku_change_ttl: int = 24 * 3600  # a SKU-change request times out (state 7) after this
    # setup errors (access.py): the shop's API IP whitelist and the API permission switch
    ip_whitelist: list = field(default_factory=list)  # empty: every caller IP is allowed
    seen_ip: str = ""  # the caller IP the shop sees (a NAT's public one); "" = the peer address
    whitelist_errcode: int = 61004  # what business calls answer (61004 or 45035)
    denied_apis: list = field(default_factory=list)  # paths answering 48001; "*" = every one
    # the HTTP Date header (server.py): "clock" = the sandbox clock, "omit", "garbled"; the skew
    # (seconds, any sign: set it through /sandbox/http_date) is added to the clock's time
    http_date: str = "clock"
    http_date_skew: int = 0


class Clock:
    """The sandbox's own clock: wall time plus an offset tests can move forward.

    ``freeze()`` stops it (``now()`` then moves only with ``advance``), so tests can compare
    times across calls without racing the wall clock's second boundary; ``unfreeze()`` resumes
    from the frozen time.
    """

    def __init__(self, offset: int = 0, frozen_at: int | None = None) -> None:
        self.offset = offset
        self.frozen_at = frozen_at

    def now(self) -> int:
        if self.frozen_at is not None:
            return self.frozen_at
        return int(time.time()) + self.offset

    def advance(self, seconds: int) -> None:
        self.offset += int(seconds)
        if self.frozen_at is not None:
            self.frozen_at += int(seconds)

    def freeze(self) -> None:
        if self.frozen_at is None:
            self.frozen_at = self.now()

    def unfreeze(self) -> None:
        if self.frozen_at is not None:
            self.offset = self.frozen_at - int(time.time())
            self.frozen_at = None


@dataclass
class Shop:
    config: SandboxConfig = field(default_factory=SandboxConfig)
    clock: Clock = field(default_factory=Clock)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    rng: random.Random = field(default_factory=random.Random, repr=False)

    info: dict[str, Any] = field(default_factory=dict)  # shop basic info (basics/info/get)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)  # token -> {kind, expires_at, ...}
    products: dict[str, dict[str, Any]] = field(default_factory=dict)  # product_id -> record
    images: dict[str, dict[str, Any]] = field(default_factory=dict)  # image key -> {seed/bytes info}
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)  # order_id -> order (wire shape)
    ewaybills: dict[str, dict[str, Any]] = field(default_factory=dict)  # ewaybill_order_id -> record
    # freight templates (catalog.py): template_id -> freight_template object
    freight_templates: dict[str, dict[str, Any]] = field(default_factory=dict)
    # merchant e-waybill templates (ewaybill_templates.py): delivery_id -> template_id -> info
    ewaybill_templates: dict[str, dict[str, Any]] = field(default_factory=dict)
    # after-sale cases (aftersale.py): after_sale_order_id -> case record
    aftersales: dict[str, dict[str, Any]] = field(default_factory=dict)
    # the shop's merchant (return / ship-from) addresses (merchant_address.py): id -> record
    merchant_addresses: dict[str, dict[str, Any]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)  # id sequences, quota counters
    log: list[dict[str, Any]] = field(default_factory=list)  # applied writes, for tests to assert on
    index: dict[str, Any] = field(default_factory=dict, repr=False)  # derived, never saved
    # fault injection plan and its per-path call counters (faults.py); a test control, never saved
    faults: dict[str, Any] = field(default_factory=dict, repr=False)
    dirty: bool = field(default=False, repr=False)  # a write happened since the last save

    SAVED = ("info", "tokens", "products", "images", "orders", "ewaybills", "freight_templates",
             "ewaybill_templates", "aftersales", "merchant_addresses", "counters", "log")

    def next_id(self, name: str, start: int) -> int:
        value = self.counters.get(name, start) + 1
        self.counters[name] = value
        return value

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.SAVED}
        data["config"] = asdict(self.config)
        data["clock_offset"] = self.clock.offset
        data["clock_frozen_at"] = self.clock.frozen_at
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Shop:
        shop = cls(config=SandboxConfig(**data.get("config", {})),
                   clock=Clock(data.get("clock_offset", 0), data.get("clock_frozen_at")))
        for name in cls.SAVED:
            if name in data:
                setattr(shop, name, data[name])
        shop.rng.seed(shop.config.seed)
        return shop
