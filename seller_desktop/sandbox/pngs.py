"""Deterministic PNG tiles for generated images (stdlib only: zlib + struct).

The same key always gives the same bytes: a background colour and an accent colour taken from
a hash of the key, with one of a few patterns (stripes, checks, a centred block, rings).
"""

from __future__ import annotations

import hashlib
import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def encode_png(width: int, height: int, rows: list[bytes]) -> bytes:
    """Encode RGB rows (each ``3 * width`` bytes) as a PNG."""
    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b""))


def _colour(h: bytes, offset: int, light: bool) -> bytes:
    base = 150 if light else 40
    return bytes(base + h[offset + i] % 100 for i in range(3))


def tile_png(key: str, width: int = 240, height: int = 240) -> bytes:
    h = hashlib.sha256(key.encode()).digest()
    bg, fg = _colour(h, 0, True), _colour(h, 3, False)
    pattern = h[6] % 4
    cell = 12 + h[7] % 28
    rows: list[bytes] = []
    for y in range(height):
        if pattern == 0:  # diagonal stripes
            row = b"".join(fg if ((x + y) // cell) % 2 else bg for x in range(width))
        elif pattern == 1:  # checks
            row = b"".join(fg if (x // cell + y // cell) % 2 else bg for x in range(width))
        elif pattern == 2:  # a centred block on a plain background
            inside_y = height // 4 <= y < 3 * height // 4
            row = b"".join(fg if inside_y and width // 4 <= x < 3 * width // 4 else bg
                           for x in range(width))
        else:  # rings around the centre
            cy, cx = height // 2, width // 2
            row = b"".join(fg if (((x - cx) ** 2 + (y - cy) ** 2) // (cell * cell * 4)) % 2 else bg
                           for x in range(width))
        rows.append(row)
    return encode_png(width, height, rows)
