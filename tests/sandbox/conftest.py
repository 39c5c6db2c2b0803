"""Fixtures for the sandbox tests: a started sandbox on a small demo shop, its URL, a token.

Also exported for the orders tests: ``call`` (the helper from helpers.py, as a fixture too) and
``shop`` (the served Shop, to read state directly; take ``shop.lock`` when the server runs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sandbox_support import serve

from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.sandbox.state import Shop

from .helpers import call as _call
from .helpers import stable_token


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    yield from serve(seed=1, products=30, orders=40, gift_orders=4)


@pytest.fixture
def sb_url(sandbox: SandboxServer) -> str:
    return sandbox.url


@pytest.fixture
def shop(sandbox: SandboxServer) -> Shop:
    return sandbox.shop


@pytest.fixture
def token(sandbox: SandboxServer) -> str:
    cfg = sandbox.shop.config
    return str(stable_token(sandbox.url, cfg.appid, cfg.secret)["access_token"])


@pytest.fixture
def call() -> Callable[..., tuple[int, Any]]:
    return _call
