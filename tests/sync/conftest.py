"""Fixtures for the sync tests: a sandbox on loopback (real HTTP), a store, a client, an engine.

The engine's clock reads the sandbox's clock, so a test that moves the sandbox clock (token
expiry, gift expiry) moves the sync's "now" with it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from sandbox_support import serve

from seller_desktop.api.client import ApiClient, RetryPolicy
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine

from .helpers import FAST_RETRY


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    yield from serve(seed=7, products=12, orders=60, gift_orders=4)


def make_client(url: str, sandbox: SandboxServer, retry: RetryPolicy = FAST_RETRY,
                timeout: float = 5.0) -> ApiClient:
    cfg = sandbox.shop.config
    return ApiClient(url, cfg.appid, cfg.secret, retry=retry, timeout=timeout)


@pytest_asyncio.fixture
async def api(sandbox: SandboxServer) -> AsyncIterator[ApiClient]:
    client = make_client(sandbox.url, sandbox)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
def engine(api: ApiClient, store: Store, sandbox: SandboxServer) -> SyncEngine:
    return SyncEngine(api, store, order_days=91, clock=sandbox.shop.clock.now)
