"""After-sale cases and buyer requests in the cache: writing them (sync, ops) and reading one.

``CaseRepo.upsert_many`` stores the server copies of cases (older copies are ignored), records
each status seen in ``aftersale_history`` and re-applies the overlay of queued seller actions
(``local_action``). ``RequestRepo`` keeps ``buyer_requests`` in step with what the server says
(pending / accepted / rejected / ``gone``); a request it opens shows the seller's answer still
queued in the outbox (after a rebuild, only the outbox has it). The screen's read queries are
``aftersale_queries.py``. The rules: docs/architecture.md, "After-sales and buyer requests".
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..domain.aftersale import (
    ACCEPTED,
    GONE,
    PENDING,
    REJECTED,
    AfterSaleCase,
    BuyerRequest,
    RequestKind,
    Shipment,
)
from ..domain.guard import order_holds
from ..domain.order import Order
from .codec import dumps


def _parcel(p: Shipment | None) -> list[str] | None:
    return None if p is None else [p.delivery_id, p.delivery_name, p.waybill_id]


def case_to_dict(c: AfterSaleCase) -> dict:
    return {
        "case_id": c.case_id, "order_id": c.order_id, "type": c.type, "status": c.status,
        "create_time": c.create_time, "update_time": c.update_time,
        "product_id": c.product_id, "sku_id": c.sku_id, "count": c.count, "amount": c.amount,
        "reason": c.reason, "reason_text": c.reason_text, "buyer_desc": c.buyer_desc,
        "buyer_received": c.buyer_received, "proof_media": list(c.proof_media),
        "deadline": c.deadline, "return_parcel": _parcel(c.return_parcel),
        "reship_parcel": _parcel(c.reship_parcel), "reject_reason": c.reject_reason,
        "refund_certificates": list(c.refund_certificates), "complaint_id": c.complaint_id,
        "exchange_new_sku_id": c.exchange_new_sku_id, "extra": c.extra,
    }


def case_from_dict(d: dict) -> AfterSaleCase:
    def parcel(v: list | None) -> Shipment | None:
        return None if not v else Shipment(*v)

    return AfterSaleCase(
        case_id=d["case_id"], order_id=d["order_id"], type=d["type"], status=d["status"],
        create_time=d.get("create_time", 0), update_time=d.get("update_time", 0),
        product_id=d.get("product_id", ""), sku_id=d.get("sku_id", ""),
        count=d.get("count", 0), amount=d.get("amount", 0), reason=d.get("reason", ""),
        reason_text=d.get("reason_text", ""), buyer_desc=d.get("buyer_desc", ""),
        buyer_received=bool(d.get("buyer_received")),
        proof_media=tuple(d.get("proof_media") or ()), deadline=d.get("deadline", 0),
        return_parcel=parcel(d.get("return_parcel")),
        reship_parcel=parcel(d.get("reship_parcel")),
        reject_reason=d.get("reject_reason", ""),
        refund_certificates=tuple(d.get("refund_certificates") or ()),
        complaint_id=d.get("complaint_id", ""),
        exchange_new_sku_id=d.get("exchange_new_sku_id", ""), extra=dict(d.get("extra") or {}),
    )


@dataclass
class CaseUpsert:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    orders: set[str] = field(default_factory=set)  # orders of new or changed cases

    @property
    def touched(self) -> list[str]:
        return self.new + self.changed


_CASE_COLUMNS = ("case_id", "order_id", "type", "status", "tab", "actor", "holds", "amount",
                 "deadline_at", "reason_text", "buyer_desc", "create_time", "update_time",
                 "seen_at", "case_json")
_UPSERT = (
    f"INSERT INTO aftersale_cases ({', '.join(_CASE_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_CASE_COLUMNS))})"
    " ON CONFLICT(case_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _CASE_COLUMNS[1:] if c != "seen_at"))


class CaseRepo:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def upsert_many(self, cases: Iterable[AfterSaleCase], fetched_at: int, *,
                    finishing: int = 0) -> CaseUpsert:
        """Store server copies read at ``fetched_at`` (their ``deadline`` counts from then).
        ``finishing``: an outbox row the store just confirmed (not an open action any more)."""
        result = CaseUpsert()
        latest: dict[str, AfterSaleCase] = {}
        for c in cases:
            seen = latest.get(c.case_id)
            if seen is None or c.update_time >= seen.update_time:
                latest[c.case_id] = c
        if not latest:
            return result
        stored = {r[0]: (r[1], r[2], r[3]) for r in self.conn.execute(
            "SELECT case_id, status, update_time, deadline_at FROM aftersale_cases"
            " WHERE case_id IN (SELECT value FROM json_each(?))", (dumps(list(latest)),))}
        rows, history = [], []
        for c in latest.values():
            before = stored.get(c.case_id)
            deadline_at = fetched_at + c.deadline if c.deadline > 0 else 0
            if before is not None:
                if c.update_time < before[1]:
                    continue  # an older copy (a stale page)
                if (c.status, c.update_time) == before[:2] and bool(before[2]) == bool(deadline_at):
                    continue  # unchanged: keep the deadline counted from the first read
                if (c.status, c.update_time) != before[:2]:
                    result.changed.append(c.case_id)
                    result.orders.add(c.order_id)
            else:
                result.new.append(c.case_id)
                result.orders.add(c.order_id)
            if before is None or before[0] != c.status:
                history.append((c.case_id, c.update_time or fetched_at, c.status))
            rows.append((c.case_id, c.order_id, c.type, c.status, c.tab, str(c.actor),
                         int(c.holds), c.amount, deadline_at, c.reason_text, c.buyer_desc,
                         c.create_time, c.update_time, fetched_at, dumps(case_to_dict(c))))
        self.conn.executemany(_UPSERT, rows)
        self.conn.executemany(
            "INSERT OR IGNORE INTO aftersale_history (case_id, time, status) VALUES (?, ?, ?)",
            history)
        self.reapply_pending([r[0] for r in rows], finishing)
        return result

    def reapply_pending(self, case_ids: Iterable[str], finishing: int = 0) -> None:
        """``local_action`` = the op of the case's newest open outbox row, else ''."""
        self.conn.execute(
            "UPDATE aftersale_cases SET local_action = coalesce((SELECT op FROM outbox"
            " WHERE entity = 'aftersale' AND entity_id = aftersale_cases.case_id"
            " AND state NOT IN ('done', 'failed') AND id != ? ORDER BY id DESC LIMIT 1), '')"
            " WHERE case_id IN (SELECT value FROM json_each(?))",
            (finishing, dumps(list(case_ids))))

    def get(self, case_id: str) -> AfterSaleCase | None:
        r = self.conn.execute("SELECT case_json FROM aftersale_cases WHERE case_id = ?",
                              (case_id,)).fetchone()
        return case_from_dict(json.loads(r[0])) if r else None

    def for_orders(self, order_ids: Iterable[str]) -> dict[str, list[AfterSaleCase]]:
        found: dict[str, list[AfterSaleCase]] = {}
        for (raw,) in self.conn.execute(
                "SELECT case_json FROM aftersale_cases"
                " WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY create_time",
                (dumps(list(dict.fromkeys(order_ids))),)):
            c = case_from_dict(json.loads(raw))
            found.setdefault(c.order_id, []).append(c)
        return found

    def holding_order_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT order_id FROM aftersale_cases WHERE holds = 1")}

    def set_local_action(self, case_id: str, op: str) -> None:
        self.conn.execute("UPDATE aftersale_cases SET local_action = ? WHERE case_id = ?",
                          (op, case_id))

    def ids_in_tab(self, tab: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT case_id FROM aftersale_cases WHERE tab = ?", (tab,))]


def request_from_row(r: sqlite3.Row | tuple) -> BuyerRequest:
    return BuyerRequest(order_id=r[0], kind=r[1], state=r[2], apply_time=r[3],
                        new_address_text=r[4], seen_at=r[5], answer=r[6])


REQUEST_COLUMNS = "order_id, kind, state, apply_time, new_address_text, seen_at, answer"
# the outbox ops that answer a request (``ops/aftersale.py`` REQUEST_OPS), as the answer
_ANSWER_OPS = {"address_accept": "accept", "address_reject": "reject",
               "sku_approve": "accept", "sku_reject": "reject"}


class RequestRepo:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, order_id: str, kind: str) -> BuyerRequest | None:
        r = self.conn.execute(f"SELECT {REQUEST_COLUMNS} FROM buyer_requests"
                              " WHERE order_id = ? AND kind = ?", (order_id, kind)).fetchone()
        return request_from_row(r) if r else None

    def _open(self, order_id: str, kind: str, t: int, apply_time: int = 0,
              address_text: str = "") -> bool:
        """Mark a request pending; True when it was not pending before (a new request)."""
        before = self.get(order_id, kind)
        if before is not None and before.state == PENDING:
            if address_text and address_text != before.new_address_text:
                self.conn.execute("UPDATE buyer_requests SET new_address_text = ?"
                                  " WHERE order_id = ? AND kind = ?",
                                  (address_text, order_id, kind))
            return False
        self.conn.execute(
            "INSERT INTO buyer_requests (order_id, kind, state, apply_time, new_address_text,"
            " seen_at, resolved_at, answer) VALUES (?, ?, 'pending', ?, ?, ?, 0, ?)"
            " ON CONFLICT(order_id, kind) DO UPDATE SET state = 'pending',"
            " apply_time = excluded.apply_time, new_address_text = excluded.new_address_text,"
            " seen_at = excluded.seen_at, resolved_at = 0, answer = excluded.answer",
            (order_id, kind, apply_time or t, address_text, t, self._queued(order_id, kind)))
        return True

    def _queued(self, order_id: str, kind: str) -> str:
        """The seller's answer still in the outbox for this request ('' if none): a rebuilt
        cache learns of the request from the server, the answer only from the outbox."""
        row = self.conn.execute(
            "SELECT op FROM outbox WHERE entity = 'order' AND entity_id = ?"
            " AND state IN ('pending', 'sending') AND op IN (SELECT value FROM json_each(?))"
            " AND payload ->> '$.kind' = ? ORDER BY id DESC LIMIT 1",
            (order_id, dumps(list(_ANSWER_OPS)), kind)).fetchone()
        return _ANSWER_OPS[row[0]] if row else ""

    def _close(self, order_id: str, kind: str, t: int) -> bool:
        before = self.get(order_id, kind)
        if before is None or before.state != PENDING:
            return False
        state = {"accept": ACCEPTED, "reject": REJECTED}.get(before.answer, GONE)
        self.conn.execute("UPDATE buyer_requests SET state = ?, resolved_at = ?"
                          " WHERE order_id = ? AND kind = ?", (state, t, order_id, kind))
        return True

    def sync_from_orders(self, orders: Iterable[Order], t: int) -> tuple[set[str], list[str]]:
        """Address (and line-level SKU) requests as these server copies of orders say.

        Returns (order ids whose requests changed, ``"kind:order_id"`` of new requests)."""
        changed: set[str] = set()
        new: list[str] = []
        pending = self.pending_order_ids()  # a handful: most orders need no query at all
        for order in orders:
            holds = order_holds(order)
            if order.order_id not in pending and not (holds.address_review
                                                      or holds.sku_change_waiting):
                continue
            if holds.address_review:
                if self._open(order.order_id, RequestKind.ADDRESS, t, holds.address_apply_time,
                              holds.address_review):
                    new.append(f"{RequestKind.ADDRESS}:{order.order_id}")
                    changed.add(order.order_id)
            elif self._close(order.order_id, RequestKind.ADDRESS, t):
                changed.add(order.order_id)
            if holds.sku_change_waiting and self._open(order.order_id, RequestKind.SKU, t):
                new.append(f"{RequestKind.SKU}:{order.order_id}")
                changed.add(order.order_id)
        return changed, new

    def sync_sku_waiting(self, waiting: Iterable[str], t: int) -> tuple[set[str], list[str]]:
        """The complete list of orders whose SKU change waits: open those, close the rest."""
        waiting = set(waiting)
        changed: set[str] = set()
        new: list[str] = []
        for order_id in sorted(waiting):
            if self._open(order_id, RequestKind.SKU, t):
                new.append(f"{RequestKind.SKU}:{order_id}")
                changed.add(order_id)
        for order_id in self.pending_order_ids(RequestKind.SKU) - waiting:
            if self._close(order_id, RequestKind.SKU, t):
                changed.add(order_id)
        return changed, new

    def pending_order_ids(self, kind: str | None = None) -> set[str]:
        sql = "SELECT order_id FROM buyer_requests WHERE state = 'pending'"
        args: tuple = ()
        if kind is not None:
            sql += " AND kind = ?"
            args = (kind,)
        return {r[0] for r in self.conn.execute(sql, args)}

    def for_orders(self, order_ids: Iterable[str]) -> dict[str, list[BuyerRequest]]:
        found: dict[str, list[BuyerRequest]] = {}
        for r in self.conn.execute(
                f"SELECT {REQUEST_COLUMNS} FROM buyer_requests"
                " WHERE order_id IN (SELECT value FROM json_each(?))",
                (dumps(list(dict.fromkeys(order_ids))),)):
            req = request_from_row(r)
            found.setdefault(req.order_id, []).append(req)
        return found

    def set_answer(self, order_id: str, kind: str, answer: str) -> None:
        self.conn.execute("UPDATE buyer_requests SET answer = ? WHERE order_id = ? AND kind = ?",
                          (answer, order_id, kind))
