"""Access tokens: GET /cgi-bin/token, POST /cgi-bin/stable_token, and the token check.

Owns ``shop.tokens`` (token → kind, issue and expiry times, ``invalid_after``, ``current``):
plain tokens replace each other with a 5-minute grace, the stable token is reused until it nears
expiry and ``force_refresh`` is limited (30 s gap, 20 a day); the credential errors of §2.3. The
rules and codes: sandbox/README.md, "Access tokens".
"""

from __future__ import annotations

import re
import secrets
from typing import TYPE_CHECKING, Any

from .core import ApiError, Request, body_dict, field_bool, route

if TYPE_CHECKING:
    from .state import Shop

GRACE = 300  # seconds a replaced plain token keeps working
FORCE_GAP = 30  # seconds between two effective forced refreshes
FORCE_PER_DAY = 20  # forced stable_token refreshes per Beijing day
SECRET_CHARS = re.compile(r"[0-9A-Za-z_-]+")


def _new_token(shop: Shop, kind: str) -> dict[str, Any]:
    now = shop.clock.now()
    _prune(shop, now)
    token = "86_" + secrets.token_urlsafe(96)
    record = {"kind": kind, "issued_at": now, "expires_at": now + shop.config.token_ttl,
              "invalid_after": None, "current": True}
    shop.tokens[token] = record
    shop.dirty = True
    return {"access_token": token, "expires_in": shop.config.token_ttl}


def _prune(shop: Shop, now: int) -> None:
    dead = [t for t, r in shop.tokens.items()
            if r["expires_at"] + 86400 < now
            or (r["invalid_after"] is not None and r["invalid_after"] + 86400 < now)]
    for token in dead:
        del shop.tokens[token]


def _current(shop: Shop, kind: str) -> tuple[str, dict[str, Any]] | None:
    for token, rec in shop.tokens.items():
        if rec["kind"] == kind and rec["current"]:
            return token, rec
    return None


def _check_credentials(shop: Shop, grant_type: Any, appid: Any, secret: Any) -> None:
    if appid is None or appid == "":
        raise ApiError(41002, "appid missing")
    if grant_type != "client_credential":
        raise ApiError(40002, "invalid grant_type")
    if appid != shop.config.appid:
        raise ApiError(40013, "invalid appid")
    if secret is None or secret == "":
        raise ApiError(41004, "appsecret missing")
    if secret == shop.config.secret:
        return
    if not isinstance(secret, str) or SECRET_CHARS.fullmatch(secret) is None \
            or len(secret) not in (32, len(shop.config.secret)):
        raise ApiError(40125, "invalid appsecret")
    raise ApiError(40001, "invalid credential, appsecret is wrong or not for this appid")


def _count_forced(shop: Shop, now: int) -> None:
    """Count a forced refresh in today's (Beijing) budget; 45009 once it is spent."""
    day = (now + 8 * 3600) // 86400
    if shop.counters.get("stable_forced_day") != day:
        shop.counters["stable_forced_day"] = day
        shop.counters["stable_forced_count"] = 0
    if shop.counters["stable_forced_count"] >= FORCE_PER_DAY:
        raise ApiError(45009, "reach max api daily quota limit (force_refresh 20/day)")
    shop.counters["stable_forced_count"] += 1
    shop.dirty = True


@route("/cgi-bin/token", method="GET", auth=False, envelope=False)
def get_token(shop: Shop, req: Request) -> dict[str, Any]:
    q = req.query
    _check_credentials(shop, q.get("grant_type"), q.get("appid"), q.get("secret"))
    now = shop.clock.now()
    old = _current(shop, "plain")
    if old is not None:
        rec = old[1]
        rec["current"] = False
        if rec["invalid_after"] is None or rec["invalid_after"] > now + GRACE:
            rec["invalid_after"] = now + GRACE
    return _new_token(shop, "plain")


@route("/cgi-bin/stable_token", method="POST", auth=False, envelope=False)
def get_stable_token(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    for name in ("grant_type", "appid", "secret"):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise ApiError(47001, f"data format error, field \"{name}\" does't expect a "
                                  f"{type(body[name]).__name__} value")
    _check_credentials(shop, body.get("grant_type"), body.get("appid"), body.get("secret"))
    force = field_bool(body, "force_refresh")
    now = shop.clock.now()
    if force:
        _count_forced(shop, now)
    margin = min(GRACE, shop.config.token_ttl // 2)
    cur = _current(shop, "stable")
    if cur is not None:
        token, rec = cur
        usable = rec["invalid_after"] is None and rec["expires_at"] - now > margin
        last_forced = shop.counters.get("stable_forced_at")
        if force and usable and last_forced is not None and now - last_forced < FORCE_GAP:
            force = False
        if usable and not force:
            return {"access_token": token, "expires_in": rec["expires_at"] - now}
        rec["current"] = False
        if force:
            rec["invalid_after"] = now
    if force:
        shop.counters["stable_forced_at"] = now
    return _new_token(shop, "stable")


def check_token(shop: Shop, token: str | None) -> None:
    """Raise the documented error when ``token`` may not be used for a business call."""
    if not token:
        raise ApiError(41001, "access_token missing")
    rec = shop.tokens.get(token)
    now = shop.clock.now()
    if rec is None or (rec["invalid_after"] is not None and now >= rec["invalid_after"]):
        raise ApiError(40001, "invalid credential, access_token is invalid or not latest")
    if now >= rec["expires_at"]:
        raise ApiError(42001, "access_token expired")


def invalidate_token(shop: Shop, token: str) -> None:
    rec = shop.tokens.get(token)
    if rec is not None:
        rec["invalid_after"] = shop.clock.now()
        rec["current"] = False
        shop.dirty = True


def invalidate_all(shop: Shop) -> int:
    """Make every token answer 40001 from now on; returns how many were still usable."""
    now = shop.clock.now()
    count = 0
    for rec in shop.tokens.values():
        if rec["invalid_after"] is None or rec["invalid_after"] > now:
            count += 1
            rec["invalid_after"] = now
        rec["current"] = False
    shop.dirty = True
    return count
