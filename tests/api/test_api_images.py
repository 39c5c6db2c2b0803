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
