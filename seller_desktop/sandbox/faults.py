"""Fault injection: which WeChat API call fails, how, and in which phase.

A plan (``shop.faults``, never saved) is a seed plus rules ``{path, kind, probability, phase,
seconds, times, skip, errcode}``. Whether the n-th call to a path fails is a hash of (seed,
path, n, rule index), so a path's faults never depend on the calls to other paths. ``before``
faults leave the request unapplied; ``after`` faults apply it, then lose or garble the reply
(:func:`garble`). The kinds, phases and unreadable replies: sandbox/README.md,
"Fault injection".
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .state import Shop

GARBLE_KINDS = ("nan", "huge_number", "wrong_type")
KINDS = ("busy", "minute_quota", "http500", "http502", "reset", "cut", "delay", "bad_json",
         "token_invalid", "html", "http511", "empty", "errcode", *GARBLE_KINDS)
CAPTIVE_PORTAL = ("<!DOCTYPE html><html><head><title>Wi-Fi 登录</title></head><body>"
                  "<form action=\"/login\"><p>请先登录以使用免费 Wi-Fi</p></form></body></html>")
HUGE = 2 ** 70
ENVELOPE = ("errcode", "errmsg")
PHASES = ("before", "after")


@dataclass(frozen=True)
class Fault:
    kind: str
    phase: str
    seconds: float
    errcode: int = 0


def _rule(raw: Any, index: int) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ValueError(f"fault #{index} must be an object")
    path = raw.get("path", "*")
    kind = raw.get("kind")
    probability = raw.get("probability", 1.0)
    phase = raw.get("phase", "before")
    seconds = raw.get("seconds", 30)
    times = raw.get("times")
    skip = raw.get("skip", 0)
    errcode = raw.get("errcode", -1)
    if not isinstance(path, str) or not (path == "*" or path.startswith("/")):
        raise ValueError(f"fault #{index}: path must be '*' or an API path")
    if kind not in KINDS:
        raise ValueError(f"fault #{index}: kind must be one of {', '.join(KINDS)}")
    if phase not in PHASES:
        raise ValueError(f"fault #{index}: phase must be 'before' or 'after'")
    if isinstance(probability, bool) or not isinstance(probability, (int, float)) \
            or not 0 <= probability <= 1:
        raise ValueError(f"fault #{index}: probability must be a number in [0, 1]")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        raise ValueError(f"fault #{index}: seconds must be a number >= 0")
    if times is not None and (isinstance(times, bool) or not isinstance(times, int) or times < 0):
        raise ValueError(f"fault #{index}: times must be an integer >= 0 or null")
    if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
        raise ValueError(f"fault #{index}: skip must be an integer >= 0")
    if isinstance(errcode, bool) or not isinstance(errcode, int) or errcode == 0:
        raise ValueError(f"fault #{index}: errcode must be a non-zero integer")
    return {"path": path, "kind": kind, "probability": float(probability), "phase": phase,
            "seconds": float(seconds), "times": times, "skip": skip, "errcode": errcode,
            "fired": {}}


def set_plan(shop: Shop, seed: int, rules: list[Any]) -> dict[str, Any]:
    """Replace the plan (and reset call counters and history). Raises ValueError on bad input."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError("seed must be an integer")
    if not isinstance(rules, list):
        raise ValueError("faults must be a list")
    parsed = [_rule(raw, i) for i, raw in enumerate(rules)]
    shop.faults = {"seed": seed, "rules": parsed, "calls": {}, "history": []}
    return shop.faults


def _draw(seed: int, path: str, n: int, index: int) -> float:
    digest = hashlib.sha256(f"{seed}|{path}|{n}|{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def decide(shop: Shop, path: str) -> Fault | None:
    """Count this call to ``path`` and say which fault (if any) hits it. Lock held."""
    plan = shop.faults
    if not plan or not plan.get("rules"):
        return None
    calls: dict[str, int] = plan["calls"]
    n = calls.get(path, 0) + 1
    calls[path] = n
    # rules naming the path win over '*' rules
    ordered = sorted(enumerate(plan["rules"]), key=lambda item: item[1]["path"] == "*")
    for index, rule in ordered:
        if rule["path"] not in ("*", path):
            continue
        if n <= rule.get("skip", 0):
            continue
        fired: dict[str, int] = rule["fired"]  # path -> firings of this rule there
        if rule["times"] is not None and fired.get(path, 0) >= rule["times"]:
            continue
        if _draw(plan["seed"], path, n, index) < rule["probability"]:
            fired[path] = fired.get(path, 0) + 1
            plan["history"].append({"path": path, "n": n, "kind": rule["kind"],
                                    "phase": rule["phase"]})
            return Fault(rule["kind"], rule["phase"], rule["seconds"],
                         rule.get("errcode", -1))
    return None


def _changed_type(value: Any) -> Any:
    if isinstance(value, dict):
        return [value] if value else []
    if isinstance(value, list):
        return {"items": value}
    if isinstance(value, str):
        return {"text": value}
    return "?" if value is not None else 0


def _leaves(value: Any, fn: Any) -> tuple[Any, int]:
    """``value`` with ``fn`` applied to every number (bools excluded); how many were changed."""
    if isinstance(value, dict):
        out, n = {}, 0
        for k, v in value.items():
            out[k], m = _leaves(v, fn)
            n += m
        return out, n
    if isinstance(value, list):
        items = [_leaves(v, fn) for v in value]
        return [v for v, _ in items], sum(m for _, m in items)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        changed = fn(value)
        return changed, int(changed is not value)
    return value, 0


def garble(kind: str, reply: dict[str, Any] | None) -> bytes:
    """The body a ``nan`` / ``huge_number`` / ``wrong_type`` fault sends for ``reply`` (None: a
    bare success envelope, nothing applied). The envelope is damaged too when nothing else
    could be, so the body never reads as a plain success."""
    body = dict(reply) if reply is not None else {"errcode": 0, "errmsg": "ok"}
    head = {k: body.pop(k) for k in ENVELOPE if k in body}
    if kind == "wrong_type":
        changed = {k: _changed_type(v) for k, v in body.items()}
        if not changed:
            head = {"errcode": "ok", "errmsg": 0}
    else:
        fn = (lambda v: float("nan")) if kind == "nan" else (
            lambda v: HUGE if isinstance(v, int) else v)
        changed, n = _leaves(body, fn)
        if n == 0:
            head["errcode"] = fn(int(head.get("errcode") or 0))
    text = json.dumps({**head, **changed}, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=True)
    return text.encode("utf-8")
