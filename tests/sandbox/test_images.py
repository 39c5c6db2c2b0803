"""Image upload (auth-products.md §4.1) and the sandbox serving the bytes behind its links."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import uuid

import pytest

from .helpers import err, ok
from .product_helpers import get

UP = "/channels/ec/basics/img/upload"
LINK_RE = re.compile(r"^https://mmecimage\.cn/p/([^/]+)/([^/]+)$")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _multipart(data: bytes, field: str = "media") -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; "
            f"filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n").encode() + data \
        + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _fetch(sb_url: str, link: str) -> tuple[int, bytes, str]:
    m = LINK_RE.match(link)
    assert m, link
    try:
        with urllib.request.urlopen(f"{sb_url}/p/{m.group(1)}/{m.group(2)}", timeout=5) as r:
            return r.status, r.read(), r.headers["Content-Type"]
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, b"", ""


def test_multipart_upload_link_and_bytes(sb_url, token):
    raw, ctype = _multipart(PNG)
    reply = ok(sb_url, UP, token=token, raw=raw, headers={"Content-Type": ctype},
               query={"upload_type": 0, "resp_type": 1, "height": 10, "width": 20})
    link = reply["pic_file"]["img_url"]
    assert LINK_RE.match(link)
    status, data, content_type = _fetch(sb_url, link)
    assert status == 200 and data == PNG and content_type == "image/png"


def test_resp_type_0_gives_media_ids(sb_url, token):
    raw, ctype = _multipart(PNG)
    reply = ok(sb_url, UP, token=token, raw=raw, headers={"Content-Type": ctype},
               query={"upload_type": 0, "resp_type": 0, "height": 10, "width": 20})
    pic = reply["pic_file"]
    assert isinstance(pic["media_id"], str) and pic["media_id"]
    assert isinstance(pic["pay_media_id"], str) and pic["pay_media_id"]


def test_upload_by_url(sb_url, token):
    reply = ok(sb_url, UP, {"img_url": "https://example.com/shirt.jpg"}, token=token,
               query={"upload_type": 1, "resp_type": 1})
    status, data, _ = _fetch(sb_url, reply["pic_file"]["img_url"])
    assert status == 200 and data.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("query, field", [
    ({"upload_type": 0, "resp_type": 1, "width": 20}, "media"),  # no height
    ({"upload_type": 0, "resp_type": 1, "height": 10, "width": 20}, "file"),  # no media field
    ({"upload_type": 7, "resp_type": 1, "height": 10, "width": 20}, "media"),
])
def test_upload_errors(sb_url, token, query, field):
    raw, ctype = _multipart(PNG, field)
    assert err(sb_url, UP, token=token, raw=raw, headers={"Content-Type": ctype},
               query=query) != 0


def test_upload_needs_token_and_post(sb_url, token):
    raw, ctype = _multipart(PNG)
    q = {"upload_type": 0, "resp_type": 1, "height": 10, "width": 20}
    assert err(sb_url, UP, raw=raw, headers={"Content-Type": ctype}, query=q) == 41001
    assert err(sb_url, UP, token=token, method="GET", query=q) == 43002
    assert err(sb_url, UP, token=token, query={"upload_type": 1, "resp_type": 1},
               raw=b"{bad", headers={"Content-Type": "application/json"}) == 47001


def test_demo_product_images_are_served_deterministically(sb_url, token):
    pid = ok(sb_url, "/channels/ec/product/list/get", {"page_size": 1, "status": 5},
             token=token)["product_ids"][0]
    product = get(sb_url, token, pid)["product"]
    links = product["head_imgs"] + product["desc_info"]["imgs"] + \
        [s["thumb_img"] for s in product["skus"]]
    for link in links:
        status, data, ctype = _fetch(sb_url, link)
        assert status == 200 and data.startswith(b"\x89PNG\r\n\x1a\n") and ctype == "image/png"
    first = _fetch(sb_url, links[0])[1]
    assert _fetch(sb_url, links[0])[1] == first
    assert _fetch(sb_url, links[1])[1] != first


def test_unknown_image_is_404(sb_url, sandbox):
    link = f"https://mmecimage.cn/p/{sandbox.shop.config.appid}/nope"
    assert _fetch(sb_url, link)[0] == 404
    assert _fetch(sb_url, "https://mmecimage.cn/p/wxother/avatar1")[0] == 404


def test_newer_upload_path_is_served_too(sb_url, token):
    raw, ctype = _multipart(PNG)
    reply = ok(sb_url, "/shop/ec/basics/img/upload", token=token, raw=raw,
               headers={"Content-Type": ctype},
               query={"upload_type": 0, "resp_type": 1, "height": 10, "width": 20})
    assert _fetch(sb_url, reply["pic_file"]["img_url"])[1] == PNG
