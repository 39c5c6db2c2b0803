"""The sync engine's watermarks: which keys it keeps in the store and what they mean.

- ``orders.synced_to``: unix seconds, in the server's clock when its Date was usable; every
  order updated before it (minus the overlap the next run lists again) is in the cache.
- ``orders.seen``: JSON ``{runs: [{at, offset, ids}]}``: the orders recent runs read after
  their watermark ``at`` (server clock), which the next run need not read again
  (``overlap.py``); "" when the last run could not use the server's clock.
- ``orders.retry``: JSON list of order ids whose reply could not be read; asked again next run.
- ``aftersale.synced_to`` / ``aftersale.seen`` / ``aftersale.retry``: the same for after-sale
  cases (``pull_aftersale.py``).
- ``products.full_at``: unix seconds of the last complete product pass.
- ``products.dirty``: JSON list of product ids to re-read on the next run (touched by a push
  or by an order) when that run could not do it.
- ``sync.last_success``: unix seconds of the last run that finished without stopping; kept in
  the data dir's store so the window and ``seller-desktop sync`` show the same time.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from ..store.meta import ORDERS_RETRY, PRODUCTS_DIRTY, Watermarks
from .overlap import Seen, dump_seen, parse_seen

ORDERS_SYNCED_TO = "orders.synced_to"
ORDERS_SEEN = "orders.seen"
PRODUCTS_FULL_AT = "products.full_at"
LAST_SUCCESS = "sync.last_success"


@dataclass
class OrderMarks:
    synced_to: int | None = None
    retry_ids: list[str] = field(default_factory=list)
    seen: Seen | None = None


def _get(conn: sqlite3.Connection, key: str) -> str | None:
    return Watermarks(conn).get(key)


def _set(conn: sqlite3.Connection, key: str, value: str) -> None:
    Watermarks(conn).set(key, value)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _ids(text: str | None) -> list[str]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def parse_ids(text: str | None) -> list[str]:
    """A JSON id-list watermark; [] when absent or unreadable."""
    return _ids(text)


def dump_ids(ids: list[str]) -> str:
    return json.dumps(sorted(set(ids)))


def read_orders(conn: sqlite3.Connection) -> OrderMarks:
    return OrderMarks(_int(_get(conn, ORDERS_SYNCED_TO)), _ids(_get(conn, ORDERS_RETRY)),
                      parse_seen(_get(conn, ORDERS_SEEN)))


def write_orders(conn: sqlite3.Connection, *, synced_to: int, retry_ids: list[str],
                 seen: Seen | None = None) -> None:
    _set(conn, ORDERS_SYNCED_TO, str(synced_to))
    _set(conn, ORDERS_RETRY, json.dumps(sorted(set(retry_ids))))
    _set(conn, ORDERS_SEEN, dump_seen(seen))


def products_full_at(conn: sqlite3.Connection) -> int | None:
    return _int(_get(conn, PRODUCTS_FULL_AT))


def set_products_full_at(conn: sqlite3.Connection, when: int) -> None:
    _set(conn, PRODUCTS_FULL_AT, str(when))


def dirty_products(conn: sqlite3.Connection) -> list[str]:
    return _ids(_get(conn, PRODUCTS_DIRTY))


def set_dirty_products(conn: sqlite3.Connection, product_ids: set[str] | list[str]) -> None:
    _set(conn, PRODUCTS_DIRTY, json.dumps(sorted(set(product_ids))))


def last_success(conn: sqlite3.Connection) -> int | None:
    return _int(_get(conn, LAST_SUCCESS))


def set_last_success(conn: sqlite3.Connection, when: int) -> None:
    _set(conn, LAST_SUCCESS, str(when))
