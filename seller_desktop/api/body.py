"""Reading a reply body within a byte cap: the one place that turns a streamed httpx response
into bytes, for the API client and the image fetcher.

The cap counts *decoded* bytes and is checked while the body streams in, so a huge or endless
body stops at the cap, and a gzip bomb stops after inflating ``limit`` bytes (zlib's
``max_length``; httpx's own decoders inflate a whole network chunk at once, and a doubly gzipped
chunk of 64 KB can inflate to gigabytes). Only ``gzip``/``deflate`` (one layer) are accepted,
which is what the client asks for; any other ``Content-Encoding`` is a broken reply.
"""

from __future__ import annotations

import zlib

import httpx

ACCEPT_ENCODING = "gzip, deflate"


class BodyTooLarge(Exception):
    """The (decoded) body grew past the cap."""


class BadEncoding(Exception):
    """A Content-Encoding this reader does not decode, or a corrupt compressed stream."""


class _Inflater:
    """Inflates a gzip/deflate stream, never more than asked for at a time."""

    def __init__(self, encoding: str) -> None:
        self._raw_fallback = encoding == "deflate"  # "deflate" is zlib-wrapped or bare
        wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._obj = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, data: bytes, room: int) -> tuple[bytes, bytes]:
        """(at most ``room`` inflated bytes, the input not consumed yet)."""
        try:
            out = self._obj.decompress(data, room)
        except zlib.error as exc:
            if self._raw_fallback and not self._started:
                self._raw_fallback = False
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.feed(data, room)
            raise BadEncoding(str(exc)) from exc
        self._started = True
        return out, self._obj.unconsumed_tail


def _inflater(response: httpx.Response) -> _Inflater | None:
    header = response.headers.get("content-encoding", "")
    layers = [e.strip().lower() for e in header.split(",") if e.strip()]
    layers = [e for e in layers if e != "identity"]
    if not layers:
        return None
    if len(layers) > 1 or layers[0] not in ("gzip", "x-gzip", "deflate"):
        raise BadEncoding(f"content-encoding {header[:40]!r}")
    return _Inflater(layers[0])


def _declared_length(response: httpx.Response) -> int | None:
    text = response.headers.get("content-length", "").strip()
    return int(text) if text.isdigit() and len(text) < 20 else None


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body of a streamed ``response``, decoded; :class:`BodyTooLarge` past ``limit``
    bytes, :class:`BadEncoding` for an encoding it cannot (or may not) decode. The caller
    closes the response."""
    try:
        already = response.content  # a response built in memory (an injected transport)
    except httpx.ResponseNotRead:
        already = None
    if already is not None:
        if len(already) > limit:
            raise BodyTooLarge(f"more than {limit} bytes")
        return already
    inflater = _inflater(response)
    declared = _declared_length(response)
    if inflater is None and declared is not None and declared > limit:
        raise BodyTooLarge(f"Content-Length {declared} > {limit}")
    out = bytearray()
    async for chunk in response.aiter_raw():
        if inflater is None:
            out += chunk
            if len(out) > limit:
                raise BodyTooLarge(f"more than {limit} bytes")
            continue
        data = chunk
        while data:
            piece, data = inflater.feed(data, limit + 1 - len(out))
            out += piece
            if len(out) > limit:
                raise BodyTooLarge(f"more than {limit} bytes once decompressed")
            if not piece and data:  # zlib leaves input only once it filled ``room``
                raise BadEncoding("inflater stalled")
    return bytes(out)
