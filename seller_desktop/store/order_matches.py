"""The orders matching a search (``OrderMatches``): row keys in the 全部 tab's order, from
which every tab's count and page are taken without asking SQLite to match or sort again.

Held as positions into four parallel ``array`` columns (rowid, status, ship_by, create_time),
either every order's (the texts held in memory, ``order_texts``) or the matches' own (rows
from SQLite): no tuple per match, so 100,000 matches cost the garbage collector nothing and
a tab's page is read from a slice.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import compress
from operator import neg

from .order_tabs import TAB_SORT, TAB_STATUSES, OrderTab, tab_counts

Columns = tuple[array, array, array, array]  # rowid, status, ship_by, create_time
# Positions one C-level pass takes at a time: a pass over 200,000 holds the GIL 15-20 ms, and
# the worker that makes it would hold the UI thread as long; between steps it can take it.
STEP = 8192


def in_steps(positions: Sequence[int], keep: Callable[[Sequence[int]], Iterable[int]]) -> array:
    """The positions ``keep`` keeps of ``positions``, given ``STEP`` of them at a time."""
    kept = array("q")
    for first in range(0, len(positions), STEP):
        kept.extend(keep(positions[first:first + STEP]))
    return kept


def columns_of(rows: Iterable[Sequence[int]]) -> Columns:
    rowids, statuses, ship_bys, creates = columns = tuple(array("q") for _ in range(4))
    for rowid, status, ship_by, created in rows:
        rowids.append(rowid)
        statuses.append(status)
        ship_bys.append(ship_by)
        creates.append(created)
    return columns


class OrderMatches:
    """The orders matching a search, in the 全部 tab's order (create_time DESC, order_id):
    ``OrderMatches(rows)`` from ``(rowid, status, ship_by, create_time)`` rows in that order,
    ``OrderMatches.at(columns, positions)`` from columns and the matches' ascending positions
    in them."""

    __slots__ = ("columns", "positions", "complete", "_tabs", "_counts")

    def __init__(self, rows: Iterable[Sequence[int]] = (), complete: bool = True) -> None:
        self.columns = columns_of(rows)
        self.positions: Sequence[int] = range(len(self.columns[0]))
        self.complete = complete  # False: the first matches only (``first_order_matches``)
        self._tabs: dict[OrderTab, Sequence[int]] = {}
        self._counts: dict[OrderTab, int] | None = None

    @classmethod
    def at(cls, columns: Columns, positions: Sequence[int]) -> OrderMatches:
        matches = cls()
        matches.columns, matches.positions = columns, positions
        return matches

    @property
    def rows(self) -> list[tuple[int, int, int, int]]:
        """The matches as tuples (for comparisons: the window reads pages and counts)."""
        rowids, statuses, ship_bys, creates = self.columns
        return [(rowids[i], statuses[i], ship_bys[i], creates[i]) for i in self.positions]

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, OrderMatches) and self.complete == other.complete
                and self.rows == other.rows)

    def __len__(self) -> int:
        return len(self.positions)

    def __repr__(self) -> str:
        return f"OrderMatches({self.rows!r})"

    def counts(self) -> dict[OrderTab, int]:
        if self._counts is None:
            by_status, status = Counter(), self.columns[1].__getitem__
            for first in range(0, len(self.positions), STEP):
                by_status.update(map(status, self.positions[first:first + STEP]))
            self._counts = tab_counts(by_status)
        return self._counts

    def _positions(self, tab: OrderTab) -> Sequence[int]:
        """The positions of the tab's matches in the tab's order (kept per tab)."""
        found = self._tabs.get(tab)
        if found is None:
            _rowids, statuses, ship_bys, creates = self.columns
            wanted = TAB_STATUSES[tab]
            found = self.positions if wanted is None else in_steps(
                self.positions, lambda part: compress(part, map(wanted.__contains__, map(
                    statuses.__getitem__, part))))
            sort = TAB_SORT.get(tab)
            if sort is not None:  # stable: ties stay in the 全部 order (by order_id)
                found = array("q", sorted(found, key=lambda i: sort(ship_bys[i], creates[i])))
            self._tabs[tab] = found
        return found

    def page(self, tab: OrderTab, offset: int, limit: int) -> list[int]:
        """The rowids of the tab's matches ``offset`` to ``offset + limit``, in its order."""
        rowids = self.columns[0]
        return [rowids[i] for i in self._positions(tab)[max(offset, 0):max(offset, 0) + limit]]

    def rowids(self, tab: OrderTab) -> list[int]:
        """Every rowid of the tab's matches, in the tab's order."""
        return list(map(self.columns[0].__getitem__, self._positions(tab)))

    def prepare(self, tab: OrderTab | None = None) -> OrderMatches:
        """The counts and ``tab``'s order worked out now (in the worker thread that found the
        matches: 15-20 ms for 170,000 matches, which the UI thread then only reads)."""
        self.counts()
        if tab is not None:
            self._positions(tab)
        return self

    def has(self, rowid: int, create_time: int) -> bool:
        """Whether the order ``rowid`` created at ``create_time`` is among the matches (found
        by its create_time in the columns' order: no set of every match's rowid)."""
        rowids, _statuses, _ship_bys, creates = self.columns
        at = bisect_left(creates, -create_time, key=neg)  # create_time DESC
        while at < len(creates) and creates[at] == create_time:
            if rowids[at] == rowid:
                found = bisect_left(self.positions, at)
                return found < len(self.positions) and self.positions[found] == at
            at += 1
        return False
