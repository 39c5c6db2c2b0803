"""Tiny stdlib HTTP helpers for the sandbox tests (urllib, no app code)."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

RID_RE = re.compile(r" rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$")


def call(url: str, path: str, body: Any = None, method: str = "POST", token: str | None = None,
         query: dict[str, Any] | None = None, raw: bytes | None = None,
         headers: dict[str, str] | None = None, timeout: float = 10) -> tuple[int, Any]:
    """Call ``url + path``; returns (HTTP status, parsed JSON or the text if not JSON).

    ``body`` is sent as JSON (POST); ``raw`` sends bytes as they are; ``token`` goes in
    ``?access_token=``. Connection errors propagate (fault tests expect them).
    """
    params = dict(query or {})
    if token is not None:
        params["access_token"] = token
    full = url + path + ("?" + urllib.parse.urlencode(params) if params else "")
    data = raw
    hdrs = dict(headers or {})
    if data is None and body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        hdrs.setdefault("Content-Type", "application/json")
    if data is None and method == "POST":
        data = b""
    req = urllib.request.Request(full, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, payload = resp.status, resp.read()
    except urllib.error.HTTPError as err:
        status, payload = err.code, err.read()
        err.close()
    text = payload.decode("utf-8", errors="replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def api(url: str, path: str, body: Any = None, token: str | None = None,
        method: str = "POST", **kw: Any) -> dict[str, Any]:
    """A WeChat API call that must answer HTTP 200 with a JSON object."""
    status, reply = call(url, path, body, method=method, token=token, **kw)
    assert status == 200, (status, reply)
    assert isinstance(reply, dict), reply
    return reply


def ok(url: str, path: str, body: Any = None, token: str | None = None,
       method: str = "POST", **kw: Any) -> dict[str, Any]:
    """A WeChat API call that must succeed (errcode 0)."""
    reply = api(url, path, body, token, method, **kw)
    assert reply.get("errcode") == 0, reply
    assert reply.get("errmsg") == "ok", reply
    return reply


def err(url: str, path: str, body: Any = None, token: str | None = None,
        method: str = "POST", **kw: Any) -> int:
    """A WeChat API call that must fail: returns the errcode after checking the envelope."""
    reply = api(url, path, body, token, method, **kw)
    assert reply.get("errcode") not in (0, None), reply
    assert RID_RE.search(reply["errmsg"]), reply
    return int(reply["errcode"])


def control(url: str, path: str, body: Any = None, method: str = "POST") -> dict[str, Any]:
    """A scenario control that must succeed ({"ok": true})."""
    status, reply = call(url, path, body if body is not None or method == "GET" else {},
                         method=method)
    assert status == 200 and reply.get("ok") is True, (status, reply)
    return reply


def stable_token(url: str, appid: str, secret: str, force: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {"grant_type": "client_credential", "appid": appid, "secret": secret}
    if force:
        body["force_refresh"] = True
    status, reply = call(url, "/cgi-bin/stable_token", body)
    assert status == 200 and "access_token" in reply, reply
    return reply
