"""Product edits against concurrent server edits: detect, merge, park, resolve.

Before an ``edit`` row is pushed the server draft is read. If its ``edit_time`` is still the
row's base version, the seller's draft goes out as it is. Otherwise the three copies are merged
field by field (``domain.merge``): one-sided changes merge by themselves and the merged draft
goes out; fields both sides changed differently are stored (``ConflictRepo``: mine, theirs,
base) and the row waits in state ``conflict``. :func:`resolve` applies the seller's choice per
field ("mine" / "theirs"), makes the server draft it was resolved against the row's new base,
and puts the row back in line. Stock is never merged: the server's stock is always sent.
"""

from __future__ import annotations

import copy
import sqlite3
from typing import Any

from ..api import products as products_api
from ..domain import merge
from ..domain.product import Product
from ..store import outbox
from ..store.codec import product_from_dict, product_to_dict
from ..store.meta import ConflictRepo
from ..store.outbox import OutboxRow
from ..store.products import ProductRepo
from .context import SyncContext, SyncReport
from .push import PushResult, RowConflict, RowFailed, handler
from .push_products import upload_images


def base_of(row: OutboxRow, fallback: dict[str, Any] | None) -> tuple[int, dict[str, Any] | None]:
    """(base edit_time, base product dict): the server draft the edit started from.

    ops stores that draft itself as the row's ``base``; ``{"edit_time", "product"}`` is read too.
    """
    base = row.base if isinstance(row.base, dict) else {}
    edit_time = int(base.get("edit_time") or 0)
    if isinstance(base.get("product"), dict):
        return edit_time, base["product"]
    if "skus" in base or "title" in base:
        return edit_time, base
    return edit_time, fallback


def with_server_stock(mine: dict[str, Any], theirs: Product) -> dict[str, Any]:
    """``mine`` with every known SKU's stock set to the server's (stock travels as deltas)."""
    stock = {s.sku_id: s.stock_num for s in theirs.skus if s.sku_id}
    out = copy.deepcopy(mine)
    for sku in out.get("skus") or ():
        if sku.get("sku_id") in stock:
            sku["stock_num"] = stock[sku["sku_id"]]
    return out


def _park(conn: sqlite3.Connection, row: OutboxRow, pid: str, theirs: Product,
          online: Product | None, conflicts: list[merge.FieldConflict]) -> None:
    repo = ConflictRepo(conn)
    for old in repo.list_unresolved(pid):
        if old.outbox_id == row.id:
            repo.resolve(old.id, "theirs")  # superseded by this newer comparison
    # the product first: after a rebuild the cache may not have it yet, and ``add`` flags it
    ProductRepo(conn).upsert_server(theirs, online)
    for c in conflicts:
        repo.add(pid, c.field, c.mine, c.theirs, c.base, outbox_id=row.id)


@handler("product", "edit")
async def send_edit(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    pid = str(row.payload.get("product_id") or row.entity_id)
    row = await upload_images(ctx, row)
    copies = await products_api.get_product(ctx.api, pid, data_type=3)
    theirs = copies.draft or copies.online
    if theirs is None:
        raise RowFailed("服务器上没有该商品的草稿")
    mine = row.payload
    base_time, base = base_of(row, None)
    if theirs.edit_time != base_time:
        if base is None:
            record = await ctx.write(lambda conn: ProductRepo(conn).get(pid))
            server = record.server_draft if record else None
            base = product_to_dict(server) if server and server.edit_time == base_time else {}
        merged = merge.merge_product(base, mine, product_to_dict(theirs))
        if merged.conflicts:
            conflicts = merged.conflicts
            online = copies.online
            await ctx.write(lambda conn: _park(conn, row, pid, theirs, online, conflicts),
                            durable=True)
            names = "、".join(c.field for c in conflicts)
            raise RowConflict(f"商品 {pid} 在小店后台也被修改了：{names}")
        mine = merged.merged
    body = product_from_dict(with_server_stock(mine, theirs))
    await products_api.update_product(ctx.api, body, listing=bool(row.payload.get("listing")))
    result.products.add(pid)


async def resolve(ctx: SyncContext, product_id: str, choices: dict[str, str],
                  report: SyncReport) -> None:
    """Apply ``choices`` (field → "mine" | "theirs") to the product's open conflicts."""
    def tx(conn: sqlite3.Connection) -> None:
        repo = ConflictRepo(conn)
        open_conflicts = repo.list_unresolved(product_id)
        if not open_conflicts:
            raise ValueError(f"商品 {product_id} 没有待解决的冲突")
        missing = [c.field for c in open_conflicts if c.field not in choices]
        if missing:
            raise ValueError(f"还没有选择：{'、'.join(missing)}")
        record = ProductRepo(conn).get(product_id)
        if record is None or record.server_draft is None:
            raise ValueError(f"缓存中没有商品 {product_id} 的服务器版本")
        theirs = product_to_dict(record.server_draft)
        rows = sorted({c.outbox_id for c in open_conflicts if c.outbox_id is not None})
        shown: dict[str, Any] | None = None
        for row_id in rows:
            row = outbox.get(conn, row_id)
            if row is None or row.state != "conflict":
                continue
            _, base = base_of(row, {})
            merged = merge.merge_product(base or {}, row.payload, theirs)
            picked = {c.field: choices[c.field] for c in merged.conflicts if c.field in choices}
            for c in merged.conflicts:
                picked.setdefault(c.field, "theirs")  # a field that was not asked about
            resolved = merge.resolve(merged.merged, merged.conflicts, picked)  # type: ignore[arg-type]
            resolved["product_id"] = product_id
            for key in ("listing",):
                if key in row.payload:
                    resolved[key] = row.payload[key]
            outbox.update_payload(conn, row.id, resolved, base=theirs)
            outbox.retry(conn, row.id)
            shown = resolved
        for c in open_conflicts:
            repo.resolve(c.id, choices[c.field])
        products = ProductRepo(conn)
        if shown is not None:
            products.save_local(product_from_dict(shown), local_id=record.local_id)
        products.set_conflict(product_id, False)

    await ctx.write(tx, durable=True)
    report.changes.products.add(product_id)
    report.changes.conflicts = True
    report.changes.outbox = True
