"""Server robustness the reference implies: bad JSON of any shape is 47001 (§1.1 "JSON parse
error") and never a crash; malformed HTTP framing is refused without reading; many concurrent
clients are all served (none reset by the listen backlog)."""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlsplit

from .helpers import api, call, ok

INFO = "/channels/ec/basics/info/get"
LIST = "/channels/ec/product/list/get"


def test_deeply_nested_json_is_47001(sb_url, token):
    for depth in (100, 5000, 200_000):
        raw = (b"[" * depth) + (b"]" * depth)
        assert api(sb_url, LIST, raw=raw, token=token)["errcode"] == 47001
        nested = b'{"page_size": 1, "x": ' + (b'{"a":' * depth) + b"1" + (b"}" * depth) + b"}"
        assert api(sb_url, LIST, raw=nested, token=token)["errcode"] == 47001
    ok(sb_url, LIST, {"page_size": 1, "x": {"a": {"b": [1, [2, {"c": 3}]]}}}, token=token)
    status, reply = call(sb_url, "/sandbox/clock/advance", raw=b"[" * 100_000 + b"]" * 100_000,
                         headers={"Content-Type": "application/json"})
    assert status == 400 and reply["ok"] is False


def _raw_request(url, length_header):
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(f"POST {LIST} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {length_header}\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:  # the body is never sent: a read would block
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return data


def test_bad_content_length_is_400_without_reading(sb_url):
    for value in ("-1", "-100", "abc", "1e3", "0x10"):
        head = _raw_request(sb_url, value)
        assert head.startswith(b"HTTP/1.1 400"), (value, head)


def test_many_concurrent_connections_are_all_served(sandbox, sb_url, token):
    # the socketserver default backlog (5) dropped or reset connections under 32 clients
    assert sandbox._httpd.request_queue_size >= 128
    parts = urlsplit(sb_url)
    results: list[object] = []
    start = threading.Barrier(48)

    def client() -> None:
        try:
            start.wait()
            with socket.create_connection((parts.hostname, parts.port), timeout=20) as sock:
                sock.sendall(f"GET {INFO}?access_token={token} HTTP/1.1\r\nHost: x\r\n"
                             "Connection: close\r\n\r\n".encode())
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
            results.append(data.split(b"\r\n", 1)[0])
        except OSError as exc:
            results.append(exc)

    threads = [threading.Thread(target=client) for _ in range(48)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == [b"HTTP/1.1 200 OK"] * 48, [r for r in results if r != b"HTTP/1.1 200 OK"]
