"""Fault injection: reproducible by seed, per path or global, before/after phases, every kind."""

from __future__ import annotations

import http.client
import socket
import urllib.error

import pytest

from .helpers import call, control, err, ok
from .product_helpers import get, listed

INFO = "/channels/ec/basics/info/get"
STOCK = "/channels/ec/product/stock/update"
LIST = "/channels/ec/product/list/get"


def _set(url, seed, *faults):
    return control(url, "/sandbox/faults", {"seed": seed, "faults": list(faults)})


def _outcomes(url, token, seed, n=40, other_calls=False):
    _set(url, seed, {"path": INFO, "kind": "busy", "probability": 0.5})
    seq = []
    for _ in range(n):
        if other_calls:
            ok(url, LIST, {"page_size": 1}, token=token)
        status, reply = call(url, INFO, method="GET", token=token)
        seq.append(reply["errcode"])
    history = control(url, "/sandbox/faults", method="GET")["history"]
    return seq, [h["n"] for h in history]


def test_same_seed_same_faults_different_seed_different(sb_url, token):
    a, hist_a = _outcomes(sb_url, token, 7)
    b, hist_b = _outcomes(sb_url, token, 7, other_calls=True)
    c, _ = _outcomes(sb_url, token, 8)
    assert a == b and hist_a == hist_b
    assert a != c
    assert set(a) == {0, -1}
    assert 5 < a.count(-1) < 35


def test_off_by_default_and_cleared(sb_url, token):
    for _ in range(10):
        ok(sb_url, INFO, method="GET", token=token)
    _set(sb_url, 1, {"path": "*", "kind": "busy"})
    assert err(sb_url, INFO, method="GET", token=token) == -1
    assert err(sb_url, LIST, {"page_size": 1}, token=token) == -1
    _set(sb_url, 1)
    ok(sb_url, INFO, method="GET", token=token)


def test_path_rule_and_times(sb_url, token):
    _set(sb_url, 1, {"path": INFO, "kind": "minute_quota", "times": 2})
    ok(sb_url, LIST, {"page_size": 1}, token=token)
    assert err(sb_url, INFO, method="GET", token=token) == 45011
    assert err(sb_url, INFO, method="GET", token=token) == 45011
    ok(sb_url, INFO, method="GET", token=token)


def _stock_fixture(sb_url, token, shop):
    pid = listed(sb_url, token)
    sku_id = get(sb_url, token, pid)["product"]["skus"][0]["sku_id"]
    body = {"product_id": pid, "sku_id": sku_id, "diff_type": 1, "num": 5}
    return pid, sku_id, body


def _stock_now(shop, pid):
    with shop.lock:
        rec = shop.products[pid]
        return rec["product"]["skus"][0]["stock_num"], rec["edit_product"]["skus"][0]["stock_num"]


def _stock_writes(shop, pid):
    with shop.lock:
        return sum(1 for e in shop.log if e["op"] == STOCK and e["product_id"] == pid)


def test_before_phase_does_not_apply(shop, sb_url, token):
    pid, _, body = _stock_fixture(sb_url, token, shop)
    _set(sb_url, 3, {"path": STOCK, "kind": "busy", "phase": "before", "times": 1})
    assert err(sb_url, STOCK, body, token=token) == -1
    assert _stock_now(shop, pid) == (20, 20) and _stock_writes(shop, pid) == 0
    ok(sb_url, STOCK, body, token=token)
    assert _stock_now(shop, pid) == (25, 25) and _stock_writes(shop, pid) == 1


@pytest.mark.parametrize("kind", ["busy", "http500", "http502", "bad_json", "reset", "cut",
                                  "minute_quota"])
def test_after_phase_applies_the_write_once(shop, sb_url, token, kind):
    pid, _, body = _stock_fixture(sb_url, token, shop)
    _set(sb_url, 3, {"path": STOCK, "kind": kind, "phase": "after", "times": 1})
    try:
        status, reply = call(sb_url, STOCK, body, token=token)
    except (ConnectionError, http.client.HTTPException, urllib.error.URLError):
        pass
    else:
        assert status != 200 or not isinstance(reply, dict) or reply.get("errcode") != 0
    assert _stock_now(shop, pid) == (25, 25)
    assert _stock_writes(shop, pid) == 1


def test_http_failure_shapes(sb_url, token):
    _set(sb_url, 1, {"path": INFO, "kind": "http500", "times": 1},
         {"path": LIST, "kind": "http502", "times": 1})
    assert call(sb_url, INFO, method="GET", token=token)[0] == 500
    assert call(sb_url, LIST, {"page_size": 1}, token=token)[0] == 502
    _set(sb_url, 1, {"path": INFO, "kind": "bad_json", "times": 1})
    status, body = call(sb_url, INFO, method="GET", token=token)
    assert status == 200 and isinstance(body, str)


def test_reset_and_cut(sb_url, token):
    _set(sb_url, 1, {"path": INFO, "kind": "reset", "times": 1})
    with pytest.raises((ConnectionError, http.client.HTTPException, urllib.error.URLError)):
        call(sb_url, INFO, method="GET", token=token)
    _set(sb_url, 1, {"path": INFO, "kind": "cut", "times": 1})
    with pytest.raises(http.client.IncompleteRead):
        call(sb_url, INFO, method="GET", token=token)
    ok(sb_url, INFO, method="GET", token=token)


def test_delay_beyond_client_timeout(shop, sb_url, token):
    pid, _, body = _stock_fixture(sb_url, token, shop)
    _set(sb_url, 1, {"path": STOCK, "kind": "delay", "seconds": 1.0, "phase": "after",
                     "times": 1})
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        call(sb_url, STOCK, body, token=token, timeout=0.3)
    assert _stock_now(shop, pid) == (25, 25)
    _set(sb_url, 1, {"path": STOCK, "kind": "delay", "seconds": 1.0, "phase": "before",
                     "times": 1})
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        call(sb_url, STOCK, body, token=token, timeout=0.3)
    ok(sb_url, INFO, method="GET", token=token)
    assert _stock_now(shop, pid) == (25, 25) and _stock_writes(shop, pid) == 1


def test_token_invalid_fault(sb_url, token):
    _set(sb_url, 1, {"path": INFO, "kind": "token_invalid", "times": 1})
    assert err(sb_url, INFO, method="GET", token=token) == 40001
    _set(sb_url, 1)
    assert err(sb_url, INFO, method="GET", token=token) == 40001


def test_bad_fault_specs_are_400(sb_url):
    for faults in ([{"kind": "explode"}], [{"kind": "busy", "probability": 2}],
                   [{"kind": "busy", "phase": "during"}], "busy", [{"kind": "busy", "path": "x"}]):
        status, reply = call(sb_url, "/sandbox/faults", {"faults": faults})
        assert status == 400 and reply["ok"] is False


def test_star_rule_times_counts_per_path(sb_url, token):
    # a '*' rule with times:1 fires once on each path, whatever the other paths did before
    _set(sb_url, 3, {"path": "*", "kind": "busy", "times": 1})
    assert err(sb_url, INFO, method="GET", token=token) == -1
    ok(sb_url, INFO, method="GET", token=token)
    assert err(sb_url, LIST, {"page_size": 1}, token=token) == -1
    ok(sb_url, LIST, {"page_size": 1}, token=token)
    ok(sb_url, INFO, method="GET", token=token)
    history = control(sb_url, "/sandbox/faults", method="GET")["history"]
    assert [(h["path"], h["n"]) for h in history] == [(INFO, 1), (LIST, 1)]
