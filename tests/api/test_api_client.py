"""ApiClient mechanics against a scripted fake server: token, retries, errors, circuit, limits."""

from __future__ import annotations

import asyncio
import logging
import socket

import httpx
import pytest

from seller_desktop.api import (
    ApiClient,
    AuthExpired,
    AuthFailed,
    Busy,
    MalformedResponse,
    NotFound,
    Offline,
    QuotaExceeded,
    RateLimited,
    Rejected,
    RetryPolicy,
    ServerError,
    UnknownOutcome,
)

PATH = "/channels/ec/order/get"
OTHER = "/channels/ec/product/get"
STOCK = "/channels/ec/product/stock/update"
TOKEN = "/cgi-bin/stable_token"

pytestmark = pytest.mark.asyncio


# ---- the requests on the wire -------------------------------------------------------------------

async def test_json_calls_send_what_httpx_build_request_would(client, wechat):
    """The client builds JSON requests from a cached URL (speed): the same bytes on the wire."""
    body = {"order_id": "37000", "note": "礼物 🎁", "n": [1, 2]}
    await client.call(PATH, body, params={"x": 5})
    sent = wechat.calls(PATH)[-1]
    reference = httpx.AsyncClient(base_url="https://api.weixin.qq.com").build_request(
        "POST", PATH, params={"x": "5", "access_token": "TOKEN-1-abcdef"}, json=body)
    assert sent.method == "POST"
    assert sent.url == reference.url
    assert sent.content == reference.content
    for header in ("content-type", "content-length", "host", "user-agent", "accept"):
        assert sent.headers[header] == reference.headers[header]
    assert sent.extensions["timeout"] == client._http.timeout.as_dict()


async def test_a_refreshed_token_is_sent_not_a_cached_url(client, wechat):
    await client.call(PATH, {"order_id": "1"})
    wechat.valid_tokens.clear()  # the server forgets the token: the client must refresh it
    await client.call(PATH, {"order_id": "1"})
    tokens = [r.url.params["access_token"] for r in wechat.calls(PATH)]
    assert tokens[0] == "TOKEN-1-abcdef" and tokens[-1] != tokens[0]
    assert wechat.tokens_issued == 2


# ---- token -------------------------------------------------------------------------------------

async def test_token_fetched_once_from_stable_token_and_sent_in_query(client, wechat):
    assert await client.call(PATH, {"order_id": "1"}) == {"errcode": 0, "errmsg": "ok"}
    await client.call(OTHER, {"product_id": "2"})
    token_calls = wechat.calls(TOKEN)
    assert len(token_calls) == 1
    assert token_calls[0].method == "POST"
    assert wechat.body(token_calls[0]) == {"grant_type": "client_credential", "appid": wechat.appid,
                                           "secret": wechat.secret, "force_refresh": False}
    assert not wechat.calls("/cgi-bin/token")
    for request in wechat.calls(PATH) + wechat.calls(OTHER):
        assert request.url.params["access_token"] == "TOKEN-1-abcdef"


async def test_token_refreshed_ahead_of_expiry(client, wechat, clock):
    await client.call(PATH)
    clock.now += 7200 - 301  # more than 5 minutes left: keep it
    await client.call(PATH)
    assert wechat.tokens_issued == 1
    clock.now += 2  # less than 5 minutes left: refresh before using it
    await client.call(PATH)
    assert wechat.tokens_issued == 2
    assert wechat.calls(PATH)[-1].url.params["access_token"] == "TOKEN-2-abcdef"


async def test_short_lived_token_is_not_refetched_on_every_call(client, wechat, clock):
    wechat.expires_in = 300  # the platform's minimum near a roll-over
    await client.call(PATH)
    clock.now += 100
    await client.call(PATH)
    assert wechat.tokens_issued == 1


@pytest.mark.parametrize("errcode", [40001, 40014, 42001])
async def test_token_refused_once_is_refreshed_and_call_retried(client, wechat, errcode):
    wechat.script(PATH, {"errcode": errcode, "errmsg": "access_token expired"},
                  {"errcode": 0, "errmsg": "ok", "order": {}})
    reply = await client.call(PATH, {"order_id": "1"}, idempotent=False)
    assert reply["order"] == {}
    assert wechat.tokens_issued == 2
    assert len(wechat.calls(PATH)) == 2


async def test_token_still_refused_after_one_refresh_is_auth_expired(client, wechat, sleeper):
    wechat.defaults[PATH] = {"errcode": 42001, "errmsg": "access_token expired rid: 1-2-3"}
    with pytest.raises(AuthExpired) as err:
        await client.call(PATH)
    assert err.value.errcode == 42001
    assert err.value.errmsg == "access_token expired"
    assert wechat.tokens_issued == 2
    assert len(wechat.calls(PATH)) == 2
    assert sleeper.delays == []


async def test_concurrent_calls_share_one_token_refresh(client, wechat):
    wechat.token_delay = 0.02
    await asyncio.gather(*(client.call(PATH) for _ in range(10)))
    assert wechat.tokens_issued == 1


async def test_concurrent_refusals_trigger_a_single_refresh(client, wechat):
    await client.call(PATH)
    wechat.valid_tokens.clear()  # e.g. another tool forced a refresh
    wechat.token_delay = 0.02
    await asyncio.gather(*(client.call(PATH) for _ in range(6)))
    assert wechat.tokens_issued == 2


@pytest.mark.parametrize("errcode", [40013, 40125, 40001, 40243, 41002, 41004])
async def test_bad_credentials_are_auth_failed(client, wechat, errcode):
    wechat.script(TOKEN, {"errcode": errcode, "errmsg": "invalid appsecret rid: a-b-c"})
    with pytest.raises(AuthFailed) as err:
        await client.call(PATH)
    assert err.value.errcode == errcode
    assert "AppSecret" in err.value.message
    assert len(wechat.calls(TOKEN)) == 1
    assert not wechat.calls(PATH)


async def test_busy_token_endpoint_is_retried(client, wechat, sleeper):
    wechat.script(TOKEN, {"errcode": -1, "errmsg": "system error"})
    await client.call(PATH)
    assert len(wechat.calls(TOKEN)) == 2
    assert len(sleeper.delays) == 1


async def test_token_reply_without_token_is_malformed(client, wechat):
    wechat.script(TOKEN, {"expires_in": 7200})
    with pytest.raises(MalformedResponse):
        await client.call(PATH)


async def test_client_needs_credentials():
    with pytest.raises(ValueError):
        ApiClient("https://api.weixin.qq.com", "", "")


# ---- retries and error mapping ----------------------------------------------------------------

async def test_busy_is_retried_with_growing_jittered_backoff(client, wechat, sleeper):
    wechat.script(PATH, *[{"errcode": -1, "errmsg": "system error"}] * 3)
    await client.call(PATH)
    assert len(wechat.calls(PATH)) == 4
    assert len(sleeper.delays) == 3
    for n, delay in enumerate(sleeper.delays, start=1):
        ceiling = 0.2 * 2 ** (n - 1)
        assert ceiling / 2 <= delay <= ceiling


async def test_busy_exhausts_attempts_then_raises_busy(client, wechat, sleeper):
    wechat.defaults[PATH] = {"errcode": -1, "errmsg": "system error"}
    with pytest.raises(Busy):
        await client.call(PATH)
    assert len(wechat.calls(PATH)) == 5
    assert len(sleeper.delays) == 4


async def test_backoff_is_capped(make_client, wechat, sleeper):
    api = make_client(retry=RetryPolicy(attempts=8, base_delay=1.0, max_delay=3.0))
    wechat.defaults[PATH] = {"errcode": -1, "errmsg": "system error"}
    with pytest.raises(Busy):
        await api.call(PATH)
    assert max(sleeper.delays) <= 3.0
    assert min(sleeper.delays[3:]) >= 1.5


async def test_minute_quota_is_retried_even_for_non_idempotent_calls(client, wechat):
    wechat.script(STOCK, {"errcode": 45011, "errmsg": "api minute-quota reach limit"})
    await client.call(STOCK, {"diff_type": 1}, idempotent=False)
    assert len(wechat.calls(STOCK)) == 2


async def test_minute_quota_exhausted_is_rate_limited(client, wechat):
    wechat.defaults[PATH] = {"errcode": 45011, "errmsg": "api minute-quota reach limit"}
    with pytest.raises(RateLimited):
        await client.call(PATH)
    assert len(wechat.calls(PATH)) == 5


async def test_daily_quota_is_not_retried(client, wechat, sleeper):
    wechat.defaults[PATH] = {"errcode": 45009, "errmsg": "reach max api daily quota limit"}
    with pytest.raises(QuotaExceeded) as err:
        await client.call(PATH)
    assert len(wechat.calls(PATH)) == 1
    assert sleeper.delays == []
    assert "今日" in err.value.message


async def test_busy_is_retried_for_non_idempotent_calls(client, wechat):
    wechat.script(STOCK, {"errcode": -1, "errmsg": "system error"})
    await client.call(STOCK, idempotent=False)
    assert len(wechat.calls(STOCK)) == 2


async def test_http_500_retried_for_idempotent_calls(client, wechat):
    wechat.script(PATH, httpx.Response(500), httpx.Response(502, text="<html>bad gateway"))
    await client.call(PATH)
    assert len(wechat.calls(PATH)) == 3


async def test_http_500_every_time_is_server_error(client, wechat):
    wechat.defaults[PATH] = httpx.Response(503)
    with pytest.raises(ServerError) as err:
        await client.call(PATH)
    assert "503" in err.value.errmsg
    assert len(wechat.calls(PATH)) == 5


async def test_http_500_on_non_idempotent_call_is_unknown_outcome(client, wechat):
    wechat.script(STOCK, httpx.Response(500))
    with pytest.raises(UnknownOutcome):
        await client.call(STOCK, idempotent=False)
    assert len(wechat.calls(STOCK)) == 1


@pytest.mark.parametrize("exc", [
    httpx.ReadTimeout("timed out"),
    httpx.RemoteProtocolError("Server disconnected without sending a response."),
    httpx.ReadError("Connection reset by peer"),
])
async def test_ambiguous_transport_errors(client, wechat, exc):
    wechat.script(PATH, exc)
    await client.call(PATH)  # idempotent: retried
    assert len(wechat.calls(PATH)) == 2
    wechat.script(STOCK, exc)
    with pytest.raises(UnknownOutcome):
        await client.call(STOCK, idempotent=False)
    assert len(wechat.calls(STOCK)) == 1
    assert client.online  # the host answered: not an offline condition


async def test_persistent_timeouts_end_in_server_error(client, wechat):
    wechat.defaults[PATH] = httpx.ReadTimeout("timed out")
    with pytest.raises(ServerError):
        await client.call(PATH)
    assert len(wechat.calls(PATH)) == 5


async def test_malformed_reply_fails_that_call_only(make_client, wechat):
    api = make_client(retry=RetryPolicy(attempts=1))
    wechat.script(PATH, httpx.Response(200, text="<html>not json"))
    with pytest.raises(MalformedResponse):
        await api.call(PATH)
    assert await api.call(OTHER) == {"errcode": 0, "errmsg": "ok"}
    assert await api.call(PATH) == {"errcode": 0, "errmsg": "ok"}


async def test_malformed_reply_is_retried_for_idempotent_calls(client, wechat):
    wechat.script(PATH, httpx.Response(200, text='{"errcode": 0, "order": {'),
                  httpx.Response(200, json=["not", "an", "object"]))
    assert await client.call(PATH) == {"errcode": 0, "errmsg": "ok"}
    assert len(wechat.calls(PATH)) == 3


async def test_garbled_reply_on_non_idempotent_call_is_unknown_outcome(client, wechat):
    wechat.script(STOCK, httpx.Response(200, content=b"\xff\xfe\x00garbage"))
    with pytest.raises(UnknownOutcome):
        await client.call(STOCK, idempotent=False)
    assert len(wechat.calls(STOCK)) == 1


async def test_reply_without_errcode_is_a_success(client, wechat):
    wechat.script("/channels/ec/basics/info/get", {"info": {"nickname": "小店"}})
    reply = await client.call("/channels/ec/basics/info/get", method="GET")
    assert reply == {"info": {"nickname": "小店"}}
    request = wechat.calls("/channels/ec/basics/info/get")[0]
    assert request.method == "GET"
    assert request.content == b""


async def test_post_without_body_sends_an_empty_object(client, wechat):
    await client.call("/channels/ec/logistics/ewaybill/biz/template/config")
    assert wechat.body(wechat.calls("/channels/ec/logistics/ewaybill/biz/template/config")[0]) == {}


@pytest.mark.parametrize("errcode", [100002, 10020052, 10025010, 1000003])
async def test_not_found_codes(client, wechat, errcode):
    wechat.script(PATH, {"errcode": errcode, "errmsg": "not found rid: 11-22-33"})
    with pytest.raises(NotFound) as err:
        await client.call(PATH)
    assert err.value.errcode == errcode


async def test_business_rejection_keeps_errmsg_without_rid(client, wechat, sleeper):
    wechat.script(PATH, {"errcode": 10020040,
                         "errmsg": "sale_price greater than market_price rid: 6336ebac-467cadb4-7e34493a"})
    with pytest.raises(Rejected) as err:
        await client.call(PATH)
    assert err.value.errcode == 10020040
    assert err.value.errmsg == "sale_price greater than market_price"
    assert "划线价" in err.value.message
    assert len(wechat.calls(PATH)) == 1
    assert sleeper.delays == []


async def test_unknown_errcode_is_rejected_with_server_text(client, wechat):
    wechat.script(PATH, {"errcode": 6060456, "errmsg": "含有非法字符 rid: 1-2-3"})
    with pytest.raises(Rejected) as err:
        await client.call(PATH)
    assert err.value.message == "含有非法字符"


async def test_waybill_failure_carries_the_carrier_message(client, wechat):
    path = "/channels/ec/logistics/ewaybill/biz/order/create"
    wechat.script(path, {"errcode": 10025005, "errmsg": "取号失败 rid: 1-2-3",
                         "delivery_error_msg": "收件人姓名、电话、地址不能为空",
                         "waybill_id_list": [], "order_risk_info": []})
    with pytest.raises(Rejected) as err:
        await client.call(path, {}, idempotent=False)
    assert err.value.delivery_error_msg == "收件人姓名、电话、地址不能为空"
    assert "收件人姓名" in err.value.message


# ---- offline circuit ----------------------------------------------------------------------------

async def test_connect_errors_open_the_circuit_then_a_probe_closes_it(client, wechat, clock):
    states: list[bool] = []
    client.on_state_change.append(states.append)
    await client.call(PATH)  # token cached
    wechat.script(PATH, httpx.ConnectError("Name or service not known"),
                  httpx.ConnectError("Connection refused"))
    with pytest.raises(Offline):
        await client.call(PATH)
    assert not client.online
    assert states == [False]
    sent = len(wechat.requests)
    with pytest.raises(Offline):
        await client.call(OTHER)  # fails fast during the cool-down
    assert len(wechat.requests) == sent
    clock.now += 5.1
    await client.call(OTHER)  # probe succeeds
    assert client.online
    assert states == [False, True]


async def test_failed_probe_reopens_the_circuit_at_once(client, wechat, clock):
    await client.call(PATH)
    wechat.script(PATH, *[httpx.ConnectError("refused")] * 3)
    with pytest.raises(Offline):
        await client.call(PATH)
    clock.now += 6
    sent = len(wechat.requests)
    with pytest.raises(Offline):
        await client.call(PATH)
    assert len(wechat.requests) == sent + 1  # one probe, no retries
    with pytest.raises(Offline):
        await client.call(PATH)
    assert len(wechat.requests) == sent + 1


async def test_connect_error_is_retried_even_for_non_idempotent_calls(make_client, wechat):
    api = make_client(retry=RetryPolicy(offline_after=3, base_delay=0.01))
    wechat.script(STOCK, httpx.ConnectError("refused"))
    await api.call(STOCK, idempotent=False)
    assert len(wechat.calls(STOCK)) == 2
    assert api.online


async def test_real_refused_connection_is_offline(wechat):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    delays: list[float] = []

    async def no_wait(delay: float) -> None:
        delays.append(delay)

    async with ApiClient(f"http://127.0.0.1:{port}", wechat.appid, wechat.secret, timeout=2.0,
                         retry=RetryPolicy(offline_after=2), sleep=no_wait) as api:
        with pytest.raises(Offline) as err:
            await api.call(PATH)
        assert not api.online
        assert "网络" in err.value.message
    assert len(delays) == 1


# ---- concurrency and logging -------------------------------------------------------------------

async def test_requests_in_flight_never_exceed_the_limit(make_client, wechat):
    api = make_client(max_in_flight=3)
    wechat.call_delay = 0.01
    await asyncio.gather(*(api.call(PATH) for _ in range(20)))
    assert wechat.max_in_flight == 3
    assert len(wechat.calls(PATH)) == 20


async def test_logs_never_hold_token_or_secret(client, wechat, caplog):
    caplog.set_level(logging.DEBUG)
    wechat.script(PATH, {"errcode": -1, "errmsg": "system error"},
                  {"errcode": 42001, "errmsg": "expired"})
    await client.call(PATH, {"order_id": "1"})
    wechat.script(OTHER, {"errcode": 10020052, "errmsg": "not found"})
    with pytest.raises(NotFound):
        await client.call(OTHER)
    assert caplog.records, "the client logs something"  # httpx's request lines: test_client_proxy
    for record in caplog.records:
        text = record.getMessage()
        assert "TOKEN-" not in text
        assert wechat.secret not in text
    assert any(PATH in r.getMessage() and "-1" in r.getMessage() for r in caplog.records)


# ---- bounded paging (issue 13 item 5) ----------------------------------------------------------

async def test_a_page_walk_stops_on_a_loop_on_stale_pages_and_at_its_cap():
    from seller_desktop.api.page_walk import STALE_PAGES, PageWalk

    loop = PageWalk("/list", page_size=10, max_items=10_000)
    loop.page("a", 10)
    loop.page("b", 10)
    with pytest.raises(MalformedResponse, match="loops"):
        loop.page("a", 10)  # not the last key: a cycle of two
    stale = PageWalk("/list", page_size=10, max_items=10_000)
    with pytest.raises(MalformedResponse, match="without a new id"):
        for i in range(STALE_PAGES):
            stale.page(f"k{i}", 0)
    capped = PageWalk("/list", page_size=100, max_items=1000)
    with pytest.raises(MalformedResponse, match="more than 12 pages"):
        for i in range(20):
            capped.page(f"k{i}", 100)
    assert capped.pages == 12


async def test_a_large_upload_is_given_time_to_go_out_beyond_the_deadline():
    """The deadline bounds waiting for a reply; a 10 MB image on a slow uplink needs longer to
    send (at the floor rate, 32 KB/s, 320 s more)."""
    from seller_desktop.api.client import MIN_SEND_RATE

    async with ApiClient("http://127.0.0.1:9", "wxappid", "secret", deadline=5.0) as api:
        small = api._http.build_request("POST", "/x", json={"a": 1})
        upload = api._http.build_request(
            "POST", "/x", files={"media": ("a.png", b"\x89PNG" + bytes(10 * 1024 * 1024))})
        assert api._deadline_for(small) < 5.01
        assert api._deadline_for(upload) >= 5.0 + 10 * 1024 * 1024 / MIN_SEND_RATE
