"""Product intents: create (offline too), edit, list, delist, delete, change stock by a delta.

A product created here is keyed ``local-<uuid>`` (also its ``product_id`` in the stored draft)
until the sync engine creates it on the server and calls ``ProductRepo.assign_server_id``.

An edit's outbox row carries the whole edited product as ``payload`` and, as ``base``, the
server draft it started from (a product dict whose ``edit_time`` is the server version): the
sync engine merges field by field (``domain.merge``) if the server changed since. Consecutive
saves of one product update the same row while it has not gone out (pending, or failed: then it
is put back in line), never across a row that is being sent. Stock changes of SKUs the server
knows become ``stock_delta`` rows; the stock inside an edit payload is informational.
"""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from dataclasses import replace
from functools import partial

from ..domain.changes import ChangeSet
from ..domain.product import EditStatus, Product, ProductStatus
from ..domain.validation import STOCK_MAX, check_product
from ..store import Store, outbox
from ..store.codec import product_to_dict
from ..store.products import ProductRecord, ProductRepo
from ._run import fail, run, run_sync
from .images import import_images

LOCAL_PREFIX = "local-"
IN_REVIEW = int(EditStatus.IN_REVIEW)
LISTED_STATUSES = (int(ProductStatus.ON_SALE), int(ProductStatus.SOLD_OUT))


def is_local_id(product_id: str | None) -> bool:
    return bool(product_id) and str(product_id).startswith(LOCAL_PREFIX)


def _changed(product_id: str) -> ChangeSet:
    return ChangeSet(products={product_id}, outbox=True)


def _record(repo: ProductRepo, product_id: str) -> ProductRecord:
    record = repo.get(product_id)
    if record is None:
        raise fail("product_id", "商品不存在或已被删除")
    return record


def _open_create(conn: sqlite3.Connection, product_id: str) -> outbox.OutboxRow | None:
    """The create row of an offline product, if it has not gone out yet."""
    for row in outbox.open_rows(conn, "product", product_id):
        if row.op == "create" and row.state in outbox.EDITABLE_STATES:
            return row
    return None


def _coalescible(conn: sqlite3.Connection, product_id: str) -> outbox.OutboxRow | None:
    """The last create/edit row that a new save may update instead of adding a row."""
    rows = outbox.open_rows(conn, "product", product_id)
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        if row.op in ("create", "edit"):
            later_ok = all(r.op == "stock_delta" and r.state == "pending" for r in rows[i + 1:])
            return row if later_ok and row.state in ("pending", "failed") else None
    return None


def _update_row(conn: sqlite3.Connection, row: outbox.OutboxRow, payload: dict) -> None:
    outbox.update_payload(conn, row.id, payload)
    if row.state == "failed":
        outbox.retry(conn, row.id)


def _save_tx(conn: sqlite3.Connection, product: Product) -> ChangeSet:
    repo = ProductRepo(conn)
    if product.product_id is None:
        local_id = f"{LOCAL_PREFIX}{uuid.uuid4().hex}"
        created = replace(product, product_id=local_id, status=int(ProductStatus.INITIAL),
                          edit_status=int(EditStatus.INITIAL), edit_time=0)
        repo.save_local(created, local_id=local_id)
        outbox.enqueue(conn, "product", local_id, "create", product_to_dict(created))
        return _changed(local_id)

    product_id = product.product_id
    record = _record(repo, product_id)
    current = record.draft
    if current.edit_status == IN_REVIEW and not is_local_id(product_id):
        raise fail("product_id", "商品正在审核中，请先撤回审核再修改")
    shown = replace(product, status=current.status, edit_status=current.edit_status,
                    edit_time=current.edit_time, extra=current.extra or product.extra)
    deltas: list[tuple[str, int]] = []
    if not is_local_id(product_id):
        stock_now = {s.sku_id: s.stock_num for s in current.skus if s.sku_id}
        server_skus = {s.sku_id for s in (record.server_draft or current).skus if s.sku_id}
        deltas = [(s.sku_id, s.stock_num - stock_now[s.sku_id]) for s in shown.skus
                  if s.sku_id in stock_now and s.sku_id in server_skus
                  and s.stock_num != stock_now[s.sku_id]]
    repo.save_local(shown, local_id=record.local_id)
    payload = product_to_dict(shown)
    row = _coalescible(conn, product_id)
    if row is not None:
        _update_row(conn, row, payload)
    else:
        base = product_to_dict(record.server_draft or current)
        outbox.enqueue(conn, "product", product_id, "edit", payload, base=base)
    for sku_id, delta in deltas:
        outbox.enqueue(conn, "product", product_id, "stock_delta",
                       {"product_id": product_id, "sku_id": sku_id, "delta": delta})
    return _changed(product_id)


async def save_product(store: Store, product: Product) -> ChangeSet:
    """Create (``product_id`` None) or edit a product; images may be local file paths."""
    product = await asyncio.to_thread(import_images, store.data_dir, product)
    check_product(product)
    return await run(store, partial(_save_tx, product=product))


def save_product_sync(store: Store, product: Product) -> ChangeSet:
    product = import_images(store.data_dir, product)
    check_product(product)
    return run_sync(store, partial(_save_tx, product=product))


def _save_and_list_tx(conn: sqlite3.Connection, product: Product) -> ChangeSet:
    changes = _save_tx(conn, product)
    return changes.merge(_list_tx(conn, next(iter(changes.products))))


async def save_and_list(store: Store, product: Product) -> ChangeSet:
    """Save the draft and submit it for review (保存并提交审核): the edit row, then the listing
    row, queued in one transaction and pushed in that order."""
    product = await asyncio.to_thread(import_images, store.data_dir, product)
    check_product(product)
    return await run(store, partial(_save_and_list_tx, product=product))


def _list_tx(conn: sqlite3.Connection, product_id: str) -> ChangeSet:
    repo = ProductRepo(conn)
    record = _record(repo, product_id)
    if record.draft.edit_status == IN_REVIEW:
        raise fail("product_id", "商品已在审核中，请勿重复提交")
    if record.draft.status == ProductStatus.DELETED:
        raise fail("product_id", "商品已删除")
    outbox.enqueue(conn, "product", product_id, "list", {"product_id": product_id})
    repo.set_status(product_id, edit_status=IN_REVIEW)
    return _changed(product_id)


def _delist_tx(conn: sqlite3.Connection, product_id: str) -> ChangeSet:
    repo = ProductRepo(conn)
    record = _record(repo, product_id)
    if record.draft.status not in LISTED_STATUSES:
        raise fail("product_id", "商品未在售，无需下架")
    outbox.enqueue(conn, "product", product_id, "delist", {"product_id": product_id})
    repo.set_status(product_id, status=int(ProductStatus.DELISTED))
    return _changed(product_id)


def _delete_tx(conn: sqlite3.Connection, product_id: str) -> ChangeSet:
    repo = ProductRepo(conn)
    record = _record(repo, product_id)
    if is_local_id(product_id) and _open_create(conn, product_id) is not None:
        # Never reached the server: forget it here, nothing to send.
        for row in outbox.open_rows(conn, "product", product_id):
            outbox.cancel(conn, row.id)
        repo.delete(product_id)
        return _changed(product_id)
    if record.draft.edit_status == IN_REVIEW:
        raise fail("product_id", "审核中的商品不能删除，请先撤回审核")
    outbox.enqueue(conn, "product", product_id, "delete", {"product_id": product_id})
    repo.set_status(product_id, status=int(ProductStatus.DELETED))
    return _changed(product_id)


def _stock_tx(conn: sqlite3.Connection, product_id: str, sku_id: str, delta: int) -> ChangeSet:
    if delta == 0:
        raise fail("stock_num", "库存变化不能为 0")
    repo = ProductRepo(conn)
    record = _record(repo, product_id)
    sku = record.draft.sku(sku_id)
    if sku is None:
        raise fail("sku_id", "SKU 不存在")
    new_stock = sku.stock_num + delta
    if new_stock < 0:
        raise fail("stock_num", f"库存不足：现有 {sku.stock_num}，不能减少 {-delta}")
    if new_stock > STOCK_MAX:
        raise fail("stock_num", "库存不能超过 1000 万")
    shown = repo.set_sku_stock(product_id, sku_id, new_stock)
    create = _open_create(conn, product_id)
    if create is not None:
        outbox.update_payload(conn, create.id, product_to_dict(shown))
    else:
        outbox.enqueue(conn, "product", product_id, "stock_delta",
                       {"product_id": product_id, "sku_id": sku_id, "delta": delta})
    return _changed(product_id)


async def list_product(store: Store, product_id: str) -> ChangeSet:
    """Submit the draft for review (上架)."""
    return await run(store, partial(_list_tx, product_id=product_id))


def list_product_sync(store: Store, product_id: str) -> ChangeSet:
    return run_sync(store, partial(_list_tx, product_id=product_id))


async def delist_product(store: Store, product_id: str) -> ChangeSet:
    """Take the product off sale (下架)."""
    return await run(store, partial(_delist_tx, product_id=product_id))


def delist_product_sync(store: Store, product_id: str) -> ChangeSet:
    return run_sync(store, partial(_delist_tx, product_id=product_id))


async def delete_product(store: Store, product_id: str) -> ChangeSet:
    return await run(store, partial(_delete_tx, product_id=product_id))


def delete_product_sync(store: Store, product_id: str) -> ChangeSet:
    return run_sync(store, partial(_delete_tx, product_id=product_id))


async def change_stock(store: Store, product_id: str, sku_id: str, delta: int) -> ChangeSet:
    """Add (or, negative, remove) stock on one SKU; shown at once, sent as a delta."""
    return await run(store, partial(_stock_tx, product_id=product_id, sku_id=sku_id, delta=delta))


def change_stock_sync(store: Store, product_id: str, sku_id: str, delta: int) -> ChangeSet:
    return run_sync(store, partial(_stock_tx, product_id=product_id, sku_id=sku_id, delta=delta))
