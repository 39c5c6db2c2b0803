"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

``MIGRATIONS[i]`` takes the file from version ``i`` to ``i + 1``. Append, never edit or reorder
a released entry. Before an existing file is migrated, ``db.py`` copies it with the SQLite
backup API, so a failed or regretted migration can be undone by hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .schema import SCHEMA_V1
from .schema_v2 import SCHEMA_V2
from .schema_v3 import SCHEMA_V3
from .schema_v4 import SCHEMA_V4


@dataclass(frozen=True)
class Migration:
    description: str
    apply: Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        # executescript() would COMMIT first; run statement by statement inside our transaction.
        for statement in _split_sql(sql):
            conn.execute(statement)

    return run


def _split_sql(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies contain ``;``)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer.strip()[:80]}")
    return statements


MIGRATIONS: tuple[Migration, ...] = (
    Migration("initial schema: products, orders, waybills, outbox, FTS", _script(SCHEMA_V1)),
    Migration("after-sale cases, buyer requests, outbox not_before, label address",
              _script(SCHEMA_V2)),
    Migration("gift index and per-status order counts", _script(SCHEMA_V3)),
    Migration("covering index for the product list", _script(SCHEMA_V4)),
)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the missing migrations, each in its own transaction; returns the new version.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    version = current_version(conn)
    for number in range(version, len(migrations)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            migrations[number].apply(conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current_version(conn)
