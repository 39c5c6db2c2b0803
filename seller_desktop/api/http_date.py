"""The HTTP ``Date`` header as unix seconds: the server's clock when it made a reply.

The sync uses it to keep its watermarks in the clock that stamps ``update_time`` (see
``sync/overlap.py``). Anything but a readable date with a time zone is None: the caller then
does without the server's clock.
"""

from __future__ import annotations

from email.utils import parsedate_to_datetime

MAX_LENGTH = 64  # "Sun, 06 Nov 1994 08:49:37 GMT" is 29; a longer header is not a date


def parse_http_date(text: str | None) -> int | None:
    """Unix seconds of an RFC 9110 date (IMF-fixdate or the obsolete RFC 850 form); None when
    absent, unreadable or without a zone (asctime's form states none)."""
    if not text or len(text) > MAX_LENGTH:
        return None
    try:
        when = parsedate_to_datetime(text)
        if when.tzinfo is None:  # "-0000": no zone stated, no clock we can compare
            return None
        return int(when.timestamp())
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None
