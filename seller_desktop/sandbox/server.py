"""The sandbox's HTTP server: a ThreadingHTTPServer on loopback serving the registered routes.

Per API request: take ``shop.lock``, decide the fault, run the ticks, check the method, the
token, the opt-in quotas and the body, call the handler and wrap its reply in the
``errcode``/``errmsg`` envelope; a handler crash answers -1 and is kept in
``SandboxServer.errors``. ``/sandbox/...`` are the scenario controls, served only to local
programs (Host, Origin and Content-Type checks: no web page may drive the shop);
``/p/{appid}/{key}`` serves image bytes. The checks and codes: sandbox/README.md, "The server".
"""

from __future__ import annotations

import json
import secrets
import socket
import struct
import sys
import threading
import time
import traceback
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from os import PathLike
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .access import check_access
from .auth import check_token, invalidate_token
from .core import CONTROLS, ROUTES, TICKS, ApiError, ControlError, Request, Route
from .faults import CAPTIVE_PORTAL, GARBLE_KINDS, Fault, decide, garble
from .images import serve_image
from .persistence import Saver
from .routes_all import load_endpoints
from .state import Shop

JSON_TYPE = "application/json; encoding=utf-8"
MAX_BODY = 32 * 1024 * 1024
MAX_DEPTH = 64  # JSON nesting a body may have (real product bodies need < 10)


def http_date(shop: Shop) -> str | None:
    """The Date header a reply carries (``config.http_date``); None: none is sent."""
    mode = shop.config.http_date
    if mode == "omit":
        return None
    if mode == "garbled":
        return "yesterday, around noon"
    return formatdate(shop.clock.now() + shop.config.http_date_skew, usegmt=True)


def rid() -> str:
    return f"{secrets.token_hex(4)}-{secrets.token_hex(4)}-{secrets.token_hex(4)}"


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _depth_over(value: Any, limit: int) -> bool:
    """Whether JSON ``value`` nests deeper than ``limit`` (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children
                         if isinstance(child, (dict, list)))
    return False


def parse_json(raw: bytes) -> Any:
    """Parse a control body; ValueError for bad or too deeply nested JSON."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if _depth_over(value, MAX_DEPTH):
        raise ValueError("JSON nested too deeply")
    return value


def _check_quotas(shop: Shop) -> None:
    cfg, counters, now = shop.config, shop.counters, shop.clock.now()
    for limit, window, name, code, msg in (
        (cfg.minute_quota, now // 60, "minute", 45011,
         "api minute-quota reach limit  mustslower  retry next minute"),
        (cfg.daily_quota, (now + 8 * 3600) // 86400, "daily", 45009,
         "reach max api daily quota limit"),
    ):
        if limit <= 0:
            continue
        if counters.get(f"quota_{name}_window") != window:
            counters[f"quota_{name}_window"] = window
            counters[f"quota_{name}_count"] = 0
        counters[f"quota_{name}_count"] += 1
        if counters[f"quota_{name}_count"] > limit:
            raise ApiError(code, msg)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "SandboxWeChatStore/1.0"
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        # headers and body go out in two writes; without this, Nagle + delayed ACK cost 40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        return

    def send_header(self, keyword: str, value: str) -> None:
        # http.server stamps Date from the wall clock; ours is the shop's clock (which tests
        # move), the clock that stamps update_time, so a client can compare the two.
        if keyword.lower() == "date":
            date = http_date(self.server.sandbox.shop)
            if date is None:
                return
            value = date
        super().send_header(keyword, value)

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    do_PUT = do_DELETE = do_PATCH = do_POST

    # ---- plumbing ----

    def _send(self, status: int, body: bytes, ctype: str = JSON_TYPE) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drop(self, reset: bool) -> None:
        self.close_connection = True
        if reset:  # SO_LINGER 0: close with a TCP RST
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()

    def _handle(self) -> None:
        sb = self.server.sandbox
        parts = urlsplit(self.path)
        path = parts.path
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        try:
            raw = self._read_body()
        except ValueError:
            self._send(400, b"bad request framing", "text/plain")
            self.close_connection = True
            return
        if raw is None:
            self._send(413, b"request body too large", "text/plain")
            self.close_connection = True
            return
        headers = {k.lower(): v for k, v in self.headers.items()}
        req = Request(self.command, path, query, None, raw, headers,
                      client_ip=str(self.client_address[0]))
        if path.startswith("/p/"):
            self._image(sb.shop, path)
        elif path.startswith("/sandbox/"):
            self._control(sb, req)
        else:
            self._api(sb, req)

    def _read_body(self) -> bytes | None:
        """The request body (Content-Length or chunked); None when over MAX_BODY."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks, total = [], 0
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size < 0:
                    raise ValueError("negative chunk size")
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY:
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        text = (self.headers.get("Content-Length") or "0").strip()
        if not text.isdigit() or not text.isascii():
            raise ValueError(f"bad Content-Length {text!r}")
        length = int(text)
        if length > MAX_BODY:
            return None
        return self.rfile.read(length) if length else b""

    def _image(self, shop: Shop, path: str) -> None:
        bits = path.split("/")
        found = None
        if len(bits) == 4 and self.command == "GET":
            with shop.lock:
                found = serve_image(shop, bits[2], bits[3])
        if found is None:
            self._send(404, b"not found", "text/plain")
        else:
            self._send(200, found[1], found[0])

    # ---- scenario controls ----

    def _control_refusal(self, req: Request) -> tuple[int, str] | None:
        """Why a control request may not be served (see the module docstring), or None."""
        port = self.server.server_address[1]
        local = {f"{host}:{port}" for host in ("127.0.0.1", "localhost", "[::1]")}
        if req.headers.get("host", "").strip().lower() not in local:
            return 403, "controls answer only on 127.0.0.1/localhost with this port"
        origin = req.headers.get("origin")
        if origin is not None and origin.strip().lower() not in {f"http://{h}" for h in local}:
            return 403, "cross-origin requests to the controls are refused"
        if req.method == "POST":
            ctype = req.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                return 415, "POST a JSON body with Content-Type: application/json"
        return None

    def _control(self, sb: SandboxServer, req: Request) -> None:
        refusal = self._control_refusal(req)
        if refusal is not None:
            self._send(refusal[0], _json_bytes({"ok": False, "error": refusal[1]}))
            return
        ctl = CONTROLS.get((req.method, req.path))
        if ctl is None:
            methods = sorted(m for m, p in CONTROLS if p == req.path)
            if methods:
                self._send(405, _json_bytes({"ok": False, "error": f"use {'/'.join(methods)}"}))
            else:
                self._send(404, _json_bytes({"ok": False,
                                             "error": f"unknown control {req.path}"}))
            return
        arg: Any = req.query
        if req.method == "POST":
            try:
                arg = parse_json(req.raw) if req.raw.strip() else {}
            except ValueError:
                self._send(400, _json_bytes({"ok": False, "error": "body is not JSON"}))
                return
            if not isinstance(arg, dict):
                self._send(400, _json_bytes({"ok": False, "error": "body must be an object"}))
                return
        shop = sb.shop
        try:
            with shop.lock:
                for fn in TICKS:
                    fn(shop)
                reply = {"ok": True, **ctl.handler(shop, arg)}
                body = _json_bytes(reply)
        except ControlError as exc:
            self._send(400, _json_bytes({"ok": False, "error": str(exc)}))
            return
        except Exception:
            sb.report_crash(req)
            self._send(500, _json_bytes({"ok": False, "error": "control crashed"}))
            return
        sb.after_request()
        self._send(200, body)

    # ---- WeChat API ----

    def _api(self, sb: SandboxServer, req: Request) -> None:
        shop = sb.shop
        with shop.lock:
            sb.calls[req.path] += 1
        route = ROUTES.get(req.path)
        if route is None:
            self._send(200, _json_bytes({"errcode": 40066, "errmsg": f"invalid url rid: {rid()}"}))
            return
        with shop.lock:
            fault = decide(shop, req.path)
        if fault is not None and fault.phase == "before":
            self._fault(sb, fault, req, None)
            return
        with shop.lock:
            for fn in TICKS:
                fn(shop)
            log_len = len(shop.log)
            reply = self._dispatch(sb, route, req)
            if len(shop.log) != log_len:
                shop.dirty = True
            body = _json_bytes(reply)
        sb.after_request()
        if fault is not None:
            self._fault(sb, fault, req, body)
        else:
            self._send(200, body)

    def _dispatch(self, sb: SandboxServer, route: Route, req: Request) -> dict[str, Any]:
        shop = sb.shop
        try:
            if req.method != route.method:
                if route.method == "GET":
                    raise ApiError(43001, "require GET method")
                raise ApiError(43002, "require POST method")
            check_access(shop, req, token_endpoint=not route.auth)
            if route.auth:
                check_token(shop, req.query.get("access_token"))
                _check_quotas(shop)
            if req.method == "POST":
                req.body = self._parse_body(req)
            data = route.handler(shop, req)
            return {"errcode": 0, "errmsg": "ok", **data} if route.envelope else data
        except ApiError as exc:
            return {"errcode": exc.errcode, "errmsg": f"{exc.errmsg} rid: {rid()}", **exc.extra}
        except Exception:
            sb.report_crash(req)
            return {"errcode": -1, "errmsg": f"system error rid: {rid()}"}

    @staticmethod
    def _parse_body(req: Request) -> Any:
        if req.headers.get("content-type", "").lower().startswith("multipart/form-data"):
            return None
        if not req.raw.strip():
            raise ApiError(44002, "empty post data")
        try:
            body = json.loads(req.raw.decode("utf-8"))
        except (ValueError, RecursionError):
            raise ApiError(47001, "data format error") from None
        if _depth_over(body, MAX_DEPTH):
            raise ApiError(47001, "data format error, body is nested too deeply")
        return body

    def _fault(self, sb: SandboxServer, fault: Fault, req: Request, body: bytes | None) -> None:
        kind = fault.kind
        if kind == "busy":
            self._send(200, _json_bytes({"errcode": -1, "errmsg": f"system error rid: {rid()}"}))
        elif kind == "minute_quota":
            self._send(200, _json_bytes({"errcode": 45011, "errmsg": "api minute-quota reach "
                                         f"limit  mustslower  retry next minute rid: {rid()}"}))
        elif kind in ("http500", "http502"):
            status = 500 if kind == "http500" else 502
            self._send(status, f"<html><body><h1>{status}</h1></body></html>".encode(),
                       "text/html")
        elif kind == "reset":
            self._drop(reset=True)
        elif kind == "cut":
            data = body if body is not None else _json_bytes({"errcode": 0, "errmsg": "ok"})
            self.send_response(200)
            self.send_header("Content-Type", JSON_TYPE)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self._drop(reset=False)
        elif kind == "delay":
            time.sleep(fault.seconds)
            if body is None:
                self._drop(reset=False)
            else:
                self._send(200, body)
        elif kind == "bad_json":
            self._send(200, b"<html><body>upstream busy, please retry</body></html>", JSON_TYPE)
        elif kind == "html":
            self._send(200, CAPTIVE_PORTAL.encode("utf-8"), "text/html; charset=utf-8")
        elif kind == "http511":
            self._send(511, CAPTIVE_PORTAL.encode("utf-8"), "text/html; charset=utf-8")
        elif kind == "empty":
            self._send(200, b"")
        elif kind == "errcode":
            self._send(200, _json_bytes({"errcode": fault.errcode,
                                         "errmsg": f"sandbox fault rid: {rid()}"}))
        elif kind in GARBLE_KINDS:
            self._send(200, garble(kind, None if body is None else json.loads(body)))
        elif kind == "token_invalid":
            token = req.query.get("access_token")
            if token:
                with sb.shop.lock:
                    invalidate_token(sb.shop, token)
            self._send(200, _json_bytes({
                "errcode": 40001,
                "errmsg": f"invalid credential, access_token is invalid or not latest rid: {rid()}",
            }))


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # listen backlog
    sandbox: SandboxServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # the client went away (timeouts, delay faults): nothing to report
        super().handle_error(request, client_address)


class SandboxServer:
    """The emulator on ``host:port`` (port 0 = a free port) serving ``shop``."""

    def __init__(self, shop: Shop, host: str = "127.0.0.1", port: int = 0,
                 state_file: str | PathLike[str] | None = None) -> None:
        load_endpoints()
        self.shop = shop
        self.errors: list[str] = []
        self.calls: Counter[str] = Counter()  # API requests by path (tests count them)
        self._httpd = _HTTPServer((host, port), _Handler)
        self._httpd.sandbox = self
        self._thread: threading.Thread | None = None
        self._saver = Saver(shop, state_file) if state_file is not None else None
        self._stop_requested = False
        self._stopped = False

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def start(self) -> str:
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever,
                                            kwargs={"poll_interval": 0.05},
                                            name="sandbox-http", daemon=True)
            self._thread.start()
        return self.url

    def request_stop(self) -> None:
        """Safe from a signal handler: ``serve_forever`` notices and stops."""
        self._stop_requested = True

    def serve_forever(self) -> None:
        self.start()
        while not self._stop_requested:
            time.sleep(0.1)
        self.stop()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._stop_requested = True
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
        self._httpd.server_close()
        if self._saver is not None:
            self._saver.close()

    def after_request(self) -> None:
        if self._saver is not None and self.shop.dirty:
            self._saver.notify()

    def report_crash(self, req: Request) -> None:
        text = f"{req.method} {req.path}\n{traceback.format_exc()}"
        self.errors.append(text)
        sys.stderr.write("sandbox handler crashed: " + text)

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandbox(host: str = "127.0.0.1", port: int = 0,
                  state_file: str | PathLike[str] | None = None,
                  **demo_kwargs: Any) -> SandboxServer:
    """Build a demo shop (``build_demo_shop(**demo_kwargs)``) and serve it; returns it started."""
    from .demo import build_demo_shop

    server = SandboxServer(build_demo_shop(**demo_kwargs), host=host, port=port,
                           state_file=state_file)
    server.start()
    return server
