"""Push product rows: create, edit, list, delist, delete, stock deltas.

``create`` uploads local images first and sends a marker in ``out_product_id`` (read back by it;
on success the local id becomes the server id everywhere); ``edit`` goes through
``conflicts.py`` (three-way merge); ``stock_delta`` is always a delta, with the server stock
read and stored when the row is marked ``sending``; a ``list`` / ``delist`` / ``delete`` refused
because the product is already so counts as done. The rule per op: docs/architecture.md, "Push".
"""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from typing import Any

from ..api import media as media_api
from ..api import products as products_api
from ..api.errors import NotFound, Rejected, UnknownOutcome
from ..domain.product import Product, ProductStatus
from ..store import images as picked
from ..store import outbox
from ..store.codec import product_from_dict
from ..store.outbox import OutboxRow
from ..store.products import ProductRepo
from .context import SyncContext
from .push import PushResult, RowFailed, handler, mark_sending, send_once

UNDER_REVIEW = (10020047, 10020049)
NOT_ON_SALE = 10020065


def _product_id(row: OutboxRow) -> str:
    pid = row.payload.get("product_id") if isinstance(row.payload, dict) else None
    return str(pid or row.entity_id)


# ---- images --------------------------------------------------------------------------------

async def _upload(ctx: SyncContext, ref: str, cache: dict[str, str]) -> str:
    """The link for ``ref``: a picked image is uploaded (only files ``store/images`` vouches
    for: in the app's images folder, named by the app, content unchanged)."""
    if not picked.is_local(ref):
        return ref
    if ref not in cache:
        try:
            data = await asyncio.to_thread(picked.read_picked, ctx.store.data_dir, ref)
        except picked.NotPicked as exc:
            raise RowFailed(f"图片 {ref[:80]} 不能上传：{exc}") from exc
        except OSError as exc:
            raise RowFailed(f"找不到本地图片 {ref[:80]}（{exc.strerror or exc}）") from exc
        name = picked.picked_name(ref)
        try:
            cache[ref] = await media_api.upload_image(ctx.api, data, filename=name)
        except ValueError as exc:
            raise RowFailed(f"图片 {name} 不是 PNG/JPEG：{exc}") from exc
    return cache[ref]


def _has_local_images(d: dict[str, Any]) -> bool:
    refs = [*(d.get("head_imgs") or ()), *(d.get("desc_imgs") or ()),
            *(s.get("thumb_img") or "" for s in d.get("skus") or ())]
    return any(picked.is_local(r) for r in refs)


async def upload_images(ctx: SyncContext, row: OutboxRow) -> OutboxRow:
    """Upload the row's ``local:`` images and store the links in the row; the updated row."""
    payload = row.payload
    if not isinstance(payload, dict) or not _has_local_images(payload):
        return row
    cache: dict[str, str] = {}
    new = dict(payload)
    new["head_imgs"] = [await _upload(ctx, r, cache) for r in payload.get("head_imgs") or ()]
    new["desc_imgs"] = [await _upload(ctx, r, cache) for r in payload.get("desc_imgs") or ()]
    new["skus"] = [{**s, "thumb_img": await _upload(ctx, s.get("thumb_img") or "", cache)}
                   for s in payload.get("skus") or ()]

    def tx(conn: sqlite3.Connection) -> OutboxRow:
        outbox.update_payload(conn, row.id, new)
        updated = outbox.get(conn, row.id)
        assert updated is not None
        return updated

    return await ctx.write(tx, durable=True)


# ---- create --------------------------------------------------------------------------------

def marker(row: OutboxRow) -> str:
    own = row.payload.get("out_product_id") if isinstance(row.payload, dict) else ""
    return str(own or row.entity_id)


def _sent_as(product: Product) -> tuple[str, str, list[tuple[str, int]]]:
    """What a create's product is recognised by: marker, title, each SKU's code and price (a
    copied listing shares the seller's code, and often the title)."""
    return (product.out_product_id, product.title.strip(),
            sorted((s.sku_code, s.sale_price) for s in product.skus))


async def _find_by_marker(ctx: SyncContext, row: OutboxRow) -> str | None:
    """The server product this create made before an unknown outcome, or None: one the cache
    does not know and no other create claimed, that looks as the row sent it (``_sent_as``)."""
    from .pull_products import list_all_product_ids

    sent = _sent_as(replace(product_from_dict(row.payload), out_product_id=marker(row)))
    known = await ctx.write(lambda conn: {r["product_id"] for r in
                                          ProductRepo(conn).list(limit=1 << 30)})
    claimed = {pid for rid, pid in ctx.created.items() if rid != row.id}
    for pid in await list_all_product_ids(ctx):
        if pid in known or pid in claimed:
            continue
        try:
            copies = await products_api.get_product(ctx.api, pid, data_type=2)
        except NotFound:
            continue  # deleted since it was listed: not ours (a race must not fail the row)
        if copies.draft is not None and _sent_as(copies.draft) == sent:
            return pid
    return None


async def _create_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    if not isinstance(row.payload, dict):
        raise TypeError("payload")  # a damaged row: push_row fails it alone, with its reason
    pid = row.payload.get("product_id")
    if pid and not str(pid).startswith("local-") and pid != row.entity_id:
        ctx.created[row.id] = str(pid)
        return True
    async with ctx.creating:  # no other create's product is between add and assign meanwhile
        found = await _find_by_marker(ctx, row)
        if found is None:
            return False
        ctx.created[row.id] = found
    return True


async def _assign(ctx: SyncContext, row: OutboxRow, server_id: str, result: PushResult) -> None:
    local_id = row.entity_id

    def tx(conn: sqlite3.Connection) -> None:
        ProductRepo(conn).assign_server_id(local_id, server_id)
        outbox.mark_done(conn, row.id)

    await ctx.write(tx, durable=True)
    result.products.add(server_id)
    ctx.created.pop(row.id, None)


async def _create_done(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    await _assign(ctx, row, ctx.created[row.id], result)


@handler("product", "create", applied=_create_applied, done=_create_done)
async def send_create(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    row = await upload_images(ctx, row)
    product = replace(product_from_dict(row.payload), product_id=None,
                      out_product_id=marker(row))
    listing = bool(row.payload.get("listing"))
    async with ctx.creating:  # the product is unknown to the cache until _assign
        await mark_sending(ctx, row)
        try:
            server_id = await send_once(ctx, lambda: products_api.add_product(
                ctx.api, product, listing=listing))
        except UnknownOutcome:
            # Read back before the lock goes: another create's find must not meet this one's
            # product with its id not yet stored. Not found: push_row checks again, then sends.
            found = await _find_by_marker(ctx, row)
            if found is None:
                raise
            server_id = found
        await _assign(ctx, row, server_id, result)


# ---- list / delist / delete ------------------------------------------------------------------

async def _server_copy(ctx: SyncContext, pid: str) -> Product | None:
    try:
        copies = await products_api.get_product(ctx.api, pid, data_type=3)
    except NotFound:
        return None
    return copies.draft or copies.online


@handler("product", "list")
async def send_list(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    pid = _product_id(row)
    try:
        await products_api.list_product(ctx.api, pid)
    except Rejected as exc:
        current = await _server_copy(ctx, pid)
        if exc.errcode not in UNDER_REVIEW or current is None or current.edit_status not in (2, 7):
            raise
    result.products.add(pid)


@handler("product", "delist")
async def send_delist(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    pid = _product_id(row)
    try:
        await products_api.delist_product(ctx.api, pid)
    except Rejected as exc:
        current = await _server_copy(ctx, pid)
        if exc.errcode != NOT_ON_SALE or current is None \
                or current.status != ProductStatus.DELISTED:
            raise
    result.products.add(pid)


@handler("product", "delete")
async def send_delete(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    pid = _product_id(row)
    try:
        await products_api.delete_product(ctx.api, pid)
    except NotFound:
        pass  # already gone: what the seller asked for
    result.products.add(pid)


# ---- stock ---------------------------------------------------------------------------------

def _stock_args(row: OutboxRow) -> tuple[str, str, int]:
    payload = row.payload
    try:
        return _product_id(row), str(payload["sku_id"]), int(payload["delta"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RowFailed(f"库存修改数据不完整（{exc}）") from exc


async def _stock_applied(ctx: SyncContext, row: OutboxRow) -> bool:
    pid, sku_id, delta = _stock_args(row)
    before = row.payload.get("stock_before")
    if before is None:
        return False  # never marked sending with a reading: it cannot have been sent
    now = (await products_api.get_stock(ctx.api, pid, sku_id)).normal
    moved = now - int(before)
    return abs(moved - delta) < abs(moved)


@handler("product", "stock_delta", applied=_stock_applied)
async def send_stock_delta(ctx: SyncContext, row: OutboxRow, result: PushResult) -> None:
    pid, sku_id, delta = _stock_args(row)
    if delta == 0:
        return
    before = (await products_api.get_stock(ctx.api, pid, sku_id)).normal
    payload = {**row.payload, "stock_before": before}

    def record_before(conn: sqlite3.Connection) -> None:
        if row.state != "sending":
            outbox.update_payload(conn, row.id, payload)
        else:
            conn.execute("UPDATE outbox SET payload = json_set(payload, '$.stock_before', ?)"
                         " WHERE id = ?", (before, row.id))

    await mark_sending(ctx, row, before=record_before)
    diff = products_api.DIFF_ADD if delta > 0 else products_api.DIFF_SUBTRACT
    await send_once(ctx, lambda: products_api.update_stock(ctx.api, pid, sku_id, diff,
                                                           abs(delta)))
    result.products.add(pid)
