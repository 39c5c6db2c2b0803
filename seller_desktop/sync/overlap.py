"""Which ids of the overlap an incremental pull reads again (orders and after-sale cases).

A run's watermark W is the server's clock at its first list page (the HTTP Date, used only
within ``overlap`` of ours); it keeps the ids it read after W (``Seen``, with those of recent
runs). The next run lists the overlap [W - overlap, W - SLACK] in parts split at each recent
W' - SLACK, then [W - SLACK, now]: an id in a part ending at W' - SLACK that a run read after W'
is not read again (its update_time < W', and ``get`` reads the item as it is: only the list
lags). Every other id is read. Without a usable Date (absent, unreadable, off our clock by
more than ``overlap``; a run whose offset from our clock differs by more than JITTER is not
trusted) it reads all it lists and W is our clock, as before. Why: docs/architecture.md, "Pull".
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("seller_desktop.sync")

# Seconds between where a part of the overlap ends and the watermark its skips rely on: the
# Date's 1 s resolution, a read finishing within the second its Date names, and a server clock
# stepping between runs by up to JITTER + 1 s (JITTER: what the offset may wobble by with
# whole seconds and latency; a run whose offset moved more than that is not trusted).
SLACK = 5
JITTER = 2
MAX_SEEN = 20_000  # ids remembered in all; above that (a burst) the overlap is read again
MAX_RUNS = 8  # recent runs remembered: each costs the next run one more list walk at most

OnPage = Callable[[Any], None]
# (start, end, on_page) → the ids listed in [start, end]; on_page sees each page first
Lister = Callable[[int, int, OnPage], AsyncIterator[str]]


@dataclass(frozen=True)
class RunSeen:
    """The ids a completed run read after its watermark ``at`` (server clock)."""

    at: int
    offset: int  # the server's clock minus ours, at that run
    ids: frozenset[str]


@dataclass(frozen=True)
class Seen:
    runs: tuple[RunSeen, ...]  # oldest first; the last is the run the watermark is from


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _run(value: object) -> RunSeen | None:
    if not isinstance(value, dict):
        return None
    at, offset, ids = _int(value.get("at")), _int(value.get("offset")), value.get("ids")
    if at is None or offset is None or not isinstance(ids, list) \
            or not all(isinstance(i, str) for i in ids):
        return None
    return RunSeen(at, offset, frozenset(ids))


def parse_seen(text: str | None) -> Seen | None:
    """A ``*.seen`` watermark; None when absent or damaged (the next run then reads all)."""
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    runs = value.get("runs") if isinstance(value, dict) else None
    if not isinstance(runs, list) or not runs:
        return None
    parsed = [_run(r) for r in runs]
    if any(r is None for r in parsed):
        return None
    return Seen(tuple(sorted((r for r in parsed if r is not None), key=lambda r: r.at)))


def dump_seen(seen: Seen | None) -> str:
    if seen is None:
        return ""
    return json.dumps({"runs": [{"at": r.at, "offset": r.offset, "ids": sorted(r.ids)}
                                for r in seen.runs]})


class OverlapSpan:
    """One run's listing from ``start`` to now: the walks, the server's clock, the skips, and
    what this run read after its watermark (for the next runs)."""

    def __init__(self, *, clock: Callable[[], int], start: int, now: int, overlap: int,
                 synced_to: int | None, previous: Seen | None, what: str) -> None:
        self._clock = clock
        self.start = start
        self.now = now
        self.overlap = overlap
        self.what = what  # "orders" / "cases", for the log
        # Earlier reads help only when this span starts at the watermark's overlap; a run whose
        # split would fall at or before the start has nothing left to skip.
        usable = (previous is not None and synced_to == previous.runs[-1].at
                  and start == synced_to - overlap and overlap > SLACK)
        self.runs: list[RunSeen] = [] if previous is None or not usable else [
            r for r in previous.runs if start < r.at - SLACK]
        self.server_at: int | None = None  # this run's watermark in the server's clock
        self.offset: int | None = None
        self._dated = False
        self._read: set[str] = set()
        self.skipped = 0

    def on_page(self, page: Any) -> None:
        """Reads the server's clock from the run's first list page (each page comes here)."""
        if self._dated:
            return
        self._dated = True
        server, local = getattr(page, "server_time", None), self._clock()
        if server is None:
            log.info("%s: the list reply has no readable Date; the overlap is read again",
                     self.what)
        elif abs(server - local) > self.overlap:
            log.warning("%s: the server's Date is %+d s from this computer's clock; not used",
                        self.what, server - local)
        else:
            self.server_at, self.offset = server, server - local
            moved = [r.at for r in self.runs if not self._trusted(r)]
            if moved:
                log.info("%s: the server's clock moved against ours since %d run(s); their "
                         "part of the overlap is read again", self.what, len(moved))

    def _trusted(self, run: RunSeen) -> bool:
        return self.offset is not None and abs(self.offset - run.offset) <= JITTER

    def _read_after(self, item_id: str, at: int) -> bool:
        """Whether a trusted run with a watermark at or after ``at`` read ``item_id``."""
        return any(r.at >= at and item_id in r.ids and self._trusted(r) for r in self.runs)

    def _splits(self) -> list[int]:
        """The watermarks to split the overlap at: those of runs that read an id no later run
        read (a part ends at W - SLACK; without such ids a split would skip nothing more)."""
        splits: set[int] = set()
        later: set[str] = set()
        for r in sorted(self.runs, key=lambda r: r.at, reverse=True):
            if r.ids - later:
                splits.add(r.at)
            later |= r.ids
        return sorted(splits)

    async def ids(self, lister: Lister) -> AsyncIterator[str]:
        """Every id to read: each part of the overlap less what a run read after the part's
        end (+ SLACK), then everything in the new part."""
        low = self.start
        for split in self._splits():
            async for item_id in lister(low, split - SLACK, self.on_page):
                if self._read_after(item_id, split):
                    self.skipped += 1
                    continue
                yield item_id
            low = split - SLACK
        # The server's "now" may be ahead of ours (by less than the overlap): list up to it.
        end = max(self.now, self.server_at if self.server_at is not None else self.now) + 1
        async for item_id in lister(low, end, self.on_page):
            yield item_id

    def stamp(self) -> int | None:
        """At the start of a read: the server time it is known to follow, if any."""
        return self.server_at

    def read(self, item_id: str, update_time: int, stamp: int | None) -> None:
        """A read that started at ``stamp`` gave the item as of ``update_time``; only items a
        later overlap can list are kept."""
        if stamp is not None and update_time >= stamp - self.overlap:
            self._read.add(item_id)

    def watermark(self) -> int:
        return self.server_at if self.server_at is not None else self.now

    def seen(self) -> Seen | None:
        """This run's reads, after the trusted earlier runs the next run's overlap still holds."""
        if self.server_at is None or self.offset is None:
            return None
        next_start = self.server_at - self.overlap
        mine = set(self._read)
        runs = []
        for r in self.runs:
            if not self._trusted(r) or r.at - SLACK <= next_start or r.at > self.server_at \
                    or not r.ids:
                continue
            if r.at == self.server_at:  # the same second: both read after it
                mine |= r.ids
            else:
                runs.append(r)
        runs.append(RunSeen(self.server_at, self.offset, frozenset(mine)))
        runs = runs[-MAX_RUNS:]
        while runs and sum(len(r.ids) for r in runs) > MAX_SEEN:
            runs.pop(0)
        return Seen(tuple(runs)) if runs else None
