"""Typed readers for wire dicts: tolerant of absent optional fields, strict about types.

Every reader names the field's path in the :class:`MalformedResponse` it raises (the reply
itself is never logged: it may hold addresses). ``None`` counts as absent; ids come as strings
or numbers and leave as strings; integers must be JSON numbers without a fraction. Sizes are
bounded (integers within ±2^53, times 1970–2106, ids ≤ 128 characters, strings ≤ ``MAX_STR`` or
the field's ``max_len``, images only ``http(s)://`` links): beyond them a reply is malformed.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from ..errors import MalformedResponse

Wire = dict[str, Any]

MAX_INT = 2**53 - 1
MAX_TIME = 2**32 - 1  # unix seconds, year 2106
MAX_ID = 128  # out_product_id/out_sku_id are ≤128 (auth-products.md §7.4), real ids ~20
MAX_STR = 2048  # a string field without a limit of its own
MAX_URL = 2048
MAX_EXTRA_BYTES = 256 * 1024  # the unmodelled fields kept verbatim with one entity
_URL_SCHEMES = ("https://", "http://")
_BAD_URL_CHAR = re.compile(r"[\s\x00-\x1f]")  # sre's \s is str.isspace()


def malformed(where: str, expected: str) -> MalformedResponse:
    return MalformedResponse(errmsg=f"{where}: expected {expected}")


def obj(value: Any, where: str) -> Wire:
    if not isinstance(value, dict):
        raise malformed(where, "an object")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -MAX_INT <= value <= MAX_INT


def _as_id(value: Any, where: str) -> str:
    if isinstance(value, str):
        if len(value) > MAX_ID:
            raise malformed(where, f"an id of at most {MAX_ID} characters")
        return value.strip()
    if _is_int(value) or (isinstance(value, int) and not isinstance(value, bool)
                          and 0 <= value < 2**64):  # uint64 ids
        return str(value)
    raise malformed(where, "an id (string or number)")


def _bounded(value: str, where: str, max_len: int) -> str:
    if len(value) > max_len:
        raise malformed(where, f"a string of at most {max_len} characters, got {len(value)}")
    return value


def req_id(d: Wire, key: str, where: str) -> str:
    value = d.get(key)
    if value is None or value == "":
        raise malformed(f"{where}.{key}", "an id")
    return _as_id(value, f"{where}.{key}")


def opt_id(d: Wire, key: str, where: str) -> str:
    value = d.get(key)
    return "" if value is None else _as_id(value, f"{where}.{key}")


def req_str(d: Wire, key: str, where: str, *, max_len: int = MAX_STR) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise malformed(f"{where}.{key}", "a string")
    return _bounded(value, f"{where}.{key}", max_len)


def opt_str(d: Wire, key: str, where: str, default: str = "", *, max_len: int = MAX_STR) -> str:
    value = d.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise malformed(f"{where}.{key}", "a string")
    return _bounded(value, f"{where}.{key}", max_len)


def _url(value: str, where: str) -> str:
    if not value:
        return value
    if (len(value) > MAX_URL or not value.lower().startswith(_URL_SCHEMES)
            or _BAD_URL_CHAR.search(value)):
        raise malformed(where, "an http(s) link")
    return value


def opt_url(d: Wire, key: str, where: str) -> str:
    """An image or page link: empty, or ``http(s)://…`` (never ``local:`` or a file path)."""
    return _url(opt_str(d, key, where, max_len=MAX_URL), f"{where}.{key}")


def url_list(d: Wire, key: str, where: str, *, max_items: int) -> tuple[str, ...]:
    items = str_list(d, key, where, max_items=max_items, max_len=MAX_URL)
    return tuple(_url(item, f"{where}.{key}[{i}]") for i, item in enumerate(items))


def opt_time(d: Wire, key: str, where: str) -> int:
    """Unix seconds (0 when absent), within 1970–2106."""
    value = opt_int(d, key, where)
    if not 0 <= value <= MAX_TIME:
        raise malformed(f"{where}.{key}", "a unix time")
    return value


def bounded_extra(extra: Wire, where: str) -> Wire:
    """Unmodelled fields kept verbatim: at most ``MAX_EXTRA_BYTES`` once encoded."""
    if extra:
        try:
            size = len(orjson.dumps(extra))
        except (TypeError, orjson.JSONEncodeError):  # integers beyond 64 bits
            raise malformed(where, "fields of sane size") from None
        if size > MAX_EXTRA_BYTES:
            raise malformed(where, f"at most {MAX_EXTRA_BYTES} bytes of other fields")
    return extra


def req_int(d: Wire, key: str, where: str) -> int:
    value = d.get(key)
    if not _is_int(value):
        raise malformed(f"{where}.{key}", "an integer")
    return value


def opt_int(d: Wire, key: str, where: str, default: int = 0) -> int:
    value = d.get(key)
    if value is None:
        return default
    if not _is_int(value):
        raise malformed(f"{where}.{key}", "an integer")
    return value


def opt_int_or_none(d: Wire, key: str, where: str) -> int | None:
    value = d.get(key)
    if value is None:
        return None
    if not _is_int(value):
        raise malformed(f"{where}.{key}", "an integer")
    return value


def opt_bool(d: Wire, key: str, where: str) -> bool:
    value = d.get(key)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise malformed(f"{where}.{key}", "a boolean")


def opt_obj(d: Wire, key: str, where: str) -> Wire:
    value = d.get(key)
    if value is None:
        return {}
    return obj(value, f"{where}.{key}")


def opt_list(d: Wire, key: str, where: str) -> list[Any]:
    value = d.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise malformed(f"{where}.{key}", "a list")
    return value


def req_list(d: Wire, key: str, where: str) -> list[Any]:
    value = d.get(key)
    if not isinstance(value, list):
        raise malformed(f"{where}.{key}", "a list")
    return value


def str_list(d: Wire, key: str, where: str, *, max_items: int = 1000,
             max_len: int = MAX_STR) -> tuple[str, ...]:
    items = opt_list(d, key, where)
    if len(items) > max_items:
        raise malformed(f"{where}.{key}", f"at most {max_items} items")
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise malformed(f"{where}.{key}[{i}]", "a string")
        _bounded(item, f"{where}.{key}[{i}]", max_len)
    return tuple(items)


def id_list(d: Wire, key: str, where: str, *, required: bool = False) -> list[str]:
    items = req_list(d, key, where) if required else opt_list(d, key, where)
    return [_as_id(item, f"{where}.{key}[{i}]") for i, item in enumerate(items)]


def objs(d: Wire, key: str, where: str, *, max_items: int = 10_000) -> list[tuple[Wire, str]]:
    """The objects of a list field, each with its path."""
    items = opt_list(d, key, where)
    if len(items) > max_items:
        raise malformed(f"{where}.{key}", f"at most {max_items} items")
    return [(obj(item, f"{where}.{key}[{i}]"), f"{where}.{key}[{i}]")
            for i, item in enumerate(items)]


def wire_id(value: str) -> int | str:
    """An id for a field the reference types as a number (uint64): digits go out as a number."""
    return int(value) if value.isdigit() else value
