"""Read-only queries for the 售后 screen and the CLI: cases by tab, counts, search, one case's
detail, the buyer-requests queue, and the badge of an order.

Every function takes a read connection (``Store.reader()`` on the UI thread) and only SELECTs;
rows come back as named tuples / frozen dataclasses, so models never see SQL:
:func:`tab_counts`, :func:`list_cases`, :func:`count_cases`, :func:`case_detail`,
:func:`pending_requests`, :func:`order_badges`, :func:`cli_rows`. Sort orders, search, and why
there is no FTS table for cases: docs/architecture.md, "After-sales and buyer requests".
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..domain.aftersale import (
    REQUEST_LABELS,
    TAB_CLOSED,
    TABS,
    AfterSaleCase,
    BuyerRequest,
    RequestKind,
    status_info,
)
from ..domain.order import Order
from .aftersale import REQUEST_COLUMNS, case_from_dict, request_from_row
from .codec import dumps
from .orders import OrderRepo

_ORDER_BY = {
    "seller": "(c.deadline_at = 0), c.deadline_at, c.update_time, c.case_id",
    "others": "(c.deadline_at = 0), c.deadline_at, c.update_time DESC, c.case_id",
    TAB_CLOSED: "c.update_time DESC, c.case_id DESC",  # the aftersale_recent index, backwards
}
_SEARCHED = ("c.case_id", "c.order_id", "c.reason_text", "c.buyer_desc",
             "coalesce(o.line_titles, '')", "coalesce(o.user_name, '')")


class CaseRow(NamedTuple):
    case_id: str
    order_id: str
    type: str
    status: str
    actor: str
    amount: int  # 分
    deadline_at: int  # unix s, 0 = none
    reason_text: str
    local_action: str  # a queued seller action ("accept", "reject"…), "" if none
    update_time: int
    title: str  # the order's product titles

    @property
    def status_label(self) -> str:
        return status_info(self.status).label

    def seconds_left(self, now: int) -> int | None:
        return None if not self.deadline_at else max(0, self.deadline_at - now)


def _where(tab: str | None, search: str) -> tuple[str, list]:
    clauses, args = [], []
    if tab is not None:
        if tab not in TABS:
            raise ValueError(f"unknown after-sale tab {tab!r}")
        clauses.append("c.tab = ?")
        args.append(tab)
    for term in search.split():
        like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(" + " OR ".join(f"{col} LIKE ? ESCAPE '\\'" for col in _SEARCHED) + ")")
        args += [like] * len(_SEARCHED)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


_FROM = " FROM aftersale_cases c LEFT JOIN orders o ON o.order_id = c.order_id"


def tab_counts(conn: sqlite3.Connection) -> dict[str, int]:
    counts = dict.fromkeys(TABS, 0)
    counts.update({r[0]: r[1] for r in conn.execute(
        "SELECT tab, count(*) FROM aftersale_cases GROUP BY tab")})
    counts["requests"] = int(conn.execute(
        "SELECT count(*) FROM buyer_requests WHERE state = 'pending'").fetchone()[0])
    return counts


def list_cases(conn: sqlite3.Connection, tab: str, search: str = "", offset: int = 0,
               limit: int = 200) -> list[CaseRow]:
    where, args = _where(tab, search)
    columns = ("SELECT c.case_id, c.order_id, c.type, c.status, c.actor, c.amount,"
               " c.deadline_at, c.reason_text, c.local_action, c.update_time,"
               " coalesce(o.line_titles, '')")
    sql = columns + _FROM + where + f" ORDER BY {_ORDER_BY[tab]} LIMIT ? OFFSET ?"
    return [CaseRow(*r) for r in conn.execute(sql, (*args, limit, offset))]


def count_cases(conn: sqlite3.Connection, tab: str | None, search: str = "") -> int:
    where, args = _where(tab, search)
    join = _FROM if search.split() else " FROM aftersale_cases c"
    return int(conn.execute("SELECT count(*)" + join + where, args).fetchone()[0])


@dataclass(frozen=True)
class CaseDetail:
    case: AfterSaleCase
    order: Order | None
    deadline_at: int
    history: tuple[tuple[int, str, str], ...]  # (time, status, the seller's words)
    proof_images: tuple[str, ...]  # the buyer's proof (media ids)
    local_action: str  # queued, not confirmed yet ("" if none)
    action_error: str  # why the store refused the last queued action ("" if none)


def case_detail(conn: sqlite3.Connection, case_id: str) -> CaseDetail | None:
    r = conn.execute("SELECT case_json, deadline_at, local_action FROM aftersale_cases"
                     " WHERE case_id = ?", (case_id,)).fetchone()
    if r is None:
        return None
    case = case_from_dict(json.loads(r[0]))
    history = tuple((t, s, status_info(s).label) for t, s in conn.execute(
        "SELECT time, status FROM aftersale_history WHERE case_id = ? ORDER BY time",
        (case_id,)))
    failed = conn.execute(
        "SELECT last_error FROM outbox WHERE entity = 'aftersale' AND entity_id = ?"
        " AND state = 'failed' ORDER BY id DESC LIMIT 1", (case_id,)).fetchone()
    return CaseDetail(case=case, order=OrderRepo(conn).get(case.order_id), deadline_at=r[1],
                      history=history, proof_images=case.proof_media, local_action=r[2],
                      action_error=failed[0] if failed else "")


def pending_requests(conn: sqlite3.Connection) -> list[BuyerRequest]:
    return [request_from_row(r) for r in conn.execute(
        f"SELECT {REQUEST_COLUMNS} FROM buyer_requests WHERE state = 'pending'"
        " ORDER BY apply_time, order_id")]


def order_badges(conn: sqlite3.Connection, order_ids: Iterable[str]) -> dict[str, str]:
    ids = dumps(list(order_ids))
    badges: dict[str, str] = {}
    for kind, order_id in conn.execute(
            "SELECT kind, order_id FROM buyer_requests WHERE state = 'pending'"
            " AND order_id IN (SELECT value FROM json_each(?))", (ids,)):
        badges[order_id] = "改地址" if kind == RequestKind.ADDRESS else "换款"
    for (order_id,) in conn.execute(
            "SELECT DISTINCT order_id FROM aftersale_cases WHERE tab != ?"
            " AND order_id IN (SELECT value FROM json_each(?))", (TAB_CLOSED, ids)):
        badges[order_id] = "售后"
    return badges


def request_label(kind: str) -> str:
    try:
        return REQUEST_LABELS[RequestKind(kind)]
    except ValueError:
        return kind


def cli_rows(conn: sqlite3.Connection, now: int, tab: str | None = None) -> list[dict]:
    """Every cached case (or one tab's) for the CLI, most urgent first."""
    where, args = _where(tab, "")
    rows = conn.execute(
        "SELECT c.case_id, c.order_id, c.type, c.status, c.amount, c.deadline_at, c.actor,"
        " c.tab, c.local_action FROM aftersale_cases c" + where
        + " ORDER BY c.tab = 'closed', (c.deadline_at = 0), c.deadline_at, c.update_time DESC",
        args)
    return [{"case_id": r[0], "order_id": r[1], "type": r[2], "status": r[3], "amount": r[4],
             "seconds_left": None if not r[5] else max(0, r[5] - now), "actor": r[6],
             "tab": r[7], "queued": r[8]} for r in rows]
