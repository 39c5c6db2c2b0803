"""A sandbox store on loopback for integration tests: built from a demo shop, started, yielded,
stopped, and checked afterwards for handlers that crashed (a crash is a sandbox bug even when
the client coped with the -1 it got)."""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Iterator
from typing import Any

from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.server import SandboxServer


def serve(**demo: int) -> Iterator[SandboxServer]:
    """``yield from serve(seed=…, products=…, orders=…, gift_orders=…)`` inside a fixture."""
    server = SandboxServer(build_demo_shop(**demo))
    server.start()
    try:
        yield server
    finally:
        server.stop()
    assert server.errors == [], "a sandbox handler crashed:\n" + "\n".join(server.errors)


def dead_url() -> str:
    """The address of a loopback port nothing listens on (bound, then closed: free just now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def control(url: str, path: str, body: dict[str, Any] | None = None,
            method: str = "POST") -> dict[str, Any]:
    """A ``/sandbox/...`` scenario control that must succeed."""
    data = None if method == "GET" else json.dumps(body or {}).encode()
    req = urllib.request.Request(url + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        reply = json.loads(resp.read())
    assert reply.get("ok") is True, reply
    return reply


def sandbox_state(url: str) -> dict[str, Any]:
    return control(url, "/sandbox/state", method="GET")["state"]
