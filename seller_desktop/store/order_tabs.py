"""The order tabs (待发货 … 全部): the statuses each shows, the order it lists them in, and
their counts from per-status counts (owned by the UI engineer, read by the order queries).

Built from the one definition of the order sets (``store/orders.TABS``), so every count of
these sets on any screen goes by them.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from .orders import TABS as ORDER_TABS


class OrderTab(StrEnum):
    TO_SHIP = "to_ship"  # 待发货
    GIFT_PENDING = "gift_pending"  # 礼物待收下
    PARTIAL = "partial"  # 部分发货
    SHIPPED = "shipped"  # 待收货
    COMPLETED = "completed"  # 已完成
    CANCELLED = "cancelled"  # 已取消
    ALL = "all"  # 全部


# The statuses each tab shows (None: every status) and its order: each ordering is served by
# an index on (status, ship_by | create_time). Deadlines of 0 (none given) sort last.
# Built from the one definition (store/orders.TABS): every count of these sets on any screen
# (the 发货 summary, the gift board) goes by them.
TAB_STATUSES: dict[OrderTab, frozenset[int] | None] = {
    OrderTab(key): None if statuses is None else frozenset(statuses)
    for key, (_name, statuses, _order) in ORDER_TABS.items()}
TAB_ORDER: dict[OrderTab, str] = {
    OrderTab.TO_SHIP: "ship_by = 0, ship_by, create_time",
    OrderTab.GIFT_PENDING: "create_time",
    OrderTab.PARTIAL: "ship_by = 0, ship_by, create_time",
    OrderTab.SHIPPED: "create_time DESC",
    OrderTab.COMPLETED: "create_time DESC",
    OrderTab.CANCELLED: "create_time DESC",
    OrderTab.ALL: "create_time DESC",
}


def tab_shows(tab: OrderTab, status: int) -> bool:
    statuses = TAB_STATUSES[tab]
    return statuses is None or status in statuses


def tab_where(tab: OrderTab, paging: bool = False) -> str:
    statuses = TAB_STATUSES[tab]
    if statuses is None:
        return "1"
    # Paging several statuses by create_time: "+status" steers SQLite to walk the create_time
    # index and stop after a page, instead of sorting every row of those statuses.
    column = "+status" if paging and len(statuses) > 1 else "status"
    return f"{column} IN ({','.join(str(s) for s in sorted(statuses))})"



def _deadline_first(ship_by: int, create_time: int) -> tuple:
    return (ship_by == 0, ship_by, create_time)  # TAB_ORDER's "ship_by = 0, ship_by, create_time"


def _oldest_first(_ship_by: int, create_time: int) -> int:
    return create_time


# How a tab sorts its matches (by their ship_by and create_time) when it does not show them in
# the 全部 order (create_time DESC). Python's sort is stable and the matches come by order_id
# within a create_time, so the ties end by order_id as in SQL.
TAB_SORT = {OrderTab.TO_SHIP: _deadline_first, OrderTab.PARTIAL: _deadline_first,
            OrderTab.GIFT_PENDING: _oldest_first}


def tab_counts(by_status: Mapping[int, int]) -> dict[OrderTab, int]:
    return {tab: sum(by_status.values()) if statuses is None
            else sum(by_status.get(s, 0) for s in statuses)
            for tab, statuses in TAB_STATUSES.items()}

