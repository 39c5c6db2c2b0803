"""Fixtures for the API client tests: a scripted fake WeChat server behind httpx.MockTransport,
a controllable clock and a sleep that records the backoff delays instead of waiting."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio

from seller_desktop.api.client import ApiClient, RetryPolicy

APPID = "wx-test-appid"
SECRET = "s3cret-app-SECRET-value"

Reply = dict[str, Any] | httpx.Response | Exception | Callable[[httpx.Request], Any]


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class RecordingSleep:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        await asyncio.sleep(0)


class FakeWeChat:
    """Issues stable tokens, checks them on business calls and replays scripted replies.

    ``script(path, *replies)`` queues replies for a path: a dict is sent as a JSON body with
    HTTP 200, an ``httpx.Response`` as is, an exception instance is raised by the transport,
    a callable gets the request and returns any of these. When a path's queue is empty the
    ``default`` reply for the path (or ``{"errcode": 0, "errmsg": "ok"}``) is used.
    """

    appid = APPID
    secret = SECRET

    def __init__(self) -> None:
        self.queues: dict[str, deque[Reply]] = defaultdict(deque)
        self.defaults: dict[str, Reply] = {}
        self.requests: list[httpx.Request] = []
        self.valid_tokens: set[str] = set()
        self.tokens_issued = 0
        self.expires_in = 7200
        self.token_delay = 0.0
        self.call_delay = 0.0
        self.in_flight = 0
        self.max_in_flight = 0

    def script(self, path: str, *replies: Reply) -> None:
        self.queues[path].extend(replies)

    def calls(self, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path == path]

    def body(self, request: httpx.Request) -> Any:
        return json.loads(request.content)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._handle(request)
        finally:
            self.in_flight -= 1

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/cgi-bin/stable_token":
            if self.token_delay:
                await asyncio.sleep(self.token_delay)
            if self.queues[path]:
                return self._materialise(self.queues[path].popleft(), request)
            self.tokens_issued += 1
            token = f"TOKEN-{self.tokens_issued}-abcdef"
            self.valid_tokens.add(token)
            return httpx.Response(200, json={"access_token": token,
                                             "expires_in": self.expires_in})
        if self.call_delay:
            await asyncio.sleep(self.call_delay)
        if request.url.params.get("access_token") not in self.valid_tokens:
            return httpx.Response(200, json={
                "errcode": 40001, "errmsg": "invalid credential rid: 6336ebac-467cadb4-7e34493a"})
        if self.queues[path]:
            return self._materialise(self.queues[path].popleft(), request)
        return self._materialise(self.defaults.get(path, {"errcode": 0, "errmsg": "ok"}),
                                 request)

    def _materialise(self, reply: Reply, request: httpx.Request) -> httpx.Response:
        if callable(reply) and not isinstance(reply, (dict, httpx.Response, Exception)):
            reply = reply(request)
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return httpx.Response(200, json=reply)


@pytest.fixture
def wechat() -> FakeWeChat:
    return FakeWeChat()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sleeper() -> RecordingSleep:
    return RecordingSleep()


@pytest_asyncio.fixture
async def make_client(wechat, clock, sleeper):
    clients: list[ApiClient] = []

    def make(**kwargs: Any) -> ApiClient:
        kwargs.setdefault("retry", RetryPolicy(attempts=5, base_delay=0.2, max_delay=5.0,
                                               offline_after=2, offline_cooldown=5.0))
        client = ApiClient("https://api.weixin.qq.com", APPID, SECRET,
                           transport=httpx.MockTransport(wechat.handle), clock=clock,
                           sleep=sleeper, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


@pytest_asyncio.fixture
async def client(make_client):
    return make_client()
