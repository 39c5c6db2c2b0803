"""Three-way merge of a product edit: the seller's version against the server's, field by field.

Inputs are product dicts (the store's JSON shape: ``EDITABLE_FIELDS`` at top level, ``skus`` as
a list of dicts with ``sku_id`` and ``SKU_EDITABLE_FIELDS``); ``base`` is what the seller's edit
started from. A field changed on one side only takes that side's value; changed on both sides
to the same value is fine; changed on both to different values is a conflict for the seller.
SKUs merge per ``sku_id`` (a SKU added, removed or edited on one side merges like a field);
SKUs without an id are new on the seller's side and always kept. Stock never conflicts: it
travels as deltas, so the merged stock is always the server's.

Conflict field names: ``"title"``, ``"skus[<sku_id>].sale_price"``, and ``"skus[<sku_id>]"``
when one side removed a SKU the other edited. Until resolved, the merged value is theirs.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from .product import EDITABLE_FIELDS, SKU_EDITABLE_FIELDS

Choice = Literal["mine", "theirs"]
_SKU_FIELD = re.compile(r"^skus\[(?P<id>[^\]]+)\](?:\.(?P<field>\w+))?$")
_MISSING = object()


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass
class MergeResult:
    merged: dict[str, Any]
    conflicts: list[FieldConflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _norm(value: Any) -> Any:
    """Tuples and lists compare equal (JSON round trips turn one into the other)."""
    if isinstance(value, list | tuple):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def _merge3(base: Any, mine: Any, theirs: Any) -> tuple[Any, bool]:
    """(value, conflict?) for one field."""
    b, m, t = _norm(base), _norm(mine), _norm(theirs)
    if m == t or m == b:
        return theirs, False
    if t == b:
        return mine, False
    return theirs, True


def _editable(sku: dict[str, Any] | None) -> dict[str, Any] | None:
    if sku is None:
        return None
    return {f: _norm(sku.get(f)) for f in SKU_EDITABLE_FIELDS}


def _by_id(product: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(s["sku_id"]): s for s in product.get("skus") or () if s.get("sku_id")}


def _merge_skus(base: dict, mine: dict, theirs: dict,
                conflicts: list[FieldConflict]) -> list[dict[str, Any]]:
    b_skus, m_skus, t_skus = _by_id(base), _by_id(mine), _by_id(theirs)
    order = list(t_skus) + [i for i in m_skus if i not in t_skus]
    merged: list[dict[str, Any]] = []
    for sku_id in order:
        b, m, t = b_skus.get(sku_id), m_skus.get(sku_id), t_skus.get(sku_id)
        if m is not None and t is not None:
            sku = copy.deepcopy(t)
            for name in SKU_EDITABLE_FIELDS:
                value, conflict = _merge3(b.get(name) if b else None, m.get(name), t.get(name))
                sku[name] = copy.deepcopy(value)
                if conflict:
                    conflicts.append(FieldConflict(f"skus[{sku_id}].{name}",
                                                   b.get(name) if b else None,
                                                   m.get(name), t.get(name)))
            merged.append(sku)
            continue
        # Present on one side only: the SKU as a whole merges like a field.
        value, conflict = _merge3(_editable(b), _editable(m), _editable(t))
        if conflict:
            conflicts.append(FieldConflict(f"skus[{sku_id}]", b, m, t))
            if t is not None:
                merged.append(copy.deepcopy(t))
        elif value is not None:
            merged.append(copy.deepcopy(m if value == _editable(m) and m is not None else t))
    merged.extend(copy.deepcopy(s) for s in mine.get("skus") or () if not s.get("sku_id"))
    return merged


def merge_product(base: dict[str, Any], mine: dict[str, Any],
                  theirs: dict[str, Any]) -> MergeResult:
    """Merge the seller's edit (``mine``) into the server's draft (``theirs``)."""
    merged = copy.deepcopy(theirs)
    conflicts: list[FieldConflict] = []
    for name in EDITABLE_FIELDS:
        b, m, t = base.get(name), mine.get(name), theirs.get(name)
        value, conflict = _merge3(b, m, t)
        merged[name] = copy.deepcopy(value)
        if conflict:
            conflicts.append(FieldConflict(name, b, m, t))
    merged["skus"] = _merge_skus(base, mine, theirs, conflicts)
    return MergeResult(merged, conflicts)


def resolve(merged: dict[str, Any], conflicts: list[FieldConflict],
            choices: dict[str, Choice]) -> dict[str, Any]:
    """Apply the seller's choice for every conflict; returns a new product dict."""
    missing = [c.field for c in conflicts if c.field not in choices]
    if missing:
        raise ValueError(f"no choice for: {', '.join(missing)}")
    result = copy.deepcopy(merged)
    for c in conflicts:
        choice = choices[c.field]
        if choice not in ("mine", "theirs"):
            raise ValueError(f"choice for {c.field} must be 'mine' or 'theirs', not {choice!r}")
        value = copy.deepcopy(c.mine if choice == "mine" else c.theirs)
        match = _SKU_FIELD.match(c.field)
        if match is None:
            result[c.field] = value
            continue
        sku_id, name = match["id"], match["field"]
        skus = result.setdefault("skus", [])
        index = next((i for i, s in enumerate(skus) if str(s.get("sku_id")) == sku_id), None)
        if name is not None:
            if index is not None:
                skus[index][name] = value
        elif value is None:
            if index is not None:
                del skus[index]
        elif index is None:
            skus.append(value)
        else:
            stock = skus[index].get("stock_num", _MISSING)
            skus[index] = value
            if stock is not _MISSING:
                skus[index]["stock_num"] = stock
    return result
