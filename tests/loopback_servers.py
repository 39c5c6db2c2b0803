"""Loopback stand-ins for what a seller's network does to a new install: a captive portal (a
login web page where the API should answer, with 200 or 511), a host that accepts but never
answers, and one that answers a byte at a time."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORTAL_PAGE = ("<html><head><title>Wi-Fi 登录</title></head>"
               "<body>请先登录酒店 Wi-Fi</body></html>").encode()


class _Portal(BaseHTTPRequestHandler):
    status = 200

    def _page(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PORTAL_PAGE)))
        self.end_headers()
        self.wfile.write(PORTAL_PAGE)

    do_GET = do_POST = _page

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def captive_portal(status: int = 200) -> Iterator[str]:
    """A login page for every request: with 200 (most portals) or 511 (RFC 6585)."""
    handler = type("Portal", (_Portal,), {"status": status})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
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


@contextmanager
def trickling_host(bytes_per_second: float = 4.0) -> Iterator[str]:
    """Answers every request, a byte at a time: a per-read timeout never trips."""
    reply = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n"
             b"\r\n" + b"{" + b" " * 1998 + b"}")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.1)
    done = threading.Event()

    def answer(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                for i in range(len(reply)):
                    if done.is_set():
                        return
                    conn.sendall(reply[i:i + 1])
                    time.sleep(1.0 / bytes_per_second)
            except OSError:
                pass  # the client gave up

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = sock.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        done.set()
        thread.join(timeout=5)
        sock.close()
