"""'Test connection' against the sandbox over loopback: each setup error a real shop gives a new
install is produced by a sandbox control (or a loopback stand-in for the network) and sorted
into the problem the seller can fix."""

from __future__ import annotations

import socket
import time

import httpx
import pytest
from loopback_servers import captive_portal, silent_host, trickling_host
from sandbox_support import control, dead_url, serve

from seller_desktop.api import Offline
from seller_desktop.api import connect_check as cc


@pytest.fixture(scope="module")
def sandbox():
    yield from serve(seed=3, products=2, orders=2, gift_orders=0)


@pytest.fixture(autouse=True)
def _reset(sandbox):
    yield
    control(sandbox.url, "/sandbox/auth/whitelist", {"allowed": []})
    control(sandbox.url, "/sandbox/auth/permission", {"enabled": True})


async def _problem(base, appid, secret, **kw):
    with pytest.raises(Exception) as caught:
        await cc.test_connection(base, appid, secret, **kw)
    return cc.classify(caught.value)


@pytest.mark.asyncio
async def test_good_credentials_read_the_shop(sandbox):
    cfg = sandbox.shop.config
    info = await cc.test_connection(sandbox.url, f" {cfg.appid} ", cfg.secret + "\n")
    assert info.nickname


@pytest.mark.asyncio
async def test_wrong_appid_and_wrong_secret(sandbox):
    cfg = sandbox.shop.config
    problem = await _problem(sandbox.url, "wx0000000000000000", cfg.secret)
    assert (problem.kind, problem.errcode) == (cc.APPID, 40013)
    problem = await _problem(sandbox.url, cfg.appid, "x" * len(cfg.secret))
    assert (problem.kind, problem.errcode) == (cc.SECRET, 40001)
    problem = await _problem(sandbox.url, cfg.appid, "not a secret!")
    assert (problem.kind, problem.errcode) == (cc.SECRET, 40125)


@pytest.mark.asyncio
async def test_ip_not_in_whitelist_names_the_ip(sandbox):
    cfg = sandbox.shop.config
    control(sandbox.url, "/sandbox/auth/whitelist", {"allowed": ["10.0.0.9"],
                                                     "seen_ip": "203.0.113.7"})
    problem = await _problem(sandbox.url, cfg.appid, cfg.secret)
    assert (problem.kind, problem.errcode, problem.ip) == (cc.IP, 40164, "203.0.113.7")


@pytest.mark.asyncio
async def test_api_not_permitted(sandbox):
    cfg = sandbox.shop.config
    control(sandbox.url, "/sandbox/auth/permission", {"enabled": False})
    problem = await _problem(sandbox.url, cfg.appid, cfg.secret)
    assert (problem.kind, problem.errcode) == (cc.PERMISSION, 48001)


@pytest.mark.asyncio
async def test_unreachable_timeout_and_captive_portal(sandbox):
    problem = await _problem(dead_url(), "wx1", "s" * 32)
    assert problem.kind == cc.UNREACHABLE
    with silent_host() as url:
        started = time.monotonic()
        problem = await _problem(url, "wx1", "s" * 32, timeout=0.5)
        assert problem.kind == cc.TIMEOUT and time.monotonic() - started < 5
    with captive_portal() as url:
        problem = await _problem(url, "wx1", "s" * 32)
        assert problem.kind == cc.PORTAL


@pytest.mark.asyncio
async def test_a_trickling_reply_is_a_timeout_within_the_checks_own_deadline():
    # 4 bytes a second: each read arrives well within the 1 s per-read timeout
    with trickling_host() as url:
        started = time.monotonic()
        problem = await _problem(url, "wx1", "s" * 32, timeout=1.0)
        elapsed = time.monotonic() - started
    assert problem.kind == cc.TIMEOUT, problem
    assert elapsed < 2.0, elapsed


@pytest.mark.asyncio
async def test_a_portals_511_is_a_wifi_login_not_a_server_error():
    with captive_portal(status=511) as url:
        problem = await _problem(url, "wx1", "s" * 32)
    assert problem.kind == cc.PORTAL, problem


def test_dns_failure_is_told_apart():
    # a name that cannot be resolved, as httpx raises it (no lookup is made here)
    error = Offline(path="/cgi-bin/stable_token")
    error.__cause__ = httpx.ConnectError("[Errno -2] Name or service not known")
    assert cc.classify(error).kind == cc.DNS
    error.__cause__ = socket.gaierror(-3, "Temporary failure in name resolution")
    assert cc.classify(error).kind == cc.DNS


def test_whitelist_ip_parsing():
    assert cc.whitelist_ip("invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist") == "1.2.3.4"
    assert cc.whitelist_ip("access clientip is not registered, not in ip-white-list") == ""
