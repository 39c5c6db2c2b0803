"""Fetching image bytes for thumbnails: product images are plain HTTPS links
(``https://mmecimage.cn/p/…``), rate-limited by the platform and not behind the access token.

``rewrite`` maps a link to where it is really served (the sandbox serves the same paths on its
own address in demo mode). A failed fetch is ``None``, never an exception: a thumbnail is
decoration and must not disturb the view that asked for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 10 * 1024 * 1024


class ImageFetcher:
    def __init__(self, rewrite: Callable[[str], str] | None = None, *, timeout: float = 10.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.rewrite = rewrite or (lambda url: url)
        self._timeout = timeout
        self._transport = transport
        self._http: httpx.AsyncClient | None = None

    async def fetch(self, url: str) -> bytes | None:
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self._timeout, follow_redirects=True,
                                           transport=self._transport)
        try:
            response = await self._http.get(self.rewrite(url))
        except httpx.HTTPError as exc:
            log.info("image not fetched: %s", type(exc).__name__)
            return None
        if response.status_code != 200 or len(response.content) > MAX_IMAGE_BYTES:
            return None
        return response.content

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
