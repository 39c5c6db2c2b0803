"""ApiClient: the one long-lived HTTP connection to the WeChat Store API.

Owns what every endpoint shares: the stable access token (cached, refreshed ahead of expiry, one
refresh in flight, refreshed once more when a call is refused with 40001/40014/42001), the
errcode envelope → typed errors, retries with backoff and jitter (only where a retry cannot
apply a change twice: ``idempotent=False`` calls raise :class:`UnknownOutcome` instead), the
concurrency bound, each exchange's overall ``deadline`` and reply-size cap, and the
online/offline circuit (a captive portal's 511 is :class:`CaptivePortal`, an ``Offline``).
Never logs a token, the secret or a body (httpx's URL line is redacted).
Retry rules and bounds in full: docs/architecture.md, "API client".
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import json
import logging
import random
import re
import time
import urllib.request
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from .body import ACCEPT_ENCODING, BadEncoding, BodyTooLarge, read_capped
from .errors import (
    BUSY_ERRCODE,
    RATE_LIMIT_ERRCODE,
    TOKEN_ERRCODES,
    ApiError,
    AuthExpired,
    Busy,
    CaptivePortal,
    MalformedResponse,
    Offline,
    RateLimited,
    ServerError,
    TooSlow,
    UnknownOutcome,
    clean_errmsg,
    error_for,
)
from .http_date import parse_http_date

DEFAULT_BASE_URL = "https://api.weixin.qq.com"
TOKEN_PATH = "/cgi-bin/stable_token"

log = logging.getLogger("seller_desktop.api")

# What ``httpx``'s ``json=`` sends, encoded here once per request.
_encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_URL_CACHE_SIZE = 256

# The biggest reply a shop needs is a product with 500 SKUs (well under 1 MB); 4 MB is room.
MAX_REPLY_BYTES = 4 * 1024 * 1024
DEFAULT_DEADLINE = 60.0  # seconds for one exchange: connect, headers and the whole body
MIN_SEND_RATE = 32 * 1024  # bytes/s a request body is given on top of the deadline
# auth-products.md §2.1: "reserve >= 512 chars"; real tokens are ~150 URL-safe characters.
_TOKEN = re.compile(r"[A-Za-z0-9_\-.~*+/=:@!$]{1,2048}")
MAX_TOKEN_TTL = 86400  # §2.1: expires_in "currently <= 7200"

_SECRET_QUERY = re.compile(r"((?:access_token|secret)=)[^&\s\"']+")


def _redact(value: object) -> object:
    text = str(value)
    return _SECRET_QUERY.sub(r"\1***", text) if _SECRET_QUERY.search(text) else value


class _RedactQuery(logging.Filter):
    """Masks ``access_token=…``/``secret=…`` in httpx's "HTTP Request: POST <url>" records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, dict):
            record.args = {k: _redact(v) for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(_redact(a) for a in record.args)
        if isinstance(record.msg, str):
            record.msg = _SECRET_QUERY.sub(r"\1***", record.msg)
        return True


def _install_redaction() -> None:
    # httpx logs each request's full URL on its own "httpx" logger; httpcore's trace records
    # name hosts and methods only.
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactQuery) for f in logger.filters):
        logger.addFilter(_RedactQuery())


_install_redaction()


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. ``attempts`` counts tries (the first one included)."""

    attempts: int = 5
    base_delay: float = 0.2  # seconds before the first retry
    max_delay: float = 5.0
    offline_after: int = 2  # consecutive connect failures that switch the client offline
    offline_cooldown: float = 5.0  # seconds of failing fast before probing again

    def backoff(self, retry_number: int, rng: random.Random) -> float:
        """Delay before retry ``retry_number`` (1-based): exponential, capped, half jittered."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** (retry_number - 1)))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


StateListener = Callable[[bool], None]

# Set by ApiClient.single_attempt(): non-idempotent calls in this task make one attempt only.
_SINGLE_ATTEMPT: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "seller_desktop_api_single_attempt", default=False)


class _RetryLater(Exception):
    """Internal: this try failed in a way worth retrying; ``final`` is raised when out of tries."""

    def __init__(self, final: ApiError) -> None:
        super().__init__(str(final))
        self.final = final


class ApiClient:
    """Async client of the WeChat Store API (or the sandbox, which serves the same surface)."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL, appid: str = "", secret: str = "", *,
                 transport: httpx.AsyncBaseTransport | None = None, max_in_flight: int = 8,
                 timeout: float = 15.0, deadline: float = DEFAULT_DEADLINE,
                 max_reply_bytes: int = MAX_REPLY_BYTES, retry: RetryPolicy | None = None,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 refresh_ahead: float = 300.0, rng: random.Random | None = None) -> None:
        if not appid or not secret:
            raise ValueError("ApiClient needs an AppID and an AppSecret")
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.base_url = base_url.rstrip("/")
        self._appid = appid
        self._secret = secret
        self.retry = retry or RetryPolicy()
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._refresh_ahead = refresh_ahead
        self.deadline = deadline
        self.max_reply_bytes = max_reply_bytes
        # Requests go straight to the transport (no redirects, cookies or auth flow to run:
        # httpx's client layer was a tenth of a full sync's time), unless the OS names a proxy,
        # which only the client knows how to route through.
        if transport is None and not _os_proxies():
            transport = httpx.AsyncHTTPTransport()
        self._direct = transport
        self._http = httpx.AsyncClient(base_url=self.base_url, transport=transport,
                                       timeout=httpx.Timeout(timeout), follow_redirects=False,
                                       headers={"Accept-Encoding": ACCEPT_ENCODING})
        self._slots = asyncio.Semaphore(max_in_flight)
        self._urls: dict[tuple[str, tuple[tuple[str, str], ...]], httpx.URL] = {}
        self._json_headers = httpx.Headers(self._http.headers)
        self._json_headers["Content-Type"] = "application/json"
        self._timeouts = self._http.timeout.as_dict()
        self._token_lock = asyncio.Lock()
        self._token: str | None = None
        self._token_refresh_at = 0.0
        self._token_at: float | None = None  # when the cached token was obtained (diagnostics)
        self._online = True
        self._connect_failures = 0
        self._offline_until = 0.0
        self.on_state_change: list[StateListener] = []

    @property
    def appid(self) -> str:
        return self._appid

    # ---- lifecycle -------------------------------------------------------------------------

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ---- online state ----------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self._online

    def _set_online(self, online: bool) -> None:
        if online == self._online:
            return
        self._online = online
        log.info("api %s", "online" if online else "offline")
        for listener in list(self.on_state_change):
            try:
                listener(online)
            except Exception:
                log.exception("online-state listener failed")

    def _check_circuit(self, path: str) -> None:
        if not self._online and self._clock() < self._offline_until:
            raise Offline(path=path)

    def _connect_failed(self) -> bool:
        """Counts a connect failure; True when the client is (now) offline."""
        self._connect_failures += 1
        if not self._online or self._connect_failures >= self.retry.offline_after:
            self._offline_until = self._clock() + self.retry.offline_cooldown
            self._set_online(False)
            return True
        return False

    def _reached_host(self) -> None:
        self._connect_failures = 0
        self._set_online(True)

    # ---- token -----------------------------------------------------------------------------

    def _token_fresh(self) -> bool:
        return self._token is not None and self._clock() < self._token_refresh_at

    async def access_token(self) -> str:
        """A valid token: the cached one, or one fetched by the single refresh in flight."""
        if self._token_fresh():
            return self._token  # type: ignore[return-value]
        async with self._token_lock:
            if not self._token_fresh():
                await self._fetch_token()
            return self._token  # type: ignore[return-value]

    def token_age(self) -> float | None:
        """Seconds since the cached token was obtained; None without one. Never the token."""
        if self._token is None or self._token_at is None:
            return None
        return max(0.0, self._clock() - self._token_at)

    def invalidate_token(self, token: str) -> None:
        """Forget ``token`` if it is still the cached one (a call was refused with it)."""
        if self._token == token:
            self._token = None

    async def _fetch_token(self) -> None:
        body = {"grant_type": "client_credential", "appid": self._appid, "secret": self._secret,
                "force_refresh": False}
        reply, _ = await self._execute(TOKEN_PATH, body, method="POST", idempotent=True,
                                       params=None, files=None, auth=False)
        token = reply.get("access_token")
        expires_in = reply.get("expires_in")
        if not isinstance(token, str) or not token or isinstance(expires_in, bool) \
                or not isinstance(expires_in, int) or expires_in <= 0:
            raise MalformedResponse(errmsg="stable_token reply without access_token/expires_in",
                                    path=TOKEN_PATH)
        if not _TOKEN.fullmatch(token) or expires_in > MAX_TOKEN_TTL:
            # never in a log: only its length
            raise MalformedResponse(errmsg=f"stable_token reply with an unusable token "
                                           f"({len(token)} chars, expires_in {expires_in})",
                                    path=TOKEN_PATH)
        lead = max(expires_in - self._refresh_ahead, expires_in / 2)
        self._token = token
        self._token_at = self._clock()
        self._token_refresh_at = self._token_at + lead
        log.info("access token refreshed, valid %ss", expires_in)

    # ---- calls -----------------------------------------------------------------------------

    @staticmethod
    @contextlib.contextmanager
    def single_attempt() -> Any:
        """Within this block (this task only), a non-idempotent call is sent once: a refusal
        that may follow an applied write (busy, rate limit, token refused) is raised instead of
        retried, so the caller can read the server state before sending again (sync engine)."""
        reset = _SINGLE_ATTEMPT.set(True)
        try:
            yield
        finally:
            _SINGLE_ATTEMPT.reset(reset)

    async def call(self, path: str, body: dict[str, Any] | None = None, *, method: str = "POST",
                   idempotent: bool = True, params: dict[str, Any] | None = None,
                   files: dict[str, Any] | None = None) -> dict[str, Any]:
        """Calls ``path`` with the token; returns the parsed reply of a success (errcode 0/absent).

        ``params`` adds query parameters; ``files`` sends a multipart body instead of JSON.
        Raises an :class:`ApiError` subclass on failure.
        """
        reply, _ = await self._execute(path, body, method=method, idempotent=idempotent,
                                       params=params, files=files, auth=True)
        return reply

    async def call_dated(self, path: str, body: dict[str, Any] | None = None
                         ) -> tuple[dict[str, Any], int | None]:
        """``call`` (an idempotent POST), with the server's clock when the reply was made: its
        HTTP ``Date`` header in unix seconds, or None when absent or unreadable."""
        reply, date = await self._execute(path, body, method="POST", idempotent=True,
                                          params=None, files=None, auth=True)
        return reply, parse_http_date(date)

    async def _execute(self, path: str, body: dict[str, Any] | None, *, method: str,
                       idempotent: bool, params: dict[str, Any] | None,
                       files: dict[str, Any] | None, auth: bool
                       ) -> tuple[dict[str, Any], str | None]:
        tries = 0
        refreshed = False
        while True:
            self._check_circuit(path)
            query = {k: str(v) for k, v in (params or {}).items()}
            token = ""
            if auth:
                token = await self.access_token()
                query["access_token"] = token
            try:
                return await self._attempt(path, body, method=method, idempotent=idempotent,
                                           query=query, files=files, auth=auth)
            except AuthExpired:
                if not auth or refreshed:
                    raise
                refreshed = True
                self.invalidate_token(token)
                if not idempotent and _SINGLE_ATTEMPT.get():
                    raise
                log.info("%s: token refused, refreshing once", path)
                continue
            except _RetryLater as retry_later:
                tries += 1
                if tries >= self.retry.attempts or (not idempotent and _SINGLE_ATTEMPT.get()):
                    raise retry_later.final from retry_later.__cause__
                delay = self.retry.backoff(tries, self._rng)
                log.info("%s: retry %d/%d in %.2fs (%s)", path, tries,
                         self.retry.attempts - 1, delay, type(retry_later.final).__name__)
                await self._sleep(delay)

    async def _attempt(self, path: str, body: dict[str, Any] | None, *, method: str,
                       idempotent: bool, query: dict[str, str], files: dict[str, Any] | None,
                       auth: bool) -> tuple[dict[str, Any], str | None]:
        """One HTTP exchange. Returns a success body and the reply's ``Date`` header, or raises
        an ApiError / _RetryLater."""
        try:
            if files is not None:
                request = self._http.build_request(method, path, params=query, files=files)
            elif method.upper() == "GET":
                request = self._http.build_request(method, path, params=query)
            else:
                request = self._json_request(method, path, query, body)
            async with self._slots:
                status, content, date = await self._exchange(request)
        except BodyTooLarge as exc:
            self._reached_host()
            log.warning("%s: reply body too large (%s)", path, exc)
            if not idempotent:
                raise UnknownOutcome(errmsg="reply too large", path=path) from exc
            raise MalformedResponse(errmsg=f"reply larger than {self.max_reply_bytes} bytes",
                                    path=path) from exc
        except TimeoutError as exc:  # the exchange's overall deadline
            self._reached_host()
            log.warning("%s: no complete reply within %.1fs", path, self.deadline)
            if not idempotent:
                raise UnknownOutcome(errmsg=f"no reply within {self.deadline:g}s",
                                     path=path) from exc
            raise _RetryLater(TooSlow(errmsg=f"no reply within {self.deadline:g}s",
                                      path=path)) from exc
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            # Nothing was sent: safe to retry whatever the call does.
            log.warning("%s: cannot connect (%s)", path, type(exc).__name__)
            if self._connect_failed():
                raise Offline(path=path) from exc
            raise _RetryLater(Offline(path=path)) from exc
        except httpx.TransportError as exc:
            self._reached_host()
            log.warning("%s: transport error after sending (%s)", path, type(exc).__name__)
            if not idempotent:
                raise UnknownOutcome(errmsg=type(exc).__name__, path=path) from exc
            raise _RetryLater(ServerError("微信小店服务器没有响应，请稍后再试",
                                          errmsg=type(exc).__name__, path=path)) from exc
        if status == 511:  # a captive portal answered, not the store: nothing reached it
            log.warning("%s: HTTP 511 (the network asks for a login)", path)
            self._connect_failures = max(self._connect_failures, self.retry.offline_after - 1)
            self._connect_failed()
            raise CaptivePortal(errmsg="HTTP 511", path=path)
        self._reached_host()
        return self._interpret(path, status, content, idempotent=idempotent, auth=auth), date

    def _deadline_for(self, request: httpx.Request) -> float:
        """``deadline``, plus time to send a large body (an image upload on a slow uplink: 10 MB
        at 1 Mbit/s takes 80 s) at no less than ``MIN_SEND_RATE``."""
        length = request.headers.get("Content-Length", "")
        size = int(length) if length.isdigit() else 0
        return self.deadline + size / MIN_SEND_RATE

    async def _exchange(self, request: httpx.Request) -> tuple[int, bytes | None, str | None]:
        """Send and read the reply within the deadline: (status, body, or None when it could
        not be decoded, the ``Date`` header)."""
        async with asyncio.timeout(self._deadline_for(request)):
            if self._direct is not None:
                response = await self._direct.handle_async_request(request)
            else:
                response = await self._http.send(request, stream=True)
            try:
                try:
                    content: bytes | None = await read_capped(response, self.max_reply_bytes)
                except (BadEncoding, zlib.error):
                    content = None
            finally:
                await response.aclose()
        return response.status_code, content, response.headers.get("date")

    def _json_request(self, method: str, path: str, query: dict[str, str],
                      body: dict[str, Any] | None) -> httpx.Request:
        """The request ``build_request(method, path, params=query, json=body)`` makes, built
        from a cached URL and the client's headers: re-parsing and merging the URL and headers
        for every call was a fifth of httpx's time per request in a full sync."""
        key = (path, tuple(query.items()))
        url = self._urls.get(key)
        if url is None:
            if len(self._urls) >= _URL_CACHE_SIZE:  # old tokens' URLs
                self._urls.clear()
            url = self._urls[key] = self._http.build_request(method, path, params=query).url
        return httpx.Request(method, url, headers=self._json_headers,
                             content=_encode_json(body if body is not None else {}).encode(),
                             extensions={"timeout": self._timeouts})

    def _interpret(self, path: str, status: int, content: bytes | None, *, idempotent: bool,
                   auth: bool) -> dict[str, Any]:
        if status >= 500:
            log.warning("%s: HTTP %d", path, status)
            if not idempotent:
                raise UnknownOutcome(errmsg=f"HTTP {status}", path=path)
            raise _RetryLater(ServerError(errmsg=f"HTTP {status}", path=path))
        try:
            payload = orjson.loads(content) if content is not None else None
        except ValueError:  # not JSON (NaN, Infinity and cut bodies included)
            payload = None
        if 300 <= status < 400:  # never followed: a captive portal, or a server gone astray
            payload = None
        if not isinstance(payload, dict):
            log.warning("%s: HTTP %d with a body that is not a JSON object", path, status)
            if status >= 400:
                raise MalformedResponse(errmsg=f"HTTP {status}", path=path)
            if not idempotent:
                raise UnknownOutcome(errmsg="garbled reply", path=path)
            raise _RetryLater(MalformedResponse(errmsg="reply is not a JSON object", path=path))
        errcode = _errcode(payload.get("errcode", 0))
        if errcode is None:
            if not idempotent:
                raise UnknownOutcome(errmsg="garbled errcode", path=path)
            raise _RetryLater(MalformedResponse(errmsg="errcode is not a number", path=path))
        if errcode == 0:
            if status >= 400:
                raise MalformedResponse(errmsg=f"HTTP {status}", path=path)
            return payload
        errmsg = clean_errmsg(payload.get("errmsg"))
        log.warning("%s: errcode %d", path, errcode)
        if auth and errcode in TOKEN_ERRCODES:
            raise AuthExpired(errcode=errcode, errmsg=errmsg, path=path)
        if errcode == BUSY_ERRCODE:
            raise _RetryLater(Busy(errcode=errcode, errmsg=errmsg, path=path))
        if errcode == RATE_LIMIT_ERRCODE:
            raise _RetryLater(RateLimited(errcode=errcode, errmsg=errmsg, path=path))
        raise error_for(errcode, errmsg, payload, path=path, token_endpoint=not auth)


def _os_proxies() -> bool:
    """Whether the environment (or, on Windows and macOS, the system) names an HTTP proxy."""
    found = urllib.request.getproxies()
    return any(found.get(scheme) for scheme in ("http", "https", "all"))


def _errcode(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return None
