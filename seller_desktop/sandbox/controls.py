"""Scenario controls under ``/sandbox/...`` (not WeChat API, no token): the clock, web-backend
product edits, finishing reviews, faults, config, tokens, and reading the state.

POST bodies are JSON objects; replies are ``{"ok": true, ...}`` or HTTP 400
``{"ok": false, "error": "..."}`` on bad input. No reply carries the AppSecret or a token
(``/sandbox/state`` and ``/sandbox/config`` leave them out; the summary counts tokens): who may
call the controls is checked in ``server.py``, what they tell is limited here.
"""

from __future__ import annotations

import copy
import dataclasses
from collections import Counter
from typing import TYPE_CHECKING, Any

from .auth import invalidate_all
from .core import TICKS, ApiError, ControlError, control, record
from .faults import set_plan
from .product_store import finish_review, min_price, sync_status, under_review
from .product_validate import validate_product

if TYPE_CHECKING:
    from .state import Shop


def _int(body: dict[str, Any], name: str, minimum: int | None = None) -> int:
    value = body.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ControlError(f"{name} must be an integer")
    if minimum is not None and value < minimum:
        raise ControlError(f"{name} must be >= {minimum}")
    return value


def _product(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    pid = body.get("product_id")
    if isinstance(pid, bool) or not isinstance(pid, (str, int)):
        raise ControlError("product_id is required")
    rec = shop.products.get(str(pid))
    if rec is None:
        raise ControlError(f"no product {pid}")
    return rec


@control("/sandbox/clock", method="GET")
def clock_now(shop: Shop, query: dict[str, str]) -> dict[str, Any]:
    return {"now": shop.clock.now(), "offset": shop.clock.offset,
            "frozen": shop.clock.frozen_at is not None}


@control("/sandbox/clock/freeze")
def clock_freeze(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    """``{"frozen": true}`` stops the sandbox clock (it then moves only by advance)."""
    frozen = body.get("frozen", True)
    if not isinstance(frozen, bool):
        raise ControlError("frozen must be a boolean")
    if frozen:
        shop.clock.freeze()
    else:
        shop.clock.unfreeze()
    shop.dirty = True
    return {"now": shop.clock.now(), "frozen": shop.clock.frozen_at is not None}


@control("/sandbox/clock/advance")
def clock_advance(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    shop.clock.advance(_int(body, "seconds", minimum=0))
    shop.dirty = True
    for fn in TICKS:
        fn(shop)
    return {"now": shop.clock.now(), "offset": shop.clock.offset}


HTTP_DATE_MODES = ("clock", "omit", "garbled")


@control("/sandbox/http_date")
def http_date_set(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    """``{"mode": "clock"|"omit"|"garbled", "skew": seconds}``: what the replies' HTTP Date
    says (the sandbox clock plus ``skew``, none, or text that is no date)."""
    mode = body.get("mode", "clock")
    if mode not in HTTP_DATE_MODES:
        raise ControlError(f"mode must be one of {', '.join(HTTP_DATE_MODES)}")
    skew = body.get("skew", 0)
    if isinstance(skew, bool) or not isinstance(skew, int):
        raise ControlError("skew must be an integer")
    shop.config.http_date, shop.config.http_date_skew = mode, skew
    shop.dirty = True
    return {"mode": mode, "skew": skew}


def _apply_edit(base: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """A web-backend edit: top-level fields replace; ``skus`` entries patch SKUs by sku_id."""
    edited = copy.deepcopy(base)
    for key, value in fields.items():
        if key in ("product_id", "status", "edit_status", "edit_time", "min_price"):
            raise ControlError(f"{key} cannot be edited")
        if key != "skus":
            edited[key] = copy.deepcopy(value)
            continue
        if not isinstance(value, list):
            raise ControlError("skus must be a list of {sku_id, fields...}")
        for patch in value:
            if not isinstance(patch, dict) or "sku_id" not in patch:
                raise ControlError("each skus entry needs a sku_id")
            sku = next((s for s in edited["skus"] if s["sku_id"] == str(patch["sku_id"])), None)
            if sku is None:
                raise ControlError(f"no sku {patch['sku_id']}")
            sku.update({k: copy.deepcopy(v) for k, v in patch.items() if k != "sku_id"})
    return edited


@control("/sandbox/product/edit")
def product_edit(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    """Edit ``{product_id, fields: {...}}`` (or the fields at top level) as the web backend
    would: the online copy (if any) and the draft both change, edit_time moves forward."""
    rec = _product(shop, body)
    if under_review(rec):
        raise ControlError("product is under review")
    fields = body.get("fields")
    if fields is None:
        fields = {k: v for k, v in body.items() if k != "product_id"}
    if not isinstance(fields, dict) or not fields:
        raise ControlError("no fields to edit")
    now = shop.clock.now()
    copies = [name for name in ("product", "edit_product") if rec[name] is not None]
    edited = {name: _apply_edit(rec[name], fields) for name in copies}
    for name, product in edited.items():
        try:
            validate_product(product, shop)
        except ApiError as exc:
            raise ControlError(f"invalid {name}: {exc.errcode} {exc.errmsg}") from None
    edit_time = max(now, rec["edit_product"].get("edit_time", 0) + 1)
    for name, product in edited.items():
        product["min_price"] = min_price(product["skus"])
        product["edit_time"] = edit_time
        rec[name] = product
    sync_status(rec)
    record(shop, "/sandbox/product/edit", product_id=rec["product_id"], fields=sorted(fields))
    return {"product_id": rec["product_id"], "edit_time": edit_time}


@control("/sandbox/product/review")
def product_review(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    rec = _product(shop, body)
    passed = body.get("pass", True)
    if not isinstance(passed, bool):
        raise ControlError("pass must be a boolean")
    if not under_review(rec):
        raise ControlError("product is not under review")
    finish_review(shop, rec, passed, by="/sandbox/product/review")
    return {"product_id": rec["product_id"], "status": rec["status"],
            "edit_status": rec["edit_status"]}


@control("/sandbox/faults")
def faults_set(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    seed = body.get("seed", shop.config.seed)
    try:
        plan = set_plan(shop, seed, body.get("faults", []))
    except ValueError as exc:
        raise ControlError(str(exc)) from None
    return {"seed": plan["seed"], "faults": plan["rules"]}


@control("/sandbox/faults", method="GET")
def faults_get(shop: Shop, query: dict[str, str]) -> dict[str, Any]:
    plan = shop.faults or {"seed": shop.config.seed, "rules": [], "calls": {}, "history": []}
    return {"seed": plan["seed"], "faults": plan["rules"], "calls": plan["calls"],
            "history": plan["history"]}


def _public_config(shop: Shop) -> dict[str, Any]:
    config = dataclasses.asdict(shop.config)
    config.pop("secret", None)
    return config


@control("/sandbox/config")
def config_set(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    current = dataclasses.asdict(shop.config)
    for key, value in body.items():
        if key not in current:
            raise ControlError(f"unknown config field {key}")
        expected = type(current[key])
        if type(value) is not expected:
            raise ControlError(f"{key} must be a {expected.__name__}")
        if expected is int and value < 0:
            raise ControlError(f"{key} must be >= 0")
    for key, value in body.items():
        setattr(shop.config, key, value)
    shop.dirty = True
    return {"config": _public_config(shop)}


@control("/sandbox/config", method="GET")
def config_get(shop: Shop, query: dict[str, str]) -> dict[str, Any]:
    return {"config": _public_config(shop)}


@control("/sandbox/tokens/invalidate")
def tokens_invalidate(shop: Shop, body: dict[str, Any]) -> dict[str, Any]:
    return {"invalidated": invalidate_all(shop)}


@control("/sandbox/state", method="GET")
def state_full(shop: Shop, query: dict[str, str]) -> dict[str, Any]:
    """The whole state as ``--state FILE`` saves it, minus the secret and the tokens."""
    state = dict(shop.to_json())
    state.pop("tokens", None)
    state["config"] = _public_config(shop)
    return {"now": shop.clock.now(), "state": state}


@control("/sandbox/state/summary", method="GET")
def state_summary(shop: Shop, query: dict[str, str]) -> dict[str, Any]:
    def counts(records: dict[str, dict[str, Any]], key: str) -> dict[str, int]:
        return {str(k): v for k, v in sorted(Counter(r.get(key) for r in records.values()).items(),
                                             key=lambda kv: str(kv[0]))}

    return {"now": shop.clock.now(),
            "products": len(shop.products),
            "products_by_status": counts(shop.products, "status"),
            "products_by_edit_status": counts(shop.products, "edit_status"),
            "orders": len(shop.orders),
            "orders_by_status": counts(shop.orders, "status"),
            "ewaybills": len(shop.ewaybills),
            "aftersales": len(shop.aftersales),
            "aftersales_by_status": counts(shop.aftersales, "status"),
            "images": len(shop.images),
            "tokens": len(shop.tokens),
            "log": len(shop.log)}


@control("/sandbox/log", method="GET")
def log_read(shop: Shop, query: dict[str, str]) -> dict[str, Any]:
    """Applied writes from index ``since`` (default 0), optionally only those with ``op``."""
    try:
        since = int(query.get("since", "0"))
    except ValueError:
        raise ControlError("since must be an integer") from None
    entries = shop.log[since:]
    if "op" in query:
        entries = [e for e in entries if e.get("op") == query["op"]]
    return {"entries": entries, "next": len(shop.log)}
