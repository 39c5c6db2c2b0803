"""Merchant e-waybill templates (orders-shipping.md §3.4): ``template/get``, ``getbyid``,
``create``, ``update`` and ``delete`` under ``/channels/ec/logistics/ewaybill/biz/``.

Owns ``shop.ewaybill_templates`` (delivery_id → template_id → ``template_info``). A merchant
template id is accepted wherever ``ewaybill.py`` takes a ``template_id`` for that carrier. The
reference's rules (unique names, 8 options, full-overwrite update) and the decisions where it is
silent: sandbox/README.md, "E-waybills".
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .core import ApiError, Request, body_dict, field_str, record, route
from .ewaybill import TEMPLATES, P

if TYPE_CHECKING:
    from .state import Shop

OPTION_COUNT = 8
TEMPLATE_ID_START = 300_000_000_000


def _bad(msg: str) -> ApiError:
    return ApiError(40097, f"invalid args, {msg}")


def _type_error(name: str) -> ApiError:
    return ApiError(47001, f"data format error, field \"{name}\" does't expect this value type")


def _carrier(shop: Shop, body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    delivery_id = field_str(body, "delivery_id")
    assert delivery_id is not None
    if delivery_id not in TEMPLATES:
        raise ApiError(10025012, f"invalid delivery_id {delivery_id}")
    return delivery_id, shop.ewaybill_templates.setdefault(delivery_id, {})


def _flag(option: dict[str, Any], key: str, name: str) -> bool:
    value = option.get(key)
    if value is None:
        raise _bad(f"field \"{name}.{key}\" is required")
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise _type_error(f"{name}.{key}")


def _options(raw: Any) -> list[dict[str, Any]]:
    if raw is None:
        raise _bad("field \"info.options\" is required")
    if not isinstance(raw, list):
        raise _type_error("info.options")
    if len(raw) != OPTION_COUNT:
        raise _bad(f"info.options must have exactly {OPTION_COUNT} entries")
    seen: set[int] = set()
    options = []
    for i, option in enumerate(raw):
        name = f"info.options[{i}]"
        if not isinstance(option, dict):
            raise _type_error(name)
        oid, size = option.get("option_id"), option.get("font_size", 0)
        for key, value in (("option_id", oid), ("font_size", size)):
            if value is None:
                raise _bad(f"field \"{name}.{key}\" is required")
            if isinstance(value, bool) or not isinstance(value, int):
                raise _type_error(f"{name}.{key}")
        if not 0 <= oid < OPTION_COUNT or oid in seen:
            raise _bad(f"{name}.option_id must be 0-7, each once")
        if size not in (0, 1):
            raise _bad(f"{name}.font_size must be 0 or 1")
        seen.add(oid)
        options.append({"option_id": oid, "font_size": size,
                        "is_bold": _flag(option, "is_bold", name),
                        "is_open": _flag(option, "is_open", name)})
    return sorted(options, key=lambda o: o["option_id"])


def _info(body: dict[str, Any], templates: dict[str, Any], own_id: str | None) -> dict[str, Any]:
    """Parse ``info`` (the full template) and check the name is free on this carrier."""
    info = body.get("info")
    if info is None:
        raise _bad("field \"info\" is required")
    if not isinstance(info, dict):
        raise _type_error("info")
    name = info.get("template_name")
    if name is None or name == "":
        raise _bad("field \"info.template_name\" is required")
    desc = info.get("template_desc", "")
    ttype = info.get("template_type", "single")
    for key, value in (("template_name", name), ("template_desc", desc),
                       ("template_type", ttype)):
        if not isinstance(value, str):
            raise _type_error(f"info.{key}")
    if ttype != "single":
        raise _bad("info.template_type must be \"single\"")
    is_default = info.get("is_default", False)
    if not isinstance(is_default, bool):
        raise _type_error("info.is_default")
    if any(t["template_name"] == name and tid != own_id for tid, t in templates.items()):
        raise _bad(f"template_name \"{name}\" already exists for this carrier")
    return {"template_name": name, "template_desc": desc, "template_type": ttype,
            "options": _options(info.get("options")), "is_default": is_default}


def _set_default(templates: dict[str, Any], chosen: dict[str, Any]) -> None:
    if chosen["is_default"]:
        for tpl in templates.values():
            if tpl is not chosen:
                tpl["is_default"] = False


def _found(templates: dict[str, Any], template_id: str | None) -> dict[str, Any]:
    tpl = templates.get(template_id or "")
    if tpl is None:
        raise ApiError(10025106, f"template_id {template_id} not found")
    return tpl


def _group(delivery_id: str, templates: dict[str, Any]) -> dict[str, Any]:
    default = next((tid for tid, t in templates.items() if t["is_default"]), "")
    return {"delivery_id": delivery_id, "default_template_id": default,
            "template_list": [copy.deepcopy(t) for t in templates.values()]}


def merchant_template_exists(shop: Shop, delivery_id: str, template_id: str) -> bool:
    return template_id in shop.ewaybill_templates.get(delivery_id, {})


@route(P + "template/get")
def template_get(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    if body.get("delivery_id") not in (None, ""):
        delivery_id, templates = _carrier(shop, body)
        return {"total_template": [_group(delivery_id, templates)]}
    return {"total_template": [_group(d, t) for d, t in shop.ewaybill_templates.items() if t]}


@route(P + "template/getbyid")
def template_getbyid(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    _, templates = _carrier(shop, body)
    tpl = _found(templates, field_str(body, "template_id"))
    return {"template_info": copy.deepcopy(tpl)}


@route(P + "template/create")
def template_create(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    delivery_id, templates = _carrier(shop, body)
    info = _info(body, templates, None)
    now = shop.clock.now()
    tid = str(shop.next_id("ewaybill.template", TEMPLATE_ID_START))
    tpl = {"template_id": tid, **info, "create_time": now, "update_time": now}
    templates[tid] = tpl
    _set_default(templates, tpl)
    record(shop, req.path, delivery_id=delivery_id, template_id=tid)
    return {"delivery_id": delivery_id, "template_id": tid}


@route(P + "template/update")
def template_update(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    delivery_id, templates = _carrier(shop, body)
    raw = body.get("info")
    if not isinstance(raw, dict):
        raise _bad("field \"info\" is required") if raw is None else _type_error("info")
    tid = field_str(raw, "template_id")
    tpl = _found(templates, tid)
    info = _info(body, templates, tid)
    tpl.update(info)
    tpl["update_time"] = max(shop.clock.now(), tpl["update_time"] + 1)
    _set_default(templates, tpl)
    record(shop, req.path, delivery_id=delivery_id, template_id=tid)
    return {}


@route(P + "template/delete")
def template_delete(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    delivery_id, templates = _carrier(shop, body)
    tid = field_str(body, "template_id")
    _found(templates, tid)
    del templates[tid or ""]
    record(shop, req.path, delivery_id=delivery_id, template_id=tid)
    return {}
