"""The shipping run's checks against the guard and the store's answers, kept out of
``shipping.py``: which labels may print or reprint (:func:`not_held`: the shipping guard,
``store.held`` → ``domain.guard.may_ship``), and what the store confirmed after a print
(:func:`settle_shipments`, :func:`confirmed_shipped`): a report counts only confirmed
shipments and names each refusal.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..domain.waybill import Waybill
from ..store import held
from ..store.orders import OrderRepo

if TYPE_CHECKING:
    from .shipping import PrintOutcome


def not_held(conn: sqlite3.Connection, waybills: list[Waybill],
             skipped: dict[str, str]) -> list[Waybill]:
    """The labels whose orders the guard does not hold (a reprint too: a case, a request, or
    an address changed since the label printed); the others are named in ``skipped``."""
    guard = held.verdicts(conn, OrderRepo(conn).get_many(w.order_id for w in waybills))
    kept = []
    for w in waybills:
        verdict = guard.get(w.order_id)
        if verdict is not None and verdict.held:
            skipped[w.order_id] = verdict.reason
        else:
            kept.append(w)
    return kept


def settle_shipments(conn: sqlite3.Connection, after_row: int, outcome: PrintOutcome) -> None:
    """Sort the 'ship' rows a print queued (outbox ids above ``after_row``) by what the store
    said: confirmed (``shipped``), refused (``refused``, with the reason: 拦截, 108009…) or not
    heard yet (``unconfirmed``: offline, busy; they go out with the next sync)."""
    rows = conn.execute("SELECT entity_id, state, last_error FROM outbox WHERE id > ?"
                        " AND entity = 'order' AND op = 'ship' ORDER BY id", (after_row,))
    for order_id, state, error in rows:
        if state == "done":
            outcome.shipped.append(order_id)
        elif state in ("failed", "conflict"):
            outcome.refused[order_id] = error or "微信小店拒绝了发货"
        else:
            outcome.unconfirmed.append(order_id)
    outcome.shipped.sort()
    outcome.unconfirmed.sort()


def confirmed_shipped(conn: sqlite3.Connection, order_ids: Sequence[str]) -> set[str]:
    """Of these orders, those the store's own copy shows shipped (not the local overlay)."""
    rows = conn.execute(
        "SELECT order_id FROM orders WHERE order_id IN (SELECT value FROM json_each(?))"
        " AND order_json ->> '$.status' IN (30, 100)", (json.dumps(list(order_ids)),))
    return {r[0] for r in rows}
