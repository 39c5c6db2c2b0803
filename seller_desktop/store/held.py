"""The shipping guard's inputs from the cache, in bulk: an order's cached cases and buyer
requests, and the address each printed label carries; then ``domain.guard.may_ship``.

Used by the shipping workflow (candidates, waybills, prints: :func:`verdicts`), by the sync
engine right before ``delivery/send`` with the order read fresh (:func:`ship_verdict`) and by
the CLI. ``waybills.printed_address`` is the address a waybill was taken for (the carrier has
it: written when 取号 succeeds, ``sync.push_orders``) or, failing that, the one its label first
printed with (``ops.shipping``); an order whose address changed since is held until that
waybill is cancelled and a new one taken.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from ..domain.guard import Verdict, address_key, may_ship
from ..domain.order import Address, Order
from .aftersale import CaseRepo, RequestRepo
from .codec import dumps


def label_addresses(conn: sqlite3.Connection, order_ids: Iterable[str]) -> dict[str, str]:
    """order id → the address key of its newest active waybill (taken or printed for)."""
    found: dict[str, str] = {}
    for order_id, key in conn.execute(
            "SELECT order_id, printed_address FROM waybills"
            " WHERE printed_address != '' AND status != 2"
            " AND order_id IN (SELECT value FROM json_each(?))"
            " ORDER BY printed_at, created_at", (dumps(list(order_ids)),)):
        found[order_id] = key
    return found


def verdicts(conn: sqlite3.Connection, orders: Mapping[str, Order], *,
             with_labels: bool = True) -> dict[str, Verdict]:
    """``may_ship`` for each order, with its cached cases, requests and printed label."""
    ids = list(orders)
    cases = CaseRepo(conn).for_orders(ids)
    requests = RequestRepo(conn).for_orders(ids)
    labels = label_addresses(conn, ids) if with_labels else {}
    return {oid: may_ship(order, cases.get(oid, ()), requests.get(oid, ()),
                          label_address=labels.get(oid))
            for oid, order in orders.items()}


def ship_verdict(conn: sqlite3.Connection, order: Order, waybill_id: str) -> Verdict:
    """``may_ship`` for shipping ``order`` (a fresh copy) under the label ``waybill_id``."""
    row = conn.execute("SELECT printed_address FROM waybills WHERE waybill_id = ?"
                       " AND order_id = ? AND printed_address != ''",
                       (waybill_id, order.order_id)).fetchone()
    return may_ship(order, CaseRepo(conn).for_orders([order.order_id]).get(order.order_id, ()),
                    RequestRepo(conn).for_orders([order.order_id]).get(order.order_id, ()),
                    label_address=row[0] if row else None)


def record_printed_address(conn: sqlite3.Connection, ewaybill_order_id: str,
                           order: Order | None) -> None:
    """Remember the address a waybill was taken for or its label first printed with, whichever
    came first (the carrier has the first one; a reprint keeps it)."""
    if order is not None:
        record_label_address(conn, ewaybill_order_id, order.address)


def record_label_address(conn: sqlite3.Connection, ewaybill_order_id: str,
                         address: Address | None) -> None:
    conn.execute("UPDATE waybills SET printed_address = ? WHERE ewaybill_order_id = ?"
                 " AND printed_address = ''", (address_key(address), ewaybill_order_id))
