"""Setup errors of a new install (sandbox/access.py): the API IP whitelist (40164 from the token
endpoint with the caller's IP in errmsg, 61004/45035 from business calls) and the API
permission switch (48001), and their scenario controls."""

from __future__ import annotations

from .helpers import call, control, err, ok, stable_token

INFO = "/channels/ec/basics/info/get"
TOKEN_BODY = {"grant_type": "client_credential"}


def _token_reply(sandbox):
    cfg = sandbox.shop.config
    return call(sandbox.url, "/cgi-bin/stable_token",
                {**TOKEN_BODY, "appid": cfg.appid, "secret": cfg.secret})[1]


def test_whitelist_refuses_the_token_with_the_callers_ip(sandbox, sb_url):
    control(sb_url, "/sandbox/auth/whitelist", {"allowed": ["10.1.2.3"]})
    reply = _token_reply(sandbox)
    assert reply["errcode"] == 40164
    assert reply["errmsg"].startswith("invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, "
                                      "not in whitelist rid: ")
    control(sb_url, "/sandbox/auth/whitelist", {"allowed": ["10.1.2.3"], "seen_ip": "1.2.3.4"})
    assert "invalid ip 1.2.3.4 " in _token_reply(sandbox)["errmsg"]
    control(sb_url, "/sandbox/auth/whitelist", {"allowed": ["1.2.3.4"], "seen_ip": "1.2.3.4"})
    assert "access_token" in _token_reply(sandbox)


def test_whitelist_refuses_business_calls_with_61004_or_45035(sandbox, sb_url, token):
    control(sb_url, "/sandbox/auth/whitelist", {"allowed": ["10.1.2.3"]})
    assert err(sb_url, INFO, token=token, method="GET") == 61004
    control(sb_url, "/sandbox/auth/whitelist", {"allowed": ["10.1.2.3"], "errcode": 45035})
    assert err(sb_url, INFO, token=token, method="GET") == 45035
    control(sb_url, "/sandbox/auth/whitelist", {"allowed": []})  # off again
    ok(sb_url, INFO, token=token, method="GET")


def test_permission_off_answers_48001_token_still_issued(sandbox, sb_url, token):
    control(sb_url, "/sandbox/auth/permission", {"enabled": False})
    cfg = sandbox.shop.config
    assert "access_token" in stable_token(sb_url, cfg.appid, cfg.secret)
    assert err(sb_url, INFO, token=token, method="GET") == 48001
    control(sb_url, "/sandbox/auth/permission", {"enabled": True})
    ok(sb_url, INFO, token=token, method="GET")
    control(sb_url, "/sandbox/auth/permission", {"enabled": False, "paths": ["/x/other"]})
    ok(sb_url, INFO, token=token, method="GET")  # only the listed paths are denied


def test_controls_refuse_bad_input(sb_url):
    for path, body in [("/sandbox/auth/whitelist", {"allowed": "1.2.3.4"}),
                       ("/sandbox/auth/whitelist", {"allowed": ["1.2.3"]}),
                       ("/sandbox/auth/whitelist", {"allowed": [], "errcode": 40001}),
                       ("/sandbox/auth/permission", {"enabled": "no"}),
                       ("/sandbox/auth/permission", {"enabled": False, "paths": [3]})]:
        status, reply = call(sb_url, path, body)
        assert status == 400 and reply["ok"] is False, (path, body, reply)
