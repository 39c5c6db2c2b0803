"""A sandbox store on loopback for integration tests: built from a demo shop, started, yielded,
stopped, and checked afterwards for handlers that crashed (a crash is a sandbox bug even when
the client coped with the -1 it got)."""

from __future__ import annotations

from collections.abc import Iterator

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
