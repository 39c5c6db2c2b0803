"""What a run remembers for the next runs' overlap (``sync/overlap.py``), without a server: the
``*.seen`` text read back (damaged: None), which runs are kept, the bounds."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest

from seller_desktop.sync import overlap
from seller_desktop.sync.overlap import OverlapSpan, RunSeen, Seen, dump_seen, parse_seen

W = 1_800_000_000


def test_seen_round_trips_and_damage_reads_as_none() -> None:
    seen = Seen((RunSeen(W - 60, 0, frozenset({"b"})), RunSeen(W, 1, frozenset({"a", "c"}))))
    assert parse_seen(dump_seen(seen)) == seen
    assert dump_seen(None) == "" and parse_seen("") is None and parse_seen(None) is None
    for damaged in ("{", "[]", '{"runs": []}', '{"runs": [{"at": 1, "offset": 0}]}',
                    '{"runs": [{"at": true, "offset": 0, "ids": []}]}',
                    '{"runs": [{"at": 1, "offset": 0, "ids": [1]}]}', '{"runs": [3]}'):
        assert parse_seen(damaged) is None, damaged


def span(previous: Seen | None, *, now: int = W + 30, synced_to: int = W,
         overlap: int = 300) -> OverlapSpan:
    return OverlapSpan(clock=lambda: now, start=synced_to - overlap, now=now, overlap=overlap,
                       synced_to=synced_to, previous=previous, what="orders")


def listed(pages: dict[tuple[int, int], list[str]]):
    """A lister answering each walk from ``pages``; records the walks it was asked for."""
    walks: list[tuple[int, int]] = []

    async def lister(start: int, end: int, on_page) -> AsyncIterator[str]:
        walks.append((start, end))
        on_page(SimpleNamespace(server_time=W + 30))
        for item_id in pages.get((start, end), []):
            yield item_id

    return lister, walks


async def collect(s: OverlapSpan, lister) -> list[str]:
    return [i async for i in s.ids(lister)]


def test_the_overlap_is_split_only_where_a_run_read_something_of_its_own() -> None:
    earlier = RunSeen(W - 100, 0, frozenset({"x", "y"}))
    empty = RunSeen(W - 50, 0, frozenset())  # read nothing new: no part of its own
    last = RunSeen(W, 0, frozenset({"y", "z"}))
    s = span(Seen((earlier, empty, last)))
    lister, walks = listed({(W - 300, W - 105): ["x", "q"], (W - 105, W - 5): ["y", "z", "x"],
                            (W - 5, W + 31): ["n", "z"]})
    got = asyncio.run(collect(s, lister))
    assert walks == [(W - 300, W - 105), (W - 105, W - 5), (W - 5, W + 31)]
    # x was read after W - 100 only: skipped before W - 105, read after (it may have changed)
    assert got == ["q", "x", "n", "z"] and s.skipped == 3


def test_an_untrusted_or_unusable_past_reads_everything() -> None:
    last = RunSeen(W, 5, frozenset({"a"}))  # the server was 5 s ahead of us then
    s = span(Seen((last,)))
    lister, _ = listed({(W - 300, W - 5): ["a"], (W - 5, W + 31): []})
    assert asyncio.run(collect(s, lister)) == ["a"]  # and is 0 s ahead now: it moved
    # a span that does not start at the watermark's overlap (a floor, a full run) walks once
    s = OverlapSpan(clock=lambda: W + 30, start=W - 1000, now=W + 30, overlap=300,
                    synced_to=W, previous=Seen((last,)), what="orders")
    lister, walks = listed({})
    asyncio.run(collect(s, lister))
    assert walks == [(W - 1000, W + 31)]


def test_seen_keeps_the_runs_the_next_overlap_holds_within_the_bounds(monkeypatch) -> None:
    old = RunSeen(W - 290, 30, frozenset({"old"}))  # W + 30 - 300 ≥ W - 290 - 5: dropped
    kept = RunSeen(W - 100, 30, frozenset({"k"}))
    moved = RunSeen(W - 90, 27, frozenset({"m"}))  # offset 27 vs 30: not trusted
    last = RunSeen(W, 30, frozenset({"l"}))
    s = span(Seen((old, kept, moved, last)))
    s.on_page(SimpleNamespace(server_time=W + 60))  # our clock W + 30: offset 30
    s.read("new", W + 10, s.stamp())
    s.read("stale", W + 60 - 301, s.stamp())  # older than any later overlap: not kept
    s.read("early", W + 50, None)  # started before the Date was known: not kept
    seen = s.seen()
    assert seen is not None and s.watermark() == W + 60
    assert [r.at for r in seen.runs] == [W - 100, W, W + 60]
    assert seen.runs[-1].ids == {"new"}
    monkeypatch.setattr(overlap, "MAX_SEEN", 1)
    assert s.seen() == Seen((RunSeen(W + 60, 30, frozenset({"new"})),))


@pytest.mark.parametrize("server_time", [None, W + 30 + 301, W + 30 - 301])
def test_without_a_usable_date_the_watermark_is_ours_and_nothing_is_kept(server_time) -> None:
    s = span(None)
    s.on_page(SimpleNamespace(server_time=server_time))
    s.read("a", W + 20, s.stamp())
    assert s.stamp() is None and s.watermark() == W + 30 and s.seen() is None
