"""Read-only view of the outbox rows that need the seller: failed ones and the ones waiting
behind them (the 失败的修改 panel and the CLI read it; ``ops.outbox`` acts on it).

A row "waits behind" a failed or conflicting row when an older row of the same entity is in
that state: the engine sends an entity's rows strictly in order, so it will not go out before
the seller retries or drops the older one.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

FAILED = "failed"
BLOCKED = "blocked"  # behind a failed row
BEHIND_CONFLICT = "behind_conflict"  # behind a row waiting for a conflict to be resolved


@dataclass(frozen=True)
class AttentionRow:
    row_id: int
    entity: str  # product | order | waybill
    entity_id: str
    op: str
    payload: Any
    state: str  # FAILED, BLOCKED or BEHIND_CONFLICT
    reason: str  # the store's message (failed), else the failed row's
    when: int  # unix seconds of the refusal (failed) or of the change (blocked)
    attempts: int  # > 0: it went out at least once (its outcome may be on the server)
    name: str  # the product's title, else ""
    order_id: str  # the order it concerns (orders, waybills), else ""
    behind: int | None  # the failed/conflicting row it waits for (blocked only)


def _payload(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


def attention_rows(conn: sqlite3.Connection) -> list[AttentionRow]:
    """Failed rows and the rows waiting behind a failed or conflicting one, oldest first."""
    rows = conn.execute(
        "SELECT o.id, o.entity, o.entity_id, o.op, o.payload, o.state, o.last_error,"
        " o.created_at, o.updated_at, o.attempts, coalesce(p.title, '') AS title,"
        " (SELECT min(f.id) FROM outbox f WHERE f.entity = o.entity"
        "   AND f.entity_id = o.entity_id AND f.id < o.id"
        "   AND f.state IN ('failed', 'conflict')) AS behind"
        " FROM outbox o LEFT JOIN products p"
        "   ON o.entity = 'product' AND p.product_id = o.entity_id"
        " WHERE o.state = 'failed' OR (o.state IN ('pending', 'sending') AND EXISTS"
        "   (SELECT 1 FROM outbox f WHERE f.entity = o.entity AND f.entity_id = o.entity_id"
        "    AND f.id < o.id AND f.state IN ('failed', 'conflict')))"
        " ORDER BY o.id").fetchall()
    reasons = {r["id"]: r["last_error"] for r in rows if r["state"] == "failed"}
    found = []
    for r in rows:
        payload = _payload(r["payload"])
        failed = r["state"] == "failed"
        order_id = r["entity_id"] if r["entity"] == "order" else (
            str(payload.get("order_id") or "") if isinstance(payload, dict) else "")
        found.append(AttentionRow(
            row_id=r["id"], entity=r["entity"], entity_id=r["entity_id"], op=r["op"],
            payload=payload,
            state=FAILED if failed else BLOCKED if r["behind"] in reasons else BEHIND_CONFLICT,
            reason=r["last_error"] if failed else reasons.get(r["behind"], ""),
            when=r["updated_at"] if failed else r["created_at"], attempts=r["attempts"],
            name=r["title"], order_id=order_id, behind=None if failed else r["behind"]))
    return found
