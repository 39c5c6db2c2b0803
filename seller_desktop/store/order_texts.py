"""Every order's searchable text held in memory (``OrderTexts``), and the 1–2 character
search over it: no SQL index serves such terms (the trigram index starts at 3).

The texts are kept twice: one string per order, and joined into a few long strings. A word
most orders do not hold is found in the joined strings, anchored on its rarest character
(``str.find`` of one character runs at ``memchr`` speed): a few ms at 200,000 orders, where a
test per order took 25-45 ms. A word most orders hold is tested order by order, in C (no
Python per order). Which of the two: the anchor's frequency in a sample of the orders, and
a budget of anchors that switches to the test per order when the sample misjudged. The
full-text index's matches are placed in the texts' order by rowid (``positions``).
"""

from __future__ import annotations

import re
import sqlite3
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import compress, islice, repeat
from operator import contains

from .order_matches import OrderMatches, in_steps

ORDER_TEXT = ("order_id", "line_titles", "user_name", "address_text", "customer_notes",
              "merchant_notes", "present_note")
# The 全部 tab's order, which the matches keep (see OrderMatches)
ALL_ORDER = "create_time DESC, order_id"
MATCH_COLS = "rowid, status, ship_by, create_time"

_SEP = "\x1f"  # between an order's columns, and
_END = "\x1e"  # between orders in the joined text: control characters, never in a term
_WIDE = "\x1d"  # in the joined text for a character beyond U+FFFF (also never in a term)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Orders joined into one string: joining 200,000 held the GIL (so the window) for 25 ms
_PART = 8192
_SAMPLE = 1024  # orders whose characters are counted to choose an anchor
# Finding an anchor costs about 1.4 µs where it is a match (a 1-character word), 0.5 µs where
# it is not; testing an order 80 ns (one character) to 150 ns (two). So a word is found by its
# anchor while that occurs less than once in 16 orders (1 character) or in 4 (longer), else
# every order is tested.
_ANCHORS_PER_ORDER = (1 / 16, 1 / 4)  # a word of 1 character, a longer one


def data_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _joined(texts: list[str]) -> str:
    """``texts`` joined by _END, between two _END, every character beyond U+FFFF made _WIDE:
    one emoji would store every character in 4 bytes (twice the memory and the time)."""
    part = _END.join(["", *texts, ""])
    if len(part.encode("utf-16-le", "surrogatepass")) != 2 * len(part):
        part = _ASTRAL.sub(_WIDE, part)
    return part


class OrderTexts:
    """Every order's searchable text, read through one connection at its data version (read
    again after a commit moved it): about 1.3 s at 200,000 orders, in a worker thread."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn  # compared by identity (sqlite3 connections take no weak references)
        self.version = data_version(conn)
        joined = f" || char({ord(_SEP)}) || ".join(f"coalesce({c}, '')" for c in ORDER_TEXT)
        # Each order's (rowid, status, ship_by, create_time) in four arrays, not 200,000
        # tuples: tuples kept alive pile up for the cyclic GC, whose full pass then held the
        # GIL, and so the UI thread, for 35 ms in the middle of the read.
        self.columns = tuple(array("q") for _ in range(4))
        self.texts: list[str] = []
        # order i is at starts[i] + 1 to starts[i + 1] (two _END) of all the parts joined
        self.starts = array("q")
        # rowid → position + 1 (0: none), for the full-text index's matches; None when the
        # rowids are too sparse for it
        top, count = conn.execute("SELECT coalesce(max(rowid), 0), count(*) FROM orders").fetchone()
        at_rowid = array("q", bytes(8 * (top + 1))) if top <= 4 * count + 1024 else None
        rowids, statuses, ship_bys, creates = (a.append for a in self.columns)
        texts, starts, tels, end = self.texts.append, self.starts.append, {}, 0
        # Python's loop (not one C call over every order) gives the UI thread the GIL
        for i, (rowid, status, ship_by, created, tel, text) in enumerate(conn.execute(
                f"SELECT {MATCH_COLS}, coalesce(tel_last4, ''), {joined} FROM orders "
                f"ORDER BY {ALL_ORDER}")):
            rowids(rowid)
            statuses(status)
            ship_bys(ship_by)
            creates(created)
            texts(text)
            starts(end)
            end += len(text) + 1
            if at_rowid is not None and 0 < rowid <= top:  # above: a commit since max()
                at_rowid[rowid] = i + 1
            if tel in tels:
                tels[tel].append(i)
            else:
                tels[tel] = [i]
        starts(end)
        self._at_rowid = at_rowid
        # tel_last4 → rows (equal to a term: a match), tuples of ints, which the collector
        # stops tracking (up to 10,000 last-4 digits)
        self.tels: dict[str, tuple[int, ...]] = {tel: tuple(rows) for tel, rows in tels.items()}
        # part j holds the orders from j * _PART, its first character at starts[j * _PART]
        self.parts = [_joined(self.texts[first:first + _PART])
                      for first in range(0, len(self.texts), _PART)]
        step = max(1, len(self.texts) // _SAMPLE)
        self._sampled = len(range(0, len(self.texts), step))
        self._sample = Counter("".join(islice(self.texts, 0, None, step)))

    def __len__(self) -> int:
        return len(self.texts)

    def _anchors(self, char: str) -> float:
        """How many times ``char`` occurs in all the orders, going by the sample."""
        return self._sample[char] * len(self.texts) / max(self._sampled, 1)

    def _anchor(self, word: str) -> int:
        """The position in ``word`` of its rarest character."""
        return min(range(len(word)), key=lambda k: self._sample[word[k]])

    def _tested(self, word: str, first: int = 0) -> array:
        """The orders from ``first`` on holding ``word``, one ``in`` per order (in C)."""
        return in_steps(range(first, len(self.texts)), lambda part: compress(
            part, map(contains, self.texts[part[0]:part[-1] + 1], repeat(word))))

    def _found(self, word: str) -> array:
        """The orders holding ``word``, in order."""
        k = self._anchor(word)
        budget = len(self.texts) * _ANCHORS_PER_ORDER[len(word) > 1]
        if max(word) > "\uffff" or self._anchors(word[k]) > budget:
            return self._tested(word)
        anchor, starts, hits = word[k], self.starts, array("q")
        for j, part in enumerate(self.parts):
            first, base = j * _PART, starts[j * _PART]
            last = min(first + _PART, len(self.texts))
            find, at, pos = part.find, part.startswith, 0
            while (p := find(anchor, pos)) >= 0:
                budget -= 1
                if budget < 0:  # the sample misjudged this character: test the rest one by one
                    hits.extend(self._tested(word, bisect_right(starts, base + p, first, last) - 1))
                    return hits
                if p >= k and at(word, p - k):  # the word holds no _END: all within one order
                    i = bisect_right(starts, base + p, first, last) - 1
                    hits.append(i)
                    pos = starts[i + 1] - base  # on to the next order
                else:
                    pos = p + 1
        return hits

    def matching(self, words: list[str], among: Sequence[int] | None = None) -> OrderMatches:
        """The orders (of ``among``, ascending positions, if given) where every word is in a
        text column or equals ``tel_last4`` (the rules of ``text_search`` for short terms)."""
        if among is None:
            if not words:  # nothing to look for (a query of spaces or control characters)
                return OrderMatches.at(self.columns, range(len(self.texts)))
            # the rarest word finds the fewest orders for the others to test
            first, *words = sorted(words, key=lambda w: self._sample[w[self._anchor(w)]])
            among = self._found(first)
            if first in self.tels:
                among = array("q", sorted({*among, *self.tels[first]}))
        texts = self.texts
        for word in words:
            if word in self.tels:
                tel = set(self.tels[word])
                among = array("q", (i for i in among if i in tel or word in texts[i]))
            else:
                among = in_steps(among, lambda part, word=word: compress(
                    part, map(contains, map(texts.__getitem__, part), repeat(word))))
        return OrderMatches.at(self.columns, among)

    def positions(self, rowids: Iterable[int]) -> array | None:
        """The positions of the orders ``rowids``, ascending (the 全部 order); None when one
        is not held (a commit since the texts were read)."""
        at_rowid = self._at_rowid
        if at_rowid is None:
            return None
        found = array("q")
        for rowid in rowids:
            at = at_rowid[rowid] if 0 < rowid < len(at_rowid) else 0
            if not at:
                return None
            found.append(at - 1)
        return array("q", sorted(found))
