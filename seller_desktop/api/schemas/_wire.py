"""Typed readers for wire dicts: tolerant of absent optional fields, strict about types.

Every reader names the field's path in the :class:`MalformedResponse` it raises, so a bad reply
can be diagnosed from the log without logging the reply itself (it may hold addresses).
``None`` (JSON null) counts as absent. Ids are accepted as strings or numbers and returned as
strings; integers (money in 分, counts, unix seconds) must be JSON numbers without a fraction.
"""

from __future__ import annotations

from typing import Any

from ..errors import MalformedResponse

Wire = dict[str, Any]


def malformed(where: str, expected: str) -> MalformedResponse:
    return MalformedResponse(errmsg=f"{where}: expected {expected}")


def obj(value: Any, where: str) -> Wire:
    if not isinstance(value, dict):
        raise malformed(where, "an object")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_id(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value.strip()
    if _is_int(value):
        return str(value)
    raise malformed(where, "an id (string or number)")


def req_id(d: Wire, key: str, where: str) -> str:
    value = d.get(key)
    if value is None or value == "":
        raise malformed(f"{where}.{key}", "an id")
    return _as_id(value, f"{where}.{key}")


def opt_id(d: Wire, key: str, where: str) -> str:
    value = d.get(key)
    return "" if value is None else _as_id(value, f"{where}.{key}")


def req_str(d: Wire, key: str, where: str) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise malformed(f"{where}.{key}", "a string")
    return value


def opt_str(d: Wire, key: str, where: str, default: str = "") -> str:
    value = d.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise malformed(f"{where}.{key}", "a string")
    return value


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


def str_list(d: Wire, key: str, where: str) -> tuple[str, ...]:
    items = opt_list(d, key, where)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise malformed(f"{where}.{key}[{i}]", "a string")
    return tuple(items)


def id_list(d: Wire, key: str, where: str, *, required: bool = False) -> list[str]:
    items = req_list(d, key, where) if required else opt_list(d, key, where)
    return [_as_id(item, f"{where}.{key}[{i}]") for i, item in enumerate(items)]


def objs(d: Wire, key: str, where: str) -> list[tuple[Wire, str]]:
    """The objects of a list field, each with its path."""
    return [(obj(item, f"{where}.{key}[{i}]"), f"{where}.{key}[{i}]")
            for i, item in enumerate(opt_list(d, key, where))]


def wire_id(value: str) -> int | str:
    """An id for a field the reference types as a number (uint64): digits go out as a number."""
    return int(value) if value.isdigit() else value
