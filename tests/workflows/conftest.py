"""Fixtures for the shipping-run tests: the sandbox on loopback (real HTTP), a synced store, the
sync engine and a ShippingWorkflow over them, and the e-waybill account the runs draw from."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from sandbox_support import serve

from seller_desktop.api.client import ApiClient
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine
from seller_desktop.workflows.shipping import ShippingWorkflow

from .helpers import FAST_RETRY, TOOLS


@pytest.fixture(scope="session", autouse=True)
def _tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"shipping tests need {', '.join(missing)} (poppler-utils, zbar-tools)")


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    yield from serve(seed=5, products=10, orders=20, gift_orders=2)


@pytest_asyncio.fixture
async def api(sandbox: SandboxServer) -> AsyncIterator[ApiClient]:
    cfg = sandbox.shop.config
    client = ApiClient(sandbox.url, cfg.appid, cfg.secret, retry=FAST_RETRY, timeout=5.0)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
def engine(api: ApiClient, store: Store, sandbox: SandboxServer) -> SyncEngine:
    return SyncEngine(api, store, order_days=91, clock=sandbox.shop.clock.now)


@pytest.fixture
def workflow(store: Store, engine: SyncEngine, qapp) -> ShippingWorkflow:
    return ShippingWorkflow(store, engine)
