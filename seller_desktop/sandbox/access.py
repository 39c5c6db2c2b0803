"""Setup errors a real shop gives a new install, and their scenario controls.

- The API IP whitelist (auth-products.md §1.1, §2.3): a caller whose IP is not listed gets
  40164 ``invalid ip a.b.c.d ipv6 ::ffff:a.b.c.d, not in whitelist`` from the token endpoints
  and 61004 (or 45035) ``access clientip is not registered, not in ip-white-list`` from the
  business APIs. ``POST /sandbox/auth/whitelist {"allowed": [...], "seen_ip": "1.2.3.4",
  "errcode": 61004}``; ``{"allowed": []}`` turns it off.
- The API permission (48001 ``api unauthorized``): ``POST /sandbox/auth/permission
  {"enabled": false, "paths": [...]}`` (no paths: every business API); ``{"enabled": true}``
  gives it back.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any

from .core import ApiError, ControlError, Request, control

if TYPE_CHECKING:
    from .state import Shop

WHITELIST_ERRCODES = (61004, 45035)


def check_access(shop: Shop, req: Request, *, token_endpoint: bool) -> None:
    """Raise the documented error when the caller's IP or the API permission forbids ``req``."""
    cfg = shop.config
    if cfg.ip_whitelist:
        ip = cfg.seen_ip or req.client_ip or "0.0.0.0"
        if ip not in cfg.ip_whitelist:
            if token_endpoint:
                raise ApiError(40164, f"invalid ip {ip} ipv6 ::ffff:{ip}, not in whitelist")
            raise ApiError(cfg.whitelist_errcode,
                           "access clientip is not registered, not in ip-white-list")
    if not token_endpoint and ("*" in cfg.denied_apis or req.path in cfg.denied_apis):
        raise ApiError(48001, "api unauthorized")


def _ip(value: Any) -> str:
    try:
        return str(ipaddress.IPv4Address(value))
    except (ipaddress.AddressValueError, ValueError, TypeError):
        raise ControlError(f"not an IPv4 address: {value!r}") from None


@control("/sandbox/auth/whitelist")
def whitelist_set(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    allowed = body.get("allowed", [])
    if not isinstance(allowed, list):
        raise ControlError("allowed must be a list of IPv4 addresses")
    ips = [_ip(v) for v in allowed]
    seen = body.get("seen_ip", "")
    seen = _ip(seen) if seen else ""
    errcode = body.get("errcode", 61004)
    if errcode not in WHITELIST_ERRCODES:
        raise ControlError(f"errcode must be one of {WHITELIST_ERRCODES}")
    shop.config.ip_whitelist, shop.config.seen_ip = ips, seen
    shop.config.whitelist_errcode = errcode
    shop.dirty = True
    return {"allowed": ips, "seen_ip": seen, "errcode": errcode}


@control("/sandbox/auth/permission")
def permission_set(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    enabled = body.get("enabled", True)
    paths = body.get("paths", ["*"])
    if not isinstance(enabled, bool):
        raise ControlError("enabled must be a boolean")
    if not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths):
        raise ControlError("paths must be a list of API paths")
    shop.config.denied_apis = [] if enabled else paths
    shop.dirty = True
    return {"denied_apis": shop.config.denied_apis}
