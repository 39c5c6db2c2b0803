""""Test connection" for a shop being set up: a token from ``/cgi-bin/stable_token`` and one
cheap read (shop basic info), each tried once, and the failure sorted into the setup problem a
seller can fix: wrong AppID, wrong AppSecret, this machine's IP not whitelisted (with the IP the
platform names), the API not permitted, or no way to reach the API (DNS, refused, timeout, a
captive portal's web page or its 511). The whole check has one deadline. The wording for the
seller lives in the UI; this module only says which problem it is.
"""

from __future__ import annotations

import asyncio
import re
import socket
from dataclasses import dataclass

import httpx

from .client import ApiClient, RetryPolicy
from .errors import (
    IP_WHITELIST_ERRCODES,
    ApiError,
    CaptivePortal,
    MalformedResponse,
    Offline,
    ServerError,
    TooSlow,
)
from .schemas import ShopInfo
from .shop import get_shop_info

# The setup problems, by what the seller has to do.
APPID, SECRET, IP, PERMISSION, DNS, UNREACHABLE, TIMEOUT, PORTAL, OTHER = (
    "appid", "secret", "ip", "permission", "dns", "unreachable", "timeout", "portal", "other")

_IP_IN_ERRMSG = re.compile(r"invalid ip\s+([0-9]{1,3}(?:\.[0-9]{1,3}){3})")
_SECRET_CODES = frozenset({40001, 40125, 41004, 40243})


@dataclass(frozen=True)
class SetupProblem:
    kind: str
    errcode: int | None = None
    ip: str = ""  # the caller's IP the platform named (whitelist refusals)
    detail: str = ""  # the platform's errmsg or the network error's name, for the report


def whitelist_ip(errmsg: str) -> str:
    """The IPv4 address in "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"."""
    found = _IP_IN_ERRMSG.search(errmsg or "")
    return found.group(1) if found else ""


def _network_kind(exc: BaseException) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return DNS
        if isinstance(cause, httpx.TimeoutException):
            return TIMEOUT
        text = str(cause).lower()
        if ("name or service not known" in text or "nodename nor servname" in text
                or "getaddrinfo failed" in text or "name resolution" in text):
            return DNS
        cause = cause.__cause__ or cause.__context__
    return UNREACHABLE


def classify(exc: BaseException) -> SetupProblem:
    """The setup problem behind an error of :func:`test_connection`."""
    if not isinstance(exc, ApiError):
        return SetupProblem(OTHER, detail=type(exc).__name__)
    code, msg = exc.errcode, exc.errmsg
    if code == 40013 or code == 41002:
        return SetupProblem(APPID, code, detail=msg)
    if code in _SECRET_CODES and exc.path.startswith("/cgi-bin/"):
        return SetupProblem(SECRET, code, detail=msg)
    if code in IP_WHITELIST_ERRCODES:
        return SetupProblem(IP, code, ip=whitelist_ip(msg), detail=msg)
    if code in (48001, 61007):
        return SetupProblem(PERMISSION, code, detail=msg)
    if isinstance(exc, CaptivePortal):  # HTTP 511: the Wi-Fi wants a login first
        return SetupProblem(PORTAL, detail=msg)
    if isinstance(exc, Offline):
        return SetupProblem(_network_kind(exc), detail=msg)
    if isinstance(exc, MalformedResponse):  # a web page where the API should answer
        return SetupProblem(PORTAL, detail=msg)
    if isinstance(exc, TooSlow) or (isinstance(exc, ServerError)
                                    and exc.errmsg in ("ReadTimeout", "WriteTimeout")):
        return SetupProblem(TIMEOUT, detail=msg)
    return SetupProblem(OTHER, code, detail=msg or exc.message)


async def test_connection(base_url: str, appid: str, secret: str, *,
                          timeout: float = 8.0) -> ShopInfo:
    """Fetch a token and the shop's basic info, once each, all within ``timeout`` seconds (a
    server trickling a byte a second never trips a per-read timeout); raises the ApiError to
    ``classify`` (:class:`TooSlow` past the deadline)."""
    retry = RetryPolicy(attempts=1, offline_after=1, offline_cooldown=0.0)
    async with ApiClient(base_url, appid.strip(), secret.strip(), timeout=timeout,
                         deadline=timeout, retry=retry) as client:
        try:
            async with asyncio.timeout(timeout):
                return await get_shop_info(client)
        except TimeoutError as exc:
            raise TooSlow(errmsg=f"no reply within {timeout:g}s") from exc


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
