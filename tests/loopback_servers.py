"""Loopback stand-ins for what a seller's network does to a new install: a captive portal (a
login web page where the API should answer) and a host that accepts but never answers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORTAL_PAGE = ("<html><head><title>Wi-Fi 登录</title></head>"
               "<body>请先登录酒店 Wi-Fi</body></html>").encode()


class _Portal(BaseHTTPRequestHandler):
    def _page(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PORTAL_PAGE)))
        self.end_headers()
        self.wfile.write(PORTAL_PAGE)

    do_GET = do_POST = _page

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def captive_portal() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def silent_host() -> Iterator[str]:
    """Listens (the connection is made by the kernel) but never reads or answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()
