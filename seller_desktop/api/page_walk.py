"""Bounds on cursor paging (``next_key``): a server that pages for ever cannot hold a sync.

A walk stops with :class:`MalformedResponse` when a cursor comes back that it already followed
(a loop, not only the same key twice in a row), when pages keep coming without a single new id,
or past a page count derived from a sane shop size (the caller's ``max_items``). A broken walk
is an error, never a silent end: a list cut short would make the full product pass take the
products it did not see for deleted.
"""

from __future__ import annotations

from .errors import MalformedResponse

STALE_PAGES = 3  # pages in a row without a new id


class PageWalk:
    def __init__(self, path: str, page_size: int, max_items: int) -> None:
        self.path = path
        self.max_pages = max_items // max(1, page_size) + 2
        self.pages = 0
        self._keys: set[str] = set()
        self._stale = 0

    def page(self, next_key: str, new_ids: int) -> None:
        """Account for a page that gave ``new_ids`` unseen ids and points at ``next_key``
        (the walk goes on); raises when following it would not end."""
        self.pages += 1
        self._stale = 0 if new_ids else self._stale + 1
        if next_key in self._keys:
            raise MalformedResponse(errmsg=f"paging loops back to a cursor after "
                                           f"{self.pages} pages", path=self.path)
        if self._stale >= STALE_PAGES:
            raise MalformedResponse(errmsg=f"{self._stale} pages in a row without a new id",
                                    path=self.path)
        if self.pages >= self.max_pages:
            raise MalformedResponse(errmsg=f"more than {self.max_pages} pages", path=self.path)
        self._keys.add(next_key)
