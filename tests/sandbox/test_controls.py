"""Scenario controls under /sandbox/ (clock, web-backend edit, review, config, state)."""

from __future__ import annotations

import json
import time

from .helpers import call, control, ok
from .product_helpers import add, get, listed

P = "/channels/ec/product/"


def test_clock(sb_url):
    now = control(sb_url, "/sandbox/clock", method="GET")["now"]
    after = control(sb_url, "/sandbox/clock/advance", {"seconds": 3600})["now"]
    assert now + 3600 <= after <= now + 3605
    for bad in ({"seconds": -1}, {"seconds": "10"}, {}):
        status, reply = call(sb_url, "/sandbox/clock/advance", bad)
        assert status == 400 and reply["ok"] is False and reply["error"]


def test_clock_freeze(sb_url):
    frozen = control(sb_url, "/sandbox/clock/freeze", {"frozen": True})
    assert frozen["frozen"] is True
    time.sleep(1.1)
    assert control(sb_url, "/sandbox/clock", method="GET")["now"] == frozen["now"]
    assert control(sb_url, "/sandbox/clock/advance", {"seconds": 10})["now"] == frozen["now"] + 10
    thawed = control(sb_url, "/sandbox/clock/freeze", {"frozen": False})
    assert thawed["frozen"] is False and thawed["now"] == frozen["now"] + 10
    assert call(sb_url, "/sandbox/clock/freeze", {"frozen": "no"})[0] == 400


def test_web_backend_edit_changes_both_copies(sb_url, token):
    pid = listed(sb_url, token)
    before = get(sb_url, token, pid)
    sku_id = before["product"]["skus"][0]["sku_id"]
    reply = control(sb_url, "/sandbox/product/edit", {
        "product_id": pid,
        "fields": {"title": "网页后台改过的标题", "skus": [{"sku_id": sku_id, "sale_price": 4990}]},
    })
    after = get(sb_url, token, pid)
    for name in ("product", "edit_product"):
        assert after[name]["title"] == "网页后台改过的标题"
        assert after[name]["skus"][0]["sale_price"] == 4990
        assert after[name]["min_price"] == 4990
        assert after[name]["edit_time"] == reply["edit_time"]
    assert reply["edit_time"] > before["edit_product"]["edit_time"]
    assert after["product"]["status"] == 5


def test_web_backend_edit_top_level_fields_and_errors(sb_url, token):
    pid = add(sb_url, token)
    control(sb_url, "/sandbox/product/edit", {"product_id": pid, "short_title": "新短标题"})
    assert get(sb_url, token, pid)["edit_product"]["short_title"] == "新短标题"
    for bad in ({"product_id": "1", "title": "abcdefg"},
                {"product_id": pid, "title": "x"},
                {"product_id": pid},
                {"product_id": pid, "skus": [{"sku_id": "nope", "sale_price": 1}]}):
        status, reply = call(sb_url, "/sandbox/product/edit", bad)
        assert status == 400 and reply["ok"] is False, bad


def test_review_now(sb_url, token):
    control(sb_url, "/sandbox/config", {"review_delay": 100000})
    passed = add(sb_url, token, listing=1)
    failed = add(sb_url, token, listing=1)
    r = control(sb_url, "/sandbox/product/review", {"product_id": passed, "pass": True})
    assert r["status"] == 5 and r["edit_status"] == 4
    control(sb_url, "/sandbox/product/review", {"product_id": failed, "pass": False})
    assert get(sb_url, token, passed)["product"]["status"] == 5
    assert get(sb_url, token, failed)["edit_product"]["edit_status"] == 3
    status, reply = call(sb_url, "/sandbox/product/review", {"product_id": passed})
    assert status == 400  # not under review any more
    status, _ = call(sb_url, "/sandbox/product/review", {"product_id": passed, "pass": "yes"})
    assert status == 400


def test_config(sb_url):
    reply = control(sb_url, "/sandbox/config", {"token_ttl": 120, "review_passes": False})
    assert reply["config"]["token_ttl"] == 120 and reply["config"]["review_passes"] is False
    assert control(sb_url, "/sandbox/config", method="GET")["config"]["token_ttl"] == 120
    for bad in ({"nope": 1}, {"token_ttl": "120"}, {"review_passes": 1}, {"token_ttl": -5}):
        status, reply = call(sb_url, "/sandbox/config", bad)
        assert status == 400 and reply["ok"] is False, bad


def test_state_and_summary(sb_url, token):
    pid = add(sb_url, token)
    state = control(sb_url, "/sandbox/state", method="GET")
    assert pid in state["state"]["products"]
    rec = state["state"]["products"][pid]
    assert set(rec) >= {"product_id", "status", "edit_status", "edit_product", "product",
                        "review_due"}
    summary = control(sb_url, "/sandbox/state/summary", method="GET")
    assert summary["products"] == len(state["state"]["products"])
    assert sum(summary["products_by_status"].values()) == summary["products"]
    assert summary["log"] >= 1
    assert summary["aftersales"] == len(state["state"]["aftersales"]) == sum(
        summary["aftersales_by_status"].values()) >= 1
    log = control(sb_url, "/sandbox/log", method="GET")
    assert log["entries"][-1]["op"] == P + "add" and log["entries"][-1]["product_id"] == pid


def test_unknown_control_and_wrong_method(sb_url):
    assert call(sb_url, "/sandbox/nope", {})[0] == 404
    assert call(sb_url, "/sandbox/clock/advance", method="GET")[0] == 405
    status, reply = call(sb_url, "/sandbox/config", raw=b"{bad",
                         headers={"Content-Type": "application/json"})
    assert status == 400 and reply["ok"] is False


def test_controls_need_no_token_and_api_still_works(sb_url, token):
    control(sb_url, "/sandbox/state/summary", method="GET")
    ok(sb_url, P + "list/get", {"page_size": 1}, token=token)


# ---- who may drive the controls: local programs, never a web page in the seller's browser ----

def test_a_cross_site_text_plain_post_is_refused_and_not_applied(sb_url):
    """What a page's ``fetch(…, {mode: "no-cors", body: "…"})`` sends: no preflight, text/plain."""
    before = control(sb_url, "/sandbox/clock", method="GET")["now"]
    status, reply = call(sb_url, "/sandbox/clock/advance", raw=b'{"seconds": 86400}',
                         headers={"Content-Type": "text/plain", "Origin": "https://evil.example"})
    assert status == 403 and reply["ok"] is False
    status, reply = call(sb_url, "/sandbox/clock/advance", raw=b'{"seconds": 86400}',
                         headers={"Content-Type": "text/plain"})
    assert status == 415 and reply["ok"] is False
    assert control(sb_url, "/sandbox/clock", method="GET")["now"] < before + 86400


def test_a_foreign_origin_is_refused_even_with_json(sb_url):
    status, _ = call(sb_url, "/sandbox/tokens/invalidate", {}, headers={"Origin": "null"})
    assert status == 403
    status, _ = call(sb_url, "/sandbox/state", method="GET",
                     headers={"Origin": "https://evil.example"})
    assert status == 403
    port = sb_url.rsplit(":", 1)[1]
    status, _ = call(sb_url, "/sandbox/clock", method="GET",
                     headers={"Origin": f"http://localhost:{port}"})
    assert status == 200


def test_a_rebound_host_name_is_refused(sb_url):
    """DNS rebinding: the page's own name resolves to 127.0.0.1, so the request is
    same-origin for the browser, but its Host names the attacker's domain."""
    port = sb_url.rsplit(":", 1)[1]
    for host in (f"evil.example:{port}", "127.0.0.1", f"127.0.0.1:{int(port) + 1}"):
        status, _ = call(sb_url, "/sandbox/state", method="GET", headers={"Host": host})
        assert status == 403, host
    status, _ = call(sb_url, "/sandbox/state/summary", method="GET",
                     headers={"Host": f"localhost:{port}"})
    assert status == 200


def test_state_and_config_never_tell_the_secret_or_a_token(sb_url, sandbox, token):
    secret = sandbox.shop.config.secret
    for path in ("/sandbox/state", "/sandbox/config"):
        status, reply = call(sb_url, path, method="GET")
        assert status == 200
        text = json.dumps(reply, ensure_ascii=False)
        assert secret not in text and token not in text, path
    state = control(sb_url, "/sandbox/state", method="GET")["state"]
    assert "tokens" not in state and "secret" not in state["config"]
    assert state["products"] and state["config"]["appid"]
    reply = control(sb_url, "/sandbox/config", {"token_ttl": 600})
    assert "secret" not in reply["config"]
