"""Access tokens (auth-products.md §2): plain rotation with a 5-minute grace, stable token reuse
and forced refresh, the credential errors, and the token checks on business calls."""

from __future__ import annotations

from .helpers import call, control, err, stable_token

INFO = "/channels/ec/basics/info/get"


def _plain(url, **query):
    return call(url, "/cgi-bin/token", method="GET", query=query)


def _creds(sandbox):
    return sandbox.shop.config.appid, sandbox.shop.config.secret


def _works(url, token):
    status, reply = call(url, INFO, token=token, method="GET")
    assert status == 200
    return reply["errcode"]


def test_plain_token_shape(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    status, reply = _plain(sb_url, grant_type="client_credential", appid=appid, secret=secret)
    assert status == 200
    assert set(reply) == {"access_token", "expires_in"}
    assert reply["expires_in"] == 7200 and len(reply["access_token"]) > 20


def test_plain_token_errors(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    cases = [({"grant_type": "password", "appid": appid, "secret": secret}, 40002),
             ({"grant_type": "client_credential", "appid": "wxnope", "secret": secret}, 40013),
             ({"grant_type": "client_credential", "appid": appid, "secret": "bad"}, 40125),
             ({"grant_type": "client_credential", "secret": secret}, 41002),
             ({"grant_type": "client_credential", "appid": appid}, 41004)]
    for query, code in cases:
        status, reply = _plain(sb_url, **query)
        assert status == 200 and reply["errcode"] == code, (query, reply)
    assert err(sb_url, "/cgi-bin/token", {}, query={"grant_type": "client_credential",
                                                     "appid": appid, "secret": secret}) == 43001


def test_plain_token_rotates_with_grace(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    q = {"grant_type": "client_credential", "appid": appid, "secret": secret}
    first = _plain(sb_url, **q)[1]["access_token"]
    second = _plain(sb_url, **q)[1]["access_token"]
    assert first != second
    assert _works(sb_url, first) == 0 and _works(sb_url, second) == 0
    control(sb_url, "/sandbox/clock/advance", {"seconds": 301})
    assert _works(sb_url, first) == 40001
    assert _works(sb_url, second) == 0


def test_stable_token_reused_then_forced(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    a = stable_token(sb_url, appid, secret)
    assert set(a) == {"access_token", "expires_in"}
    control(sb_url, "/sandbox/clock/advance", {"seconds": 100})
    b = stable_token(sb_url, appid, secret)
    assert b["access_token"] == a["access_token"]
    assert b["expires_in"] <= a["expires_in"] - 100
    forced = stable_token(sb_url, appid, secret, force=True)
    assert forced["access_token"] != a["access_token"]
    assert _works(sb_url, a["access_token"]) == 40001
    assert _works(sb_url, forced["access_token"]) == 0
    # a second forced refresh within 30 s does not refresh
    again = stable_token(sb_url, appid, secret, force=True)
    assert again["access_token"] == forced["access_token"]
    control(sb_url, "/sandbox/clock/advance", {"seconds": 31})
    third = stable_token(sb_url, appid, secret, force=True)
    assert third["access_token"] != forced["access_token"]


def test_stable_token_rolls_five_minutes_before_expiry(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    a = stable_token(sb_url, appid, secret)
    control(sb_url, "/sandbox/clock/advance", {"seconds": 7200 - 299})
    b = stable_token(sb_url, appid, secret)
    assert b["access_token"] != a["access_token"]
    assert b["expires_in"] >= 300
    assert _works(sb_url, a["access_token"]) == 0  # still valid until its own expiry
    control(sb_url, "/sandbox/clock/advance", {"seconds": 300})
    assert _works(sb_url, a["access_token"]) == 42001
    assert _works(sb_url, b["access_token"]) == 0


def test_expired_token_with_short_ttl(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    control(sb_url, "/sandbox/config", {"token_ttl": 60})
    tok = stable_token(sb_url, appid, secret)
    assert tok["expires_in"] == 60
    assert _works(sb_url, tok["access_token"]) == 0
    control(sb_url, "/sandbox/clock/advance", {"seconds": 61})
    assert _works(sb_url, tok["access_token"]) == 42001
    fresh = stable_token(sb_url, appid, secret)
    assert fresh["access_token"] != tok["access_token"]
    assert _works(sb_url, fresh["access_token"]) == 0


def test_stable_token_errors(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    base = {"grant_type": "client_credential", "appid": appid, "secret": secret}
    for change, code in (({"grant_type": "x"}, 40002), ({"appid": "wxbad"}, 40013),
                         ({"secret": "bad"}, 40125), ({"appid": None}, 41002),
                         ({"secret": None}, 41004), ({"force_refresh": "yes"}, 47001)):
        body = {k: v for k, v in {**base, **change}.items() if v is not None}
        status, reply = call(sb_url, "/cgi-bin/stable_token", body)
        assert status == 200 and reply["errcode"] == code, (change, reply)
    status, reply = call(sb_url, "/cgi-bin/stable_token", method="GET", query=base)
    assert reply["errcode"] == 43002


def test_plain_and_stable_are_isolated(sandbox, sb_url):
    appid, secret = _creds(sandbox)
    stable = stable_token(sb_url, appid, secret)["access_token"]
    q = {"grant_type": "client_credential", "appid": appid, "secret": secret}
    _plain(sb_url, **q)
    _plain(sb_url, **q)
    control(sb_url, "/sandbox/clock/advance", {"seconds": 400})
    assert _works(sb_url, stable) == 0


def test_invalidate_all_tokens(sb_url, token):
    assert _works(sb_url, token) == 0
    reply = control(sb_url, "/sandbox/tokens/invalidate", {})
    assert reply["invalidated"] >= 1
    assert _works(sb_url, token) == 40001


def test_wrong_but_well_formed_secret_is_40001(sandbox, sb_url):
    # §2.3: 40001 "AppSecret wrong / not for this account"; 40125 is for a malformed secret
    appid, secret = _creds(sandbox)
    wrong = [secret[:-1] + ("1" if secret[-1] != "1" else "2"),
             "0123456789abcdef0123456789abcdef"]
    for bad in wrong:
        status, reply = _plain(sb_url, grant_type="client_credential", appid=appid, secret=bad)
        assert status == 200 and reply["errcode"] == 40001, (bad, reply)
        status, reply = call(sb_url, "/cgi-bin/stable_token",
                             {"grant_type": "client_credential", "appid": appid, "secret": bad})
        assert status == 200 and reply["errcode"] == 40001, (bad, reply)
    for malformed in ("bad", "x" * 33, "0123456789abcdef0123456789abcde!", secret + "00"):
        status, reply = _plain(sb_url, grant_type="client_credential", appid=appid,
                               secret=malformed)
        assert reply["errcode"] == 40125, (malformed, reply)
    status, reply = _plain(sb_url, grant_type="client_credential", appid="wxnope", secret=secret)
    assert reply["errcode"] == 40013


def test_forced_refresh_limited_to_20_per_beijing_day(sandbox, sb_url):
    # §2.2: "force-refresh mode limited to 20/day" → 45009 past the limit (§2.3)
    appid, secret = _creds(sandbox)
    body = {"grant_type": "client_credential", "appid": appid, "secret": secret,
            "force_refresh": True}
    clock = sandbox.shop.clock
    with sandbox.shop.lock:  # start 2 h into a Beijing day: 20 calls 31 s apart stay in it
        clock.advance(2 * 3600 - (clock.now() + 8 * 3600) % 86400)
        clock.freeze()
    tokens = set()
    for _ in range(20):
        tokens.add(stable_token(sb_url, appid, secret, force=True)["access_token"])
        control(sb_url, "/sandbox/clock/advance", {"seconds": 31})
    assert len(tokens) == 20
    status, reply = call(sb_url, "/cgi-bin/stable_token", body)
    assert status == 200 and reply["errcode"] == 45009, reply
    ordinary = stable_token(sb_url, appid, secret)  # non-forced calls are not limited by it
    assert ordinary["access_token"] in tokens
    with sandbox.shop.lock:  # the next Beijing day starts a new budget
        clock.advance(86400 - (clock.now() + 8 * 3600) % 86400)
    fresh = stable_token(sb_url, appid, secret, force=True)["access_token"]
    assert fresh not in tokens
