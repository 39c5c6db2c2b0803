"""The sandbox's HTTP Date follows its own clock (and lies on request); the list-lag control
hides an order or a case from the update-time lists while ``get`` still reads it."""

from __future__ import annotations

import urllib.request
from email.utils import parsedate_to_datetime

from .helpers import call, control, ok

LIST = "/channels/ec/order/list/get"
CASES = "/channels/ec/aftersale/getaftersalelist"


def _date(url: str, token: str) -> str | None:
    req = urllib.request.Request(f"{url}{LIST}?access_token={token}", method="POST",
                                 data=b'{"update_time_range":{"start_time":0,"end_time":1}}',
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.status == 200
        return resp.headers.get("Date")


def _stamp(text: str | None) -> int:
    assert text is not None
    return int(parsedate_to_datetime(text).timestamp())


def test_the_date_header_is_the_sandbox_clock(sb_url, token):
    now = control(sb_url, "/sandbox/clock/freeze", {"frozen": True})["now"]
    assert _stamp(_date(sb_url, token)) == now
    later = control(sb_url, "/sandbox/clock/advance", {"seconds": 86400})["now"]
    assert _stamp(_date(sb_url, token)) == later == now + 86400  # not the wall clock


def test_the_date_header_lies_on_request(sb_url, token):
    now = control(sb_url, "/sandbox/clock/freeze", {"frozen": True})["now"]
    assert control(sb_url, "/sandbox/http_date", {"mode": "clock", "skew": -7200})["skew"] == -7200
    assert _stamp(_date(sb_url, token)) == now - 7200
    control(sb_url, "/sandbox/http_date", {"mode": "omit"})
    assert _date(sb_url, token) is None
    control(sb_url, "/sandbox/http_date", {"mode": "garbled"})
    text = _date(sb_url, token)
    assert text and not text[0].isdigit()
    for bad in ({"mode": "later"}, {"skew": "10"}, {"skew": True}):
        status, reply = call(sb_url, "/sandbox/http_date", bad)
        assert status == 400 and reply["ok"] is False, bad
    control(sb_url, "/sandbox/http_date", {})  # back to the clock
    assert _stamp(_date(sb_url, token)) == now


def _listed(url: str, token: str, now: int) -> list[str]:
    body = {"update_time_range": {"start_time": now - 86400, "end_time": now + 1},
            "page_size": 100}
    return ok(url, LIST, body, token)["order_id_list"]


def test_list_lag_hides_an_order_from_the_update_list_only(sb_url, token):
    now = control(sb_url, "/sandbox/clock/freeze", {"frozen": True})["now"]
    oid = control(sb_url, "/sandbox/order/create", {})["order_id"]
    assert oid in _listed(sb_url, token, now)
    assert control(sb_url, "/sandbox/list_lag", {"order_id": oid, "seconds": 60}) == {
        "ok": True, "hidden_until": now + 60}
    assert oid not in _listed(sb_url, token, now)
    by_create = ok(sb_url, LIST, {"create_time_range": {"start_time": now - 10,
                                                        "end_time": now + 1}}, token)
    assert oid in by_create["order_id_list"]
    assert ok(sb_url, "/channels/ec/order/get", {"order_id": oid}, token)["order"]["order_id"] == oid
    control(sb_url, "/sandbox/clock/advance", {"seconds": 60})
    assert oid in _listed(sb_url, token, now + 60)
    for bad in ({"order_id": oid}, {"order_id": oid, "seconds": -1}, {"order_id": "nope", "seconds": 1},
                {"after_sale_order_id": "nope", "seconds": 1}):
        status, reply = call(sb_url, "/sandbox/list_lag", bad)
        assert status == 400 and reply["ok"] is False, bad


def test_list_lag_hides_a_case(sb_url, token, shop):
    now = control(sb_url, "/sandbox/clock/freeze", {"frozen": True})["now"]
    with shop.lock:
        case_id = sorted(shop.aftersales)[0]

    def listed() -> set[str]:
        ids: set[str] = set()
        for start in range(now - 90 * 86400, now + 1, 86400):
            reply = ok(sb_url, CASES, {"begin_update_time": start,
                                       "end_update_time": min(start + 86400, now + 1)}, token)
            ids |= set(reply["after_sale_order_id_list"])
        return ids

    assert case_id in listed()
    control(sb_url, "/sandbox/list_lag", {"after_sale_order_id": case_id, "seconds": 30})
    assert case_id not in listed()
    ok(sb_url, "/channels/ec/aftersale/getaftersaleorder", {"after_sale_order_id": case_id}, token)
    control(sb_url, "/sandbox/clock/advance", {"seconds": 30})
    assert case_id in listed()
