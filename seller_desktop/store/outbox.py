"""The outbox: the seller's changes, in order, until the server confirmed each one.

Row life: ``pending`` → ``sending`` (committed durably BEFORE the request goes out) → ``done``,
``failed`` (only on a definite refusal) or ``conflict``; a row left ``sending`` means
"outcome unknown" and is read back before it is sent again. Rows of one entity go one at a time,
oldest first. ``mark_sending(..., seen=row)`` is a compare-and-set (``ClaimLost``);
``not_before`` keeps a row back when the store asked it to wait (``reschedule``). The ops and
their payloads, written by ``ops/`` and read by ``sync/``: docs/architecture.md, "Outbox".
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..domain.timeutil import now
from .codec import dumps

ENTITIES = ("product", "order", "waybill", "aftersale")
STATES = ("pending", "sending", "done", "failed", "conflict")
EDITABLE_STATES = ("pending", "failed", "conflict")


class OutboxError(ValueError):
    """An outbox row is not in a state that allows the requested change."""


class ClaimLost(OutboxError):
    """Another pusher claimed (or finished) the row since it was read: leave it to them."""


@dataclass(frozen=True)
class OutboxRow:
    id: int
    entity: str
    entity_id: str
    op: str
    payload: Any
    base: Any
    state: str
    attempts: int
    last_error: str
    created_at: int
    updated_at: int

    @classmethod
    def from_row(cls, r: sqlite3.Row) -> OutboxRow:
        return cls(
            id=r["id"], entity=r["entity"], entity_id=r["entity_id"], op=r["op"],
            payload=json.loads(r["payload"]),
            base=json.loads(r["base"]) if r["base"] is not None else None,
            state=r["state"], attempts=r["attempts"], last_error=r["last_error"],
            created_at=r["created_at"], updated_at=r["updated_at"],
        )


def enqueue(conn: sqlite3.Connection, entity: str, entity_id: str, op: str, payload: Any,
            base: Any = None) -> int:
    """Add a pending row; returns its id. Call inside the transaction that makes the change."""
    if entity not in ENTITIES:
        raise ValueError(f"unknown outbox entity {entity!r}")
    t = now()
    cur = conn.execute(
        "INSERT INTO outbox (entity, entity_id, op, payload, base, state, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
        (entity, str(entity_id), op, dumps(payload), None if base is None else dumps(base), t, t),
    )
    return int(cur.lastrowid or 0)


def get(conn: sqlite3.Connection, row_id: int) -> OutboxRow | None:
    r = conn.execute("SELECT * FROM outbox WHERE id = ?", (row_id,)).fetchone()
    return OutboxRow.from_row(r) if r else None


def _require(conn: sqlite3.Connection, row_id: int, allowed: tuple[str, ...], action: str) -> OutboxRow:
    row = get(conn, row_id)
    if row is None:
        raise OutboxError(f"outbox row {row_id} does not exist")
    if row.state not in allowed:
        raise OutboxError(f"cannot {action} outbox row {row_id} in state {row.state!r}")
    return row


def next_batch(conn: sqlite3.Connection, limit: int = 100,
               at: int | None = None) -> list[OutboxRow]:
    """The rows that may go out now: per entity its oldest not-done row, if pending or sending
    and not told to wait (``not_before`` after ``at``, default now).

    A ``sending`` row is returned too: it is one whose outcome is unknown (a crash or a lost
    reply); the caller must check the server before sending it again.
    """
    rows = conn.execute(
        "SELECT o.* FROM outbox o"
        " JOIN (SELECT min(id) AS id FROM outbox WHERE state != 'done'"
        "       GROUP BY entity, entity_id) head ON head.id = o.id"
        " WHERE o.state IN ('pending', 'sending') AND o.not_before <= ? ORDER BY o.id LIMIT ?",
        (now() if at is None else at, limit),
    ).fetchall()
    return [OutboxRow.from_row(r) for r in rows]


def _set_state(conn: sqlite3.Connection, row_id: int, state: str, **extra: Any) -> None:
    sets = ", ".join(f"{k} = ?" for k in extra)
    conn.execute(
        f"UPDATE outbox SET state = ?, updated_at = ?{', ' + sets if sets else ''} WHERE id = ?",
        (state, now(), *extra.values(), row_id),
    )


def mark_sending(conn: sqlite3.Connection, row_id: int, seen: OutboxRow | None = None) -> None:
    """Claim the row for one send; commit this (durably) BEFORE the request goes out.

    ``seen``: the row as the pusher read it; if its state or attempts changed since, another
    pusher has it and ``ClaimLost`` is raised (nothing is changed).
    """
    row = check_claim(conn, row_id, seen)
    _set_state(conn, row_id, "sending", attempts=row.attempts + 1)


def check_claim(conn: sqlite3.Connection, row_id: int, seen: OutboxRow | None = None) -> OutboxRow:
    """The row, if it may still be claimed by a pusher that read it as ``seen``; else ClaimLost."""
    row = get(conn, row_id)
    if row is None or row.state not in ("pending", "sending") or (
            seen is not None and (row.state, row.attempts) != (seen.state, seen.attempts)):
        state = row.state if row is not None else "gone"
        raise ClaimLost(f"outbox row {row_id} was taken by another pusher (now {state!r})")
    return row


def reschedule(conn: sqlite3.Connection, row_id: int, not_before: int) -> None:
    """The store asked this row to wait (a rate rule; it surely was not applied): back to
    ``pending``, not eligible before ``not_before``. Not an error: nothing is shown as failed."""
    _require(conn, row_id, ("sending", "pending"), "reschedule")
    _set_state(conn, row_id, "pending", not_before=int(not_before), last_error="")


def waiting_until(conn: sqlite3.Connection, row_id: int) -> int:
    """The row's ``not_before`` (0: may go now)."""
    r = conn.execute("SELECT not_before FROM outbox WHERE id = ?", (row_id,)).fetchone()
    return int(r[0]) if r else 0


def mark_done(conn: sqlite3.Connection, row_id: int) -> None:
    """The server confirmed the row (a row already done stays done: a no-op)."""
    row = _require(conn, row_id, ("sending", "pending", "failed", "conflict", "done"), "complete")
    if row.state != "done":
        _set_state(conn, row_id, "done", last_error="")


def mark_failed(conn: sqlite3.Connection, row_id: int, message: str) -> None:
    _require(conn, row_id, ("sending", "pending"), "fail")
    _set_state(conn, row_id, "failed", last_error=message)


def mark_conflict(conn: sqlite3.Connection, row_id: int, message: str = "") -> None:
    _require(conn, row_id, ("sending", "pending", "failed"), "mark as conflict")
    _set_state(conn, row_id, "conflict", last_error=message)


def note_error(conn: sqlite3.Connection, row_id: int, message: str) -> None:
    """Record why a pending/sending row did not go out this time (it stays in line)."""
    conn.execute("UPDATE outbox SET last_error = ?, updated_at = ? WHERE id = ?"
                 " AND state IN ('pending', 'sending')", (message, now(), row_id))


def retry(conn: sqlite3.Connection, row_id: int) -> None:
    """Put a failed (or resolved conflict) row back in line."""
    _require(conn, row_id, ("failed", "conflict"), "retry")
    _set_state(conn, row_id, "pending")


def update_payload(conn: sqlite3.Connection, row_id: int, payload: Any, base: Any = None) -> None:
    """Change what a row will send (pending, failed or conflict rows only); ``base`` if given."""
    _require(conn, row_id, EDITABLE_STATES, "edit")
    if base is None:
        conn.execute("UPDATE outbox SET payload = ?, updated_at = ? WHERE id = ?",
                     (dumps(payload), now(), row_id))
    else:
        conn.execute("UPDATE outbox SET payload = ?, base = ?, updated_at = ? WHERE id = ?",
                     (dumps(payload), dumps(base), now(), row_id))


def cancel(conn: sqlite3.Connection, row_id: int) -> None:
    """Drop a row that has not gone out (e.g. an offline-created product deleted again)."""
    _require(conn, row_id, EDITABLE_STATES, "cancel")
    conn.execute("DELETE FROM outbox WHERE id = ?", (row_id,))


def open_rows(conn: sqlite3.Connection, entity: str, entity_id: str) -> list[OutboxRow]:
    """The entity's rows that are not done, oldest first."""
    rows = conn.execute(
        "SELECT * FROM outbox WHERE entity = ? AND entity_id = ? AND state != 'done' ORDER BY id",
        (entity, str(entity_id)),
    ).fetchall()
    return [OutboxRow.from_row(r) for r in rows]


def latest_open(conn: sqlite3.Connection, entity: str, entity_id: str) -> OutboxRow | None:
    rows = open_rows(conn, entity, entity_id)
    return rows[-1] if rows else None


def pending_count(conn: sqlite3.Connection) -> int:
    """Rows the server has not confirmed yet (pending, sending, failed, conflict)."""
    return int(conn.execute("SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0])


def list_failed(conn: sqlite3.Connection) -> list[OutboxRow]:
    rows = conn.execute(
        "SELECT * FROM outbox WHERE state IN ('failed', 'conflict') ORDER BY id").fetchall()
    return [OutboxRow.from_row(r) for r in rows]


def blocked_count(conn: sqlite3.Connection) -> int:
    """Open rows waiting behind an older failed or conflicting row of the same entity."""
    return int(conn.execute(
        "SELECT count(*) FROM outbox o WHERE o.state IN ('pending', 'sending') AND EXISTS"
        " (SELECT 1 FROM outbox f WHERE f.entity = o.entity AND f.entity_id = o.entity_id"
        "  AND f.id < o.id AND f.state IN ('failed', 'conflict'))").fetchone()[0])


def purge_done(conn: sqlite3.Connection, older_than: int) -> int:
    """Forget confirmed rows last touched before ``older_than``; returns how many."""
    cur = conn.execute("DELETE FROM outbox WHERE state = 'done' AND updated_at < ?", (older_than,))
    return cur.rowcount
