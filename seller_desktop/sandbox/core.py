"""The sandbox's request model, error type and route registry.

Every endpoint module registers its handlers here with :func:`route`; the HTTP server
(``server.py``) looks them up by path. A handler takes the shop and the parsed request and
returns the body fields of a success reply (the server adds ``errcode``/``errmsg``), or raises
:class:`ApiError` for a business error (the server answers HTTP 200 with the envelope).
Handlers run with ``shop.lock`` held, one at a time, so they need no locking of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .state import Shop


class ApiError(Exception):
    """A business error: answered as HTTP 200 ``{"errcode": code, "errmsg": "<msg> rid: …"}``."""

    def __init__(self, errcode: int, errmsg: str, **extra: Any) -> None:
        super().__init__(f"{errcode} {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
        self.extra = extra  # more reply fields, e.g. delivery_error_msg on 10025005


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: Any  # parsed JSON (dict for the WeChat endpoints) or None for GET / multipart
    raw: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[["Shop", Request], dict[str, Any]]


@dataclass(frozen=True)
class Route:
    path: str
    method: str  # "GET" or "POST"
    handler: Handler
    auth: bool  # needs ?access_token=


ROUTES: dict[str, Route] = {}

# Called with the shop (lock held) before each request: lets time-driven state move on
# (reviews finishing, gifts expiring) lazily, from the sandbox clock.
TICKS: list[Callable[[Shop], None]] = []


def route(path: str, method: str = "POST", auth: bool = True) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        if path in ROUTES:
            raise RuntimeError(f"route registered twice: {path}")
        ROUTES[path] = Route(path, method, fn, auth)
        return fn

    return register


def tick(fn: Callable[[Shop], None]) -> Callable[[Shop], None]:
    TICKS.append(fn)
    return fn


# ---- small validation helpers shared by the endpoint modules (47001 on wrong JSON types) ----

def body_dict(req: Request) -> dict[str, Any]:
    if not isinstance(req.body, dict):
        raise ApiError(47001, "data format error")
    return req.body


def field_str(body: dict[str, Any], name: str, required: bool = True) -> str | None:
    """An id or text field; ids may come as strings or numbers (the reference allows both)."""
    value = body.get(name)
    if value is None:
        if required:
            raise ApiError(40097, f"invalid args, field \"{name}\" is required")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ApiError(47001, f"data format error, field \"{name}\" does't expect this value type")
    return str(value)


def field_int(body: dict[str, Any], name: str, required: bool = True,
              default: int | None = None) -> int | None:
    value = body.get(name)
    if value is None:
        if required:
            raise ApiError(40097, f"invalid args, field \"{name}\" is required")
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(47001, f"data format error, field \"{name}\" does't expect a {type(value).__name__} value")
    return value
