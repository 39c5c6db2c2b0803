"""Images: POST /channels/ec/basics/img/upload and the bytes behind every link it hands out.

Owns ``shop.images`` (uploads, URL images, generated demo images) and serves their bytes at
``GET /p/{appid}/{key}`` on the sandbox's own address, the stand-in for
``https://mmecimage.cn/p/{appid}/{key}``. It never fetches from the network. Record shapes, size
limits and error codes: sandbox/README.md, "Images".
"""

from __future__ import annotations

import base64
import hashlib
import re
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING, Any

from .core import ApiError, Request, body_dict, field_str, record, route
from .pngs import tile_png

if TYPE_CHECKING:
    from .state import Shop

LINK_PREFIX = "https://mmecimage.cn/p/"
_LINK_RE = re.compile(r"^(?:https://mmecimage\.cn|https?://[^/]+)/p/([^/?#]+)/([^/?#]+)$")
_MAX_BYTES = {0: 2 * 1024 * 1024, 1: 10 * 1024 * 1024}
_CACHE_SIZE = 256


def image_link(appid: str, key: str) -> str:
    return f"{LINK_PREFIX}{appid}/{key}"


def new_key(shop: Shop) -> str:
    n = shop.next_id("image", 0)
    return hashlib.sha1(f"{shop.config.appid}:{shop.config.seed}:{n}".encode()).hexdigest()


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"BM"):
        return "image/bmp"
    return "application/octet-stream"


def _query_int(req: Request, name: str, required: bool, allowed: tuple[int, ...] | None = None,
               default: int = 0) -> int:
    raw = req.query.get(name)
    if raw is None or raw == "":
        if required:
            raise ApiError(40097, f"invalid args, param \"{name}\" is required")
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(40097, f"invalid args, param \"{name}\" must be a number") from None
    if (allowed is not None and value not in allowed) or value < 0:
        raise ApiError(40097, f"invalid args, param \"{name}\" is out of range")
    return value


def _multipart_media(req: Request) -> bytes:
    ctype = req.headers.get("content-type", "")
    if not ctype.lower().startswith("multipart/form-data"):
        raise ApiError(47001, "data format error, upload_type 0 expects multipart/form-data")
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + req.raw)
    if not message.is_multipart():
        raise ApiError(47001, "data format error, bad multipart body")
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "media":
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                return data
    raise ApiError(40097, "invalid args, multipart field \"media\" is required")


def _pic_file(shop: Shop, key: str, resp_type: int) -> dict[str, Any]:
    if resp_type == 1:
        return {"pic_file": {"img_url": image_link(shop.config.appid, key)}}
    media_id = shop.images[key]["media_id"]
    return {"pic_file": {"media_id": media_id, "pay_media_id": "pay_" + media_id}}


@route("/channels/ec/basics/img/upload", method="POST")
@route("/shop/ec/basics/img/upload", method="POST")  # the newer doc pages' path (§4.1)
def upload(shop: Shop, req: Request) -> dict[str, Any]:
    upload_type = _query_int(req, "upload_type", required=False, allowed=(0, 1), default=0)
    resp_type = _query_int(req, "resp_type", required=False, allowed=(0, 1), default=0)
    now = shop.clock.now()
    if upload_type == 0:
        height = _query_int(req, "height", required=True)
        width = _query_int(req, "width", required=True)
        data = _multipart_media(req)
        if not data:
            raise ApiError(40097, "invalid args, empty media")
        if len(data) > _MAX_BYTES[resp_type]:
            raise ApiError(45002, "content size out of limit")
        key = new_key(shop)
        shop.images[key] = {"kind": "upload", "data": base64.b64encode(data).decode("ascii"),
                            "content_type": _sniff(data), "width": width, "height": height,
                            "size": len(data), "created": now}
    else:
        img_url = field_str(body_dict(req), "img_url")
        assert img_url is not None
        if not re.match(r"^https?://[^/\s]+", img_url):
            raise ApiError(40097, "invalid args, img_url is not a http(s) url")
        key = new_key(shop)
        shop.images[key] = {"kind": "url", "img_url": img_url, "created": now}
    shop.images[key]["media_id"] = "media_" + key
    record(shop, req.path, key=key, upload_type=upload_type)
    return _pic_file(shop, key, resp_type)


def serve_image(shop: Shop, appid: str, key: str) -> tuple[str, bytes] | None:
    """The bytes behind ``https://mmecimage.cn/p/{appid}/{key}``, or None (→ HTTP 404)."""
    if appid != shop.config.appid:
        return None
    rec = shop.images.get(key)
    if rec is None:
        return None
    if rec["kind"] == "upload":
        return rec["content_type"], base64.b64decode(rec["data"])
    if rec["kind"] == "url":
        match = _LINK_RE.match(rec["img_url"])
        if match and match.group(1) == appid and match.group(2) != key:
            copied = serve_image(shop, appid, match.group(2))
            if copied is not None:
                return copied
        return "image/png", _cached_tile(shop, rec["img_url"])
    return "image/png", _cached_tile(shop, key)


def _cached_tile(shop: Shop, seed_text: str) -> bytes:
    cache: dict[str, bytes] = shop.index.setdefault("png_cache", {})
    data = cache.get(seed_text)
    if data is None:
        if len(cache) >= _CACHE_SIZE:
            cache.pop(next(iter(cache)))
        data = cache[seed_text] = tile_png(seed_text)
    return data
