"""A hostile or broken "WeChat Store" on 127.0.0.1 for the hostile-server suite: separate from
the sandbox (which is a faithful emulator), it answers with what a broken network or server
sends: a captive portal's HTML, empty or garbled bodies, wrong types, NaN, 2^70, huge strings,
a gzip bomb, a body or headers trickling at one byte a second, endless or looping pages, a
redirect to another host, a huge token.

Raw sockets (``socketserver``), so every byte on the wire is the test's choice. The token
endpoint answers normally unless the case is about the token. In the cases about one reply's
content, the writes answer "too frequent, try later" (a refusal that keeps the row in line), the
list endpoints a page of ids, and the reads carry the hostile payload, so the pull meets it; in
the transport cases every API path gets the hostile reply.
"""

from __future__ import annotations

import json
import socket
import socketserver
import struct
import threading
import time
import zlib
from typing import Any

TOKEN_PATH = "/cgi-bin/stable_token"
PRODUCT_LIST = "/channels/ec/product/list/get"
ORDER_LIST = "/channels/ec/order/list/get"
PRODUCT_GET = "/channels/ec/product/get"
ORDER_GET = "/channels/ec/order/get"
CASE_LIST = "/channels/ec/aftersale/getaftersalelist"
SKU_CHANGE_LIST = "/channels/ec/order/preshipmentchangesku/get"

TRY_LATER = {"errcode": 100003, "errmsg": "order update too frequent"}  # a "not now" refusal
NOT_FOUND = {"errcode": 100002, "errmsg": "not found"}
BOMB_BYTES = 512 * 1024 * 1024  # inflated size of the gzip bomb (its wire size: ~0.5 MB)

TRANSPORT_CASES = ("html_200", "empty", "nan", "gzip_bomb", "double_gzip_bomb", "slow_body",
                   "slow_headers", "redirect")
CONTENT_CASES = ("wrong_types", "huge_numbers", "huge_string_body", "huge_string_field",
                 "unknown_errcode", "refused_list", "endless_pages", "looping_pages")
ODD_REFUSAL = {"errcode": 99_999_999, "errmsg": "an errcode no reference lists"}
TOKEN_CASES = ("huge_token_body", "huge_token_field")
# the after-sale lists' paging (cursor: cases; page numbers: SKU-change requests)
LIST_CASES = ("looping_case_pages", "stale_case_pages", "endless_sku_pages", "stale_sku_pages")
CASES = TRANSPORT_CASES + CONTENT_CASES + TOKEN_CASES + LIST_CASES

_bomb: bytes | None = None


def gzip_bomb() -> bytes:
    """``BOMB_BYTES`` of zeros, gzipped (built once). After a full flush a deflate stream
    starts afresh, so one 1 MB block compressed that way is repeated instead of compressing
    512 MB (seconds)."""
    global _bomb
    if _bomb is None:
        block = bytes(1024 * 1024)
        count = BOMB_BYTES // len(block)
        packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
        again = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
        crc = 0
        for _ in range(count):
            crc = zlib.crc32(block, crc)
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
        trailer = struct.pack("<II", crc, BOMB_BYTES & 0xFFFFFFFF)
        _bomb = header + first + again * (count - 1) + packer.flush() + trailer
    return _bomb


def _json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    return "\r\n".join(lines).encode()


def _reply(body: bytes, *, status: str = "200 OK", ctype: str = "application/json",
           extra: dict[str, str] | None = None) -> bytes:
    headers = {"Content-Type": ctype, "Content-Length": str(len(body)), "Connection": "close",
               **(extra or {})}
    return _head(status, headers) + body


def _product(pid: str, **fields: Any) -> dict[str, Any]:
    product = {"product_id": pid, "title": "正常的商品标题", "status": 5, "edit_status": 0,
               "head_imgs": ["https://mmecimage.cn/p/wx/1"],
               "skus": [{"sku_id": "1", "sale_price": 100, "stock_num": 1}]}
    product.update(fields)
    return product


def _order(oid: str, **fields: Any) -> dict[str, Any]:
    order = {"order_id": oid, "status": 20, "create_time": 1_700_000_000,
             "update_time": 1_700_000_000,
             "order_detail": {"product_infos": [], "delivery_info": {"address_info": {
                 "user_name": "张**", "detail_info": "****"}}}}
    order.update(fields)
    return order


class HostileServer:
    """``case`` decides every answer; ``hits`` lists the paths asked, in order."""

    def __init__(self, case: str, *, redirect_to: str = "") -> None:
        if case not in CASES:
            raise ValueError(f"unknown case {case}")
        self.case = case
        self.redirect_to = redirect_to
        self.hits: list[str] = []
        self._pages = 0
        self._lock = threading.Lock()
        if "gzip_bomb" in case:
            gzip_bomb()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                server._serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    # ---- one request ----

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(10)
        try:
            path, body = self._read_request(sock)
            with self._lock:
                self.hits.append(path)
            self._answer(sock, path, body)
        except OSError:
            pass  # the client gave up (its deadline): expected in the slow cases

    @staticmethod
    def _read_request(sock: socket.socket) -> tuple[str, bytes]:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("client closed")
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1].split("?")[0]
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
        return path, rest

    def _answer(self, sock: socket.socket, path: str, body: bytes) -> None:
        case = self.case
        if path == TOKEN_PATH:
            sock.sendall(self._token_reply())
            return
        if case in TRANSPORT_CASES:
            self._transport(sock, path)
            return
        sock.sendall(_reply(_json(self._content(path, body))))

    def _token_reply(self) -> bytes:
        if self.case == "huge_token_body":
            token = "A" * (5 * 1024 * 1024)  # 5 MB: over the reply cap
        elif self.case == "huge_token_field":
            token = "A" * (100 * 1024)  # within the reply cap, but no token is that long
        else:
            token = "HOSTILE_TOKEN_0123456789"
        return _reply(_json({"access_token": token, "expires_in": 7200}))

    def _transport(self, sock: socket.socket, path: str) -> None:
        case = self.case
        if case == "html_200":
            sock.sendall(_reply(b"<html><body>Welcome to Cafe Wi-Fi, please log in</body></html>",
                                ctype="text/html"))
        elif case == "empty":
            sock.sendall(_reply(b""))
        elif case == "nan":
            sock.sendall(_reply(b'{"errcode": 0, "errmsg": "ok", "total_num": NaN, '
                                b'"data": {"normal_stock_num": NaN}}'))
        elif case == "gzip_bomb":
            sock.sendall(_reply(gzip_bomb(), extra={"Content-Encoding": "gzip"}))
        elif case == "double_gzip_bomb":  # 512 MB in two layers: a few KB on the wire
            body = zlib.compress(gzip_bomb(), 9, wbits=16 + zlib.MAX_WBITS)
            sock.sendall(_reply(body, extra={"Content-Encoding": "gzip, gzip"}))
        elif case == "slow_body":
            sock.sendall(_head("200 OK", {"Content-Type": "application/json",
                                          "Content-Length": "100000"}))
            self._trickle(sock, b'{"errcode":0,' + b" " * 99_986 + b"}")
        elif case == "slow_headers":
            self._trickle(sock, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          + b"X-Padding: " + b"a" * 10_000 + b"\r\n\r\n{}")
        elif case == "redirect":
            sock.sendall(_reply(b"", status="302 Found",
                                extra={"Location": self.redirect_to + path}))

    @staticmethod
    def _trickle(sock: socket.socket, data: bytes) -> None:
        """One byte a second, until done or the client hangs up (never for ever: 60 s)."""
        end = time.monotonic() + 60
        for i in range(len(data)):
            if time.monotonic() > end:
                return
            sock.sendall(data[i:i + 1])
            time.sleep(1.0)

    def _content(self, path: str, body: bytes) -> dict[str, Any]:
        request = json.loads(body or b"{}")
        if path == PRODUCT_LIST:
            return self._product_page(request)
        if path == ORDER_LIST:
            return self._order_page(request)
        if path == PRODUCT_GET:
            pid = str(request.get("product_id", "1"))
            return self._product_reply(pid)
        if path == ORDER_GET:
            oid = str(request.get("order_id", "1"))
            return self._order_reply(oid)
        if path == CASE_LIST and self.case in LIST_CASES:
            return self._case_page()
        if path == SKU_CHANGE_LIST and self.case in LIST_CASES:
            return self._sku_change_page(request)
        return TRY_LATER

    def _case_page(self) -> dict[str, Any]:
        n = self._next_page()
        if self.case == "looping_case_pages":  # c-1, c-0, c-1 …: a loop, never twice in a row
            ids = [str(2 * 10**15 + i) for i in range(10)]
            return {"errcode": 0, "after_sale_order_id_list": ids, "next_key": f"c-{n % 2}",
                    "has_more": True}
        if self.case == "stale_case_pages":  # a fresh cursor each time, never a new id
            return {"errcode": 0, "after_sale_order_id_list": ["2000"], "next_key": f"c-{n}",
                    "has_more": True}
        return {"errcode": 0, "after_sale_order_id_list": [], "next_key": "", "has_more": False}

    def _sku_change_page(self, request: dict[str, Any]) -> dict[str, Any]:
        page = int(request.get("page", 1))
        size = int(request.get("page_size", 100))
        if self.case == "endless_sku_pages":
            ids = [str(5 * 10**18 + page * 1000 + i) for i in range(size)]
            return {"errcode": 0, "order_ids": ids, "has_more": True}
        if self.case == "stale_sku_pages":  # every page the same full page
            return {"errcode": 0, "order_ids": [str(5 * 10**18 + i) for i in range(size)],
                    "has_more": True}
        return {"errcode": 0, "order_ids": [], "has_more": False}

    def _next_page(self) -> int:
        with self._lock:
            self._pages += 1
            return self._pages

    def _product_page(self, request: dict[str, Any]) -> dict[str, Any]:
        case = self.case
        n = self._next_page()
        if case == "refused_list":
            return ODD_REFUSAL
        if case == "endless_pages":
            ids = [str(10**9 + n * 100 + i) for i in range(int(request.get("page_size", 30)))]
            return {"errcode": 0, "product_ids": ids, "next_key": f"key-{n}", "total_num": 10**6}
        if case == "looping_pages":
            ids = [str(10**9 + i) for i in range(int(request.get("page_size", 30)))]
            return {"errcode": 0, "product_ids": ids, "next_key": f"key-{n % 2}",
                    "total_num": 10**6}
        return {"errcode": 0, "product_ids": ["777"], "next_key": "", "total_num": 1}

    def _order_page(self, request: dict[str, Any]) -> dict[str, Any]:
        case = self.case
        n = self._next_page()
        size = int(request.get("page_size", 100))
        if case == "refused_list":
            return ODD_REFUSAL
        if case == "endless_pages":
            ids = [str(4 * 10**18 + n * 1000 + i) for i in range(size)]
            return {"errcode": 0, "order_id_list": ids, "next_key": f"o-{n}", "has_more": True}
        if case == "looping_pages":
            ids = [str(4 * 10**18 + i) for i in range(size)]
            return {"errcode": 0, "order_id_list": ids, "next_key": f"o-{n % 3}",
                    "has_more": True}
        return {"errcode": 0, "order_id_list": ["4999"], "next_key": "", "has_more": False}

    def _product_reply(self, pid: str) -> dict[str, Any]:
        case = self.case
        if case == "wrong_types":
            return {"errcode": 0, "product": _product(pid, title=["not", "a", "string"],
                                                      skus="none")}
        if case == "huge_numbers":
            return {"errcode": 0, "edit_product": _product(
                pid, skus=[{"sku_id": "1", "sale_price": 2**64 - 1, "stock_num": 2**70}],
                edit_time=2**63)}
        if case == "huge_string_body":
            return {"errcode": 0, "edit_product": _product(pid, title="长" * (10 * 1024 * 1024))}
        if case == "unknown_errcode":
            return ODD_REFUSAL
        if case == "huge_string_field":
            return {"errcode": 0, "edit_product": _product(
                pid, title="长" * 100_000, head_imgs=["local:/etc/passwd", "local:../../x"])}
        return NOT_FOUND

    def _order_reply(self, oid: str) -> dict[str, Any]:
        case = self.case
        if case == "wrong_types":
            return {"errcode": 0, "order": _order(oid, status="shipped", create_time="today")}
        if case == "huge_numbers":
            return {"errcode": 0, "order": _order(oid, create_time=2**64 - 1,
                                                  update_time=2**70)}
        if case == "unknown_errcode":
            return ODD_REFUSAL
        if case == "huge_string_field":
            return {"errcode": 0, "order": _order(oid, order_detail={"ext_info": {
                "customer_notes": "备" * 200_000}})}
        return NOT_FOUND


class TrapServer:
    """Where the redirect case points: another "host" that must never be asked anything."""

    def __init__(self) -> None:
        self.hits = 0
        trap = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                trap.hits += 1
                self.request.sendall(_reply(_json({"errcode": 0, "errmsg": "ok"})))

        self._httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> TrapServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
