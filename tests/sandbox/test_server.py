"""Transport and envelope rules (auth-products.md §1, README): paths, methods, token, body errors,
quotas, shop info, keep-alive."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

from seller_desktop.sandbox.core import ROUTES, Route
from seller_desktop.sandbox.server import start_sandbox

from .helpers import RID_RE, api, call, control, err, ok, stable_token

LIST = "/channels/ec/product/list/get"
INFO = "/channels/ec/basics/info/get"


def test_unknown_path_is_40066_with_http_200(sb_url, token):
    status, reply = call(sb_url, "/channels/ec/nope/get", {}, token=token)
    assert status == 200
    assert reply["errcode"] == 40066
    assert RID_RE.search(reply["errmsg"])


def test_wrong_method(sb_url, token):
    assert err(sb_url, LIST, token=token, method="GET") == 43002
    assert err(sb_url, INFO, {}, token=token) == 43001
    status, reply = call(sb_url, INFO, token=token, method="GET")
    assert status == 200 and reply["errcode"] == 0


def test_token_missing_and_garbage(sb_url):
    assert err(sb_url, LIST, {"page_size": 10}) == 41001
    assert err(sb_url, LIST, {"page_size": 10}, token="not-a-token") == 40001
    assert err(sb_url, INFO, method="GET", token="") == 41001


def test_body_errors(sb_url, token):
    assert err(sb_url, LIST, raw=b"{not json", token=token,
               headers={"Content-Type": "application/json"}) == 47001
    assert err(sb_url, LIST, raw=b"[1, 2]", token=token) == 47001
    assert err(sb_url, LIST, raw=b"", token=token) == 44002
    assert err(sb_url, LIST, {"page_size": "10"}, token=token) == 47001
    assert err(sb_url, "/channels/ec/product/get", {"product_id": ["1"]}, token=token) == 47001
    assert err(sb_url, "/channels/ec/product/get", {}, token=token) == 40097


def test_ids_are_strings_and_numbers_are_accepted(sb_url, token):
    ids = ok(sb_url, LIST, {"page_size": 5}, token=token)["product_ids"]
    assert ids and all(isinstance(i, str) for i in ids)
    by_number = ok(sb_url, "/channels/ec/product/get", {"product_id": int(ids[0])}, token=token)
    assert by_number["product"]["product_id"] == ids[0]


def test_shop_info(sb_url, token):
    status, reply = call(sb_url, INFO, token=token, method="GET")
    assert status == 200 and reply["errcode"] == 0 and reply["errmsg"] == "ok"
    info = reply["info"]
    assert info["nickname"] and info["subject_type"] in ("企业", "个体工商户")
    assert info["status"] in ("opening", "open_finished", "closing", "close_finished")
    assert info["username"].startswith("gh_")
    assert info["headimg_url"].startswith("https://mmecimage.cn/p/")
    assert isinstance(info["open_timestamp"], int)


def test_minute_and_daily_quota(sandbox, sb_url, token):
    control(sb_url, "/sandbox/config", {"minute_quota": 3})
    for _ in range(3):
        ok(sb_url, INFO, token=token, method="GET")
    assert err(sb_url, INFO, token=token, method="GET") == 45011
    control(sb_url, "/sandbox/clock/advance", {"seconds": 61})
    ok(sb_url, INFO, token=token, method="GET")
    control(sb_url, "/sandbox/config", {"minute_quota": 0, "daily_quota": 2})
    ok(sb_url, INFO, token=token, method="GET")
    ok(sb_url, INFO, token=token, method="GET")
    assert err(sb_url, INFO, token=token, method="GET") == 45009
    control(sb_url, "/sandbox/clock/advance", {"seconds": 86400})
    cfg = sandbox.shop.config
    fresh = stable_token(sb_url, cfg.appid, cfg.secret)["access_token"]
    ok(sb_url, INFO, token=fresh, method="GET")


def test_quotas_are_off_by_default(sb_url, token):
    for _ in range(30):
        ok(sb_url, INFO, token=token, method="GET")


def test_keep_alive_and_content_type(sb_url, token):
    parts = urlsplit(sb_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        for _ in range(3):
            conn.request("POST", f"{LIST}?access_token={token}", body=json.dumps({"page_size": 2}),
                         headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            assert resp.status == 200
            assert resp.getheader("Content-Type").startswith("application/json")
            assert json.loads(resp.read())["errcode"] == 0
    finally:
        conn.close()


def test_success_envelope_has_no_rid(sb_url, token):
    reply = api(sb_url, LIST, {"page_size": 1}, token=token)
    assert reply["errcode"] == 0 and reply["errmsg"] == "ok"


def test_chunked_body(sb_url, token):
    parts = urlsplit(sb_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        payload = json.dumps({"page_size": 3}).encode()
        conn.request("POST", f"{LIST}?access_token={token}", body=iter([payload[:5], payload[5:]]),
                     headers={"Content-Type": "application/json"}, encode_chunked=True)
        reply = json.loads(conn.getresponse().read())
        assert reply["errcode"] == 0 and len(reply["product_ids"]) == 3
    finally:
        conn.close()


def test_a_handler_crash_is_system_error_not_http_500(sandbox, sb_url, token):
    def boom(shop, req):
        raise RuntimeError("bug")

    ROUTES["/channels/ec/test/boom"] = Route("/channels/ec/test/boom", "POST", boom, True)
    try:
        status, reply = call(sb_url, "/channels/ec/test/boom", {}, token=token)
    finally:
        del ROUTES["/channels/ec/test/boom"]
    assert status == 200 and reply["errcode"] == -1 and RID_RE.search(reply["errmsg"])
    assert "Traceback" not in reply["errmsg"]
    assert len(sandbox.errors) == 1 and "RuntimeError: bug" in sandbox.errors[0]
    sandbox.errors.clear()


def test_start_sandbox_convenience():
    server = start_sandbox(seed=9, products=5, orders=0, gift_orders=0)
    try:
        assert server.url.startswith("http://127.0.0.1:")
        cfg = server.shop.config
        tok = stable_token(server.url, cfg.appid, cfg.secret)["access_token"]
        assert ok(server.url, LIST, {"page_size": 30, "status": 0}, token=tok)["total_num"] >= 0
        assert len(server.shop.products) == 5
    finally:
        server.stop()
    assert server.errors == []
