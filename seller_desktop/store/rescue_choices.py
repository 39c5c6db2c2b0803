"""The seller's settings in a damaged cache, carried into the rebuilt one.

Watermarks the server cannot give back: the shop the cache belongs to (``shop.identity``:
without it the rebuilt cache, carried outbox and all, goes to whichever shop syncs it first),
the sender address picked or typed per e-waybill account (``shipping.sender_chosen.<acct>``:
without it new waybills quietly carry the account's default return address), and what the
taken waybills were printed with (``shipping.sender.<acct>``, ``shipping.shop_name``: offline
reprints). Sync progress is not carried: the fresh cache pulls everything again. A row that
cannot be read is counted, never a reason to stop the rebuild.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..domain.timeutil import now
from .meta import SENDER_CHOSEN_KEY, SENDER_KEY, SHOP_NAME_KEY
from .owner import SHOP_KEY
from .rescue_read import read_table

EXACT = (SHOP_KEY, SHOP_NAME_KEY)
PREFIXES = (SENDER_CHOSEN_KEY, SENDER_KEY)


def carried(key: object) -> bool:
    return isinstance(key, str) and (key in EXACT or key.startswith(PREFIXES))


@dataclass
class ChoicesRescue:
    """The carried watermarks a rescue read, and what it could not read."""

    marks: dict[str, str] = field(default_factory=dict)
    unreadable: int = 0  # watermark rows that could not be read (carried ones or not: unknown)
    lost: bool = False  # the watermarks table could not be read at all


def read_choices(conn: sqlite3.Connection, errors: list[str]) -> ChoicesRescue:
    """The carried watermarks of ``conn`` (a copy of the damaged file)."""
    try:
        found = read_table(conn, "watermarks", errors)
    except sqlite3.DatabaseError as exc:  # not even the schema
        errors.append(f"watermarks: {exc}")
        return ChoicesRescue(lost=True)
    result = ChoicesRescue(unreadable=found.unreadable, lost=found.lost)
    for row in found.rows:
        key, value = row.get("key"), row.get("value")
        if not carried(key):
            continue
        if isinstance(value, str):
            result.marks[str(key)] = value
        else:  # a damaged value (a blob, a number where text was written)
            result.unreadable += 1
    return result


def restore_choices(conn: sqlite3.Connection, rescued: ChoicesRescue) -> int:
    """Put the carried watermarks into the fresh cache (inside the rebuild's transaction);
    how many."""
    t = now()
    for key, value in rescued.marks.items():
        conn.execute("INSERT OR REPLACE INTO watermarks (key, value, updated_at) VALUES (?, ?, ?)",
                     (key, value, t))
    return len(rescued.marks)
