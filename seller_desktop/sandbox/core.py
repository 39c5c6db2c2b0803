"""The sandbox's request model, error type and route registry.

Every endpoint module registers its handlers here with :func:`route`; the HTTP server
(``server.py``) looks them up by path. A handler takes the shop and the parsed request and
returns the body fields of a success reply (the server adds ``errcode``/``errmsg``), or raises
:class:`ApiError` for a business error (the server answers HTTP 200 with the envelope).
Handlers run with ``shop.lock`` held, one at a time, so they need no locking of their own.

Also registered here: ``TICKS`` (time-driven state changes, run before each request),
``REINDEX`` (rebuild ``shop.index`` after a load) and ``CONTROLS`` (the ``/sandbox/...``
scenario controls, which are not WeChat API). Write handlers call :func:`record`.
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
    headers: dict[str, str] = field(default_factory=dict)  # names lower-cased
    client_ip: str = ""  # the peer's address (the IP whitelist checks it)


Handler = Callable[["Shop", Request], dict[str, Any]]


@dataclass(frozen=True)
class Route:
    path: str
    method: str  # "GET" or "POST"
    handler: Handler
    auth: bool  # needs ?access_token=
    envelope: bool = True  # False: the reply is exactly the handler's dict (token endpoints)


ROUTES: dict[str, Route] = {}

# Called with the shop (lock held) before each request: lets time-driven state move on
# (reviews finishing, gifts expiring) lazily, from the sandbox clock.
TICKS: list[Callable[[Shop], None]] = []


# Called with the shop after it was loaded from a state file (or built by the demo): each
# module rebuilds the parts of ``shop.index`` it owns.
REINDEX: list[Callable[[Shop], None]] = []


def route(path: str, method: str = "POST", auth: bool = True,
          envelope: bool = True) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        if path in ROUTES:
            raise RuntimeError(f"route registered twice: {path}")
        ROUTES[path] = Route(path, method, fn, auth, envelope)
        return fn

    return register


def tick(fn: Callable[[Shop], None]) -> Callable[[Shop], None]:
    TICKS.append(fn)
    return fn


def reindex(fn: Callable[[Shop], None]) -> Callable[[Shop], None]:
    REINDEX.append(fn)
    return fn


def run_reindex(shop: Shop) -> None:
    for fn in REINDEX:
        fn(shop)


def record(shop: Shop, op: str, **ids: Any) -> None:
    """Append an applied write to ``shop.log`` (tests prove exactly-once with it)."""
    shop.log.append({"t": shop.clock.now(), "op": op, **ids})
    shop.dirty = True


# ---- scenario controls (/sandbox/...): not WeChat API; reply {"ok": true, ...} or HTTP 400 ----

class ControlError(Exception):
    """Bad input to a scenario control: answered as HTTP 400 ``{"ok": false, "error": msg}``."""


ControlHandler = Callable[["Shop", Any], dict[str, Any]]


@dataclass(frozen=True)
class Control:
    path: str
    method: str
    handler: ControlHandler  # (shop, parsed JSON body or the query dict for GET) -> reply fields


CONTROLS: dict[tuple[str, str], Control] = {}  # (method, path) -> control


def control(path: str, method: str = "POST") -> Callable[[ControlHandler], ControlHandler]:
    def register(fn: ControlHandler) -> ControlHandler:
        if (method, path) in CONTROLS:
            raise RuntimeError(f"control registered twice: {method} {path}")
        CONTROLS[(method, path)] = Control(path, method, fn)
        return fn

    return register


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


def field_bool(body: dict[str, Any], name: str, default: bool = False) -> bool:
    value = body.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ApiError(47001, f"data format error, field \"{name}\" does't expect a {type(value).__name__} value")
    return value


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
