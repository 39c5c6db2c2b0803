"""The seller's answer to a change the store refused: retry it, or drop it.

Only ``failed`` rows (a definite refusal, reason in ``last_error``) are handled here; conflicts
have their own dialog. Retrying puts the row back in line (``pending``). Dropping discards the
row, shows the last server copy again with the rows still in line on top, and asks the next sync
to re-read it: a dropped ``create`` removes the product with its later rows, a dropped stock
delta is no longer counted, a dropped ``ewaybill_create`` shows the waybill cancelled and a
dropped ``ewaybill_cancel`` shows it live again. Per kind: docs/architecture.md, "Outbox".
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from functools import partial

from ..domain.changes import ChangeSet
from ..domain.waybill import WaybillStatus
from ..store import Store, outbox
from ..store.meta import ORDERS_RETRY, PRODUCTS_DIRTY, Watermarks
from ..store.orders import OrderRepo
from ..store.products import ProductRepo
from ..store.waybills import WaybillRepo
from ._run import fail, run, run_sync


def _failed_row(conn: sqlite3.Connection, row_id: int) -> outbox.OutboxRow:
    row = outbox.get(conn, row_id)
    if row is None:
        raise fail("outbox", "这项修改已不存在（可能已同步或已放弃）")
    if row.state != "failed":
        raise fail("outbox", "只有失败的修改可以重试或放弃")
    return row


def _changes(row: outbox.OutboxRow) -> ChangeSet:
    changes = ChangeSet(outbox=True)
    payload = row.payload if isinstance(row.payload, dict) else {}
    if row.entity == "product":
        changes.products.add(row.entity_id)
    elif row.entity == "order":
        changes.orders.add(row.entity_id)
    elif row.entity == "waybill":
        changes.waybills.add(row.entity_id)
    if row.entity != "order" and payload.get("order_id"):
        changes.orders.add(str(payload["order_id"]))
    return changes


def _retry_tx(conn: sqlite3.Connection, row_id: int) -> ChangeSet:
    row = _failed_row(conn, row_id)
    outbox.retry(conn, row.id)
    return _changes(row)


def _drop_product(conn: sqlite3.Connection, row: outbox.OutboxRow) -> None:
    repo = ProductRepo(conn)
    if row.op == "create":
        for later in outbox.open_rows(conn, "product", row.entity_id):
            if later.state != "sending":
                outbox.cancel(conn, later.id)
        repo.delete(row.entity_id)
        return
    outbox.cancel(conn, row.id)
    record = repo.get(row.entity_id)
    if record is not None and record.server_draft is not None:
        repo.upsert_server(record.server_draft, record.online)
    Watermarks(conn).add_ids(PRODUCTS_DIRTY, [row.entity_id])  # and re-read it next sync


def _drop_waybill(conn: sqlite3.Connection, row: outbox.OutboxRow) -> None:
    outbox.cancel(conn, row.id)
    repo = WaybillRepo(conn)
    waybill = repo.get(row.entity_id)
    if waybill is None:
        return
    if row.op == "ewaybill_create" and not waybill.waybill_id:
        repo.upsert(replace(waybill, status=int(WaybillStatus.CANCELLED)))
    elif row.op == "ewaybill_cancel" and waybill.status == WaybillStatus.CANCELLED:
        live = WaybillStatus.PRINTED if waybill.print_count > 0 else WaybillStatus.CREATED
        repo.upsert(replace(waybill, status=int(live)))


def _drop_tx(conn: sqlite3.Connection, row_id: int) -> ChangeSet:
    row = _failed_row(conn, row_id)
    if row.entity == "product":
        _drop_product(conn, row)
    elif row.entity == "order":
        outbox.cancel(conn, row.id)
        OrderRepo(conn).restore_server_copy(row.entity_id)
        Watermarks(conn).add_ids(ORDERS_RETRY, [row.entity_id])  # and re-read it next sync
    elif row.entity == "waybill":
        _drop_waybill(conn, row)
    else:  # a kind without a local copy to restore: the row goes, the next pull shows the rest
        outbox.cancel(conn, row.id)
    return _changes(row)


async def retry_outbox_row(store: Store, row_id: int) -> ChangeSet:
    """Put a failed change back in line; it goes out with the next sync."""
    return await run(store, partial(_retry_tx, row_id=row_id))


def retry_outbox_row_sync(store: Store, row_id: int) -> ChangeSet:
    return run_sync(store, partial(_retry_tx, row_id=row_id))


async def drop_outbox_row(store: Store, row_id: int) -> ChangeSet:
    """Discard a failed change and show the server's copy again (see the module docstring)."""
    return await run(store, partial(_drop_tx, row_id=row_id))


def drop_outbox_row_sync(store: Store, row_id: int) -> ChangeSet:
    return run_sync(store, partial(_drop_tx, row_id=row_id))
