"""Validation of a product write body (add / update / web-backend edit) with the documented codes.

:func:`validate_product` checks JSON types (47001), the fields §8.3 marks required (40097), the
product rules of auth-products.md §7.4, §7.5 and §9 (title, head images, description and
qualification images, mmecimage links), the category and freight-template references
(``catalog.py``), and returns a normalized draft (every SKU with the same keys; read-only and
request-only fields dropped, unknown ones kept). Each rule with its code: sandbox/README.md,
"Products".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .catalog import check_categories, check_freight
from .core import ApiError

if TYPE_CHECKING:
    from .state import Shop

LINK_PREFIX = "https://mmecimage.cn/p/"
MAX_PRICE = 1_000_000_000
MAX_STOCK = 10_000_000
READ_ONLY = ("product_id", "status", "edit_status", "min_price", "create_time", "edit_time",
             "listing", "update_time")
SKU_READ_ONLY = ("status",)


def _type_error(name: str, value: Any) -> ApiError:
    return ApiError(47001, f"data format error, field \"{name}\" does't expect a "
                           f"{type(value).__name__} value")


def _get(obj: dict[str, Any], key: str, types: type | tuple[type, ...], name: str) -> Any:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise _type_error(name, value)
    if not isinstance(value, types):
        raise _type_error(name, value)
    return value


def _required(name: str) -> ApiError:
    return ApiError(40097, f"invalid args, field \"{name}\" is required")


def _check_link(url: Any, name: str) -> None:
    if not isinstance(url, str):
        raise _type_error(name, url)
    if not url.startswith(LINK_PREFIX):
        raise ApiError(10020035, f"image url must be a mmecimage.cn/p/ link: {name}")


def _check_title(body: dict[str, Any]) -> str:
    title = _get(body, "title", str, "title")
    if title is None:
        raise _required("title")
    if not title.strip():
        raise ApiError(10020020, "product title is empty")
    if len(title) > 60:
        raise ApiError(10020021, "product title is too long")
    if len(title.strip()) < 5:
        raise ApiError(10020042, "product title is too short")
    if title.isascii():
        raise ApiError(10020045, "product title must not be only digits, letters or symbols")
    return title


def _check_images(body: dict[str, Any]) -> None:
    head = _get(body, "head_imgs", list, "head_imgs")
    if head is None:
        raise _required("head_imgs")
    if not head:
        raise ApiError(10020022, "head_imgs is empty")
    if len(head) > 9:
        raise ApiError(10020023, "too many head_imgs")
    if len(head) < 3:
        raise ApiError(10020106, "at least 3 head_imgs are needed")
    for i, url in enumerate(head):
        _check_link(url, f"head_imgs[{i}]")
    if len(set(head)) != len(head):
        raise ApiError(10020051, "parameter error: head_imgs contains duplicates")
    desc = _get(body, "desc_info", dict, "desc_info")
    if desc is not None:
        imgs = _get(desc, "imgs", list, "desc_info.imgs") or []
        if len(imgs) > 20:
            raise ApiError(10020025, "too many desc_info.imgs")
        for i, url in enumerate(imgs):
            _check_link(url, f"desc_info.imgs[{i}]")
        _get(desc, "desc", str, "desc_info.desc")
    quals = _get(body, "qualifications", list, "qualifications") or []
    if len(quals) > 5:
        raise ApiError(10020027, "too many qualifications")
    for i, url in enumerate(quals):
        _check_link(url, f"qualifications[{i}]")
    infos = _get(body, "product_qua_infos", list, "product_qua_infos") or []
    for i, info in enumerate(infos):
        name = f"product_qua_infos[{i}]"
        if not isinstance(info, dict):
            raise _type_error(name, info)
        _get(info, "qua_id", (str, int), f"{name}.qua_id")
        urls = _get(info, "qua_url", list, f"{name}.qua_url") or []
        if len(urls) > 10:
            raise ApiError(10020027, f"too many qualification images in {name}.qua_url")
        for j, url in enumerate(urls):
            _check_link(url, f"{name}.qua_url[{j}]")


def _check_cats(body: dict[str, Any]) -> None:
    cats = _get(body, "cats", list, "cats")
    cats_v2 = _get(body, "cats_v2", list, "cats_v2")
    if not cats and not cats_v2:
        raise _required("cats_v2 (or cats)")
    for name, items in (("cats", cats or []), ("cats_v2", cats_v2 or [])):
        for i, cat in enumerate(items):
            if not isinstance(cat, dict):
                raise _type_error(f"{name}[{i}]", cat)
            if _get(cat, "cat_id", (str, int), f"{name}[{i}].cat_id") is None:
                raise _required(f"{name}[{i}].cat_id")
    check_categories(body)


def _check_delivery(body: dict[str, Any]) -> None:
    deliver_method = _get(body, "deliver_method", int, "deliver_method")
    if deliver_method is None:
        raise _required("deliver_method")
    if deliver_method not in (0, 1, 3):
        raise ApiError(40097, "invalid args, field \"deliver_method\" is out of range")
    acct_types = _get(body, "deliver_acct_type", list, "deliver_acct_type")
    if deliver_method == 3 and not acct_types:
        raise _required("deliver_acct_type")
    for i, value in enumerate(acct_types or []):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _type_error(f"deliver_acct_type[{i}]", value)
        if value not in (1, 2, 3, 4):
            raise ApiError(40097, f"invalid args, field \"deliver_acct_type[{i}]\" is out of range")
    express = _get(body, "express_info", dict, "express_info")
    if express is not None:
        _get(express, "template_id", (str, int), "express_info.template_id")
        _get(express, "weight", int, "express_info.weight")
    extra = _get(body, "extra_service", dict, "extra_service")
    if extra is None:
        raise _required("extra_service")
    for key, allowed in (("seven_day_return", (0, 1, 2, 3)), ("freight_insurance", (0, 1))):
        value = _get(extra, key, int, f"extra_service.{key}")
        if value is None:
            raise _required(f"extra_service.{key}")
        if value not in allowed:
            raise ApiError(40097, f"invalid args, field \"extra_service.{key}\" is out of range")


def _sku(raw: Any, i: int) -> dict[str, Any]:
    name = f"skus[{i}]"
    if not isinstance(raw, dict):
        raise _type_error(name, raw)
    sku_id = _get(raw, "sku_id", (str, int), f"{name}.sku_id")
    out_sku_id = _get(raw, "out_sku_id", str, f"{name}.out_sku_id") or ""
    if len(out_sku_id) > 128:
        raise ApiError(10020037, "out_sku_id is too long")
    thumb = _get(raw, "thumb_img", str, f"{name}.thumb_img") or ""
    if thumb:
        _check_link(thumb, f"{name}.thumb_img")
    sale_price = _get(raw, "sale_price", int, f"{name}.sale_price")
    if sale_price is None:
        raise _required(f"{name}.sale_price")
    if sale_price <= 0:
        raise ApiError(10020039, "sku sale_price is 0")
    if sale_price > MAX_PRICE:
        raise ApiError(10020028, "sku price is too high")
    market_price = _get(raw, "market_price", int, f"{name}.market_price") or 0
    if market_price and market_price <= sale_price:
        raise ApiError(10020040, "sale_price is greater than market_price")
    if market_price > MAX_PRICE:
        raise ApiError(10020028, "sku price is too high")
    stock = _get(raw, "stock_num", int, f"{name}.stock_num")
    if stock is None:
        raise _required(f"{name}.stock_num")
    if not 0 <= stock <= MAX_STOCK:
        raise ApiError(10020051, f"parameter error: {name}.stock_num must be within "
                                 f"0-{MAX_STOCK}")
    sku_code = _get(raw, "sku_code", str, f"{name}.sku_code") or ""
    if len(sku_code) > 100:
        raise ApiError(10020029, "sku_code is too long")
    attrs_raw = _get(raw, "sku_attrs", list, f"{name}.sku_attrs")
    if attrs_raw is None:
        raise _required(f"{name}.sku_attrs")
    attrs = []
    for j, attr in enumerate(attrs_raw):
        aname = f"{name}.sku_attrs[{j}]"
        if not isinstance(attr, dict):
            raise _type_error(aname, attr)
        key = _get(attr, "attr_key", str, f"{aname}.attr_key")
        value = _get(attr, "attr_value", str, f"{aname}.attr_value")
        if key is None:
            raise _required(f"{aname}.attr_key")
        if value is None:
            raise _required(f"{aname}.attr_value")
        if len(key) > 40:
            raise ApiError(10020032, "sale attribute key is too long")
        if len(value) > 40:
            raise ApiError(10020033, "sale attribute value is too long")
        attrs.append({"attr_key": key, "attr_value": value})
    sku = {k: v for k, v in raw.items() if k not in SKU_READ_ONLY}
    sku.update({"sku_id": None if sku_id is None else str(sku_id), "out_sku_id": out_sku_id,
                "thumb_img": thumb, "sale_price": sale_price, "market_price": market_price,
                "stock_num": stock, "sku_code": sku_code, "sku_attrs": attrs})
    return sku


def validate_product(body: dict[str, Any], shop: Shop, listing: bool = False) -> dict[str, Any]:
    """Check a whole product body; return the normalized draft (without ids/status fields).

    ``listing``: the body is also submitted for review (``listing: 1``), which needs a valid
    freight template for an express product."""
    title = _check_title(body)
    short_title = _get(body, "short_title", str, "short_title") or ""
    out_product_id = _get(body, "out_product_id", str, "out_product_id")
    if out_product_id is not None and len(out_product_id) > 128:
        raise ApiError(10020036, "out_product_id is too long")
    _check_images(body)
    _check_cats(body)
    _check_delivery(body)
    for obj in ("limited_info", "after_sale_info", "size_chart"):
        _get(body, obj, dict, obj)
    _get(body, "attrs", list, "attrs")
    skus_raw = _get(body, "skus", list, "skus")
    if skus_raw is None:
        raise _required("skus")
    if not skus_raw or len(skus_raw) > 500:
        raise ApiError(10020013, "sku count must be within 1-500")
    skus = [_sku(raw, i) for i, raw in enumerate(skus_raw)]
    values: dict[str, set[str]] = {}
    for sku in skus:
        for attr in sku["sku_attrs"]:
            values.setdefault(attr["attr_key"], set()).add(attr["attr_value"])
    if any(len(v) > 100 for v in values.values()):
        raise ApiError(10020031, "more than 100 values under one sale attribute")
    check_freight(shop, body, listing)
    draft = {k: v for k, v in body.items() if k not in READ_ONLY}
    desc = dict(body.get("desc_info") or {})
    desc.setdefault("imgs", [])
    desc.setdefault("desc", "")
    draft.update({"title": title, "short_title": short_title, "desc_info": desc,
                  "skus": skus})
    return draft


def check_listing_flag(body: dict[str, Any]) -> bool:
    listing = _get(body, "listing", int, "listing")
    if listing not in (None, 0, 1):
        raise ApiError(40097, "invalid args, field \"listing\" must be 0 or 1")
    return listing == 1
