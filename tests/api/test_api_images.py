"""Image bytes for thumbnails: fetched through the rewrite, and a failure is None, not a crash."""

import httpx
import pytest

from seller_desktop.api.images import ImageFetcher


@pytest.mark.asyncio
async def test_fetch_rewrites_and_never_raises():
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path.endswith("/ok"):
            return httpx.Response(200, content=b"\x89PNG...")
        if request.url.path.endswith("/boom"):
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(404)

    fetcher = ImageFetcher(lambda u: u.replace("https://mmecimage.cn", "http://127.0.0.1:9"),
                           transport=httpx.MockTransport(answer))
    try:
        assert await fetcher.fetch("https://mmecimage.cn/p/wx/ok") == b"\x89PNG..."
        assert await fetcher.fetch("https://mmecimage.cn/p/wx/gone") is None
        assert await fetcher.fetch("https://mmecimage.cn/p/wx/boom") is None
    finally:
        await fetcher.aclose()
    assert seen[0] == "http://127.0.0.1:9/p/wx/ok"


# ---- a huge or trickling image costs at most the cap and the deadline (issue 13 item 5) --------

class _ImageServer:
    """Loopback server: ``/huge`` streams 200 MB without a length (so only counting while
    streaming can stop it), ``/bomb`` 64 MB of zeros gzipped, ``/slow`` one byte a second;
    ``sent`` counts what it managed to write."""

    def __init__(self):
        import socketserver
        import threading

        self.sent = 0
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                import gzip
                import time

                request = self.request.recv(65536).decode("latin-1")
                path = request.split(" ")[1]
                sock = self.request
                try:
                    if path == "/huge":
                        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                                     b"Connection: close\r\n\r\n")
                        block = b"\x89PNG" + bytes(1024 * 1024 - 4)
                        for _ in range(200):
                            sock.sendall(block)
                            outer.sent += len(block)
                    elif path == "/bomb":
                        body = gzip.compress(bytes(64 * 1024 * 1024), 1)
                        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                                     b"Content-Length: %d\r\n\r\n" % len(body) + body)
                    elif path == "/slow":
                        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
                        for _ in range(30):
                            sock.sendall(b"x")
                            time.sleep(1)
                except OSError:
                    pass  # the client stopped reading: what the test wants

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()


@pytest.mark.asyncio
async def test_a_huge_image_stops_at_the_cap_while_streaming():
    import time

    server = _ImageServer()
    with server as base:
        fetcher = ImageFetcher(deadline=5.0)
        try:
            start = time.monotonic()
            assert await fetcher.fetch(base + "/huge") is None
            assert await fetcher.fetch(base + "/bomb") is None
            assert time.monotonic() - start < 5
        finally:
            await fetcher.aclose()
    assert server.sent < 60 * 1024 * 1024  # stopped after ~10 MB (+ socket buffers), not 200


@pytest.mark.asyncio
async def test_a_trickling_image_is_given_up_at_the_deadline():
    import time

    with _ImageServer() as base:
        fetcher = ImageFetcher(deadline=1.0)
        try:
            start = time.monotonic()
            assert await fetcher.fetch(base + "/slow") is None
            assert time.monotonic() - start < 2.5
        finally:
            await fetcher.aclose()


@pytest.mark.asyncio
async def test_only_web_links_are_fetched():
    fetcher = ImageFetcher()
    try:
        for ref in ("local:/etc/passwd", "file:///etc/passwd", "/etc/passwd"):
            assert await fetcher.fetch(ref) is None
    finally:
        await fetcher.aclose()
