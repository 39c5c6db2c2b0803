"""Image upload (``/channels/ec/basics/img/upload``, binary multipart, link reply).

Product images must be ``https://mmecimage.cn/p/…`` links, so uploads ask for ``resp_type=1``.
Binary uploads need the pixel size in the query; it is read from the PNG/JPEG header here
when the caller does not give it.
"""

from __future__ import annotations

import struct

from .client import ApiClient
from .schemas import parse_uploaded_image_url

UPLOAD_PATH = "/channels/ec/basics/img/upload"

_JPEG_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                       0xCE, 0xCF})


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG or JPEG; ValueError for anything else or a cut header."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data.startswith(b"\xff\xd8"):
        pos = 2
        while pos + 4 <= len(data):
            if data[pos] != 0xFF:
                break
            marker = data[pos + 1]
            if marker == 0xFF:  # fill byte
                pos += 1
                continue
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                pos += 2
                continue
            (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
            if marker in _JPEG_SOF:
                if pos + 9 > len(data):
                    break
                height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
                return width, height
            pos += 2 + length
        raise ValueError("JPEG without a frame header")
    raise ValueError("not a PNG or JPEG image")


def _content_type(data: bytes) -> str:
    return "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"


async def upload_image(client: ApiClient, data: bytes, *, filename: str = "image",
                       width: int | None = None, height: int | None = None) -> str:
    """Uploads image bytes; returns the permanent ``https://mmecimage.cn/p/…`` link.

    Idempotent in effect: a repeated upload only yields a second link to the same picture.
    """
    if width is None or height is None:
        width, height = image_size(data)
    params = {"upload_type": 0, "resp_type": 1, "width": width, "height": height}
    files = {"media": (filename, data, _content_type(data))}
    reply = await client.call(UPLOAD_PATH, params=params, files=files)
    return parse_uploaded_image_url(reply)
