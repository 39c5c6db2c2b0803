"""Fetching image bytes for thumbnails: product images are plain HTTPS links
(``https://mmecimage.cn/p/…``), rate-limited by the platform and not behind the access token.

``rewrite`` maps a link to where it is really served (the sandbox serves the same paths on its
own address). A failed fetch is ``None``, never an exception: a thumbnail is decoration and
must not disturb the view that asked for it; the failure is logged once per host and kind. The
download is streamed and stops
at ``MAX_IMAGE_BYTES`` (decoded) or after ``deadline`` seconds, whichever comes first: a huge
or trickling image costs at most that, never its full size. Only ``http(s)`` links are fetched.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import Callable

import httpx

from .body import ACCEPT_ENCODING, BadEncoding, BodyTooLarge, read_capped

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 10 * 1024 * 1024


class ImageFetcher:
    def __init__(self, rewrite: Callable[[str], str] | None = None, *, timeout: float = 10.0,
                 deadline: float = 30.0, max_bytes: int = MAX_IMAGE_BYTES,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.rewrite = rewrite or (lambda url: url)
        self._timeout = timeout
        self._deadline = deadline
        self._max_bytes = max_bytes
        self._transport = transport
        self._http: httpx.AsyncClient | None = None
        self._reported: set[tuple[str, str]] = set()

    async def fetch(self, url: str) -> bytes | None:
        target = self.rewrite(url)
        if not target.lower().startswith(("https://", "http://")):
            return None
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self._timeout, follow_redirects=True,
                                           transport=self._transport,
                                           headers={"Accept-Encoding": ACCEPT_ENCODING})
        try:
            async with asyncio.timeout(self._deadline), \
                    self._http.stream("GET", target) as response:
                if response.status_code != 200:
                    self._report(target, f"HTTP {response.status_code}")
                    return None
                return await read_capped(response, self._max_bytes)
        except (httpx.HTTPError, BadEncoding, zlib.error, TimeoutError) as exc:
            self._report(target, type(exc).__name__)
            return None
        except BodyTooLarge:
            return None

    def _report(self, url: str, why: str) -> None:
        # once per host and kind of failure: a shop's every thumbnail fails the same way
        host = httpx.URL(url).host if url.startswith(("http://", "https://")) else url[:40]
        if (host, why) not in self._reported:
            self._reported.add((host, why))
            log.warning("images from %s cannot be fetched (%s); thumbnails stay empty", host, why)

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
