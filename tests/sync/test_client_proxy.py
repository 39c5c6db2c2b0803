"""The API client's two ways out: straight to the transport, or through httpx's client when
the OS names a proxy (which it honours, and whose request lines are logged redacted)."""

from __future__ import annotations

import logging

import pytest

from seller_desktop.api.errors import Offline
from seller_desktop.sandbox.server import SandboxServer

from .conftest import make_client
from .test_push import closed_port

PRODUCTS = "/channels/ec/product/list/get"
BODY = {"page_size": 10}
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return monkeypatch


@pytest.mark.asyncio
async def test_without_a_proxy_requests_go_straight_to_the_transport(
        sandbox: SandboxServer, no_proxy_env: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    api = make_client(sandbox.url, sandbox)
    try:
        assert "product_ids" in await api.call(PRODUCTS, BODY)
    finally:
        await api.aclose()
    assert not [r for r in caplog.records if "HTTP Request" in r.getMessage()]


@pytest.mark.asyncio
async def test_a_proxy_the_os_names_is_used(sandbox: SandboxServer,
                                            no_proxy_env: pytest.MonkeyPatch) -> None:
    no_proxy_env.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")
    api = make_client(sandbox.url, sandbox)
    try:
        with pytest.raises(Offline):  # the sandbox is up; the proxy in front of it is not
            await api.call(PRODUCTS, BODY)
    finally:
        await api.aclose()


@pytest.mark.asyncio
async def test_through_httpx_the_request_lines_never_hold_the_token(
        sandbox: SandboxServer, no_proxy_env: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    no_proxy_env.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")
    no_proxy_env.setenv("NO_PROXY", "127.0.0.1")  # a proxy is named, the sandbox bypasses it
    caplog.set_level(logging.INFO, logger="httpx")
    api = make_client(sandbox.url, sandbox)
    try:
        await api.call(PRODUCTS, BODY)
        token = await api.access_token()
    finally:
        await api.aclose()
    lines = [r.getMessage() for r in caplog.records if "HTTP Request" in r.getMessage()]
    assert lines and all("access_token=***" in line or "stable_token" in line for line in lines)
    assert not any(token in line or sandbox.shop.config.secret in line for line in lines)
